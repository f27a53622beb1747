import type { LocaleModule } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { useTemplates } from './msg.js';

export { msg, str } from './msg.js';

/** Swedish is the source language; every other locale must be complete. */
export const sourceLocale = 'sv';
export const targetLocales = ['en'] as const;
export type TargetLocale = (typeof targetLocales)[number];
export type Locale = typeof sourceLocale | TargetLocale;

type Loader = () => Promise<LocaleModule>;

/**
 * Translations come from several packages (ui and each service), so each package registers
 * its loader here and a locale is the merge of all of them.
 */
const loaders = new Map<TargetLocale, Loader[]>(targetLocales.map((locale) => [locale, []]));

export function registerTranslations(locale: TargetLocale, loader: Loader): void {
  loaders.get(locale)?.push(loader);
}

registerTranslations('en', () => import('./locales/en.js'));

/** kommunkit's own active locale: see `msg.ts` for why it is not lit-localize's. */
let active: Locale = sourceLocale;
let request = 0;

const listeners = new Set<() => void>();

/** Calls `listener` whenever kommunkit's locale changes; returns the function that stops it. */
export function onLocaleChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Renders its host again whenever kommunkit's locale changes. */
export class LocaleController implements ReactiveController {
  private stop?: () => void;
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void {
    this.stop = onLocaleChange(() => this.host.requestUpdate());
  }
  hostDisconnected(): void {
    this.stop?.();
  }
}

export const getLocale = (): Locale => active;

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
 * Switches the page's widgets to `locale`. One locale is active per page (`msg` has no way to
 * know which widget renders), so widgets on one page share it; the last widget to ask wins.
 */
export async function useLocale(locale: Locale): Promise<void> {
  const mine = ++request;
  const modules = locale === sourceLocale ? [] : await Promise.all((loaders.get(locale) ?? []).map((load) => load()));
  const next: LocaleModule['templates'] | undefined = locale === sourceLocale ? undefined : {};
  for (const module of modules) Object.assign(next ?? {}, module.templates);
  if (mine !== request || locale === active) return;
  active = locale;
  useTemplates(next);
  for (const listener of listeners) listener();
}
