/**
 * Europe/Stockholm wall time ↔ instants, DST-correct.
 *
 * Intl alone, no library: Node ships full ICU with the IANA tz database, and luxon and
 * @date-fns/tz are wrappers over the same Intl data. Neither implements the rule lokalbokning
 * needs for a wall time in the spring-forward gap (both shift it by the gap's length, 02:30 →
 * 03:30, where we want the first real instant after the gap, 03:00), so the resolution below
 * would be ours anyway; what is left is one cached formatter and a few lines of arithmetic.
 * Dates (`YYYY-MM-DD`) are calendar values with no zone: their arithmetic runs on UTC midnights.
 */

export const zone = 'Europe/Stockholm';

const minuteMs = 60_000;
const dayMs = 86_400_000;

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: zone,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The Stockholm wall time of an instant, read from Intl (milliseconds, whole seconds). */
function formattedWallMs(ms: number): number {
  const parts = formatter.formatToParts(ms);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

const hourMs = 3_600_000;
/** Offsets by UTC hour; bounded, since a long-running gateway sees ever new hours. */
const offsetByHour = new Map<number, number>();

/**
 * Stockholm's offset at an instant, in milliseconds. formatToParts costs microseconds and a
 * week's availability asks thousands of times, so the offset is kept per UTC hour: Stockholm's
 * transitions fall on whole UTC hours (01:00 UTC), and an hour whose two ends disagree (a
 * transition inside it, as in 1879) is never kept, so it is read exactly each time.
 */
function offsetMs(ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const hour = Math.floor(whole / hourMs);
  const known = offsetByHour.get(hour);
  if (known !== undefined) return known;
  const start = hour * hourMs;
  const atStart = formattedWallMs(start) - start;
  const atEnd = formattedWallMs(start + hourMs - 1000) - (start + hourMs - 1000);
  if (atStart !== atEnd) return formattedWallMs(whole) - whole;
  if (offsetByHour.size >= 100_000) offsetByHour.clear();
  offsetByHour.set(hour, atStart);
  return atStart;
}

/** The Stockholm wall time of an instant, expressed as if it were UTC (milliseconds, whole seconds). */
function wallMs(instant: Date): number {
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return whole + offsetMs(whole);
}

/** Stockholm's offset from UTC at an instant, in minutes (+60 in winter, +120 in summer). */
export function offsetMinutes(instant: Date): number {
  return Math.round(offsetMs(instant.getTime()) / minuteMs);
}

const pad = (value: number, length = 2): string => String(value).padStart(length, '0');

function isoDateOfUtc(ms: number): string {
  const date = new Date(ms);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** `2026-03-29T10:00:00+02:00`: seconds included, no milliseconds, the Stockholm offset. */
export function toOffsetIso(instant: Date): string {
  const offset = offsetMinutes(instant);
  const wall = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offset * minuteMs);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${isoDateOfUtc(wall.getTime())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The Stockholm calendar date of an instant, `YYYY-MM-DD`. */
export function localDateOf(instant: Date): string {
  return isoDateOfUtc(wallMs(instant));
}

/** The Stockholm wall clock of an instant, `HH:MM` (seconds dropped). */
export function localTimeOf(instant: Date): string {
  const wall = new Date(wallMs(instant));
  return `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}

/** Minutes since local midnight of the instant's own local date (0–1439). */
export function localMinutesOf(instant: Date): number {
  const wall = wallMs(instant);
  return Math.floor((wall - Math.floor(wall / dayMs) * dayMs) / minuteMs);
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timePattern = /^(\d{2}):(\d{2})$/;

/** UTC midnight of a `YYYY-MM-DD` date, in milliseconds; throws on a malformed or unreal date. */
/** Parsed dates: a week's availability turns the same few dates into numbers thousands of times. Bounded. */
const msByDate = new Map<string, number>();

function dateMs(date: string): number {
  const known = msByDate.get(date);
  if (known !== undefined) return known;
  const match = datePattern.exec(date);
  if (match === null || !isRealDate(date)) throw new RangeError(`Not a date: ${date}`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (msByDate.size >= 10_000) msByDate.clear();
  msByDate.set(date, ms);
  return ms;
}

/** Minutes after midnight of `HH:MM` (00:00–24:00). */
export function clockMinutes(time: string): number {
  const match = timePattern.exec(time);
  const minutes = match === null ? Number.NaN : Number(match[1]) * 60 + Number(match[2]);
  if (!(minutes >= 0 && minutes <= 24 * 60 && Number(match?.[2]) < 60)) throw new RangeError(`Not a clock time: ${time}`);
  return minutes;
}

/**
 * Every instant whose Stockholm wall time is `minutes` after local midnight of `date`, earliest
 * first: none in the spring-forward gap, two in the autumn overlap, otherwise one. `minutes` may
 * pass 1440 (the next day's wall time).
 */
export function instantsAtMinutes(date: string, minutes: number): Date[] {
  const wall = dateMs(date) + minutes * minuteMs;
  // The offsets in force a day either side cover every offset the wall time can have.
  const offsets = new Set([offsetMinutes(new Date(wall - dayMs)), offsetMinutes(new Date(wall + dayMs))]);
  const found: Date[] = [];
  for (const offset of offsets) {
    const candidate = new Date(wall - offset * minuteMs);
    if (offsetMinutes(candidate) === offset) found.push(candidate);
  }
  return found.sort((a, b) => a.getTime() - b.getTime());
}

/** The instant of a Stockholm wall time given as minutes after local midnight of `date`; see {@link instantAt}. */
export function instantAtMinutes(date: string, minutes: number): Date {
  const found = instantsAtMinutes(date, minutes);
  if (found[0] !== undefined) return found[0];
  // In the gap: the first real instant after it is the moment the offset changes. It lies
  // between the wall time read with the later (larger) offset and with the earlier one.
  const wall = dateMs(date) + minutes * minuteMs;
  const before = offsetMinutes(new Date(wall - dayMs));
  let low = wall - offsetMinutes(new Date(wall + dayMs)) * minuteMs; // still the old offset
  let high = wall - before * minuteMs; // already the new offset
  while (high - low > 1000) {
    const middle = low + Math.floor((high - low) / 2000) * 1000;
    if (offsetMinutes(new Date(middle)) === before) low = middle;
    else high = middle;
  }
  return new Date(high);
}

/**
 * The instant of a Stockholm date and `HH:MM` (`24:00` is the next day's 00:00). A wall time in
 * the spring-forward gap moves forward to the first real instant after it (02:30 → 03:00); an
 * ambiguous one in the autumn overlap takes the earlier instant (summer time).
 */
export function instantAt(date: string, time: string): Date {
  return instantAtMinutes(date, clockMinutes(time));
}

export function addDays(date: string, days: number): string {
  return isoDateOfUtc(dateMs(date) + days * dayMs);
}

/** 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(dateMs(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** `YYYY-MM-DD` naming a day that exists: `2026-02-30` is false. */
export function isRealDate(date: string): boolean {
  const match = datePattern.exec(date);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  return year >= 1 && utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateMs(to) - dateMs(from)) / dayMs);
}
