/**
 * Lokalbokning's booking rules over time: opening hours, free slots, the checks on one booking's
 * time, the nearest free alternatives and a season's occurrences. Pure: no database, no HTTP;
 * the other bookings come in as `taken`, the buffered ranges the database's exclusion
 * constraint holds.
 *
 * Cells are wall-clock based: they start at the opening time + k × startIntervalMinutes in
 * Stockholm local time and last startIntervalMinutes of real time. On the spring-forward day a
 * grid time inside the gap does not exist and a cell that would span the gap is dropped; on the
 * autumn day a grid time inside the repeated hour exists twice and gives a cell each time (unless
 * the two would overlap). So a lokal open 00:00–24:00 has 23 resp. 25 one-hour cells those days.
 *
 * The booking window ends on a calendar date: a booking may start on any time of the date
 * bookAheadDays after today (Stockholm), which is what "högst 90 dagar i förväg" means to a
 * citizen and lets the refusal name one date.
 */
import type { BookingRules } from '@kommunkit/contract';
import { holidayOn } from './holidays.js';
import { addDays, clockMinutes, daysBetween, instantAt, instantAtMinutes, instantsAtMinutes, isoWeekday, localDateOf, localTimeOf, offsetMinutes } from './time.js';

export interface Interval {
  start: Date;
  end: Date;
}

const minuteMs = 60_000;
/** Season requests are decided by staff: their dates lie beyond any citizen's booking window. */
const seasonBookAheadDays = 100_000;
/** How far nearestFree looks either side of the wanted date. */
const nearestSearchDays = 14;

const later = (instant: Date, minutes: number): Date => new Date(instant.getTime() + minutes * minuteMs);

/** Half-open intervals share an instant. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/** `[start - bufferBefore, end + bufferAfter)`: what the database's exclusion constraint stores. */
export function bufferedRange(rules: BookingRules, start: Date, end: Date): Interval {
  return { start: later(start, -rules.bufferBeforeMinutes), end: later(end, rules.bufferAfterMinutes) };
}

/** One open interval of a date, with the wall-clock opening the start grid counts from. */
interface OpenSpan extends Interval {
  date: string;
  openMinutes: number;
  closeMinutes: number;
}

/** Wall-clock [open, close) minutes of a date's hours: an exception's, else the weekday's. */
function hoursOf(rules: BookingRules, date: string): { hours: [number, number][] } | { closed: string } {
  const regular = rules.openingHours.filter((entry) => entry.weekday === isoWeekday(date)).map((entry): [number, number] => [clockMinutes(entry.open), clockMinutes(entry.close)]);
  const exception = rules.exceptions.find((candidate) => candidate.date === date);
  if (exception !== undefined) {
    if (exception.open === undefined && exception.close === undefined) return { closed: exception.note ?? holidayOn(date) ?? 'Stängt' };
    // Only one side given ("opens at 10:00 that day"): the other comes from the day's own hours.
    const open = exception.open === undefined ? Math.min(...regular.map(([start]) => start)) : clockMinutes(exception.open);
    const close = exception.close === undefined ? Math.max(...regular.map(([, end]) => end)) : clockMinutes(exception.close);
    return Number.isFinite(open) && Number.isFinite(close) ? { hours: [[open, close]] } : { closed: exception.note ?? 'Stängt' };
  }
  const holiday = holidayOn(date);
  if (holiday !== undefined && !rules.openOnPublicHolidays) return { closed: holiday };
  return { hours: regular };
}

function openSpans(rules: BookingRules, date: string): { spans: OpenSpan[] } | { closed: string } {
  const result = hoursOf(rules, date);
  if ('closed' in result) return result;
  // Overlapping or touching entries are one stretch of opening hours.
  const merged: [number, number][] = [];
  for (const [open, close] of result.hours.filter(([open, close]) => close > open).sort(([a], [b]) => a - b)) {
    const last = merged.at(-1);
    if (last !== undefined && open <= last[1]) last[1] = Math.max(last[1], close);
    else merged.push([open, close]);
  }
  const spans = merged
    .map(([openMinutes, closeMinutes]) => ({ date, openMinutes, closeMinutes, start: instantAtMinutes(date, openMinutes), end: instantAtMinutes(date, closeMinutes) }))
    // Hours wholly inside the spring-forward gap do not exist.
    .filter((span) => span.end.getTime() > span.start.getTime());
  return spans.length === 0 ? { closed: 'Stängt' } : { spans };
}

