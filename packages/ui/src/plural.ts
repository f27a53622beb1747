import { getLocale } from './localization.js';
import { intlLocale } from './numbers.js';

/**
 * The forms of a counted phrase, each already translated (`msg()`), keyed by the plural
 * category `Intl.PluralRules` gives. Swedish and English need `one` and `other`; a locale with
 * more categories adds them, and a category left out falls back to `other`.
 */
export type PluralForms = { one: string; other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

const rules = new Map<string, Intl.PluralRules>();

/**
 * The form `count` takes in the widget's language: `plural(n, { one: msg(str`${n} bild`),
 * other: msg(str`${n} bilder`) })`. The locale is the page's widget locale unless given.
 */
export function plural(count: number, forms: PluralForms, lang: string = getLocale()): string {
  const locale = intlLocale(lang);
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  return forms[rule.select(count)] ?? forms.other;
}
