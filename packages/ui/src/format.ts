import { intlLocale, numberFormat } from './numbers.js';

export { formatNumber, intlLocale } from './numbers.js';

/**
 * Dates, times and money as a citizen reads them, through `Intl`. Every function takes the
 * widget's resolved locale (`getLocale()`: `sv`, `en`; a BCP 47 tag such as `en-GB` works too)
 * and never throws: input it cannot read comes back as it was given.
 *
 * Times are always shown in Europe/Stockholm, whatever zone the browser (or a test machine)
 * is in: a booking at 14:00 is at 14:00 in the kommun, also for a citizen abroad.
 */
export const timeZone = 'Europe/Stockholm';

/** An instant as a `Date` or an ISO 8601 string (see `toDate`). */
export type DateInput = Date | string;

// Creating an Intl formatter costs far more than using one, and lists format many values.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

type DateKind = 'date' | 'dateTime' | 'time' | 'timeWithZone' | 'dayKey' | 'wall';

const dateOptions: Record<DateKind, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'long' },
  dateTime: { dateStyle: 'long', timeStyle: 'short' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  timeWithZone: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' },
  // Calendar day and wall clock in Stockholm, for comparisons and offsets (not shown).
  dayKey: { year: 'numeric', month: '2-digit', day: '2-digit' },
  wall: { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' },
};

function dateFormat(locale: string, kind: DateKind): Intl.DateTimeFormat {
  const key = `${locale}|${kind}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...dateOptions[kind], timeZone });
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** Stockholm's UTC offset in milliseconds at an instant. */
function offsetAt(time: number): number {
  const parts = dateFormat('en-GB', 'wall').formatToParts(time);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const wall = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
  return wall - Math.floor(time / 1000) * 1000;
}

/** The instant at which Stockholm's clocks show this wall time. */
function fromStockholmWall(wall: number): number {
  const first = wall - offsetAt(wall);
  const second = wall - offsetAt(first);
  return second;
}

const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * Reads a `Date` or an ISO 8601 string; `undefined` when it is not a valid date. A string
 * with `Z` or an offset is that instant. A string without one (`2026-12-01T14:30`, or a
 * date alone) is a wall time in Stockholm, never in the browser's zone as `new Date()` would
 * read it.
 */
export function toDate(value: DateInput): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string') return undefined;
  const match = isoPattern.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone] = match;
  const fields = [Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)] as const;
  const wall = Date.UTC(...fields, Number(fraction.padEnd(3, '0').slice(0, 3)));
  const check = new Date(wall);
  // Date.UTC rolls 31 February over to March: reject what it had to correct.
  if (check.getUTCMonth() !== fields[1] || check.getUTCDate() !== fields[2] || fields[3] > 23 || fields[4] > 59 || fields[5] > 59)
    return undefined;
  if (!zone) return new Date(fromStockholmWall(match[4] === undefined ? wall + 12 * 3_600_000 : wall));
  if (zone.toUpperCase() === 'Z') return new Date(wall);
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offset = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0')) * 60_000;
  return new Date(wall - sign * offset);
}

const unchanged = (value: DateInput): string => (typeof value === 'string' ? value : '');

/** "1 december 2026" / "1 December 2026". */
export function formatDate(value: DateInput, lang?: string): string {
  const date = toDate(value);
  return date ? dateFormat(intlLocale(lang), 'date').format(date) : unchanged(value);
}

/** "1 december 2026 kl. 14:30" / "1 December 2026 at 14:30". */
export function formatDateTime(value: DateInput, lang?: string): string {
  const date = toDate(value);
  return date ? dateFormat(intlLocale(lang), 'dateTime').format(date) : unchanged(value);
}

/** "14:30". */
export function formatTime(value: DateInput, lang?: string): string {
  const date = toDate(value);
  return date ? dateFormat(intlLocale(lang), 'time').format(date) : unchanged(value);
}

const dayKey = (date: Date): string => dateFormat('en-GB', 'dayKey').format(date);

/**
 * A time span: "14:00–15:30" within one day (show the date beside it), "1 december 2026
 * kl. 14:00 – 2 december 2026 kl. 10:00" across days. A span over the autumn DST switch whose
 * clock times repeat gets the zone names ("02:30 CEST–02:30 CET"), never one time for two.
 */
export function formatTimeRange(start: DateInput, end: DateInput, lang?: string): string {
  const from = toDate(start);
  const to = toDate(end);
  if (!from || !to) return `${unchanged(start)}–${unchanged(end)}`;
  const locale = intlLocale(lang);
  if (to.getTime() < from.getTime()) return `${formatDateTime(from, lang)} – ${formatDateTime(to, lang)}`;
  if (dayKey(from) === dayKey(to)) {
    if (offsetAt(from.getTime()) !== offsetAt(to.getTime())) {
      const withZone = dateFormat(locale, 'timeWithZone');
      return `${withZone.format(from)}–${withZone.format(to)}`;
    }
    return dateFormat(locale, 'time').formatRange(from, to);
  }
  // Swedish spaces the dash when the ends contain spaces ("1 december – 2 december"); ICU
  // does so for English only.
  return dateFormat(locale, 'dateTime')
    .formatRangeToParts(from, to)
    .map((part) => (part.source === 'shared' && part.value.trim() === '–' ? ' – ' : part.value))
    .join('');
}

/**
 * "1 234,50 kr" / "SEK 1,234.50". `amount` is in minor units (öre), an integer, the way the
 * contract carries money: floats cannot hold 0,10 kr exactly. The decimal string handed to
 * Intl is built from integers, so nothing is rounded. `fraction: 'auto'` drops ",00" from
 * whole amounts (prices, "250 kr"); invoices keep the default `'always'`. Anything but a safe
 * integer comes back as text unchanged.
 */
export function formatMoney(
  amount: number,
  lang?: string,
  options: { currency?: string; fraction?: 'always' | 'auto' } = {},
): string {
  if (!Number.isSafeInteger(amount)) return String(amount);
  const currency = options.currency ?? 'SEK';
  const whole = options.fraction === 'auto' && amount % 100 === 0;
  const digits = whole ? 0 : 2;
  const locale = intlLocale(lang);
  let format: Intl.NumberFormat;
  try {
    format = numberFormat(locale, `money|${currency}|${digits}`, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  } catch {
    return String(amount); // an invalid currency code
  }
  const absolute = Math.abs(amount);
  const decimal = `${amount < 0 ? '-' : ''}${Math.trunc(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
  // A decimal string is formatted exactly (Intl.NumberFormat v3); the type only knows numbers.
  return format.format(decimal as unknown as number);
}

/**
 * Makes the formatters a first view will use, ahead of it: a page's first Intl formatter
 * costs tens of milliseconds in Chromium (its locale data), so a widget calls this right after
 * its first view's requests have left, and that cost is paid while they are on their way
 * instead of after they have answered.
 */
export function prepareFormats(lang: string | undefined, kinds: readonly ('money' | 'date')[]): void {
  if (kinds.includes('money')) formatMoney(100, lang);
  if (kinds.includes('date')) dateFormat(intlLocale(lang), 'date');
}

/** "1 timme och 30 minuter" / "1 hour and 30 minutes", from whole minutes. */
export function formatDuration(minutes: number, lang?: string): string {
  if (!Number.isSafeInteger(minutes) || minutes < 0) return String(minutes);
  const locale = intlLocale(lang);
  const unit = (name: 'hour' | 'minute', value: number) =>
    numberFormat(locale, name, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [hours > 0 ? unit('hour', hours) : '', rest > 0 || hours === 0 ? unit('minute', rest) : ''].filter(Boolean);
  let list = listFormats.get(locale);
  if (!list) {
    list = new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' });
    listFormats.set(locale, list);
  }
  return list.format(parts);
}