/**
 * The opening hours of a date as instants, or why it is closed (in Swedish: the holiday's name,
 * the exception's note or 'Stängt'). An exception for the date replaces the weekday's hours (and
 * opens a holiday); one without hours closes it.
 */
export function openIntervals(rules: BookingRules, date: string): { open: Interval[] } | { closed: string } {
  const result = openSpans(rules, date);
  return 'closed' in result ? result : { open: result.spans.map(({ start, end }) => ({ start, end })) };
}

/** Every instant a booking may start at in a span: wall times open + k × interval that exist. */
function gridStarts(rules: BookingRules, span: OpenSpan): Date[] {
  const starts: Date[] = [];
  for (let minutes = span.openMinutes; minutes < span.closeMinutes; minutes += rules.startIntervalMinutes) {
    for (const instant of instantsAtMinutes(span.date, minutes)) if (instant.getTime() >= span.start.getTime() && instant.getTime() < span.end.getTime()) starts.push(instant);
  }
  return starts;
}

/** The span's cells, in order: whole inside the span, not across the spring-forward gap, not overlapping. */
function cells(rules: BookingRules, span: OpenSpan): Interval[] {
  const result: Interval[] = [];
  for (const start of gridStarts(rules, span)) {
    const end = later(start, rules.startIntervalMinutes);
    if (end.getTime() > span.end.getTime()) continue;
    // Clocks jumping forward inside the cell: its wall-clock end does not exist.
    if (offsetMinutes(new Date(end.getTime() - 1000)) > offsetMinutes(start)) continue;
    const previous = result.at(-1);
    if (previous !== undefined && start.getTime() < previous.end.getTime()) continue;
    result.push({ start, end });
  }
  return result;
}

/** The earliest start allowed now (minimum notice). */
export function earliestStart(rules: BookingRules, now: Date): Date {
  return later(now, rules.minNoticeMinutes);
}

/** The last Stockholm date a booking may start on now: today + bookAheadDays. */
export function lastBookableDate(rules: BookingRules, now: Date): string {
  return addDays(localDateOf(now), rules.bookAheadDays);
}

/**
 * The free cells from `from` to `to` (inclusive Stockholm dates) in order, and the closed dates
 * with their reasons. A cell is free when it starts within the booking window and its buffered
 * range overlaps no `taken` range.
 */
export function freeSlots(
  rules: BookingRules,
  from: string,
  to: string,
  taken: readonly Interval[],
  now: Date,
): { slots: Interval[]; closedDates: { date: string; reason: string }[] } {
  const slots: Interval[] = [];
  const closedDates: { date: string; reason: string }[] = [];
  const earliest = earliestStart(rules, now).getTime();
  const lastDate = lastBookableDate(rules, now);
  for (let day = 0, days = daysBetween(from, to); day <= days; day++) {
    const date = addDays(from, day);
    const result = openSpans(rules, date);
    if ('closed' in result) {
      closedDates.push({ date, reason: result.closed });
      continue;
    }
    if (date > lastDate) continue;
    for (const span of result.spans) {
      for (const cell of cells(rules, span)) {
        if (cell.start.getTime() < earliest) continue;
        const buffered = bufferedRange(rules, cell.start, cell.end);
        if (!taken.some((range) => overlaps(range, buffered))) slots.push(cell);
      }
    }
  }
  return { slots, closedDates };
}

export type RuleCode = 'end_before_start' | 'in_past' | 'too_late' | 'too_far_ahead' | 'closed' | 'outside_hours' | 'not_on_interval' | 'too_short' | 'too_long';

export interface RuleViolation {
  rule: RuleCode;
  /** A Swedish sentence a citizen understands, saying what to do. */
  detail: string;
  pointer: '/body/start' | '/body/end';
}

