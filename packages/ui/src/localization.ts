import { configureLocalization, type LocaleModule } from '@lit/localize';

/** Swedish is the source language; every other locale must be complete. */
export const sourceLocale = 'sv';
export const targetLocales = ['en'] as const;
export type TargetLocale = (typeof targetLocales)[number];
export type Locale = typeof sourceLocale | TargetLocale;

type Loader = () => Promise<LocaleModule>;

/**
 * Translations come from several packages (ui and each service), but lit-localize can be
 * configured once per page, so each package registers its loader here and a locale is the
 * merge of all of them.
 */
const loaders = new Map<TargetLocale, Loader[]>(targetLocales.map((locale) => [locale, []]));

export function registerTranslations(locale: TargetLocale, loader: Loader): void {
  loaders.get(locale)?.push(loader);
}

registerTranslations('en', () => import('./locales/en.js'));

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: async (locale) => {
    const modules = await Promise.all((loaders.get(locale as TargetLocale) ?? []).map((load) => load()));
    const templates: LocaleModule['templates'] = {};
    for (const module of modules) Object.assign(templates, module.templates);
    return { templates };
  },
});

export { getLocale };

/** Maps a BCP 47 tag (`en-GB`, `sv-SE`) to a supported locale, Swedish when unknown. */
export function matchLocale(lang: string | null | undefined): Locale {
  const base = (lang ?? '').trim().toLowerCase().split('-')[0] ?? '';
  return (targetLocales as readonly string[]).includes(base) ? (base as TargetLocale) : sourceLocale;
}

/** The language an element should speak: its own `lang`, else the nearest ancestor's, else the page's. */
export function resolveLang(element: Element): Locale {
  const carrier = element.closest('[lang]:not([lang=""])');
  return matchLocale(carrier?.getAttribute('lang') ?? element.ownerDocument.documentElement.lang);
}

/**
 * Switches the page's widgets to `locale`. lit-localize keeps one active locale per page, so
 * widgets on one page share it; the last widget to ask wins.
 */
export async function useLocale(locale: Locale): Promise<void> {
  if (getLocale() !== locale) await setLocale(locale);
}
