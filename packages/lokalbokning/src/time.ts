import { bookingTimeZone } from '@kommunkit/contract/lokalbokning-rules';

/** The offset of Europe/Stockholm at a moment, as `+01:00` or `+02:00`. */
function offsetAt(utcMs: number): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: bookingTimeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(utcMs))
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-]\d{2}:\d{2})/.exec(name ?? '');
  return match?.[1] ?? '+00:00';
}

/** A Stockholm wall time (`YYYY-MM-DD`, `HH:MM`) as ISO 8601 with its offset, e.g. `2026-03-29T10:00:00+02:00`. */
export function stockholmInstant(date: string, time: string): string {
  const guess = Date.parse(`${date}T${time}:00Z`);
  // The offset just before and at the guessed moment: DST shifts by one hour at most.
  let offset = offsetAt(guess);
  const sign = offset.startsWith('-') ? -1 : 1;
  const ms = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000;
  offset = offsetAt(guess - ms);
  return `${date}T${time}:00${offset}`;
}

/** Today's date in Stockholm, `YYYY-MM-DD`. */
export function stockholmToday(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: bookingTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** `date` plus `days` days, `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