/** "1 timme", "90 minuter" → "1 timme och 30 minuter", "2 dygn". */
export function swedishDuration(minutes: number): string {
  if (minutes >= 1440 && minutes % 1440 === 0) return `${minutes / 1440} dygn`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const hourText = hours === 1 ? '1 timme' : `${hours} timmar`;
  const minuteText = rest === 1 ? '1 minut' : `${rest} minuter`;
  if (hours === 0) return minuteText;
  return rest === 0 ? hourText : `${hourText} och ${minuteText}`;
}

/** Swedish ordinal suffix: 1:a, 2:a, 3:e … 11:e, 12:e, 21:a. */
const ordinal = (value: number): string => `${value}:${value % 10 <= 2 && value % 10 >= 1 && value % 100 !== 11 && value % 100 !== 12 ? 'a' : 'e'}`;
const clock = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const at = (instant: Date): string => `kl. ${localTimeOf(instant)}`;
/** With the date when it is not `date`'s. */
const atOn = (instant: Date, date: string): string => (localDateOf(instant) === date ? at(instant) : `${localDateOf(instant)} ${at(instant)}`);

const violation = (rule: RuleCode, detail: string, pointer: RuleViolation['pointer'] = '/body/start'): RuleViolation => ({ rule, detail, pointer });

/**
 * Everything about a booking's time itself (not the other bookings), first failing rule only:
 * wholly inside one open interval, starting on the interval grid, between minMinutes and
 * maxMinutes long, at least minNotice from now and within the booking window.
 */
export function checkBookingTime(rules: BookingRules, start: Date, end: Date, now: Date): RuleViolation | null {
  const date = localDateOf(start);
  if (end.getTime() <= start.getTime()) return violation('end_before_start', `Sluttiden måste vara senare än starttiden ${at(start)}. Välj en senare sluttid.`, '/body/end');
  if (start.getTime() < now.getTime()) return violation('in_past', 'Den tiden har redan varit. Välj en tid längre fram.');
  const earliest = earliestStart(rules, now);
  if (start.getTime() < earliest.getTime()) {
    // Shown to the minute, rounded up so that the time named is itself allowed.
    const shown = new Date(Math.ceil(earliest.getTime() / minuteMs) * minuteMs);
    return violation('too_late', `Du måste boka minst ${swedishDuration(rules.minNoticeMinutes)} före start, alltså med start tidigast ${localDateOf(shown)} ${at(shown)}.`);
  }
  const lastDate = lastBookableDate(rules, now);
  if (date > lastDate) return violation('too_far_ahead', `Du kan boka högst ${rules.bookAheadDays} dagar i förväg, alltså senast med start ${lastDate}.`);
  const result = openSpans(rules, date);
  if ('closed' in result) {
    const why = result.closed === 'Stängt' ? '' : ` (${result.closed})`;
    return violation('closed', `Lokalen är stängd ${date}${why}. Välj en annan dag.`);
  }
  const span = result.spans.find((candidate) => start.getTime() >= candidate.start.getTime() && end.getTime() <= candidate.end.getTime());
  if (span === undefined) {
    const hours = result.spans.map((candidate) => `${clock(candidate.openMinutes)}–${clock(candidate.closeMinutes)}`).join(' och ');
    const startsInside = result.spans.some((candidate) => start.getTime() >= candidate.start.getTime() && start.getTime() < candidate.end.getTime());
    return violation('outside_hours', `Lokalen har öppet kl. ${hours} den ${date}. Välj en tid inom öppettiderna.`, startsInside ? '/body/end' : '/body/start');
  }
  const grid = gridStarts(rules, span);
  if (!grid.some((candidate) => candidate.getTime() === start.getTime())) {
    const before = grid.filter((candidate) => candidate.getTime() < start.getTime()).at(-1);
    const after = grid.find((candidate) => candidate.getTime() > start.getTime());
    const examples = [before, after].filter((candidate) => candidate !== undefined).map(at).join(' eller ');
    const every = rules.startIntervalMinutes === 60 ? 'varje timme' : `var ${ordinal(rules.startIntervalMinutes)} minut`;
    return violation('not_on_interval', `Bokningar börjar ${every} räknat från kl. ${clock(span.openMinutes)}. Välj till exempel ${examples}.`);
  }
  const minutes = (end.getTime() - start.getTime()) / minuteMs;
  if (minutes < rules.minMinutes) {
    return violation('too_short', `En bokning måste vara minst ${swedishDuration(rules.minMinutes)}. Välj sluttiden ${atOn(later(start, rules.minMinutes), date)} eller senare.`, '/body/end');
  }
  if (minutes > rules.maxMinutes) {
    return violation('too_long', `En bokning får vara högst ${swedishDuration(rules.maxMinutes)}. Välj sluttiden ${atOn(later(start, rules.maxMinutes), date)} eller tidigare.`, '/body/end');
  }
  return null;
}

