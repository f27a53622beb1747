import type { Locale } from './localization.js';

/**
 * Numbers and the Intl locale, apart from `format.ts`'s dates: form parts (the character count)
 * need only these, and keeping them here keeps date formatting off every form's first load.
 */

const intlLocales: Record<Locale, string> = { sv: 'sv-SE', en: 'en-GB' };

/** The Intl locale for a widget locale; Swedish for anything unsupported. */
export function intlLocale(lang: string | undefined): string {
  const base = (lang ?? '').trim().toLowerCase().split('-')[0] ?? '';
  return Object.hasOwn(intlLocales, base) ? intlLocales[base as Locale] : intlLocales.sv;
}

// Creating an Intl formatter costs far more than using one, and lists format many values.
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A cached `Intl.NumberFormat` for `locale` and `options`, under `key`. */
export function numberFormat(locale: string, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const cacheKey = `${locale}|${key}`;
  let format = numberFormats.get(cacheKey);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(cacheKey, format);
  }
  return format;
}

/** "4 000" / "4,000". */
export function formatNumber(value: number, lang?: string): string {
  return Number.isFinite(value) ? numberFormat(intlLocale(lang), 'number', {}).format(value) : String(value);
}
