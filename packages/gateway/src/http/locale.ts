import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The languages a kommun's own texts (categories, questions, notes) can be given in. Swedish is
 * the config's own language and every text has it; another locale is added here and in the
 * settings' `translations` blocks.
 */
export const contentLocales = ['sv', 'en'] as const;
export type ContentLocale = (typeof contentLocales)[number];

/** The config's own language, and what a request without `Accept-Language` (a plain Open311 client) gets. */
export const defaultLocale: ContentLocale = 'sv';

const isContentLocale = (tag: string): tag is ContentLocale => (contentLocales as readonly string[]).includes(tag);

/**
 * The best supported locale for an `Accept-Language` header (RFC 9110: ranges with optional
 * `q` weights, the highest weight first, ties in their given order). A range matches by its
 * primary subtag (`en-GB` → `en`); `*`, unknown languages, `q=0` and unreadable parts are passed
 * over. Swedish when nothing matches.
 */
export function negotiateLocale(header: string | undefined): ContentLocale {
  if (!header) return defaultLocale;
  const ranges: { tag: string; q: number; order: number }[] = [];
  // A header is short in practice; a longer one is read only as far as a sane length.
  header
    .slice(0, 512)
    .split(',')
    .slice(0, 32)
    .forEach((part, order) => {
      const [range = '', ...params] = part.split(';').map((piece) => piece.trim());
      const weight = params.find((param) => /^q=/i.test(param));
      const q = weight === undefined ? 1 : /^q=(0(\.\d{0,3})?|1(\.0{0,3})?)$/i.test(weight) ? Number(weight.slice(2)) : 0;
      const tag = range.toLowerCase().split('-')[0] ?? '';
      if (q > 0 && /^[a-z]{1,8}$/.test(tag)) ranges.push({ tag, q, order });
    });
  ranges.sort((a, b) => b.q - a.q || a.order - b.order);
  return ranges.find((range) => isContentLocale(range.tag))?.tag as ContentLocale | undefined ?? defaultLocale;
}

/** Browsers send one of a few headers over and over: each is read once (at most this many kept at a time). */
const negotiated = new Map<string, ContentLocale>();
const maxNegotiated = 256;

function negotiatedLocale(header: string | undefined): ContentLocale {
  if (!header) return defaultLocale;
  let locale = negotiated.get(header);
  if (locale === undefined) {
    locale = negotiateLocale(header);
    if (negotiated.size >= maxNegotiated) negotiated.clear();
    if (header.length <= 512) negotiated.set(header, locale);
  }
  return locale;
}

/**
 * The locale an answer is written in, from the request's `Accept-Language`. The answer says
 * so (`Content-Language`) and that it depends on the header (`Vary`, kept with any other
 * `Vary` already set, such as CORS's `Origin`), so shared caches keep one copy per language.
 */
export function answerLocale(request: FastifyRequest, reply: FastifyReply): ContentLocale {
  const locale = negotiatedLocale(request.headers['accept-language']);
  void reply.header('vary', withVary(reply.getHeader('vary'), 'Accept-Language')).header('content-language', locale);
  return locale;
}

/** The Vary lists already seen with the name added (a reply has one of a few). */
const varied = new Map<string, string>();

/** A `Vary` value with `name` in it, as RFC 9110 §12.5.5 lists them (`*` already covers every name). */
function withVary(vary: unknown, name: string): string {
  const current = Array.isArray(vary) ? vary.join(', ') : typeof vary === 'string' ? vary : '';
  const key = `${current}\0${name}`;
  let value = varied.get(key);
  if (value === undefined) {
    const names = current.split(',').map((part) => part.trim()).filter(Boolean);
    value = names.some((part) => part === '*' || part.toLowerCase() === name.toLowerCase()) ? current : [...names, name].join(', ');
    if (varied.size < 64) varied.set(key, value);
  }
  return value;
}

/** The locales a config text can be translated into. */
export type TranslationLocale = Exclude<ContentLocale, typeof defaultLocale>;

/** The translations for `locale` of a config block, or none for Swedish (the block's own texts). */
export const translationIn = <Texts>(translations: Partial<Record<TranslationLocale, Texts>> | undefined, locale: ContentLocale): Texts | undefined =>
  locale === defaultLocale ? undefined : translations?.[locale];