/**
 * Free bookings as long as `wanted` (starting on a free cell, passing checkBookingTime, their
 * buffered range overlapping nothing taken), the `count` nearest to wanted.start either side
 * (ties: the earlier), within the booking window and 14 days either side; earliest first.
 */
export function nearestFree(rules: BookingRules, wanted: Interval, taken: readonly Interval[], now: Date, count: number): Interval[] {
  const minutes = (wanted.end.getTime() - wanted.start.getTime()) / minuteMs;
  if (count <= 0 || minutes < rules.minMinutes || minutes > rules.maxMinutes) return [];
  const center = localDateOf(wanted.start);
  const today = localDateOf(now);
  const first = daysBetween(today, addDays(center, -nearestSearchDays)) > 0 ? addDays(center, -nearestSearchDays) : today;
  const lastWindow = lastBookableDate(rules, now);
  const last = addDays(center, nearestSearchDays) < lastWindow ? addDays(center, nearestSearchDays) : lastWindow;
  const earliest = earliestStart(rules, now).getTime();
  const candidates: Interval[] = [];
  for (let day = 0, days = daysBetween(first, last); day <= days; day++) {
    const result = openSpans(rules, addDays(first, day));
    if ('closed' in result) continue;
    for (const span of result.spans) {
      for (const cell of cells(rules, span)) {
        const end = later(cell.start, minutes);
        if (cell.start.getTime() >= earliest && end.getTime() <= span.end.getTime()) candidates.push({ start: cell.start, end });
      }
    }
  }
  const distance = (candidate: Interval): number => Math.abs(candidate.start.getTime() - wanted.start.getTime());
  candidates.sort((a, b) => distance(a) - distance(b) || a.start.getTime() - b.start.getTime());
  const found: Interval[] = [];
  for (const candidate of candidates) {
    if (found.length >= count) break;
    const buffered = bufferedRange(rules, candidate.start, candidate.end);
    if (taken.some((range) => overlaps(range, buffered))) continue;
    if (checkBookingTime(rules, candidate.start, candidate.end, now) !== null) continue;
    found.push(candidate);
  }
  return found.sort((a, b) => a.start.getTime() - b.start.getTime());
}

export interface Occurrence extends Interval {
  date: string;
  /** Why the lokal is closed that date (in Swedish). */
  closed?: string;
  /** The booking rule the time breaks that date (the booking window aside). */
  violation?: RuleViolation;
}

/**
 * Each date of `weekday` in [fromDate, toDate] with its interval in local time (18:00 stays
 * 18:00 across a DST change), `closed` when the lokal is closed that date, else the rule it breaks.
 * Staff decide season requests, so the booking window (bookAheadDays) does not apply.
 */
export function seasonOccurrences(
  rules: BookingRules,
  request: { weekday: number; startTime: string; endTime: string; fromDate: string; toDate: string },
  now: Date,
): Occurrence[] {
  const seasonRules: BookingRules = { ...rules, bookAheadDays: seasonBookAheadDays };
  const occurrences: Occurrence[] = [];
  if (!Number.isInteger(request.weekday) || request.weekday < 1 || request.weekday > 7) return occurrences;
  const offset = (request.weekday - isoWeekday(request.fromDate) + 7) % 7;
  for (let date = addDays(request.fromDate, offset); date <= request.toDate; date = addDays(date, 7)) {
    const start = instantAt(date, request.startTime);
    const end = instantAt(date, request.endTime);
    const result = openSpans(rules, date);
    if ('closed' in result) {
      occurrences.push({ date, start, end, closed: result.closed });
      continue;
    }
    const broken = checkBookingTime(seasonRules, start, end, now);
    occurrences.push(broken === null ? { date, start, end } : { date, start, end, violation: broken });
  }
  return occurrences;
}
