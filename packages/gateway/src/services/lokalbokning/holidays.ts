/**
 * Swedish public holidays (lag 1989:253 om allmänna helgdagar), computed for any year, never
 * listed, plus the de facto days off midsommarafton, julafton and nyårsafton that a kommun's
 * lokaler close on too.
 */
import { addDays, isRealDate } from './time.js';

const pad = (value: number): string => String(value).padStart(2, '0');
const ymd = (year: number, month: number, day: number): string => `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;

/**
 * Easter Sunday (Gregorian), by the anonymous Gregorian algorithm ("Meeus/Jones/Butcher",
 * Jean Meeus, Astronomical Algorithms, 1991, ch. 8), valid for every Gregorian year.
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

/** The date of the given ISO weekday (1 Monday … 7 Sunday) within the 7 days from `first`. */
function weekdayFrom(first: string, weekday: number): string {
  const [year, month, day] = first.split('-').map(Number) as [number, number, number];
  const isoDay = new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
  return addDays(first, (weekday - isoDay + 7) % 7);
}

const cache = new Map<number, ReadonlyMap<string, string>>();

/** `YYYY-MM-DD` → Swedish name, in date order. Two holidays on one date share it ("Första maj och Kristi himmelsfärdsdag"). */
export function publicHolidays(year: number): ReadonlyMap<string, string> {
  const cached = cache.get(year);
  if (cached !== undefined) return cached;
  const easter = easterSunday(year);
  const days: [string, string][] = [
    [ymd(year, 1, 1), 'Nyårsdagen'],
    [ymd(year, 1, 6), 'Trettondedag jul'],
    [addDays(easter, -2), 'Långfredagen'],
    [easter, 'Påskdagen'],
    [addDays(easter, 1), 'Annandag påsk'],
    [ymd(year, 5, 1), 'Första maj'],
    [addDays(easter, 39), 'Kristi himmelsfärdsdag'],
    [addDays(easter, 49), 'Pingstdagen'],
    [ymd(year, 6, 6), 'Sveriges nationaldag'],
    [weekdayFrom(ymd(year, 6, 19), 5), 'Midsommarafton'],
    [weekdayFrom(ymd(year, 6, 20), 6), 'Midsommardagen'],
    [weekdayFrom(ymd(year, 10, 31), 6), 'Alla helgons dag'],
    [ymd(year, 12, 24), 'Julafton'],
    [ymd(year, 12, 25), 'Juldagen'],
    [ymd(year, 12, 26), 'Annandag jul'],
    [ymd(year, 12, 31), 'Nyårsafton'],
  ];
  const byDate = new Map<string, string>();
  for (const [date, name] of days.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const other = byDate.get(date);
    byDate.set(date, other === undefined ? name : `${other} och ${name}`);
  }
  cache.set(year, byDate);
  return byDate;
}

/** The holiday's Swedish name on a `YYYY-MM-DD` date, or undefined on an ordinary (or unreal) date. */
export function holidayOn(date: string): string | undefined {
  if (!isRealDate(date)) return undefined;
  return publicHolidays(Number(date.slice(0, 4))).get(date);
}
