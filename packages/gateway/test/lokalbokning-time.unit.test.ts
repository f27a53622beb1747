import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  instantAt,
  instantsAtMinutes,
  isoWeekday,
  isRealDate,
  localDateOf,
  localTimeOf,
  offsetMinutes,
  toOffsetIso,
  zone,
} from '../src/services/lokalbokning/time.js';

const utc = (iso: string): Date => new Date(iso);

describe('lokalbokning time: Stockholm offsets', () => {
  it('names its zone', () => {
    expect(zone).toBe('Europe/Stockholm');
  });

  it('formats instants with the Stockholm offset, seconds and no milliseconds', () => {
    expect(toOffsetIso(utc('2026-01-15T09:30:00.000Z'))).toBe('2026-01-15T10:30:00+01:00');
    expect(toOffsetIso(utc('2026-07-01T12:00:45.999Z'))).toBe('2026-07-01T14:00:45+02:00');
    expect(toOffsetIso(utc('2026-12-31T23:30:00Z'))).toBe('2027-01-01T00:30:00+01:00');
  });

  it('switches offset at 02:00 → 03:00 on 29 March 2026', () => {
    expect(toOffsetIso(utc('2026-03-29T00:59:59Z'))).toBe('2026-03-29T01:59:59+01:00');
    expect(toOffsetIso(utc('2026-03-29T01:00:00Z'))).toBe('2026-03-29T03:00:00+02:00');
    expect(toOffsetIso(utc('2026-03-29T08:00:00Z'))).toBe('2026-03-29T10:00:00+02:00');
    expect(offsetMinutes(utc('2026-03-29T00:59:59Z'))).toBe(60);
    expect(offsetMinutes(utc('2026-03-29T01:00:00Z'))).toBe(120);
  });

  it('switches offset at 03:00 → 02:00 on 25 October 2026: the hour 02:00–03:00 is shown twice', () => {
    expect(toOffsetIso(utc('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02:30:00+02:00');
    expect(toOffsetIso(utc('2026-10-25T00:59:59Z'))).toBe('2026-10-25T02:59:59+02:00');
    expect(toOffsetIso(utc('2026-10-25T01:00:00Z'))).toBe('2026-10-25T02:00:00+01:00');
    expect(toOffsetIso(utc('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02:30:00+01:00');
    expect(toOffsetIso(utc('2026-10-25T02:00:00Z'))).toBe('2026-10-25T03:00:00+01:00');
  });

  it('gives the Stockholm date and clock, not the UTC one', () => {
    expect(localDateOf(utc('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(localDateOf(utc('2026-01-31T23:00:00Z'))).toBe('2026-02-01');
    expect(localDateOf(utc('2026-01-31T22:59:59Z'))).toBe('2026-01-31');
    expect(localTimeOf(utc('2026-06-30T22:30:00Z'))).toBe('00:30');
  });
});

describe('lokalbokning time: wall time → instant', () => {
  it('reads an ordinary wall time in winter and summer', () => {
    expect(instantAt('2026-02-10', '18:00').toISOString()).toBe('2026-02-10T17:00:00.000Z');
    expect(instantAt('2026-06-10', '18:00').toISOString()).toBe('2026-06-10T16:00:00.000Z');
  });

  it("reads '24:00' as the next day's midnight", () => {
    expect(toOffsetIso(instantAt('2026-03-28', '24:00'))).toBe('2026-03-29T00:00:00+01:00');
    expect(toOffsetIso(instantAt('2026-10-25', '24:00'))).toBe('2026-10-26T00:00:00+01:00');
    expect(toOffsetIso(instantAt('2026-12-31', '24:00'))).toBe('2027-01-01T00:00:00+01:00');
  });

  it('moves a wall time in the spring-forward gap to the first real instant after it (03:00+02:00)', () => {
    expect(toOffsetIso(instantAt('2026-03-29', '01:59'))).toBe('2026-03-29T01:59:00+01:00');
    for (const time of ['02:00', '02:30', '02:59']) {
      expect(instantAt('2026-03-29', time).toISOString(), time).toBe('2026-03-29T01:00:00.000Z');
    }
    expect(toOffsetIso(instantAt('2026-03-29', '03:00'))).toBe('2026-03-29T03:00:00+02:00');
    expect(instantsAtMinutes('2026-03-29', 150)).toEqual([]);
  });

  it('takes the earlier instant of an ambiguous autumn wall time and knows both', () => {
    expect(toOffsetIso(instantAt('2026-10-25', '02:00'))).toBe('2026-10-25T02:00:00+02:00');
    expect(instantAt('2026-10-25', '02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(toOffsetIso(instantAt('2026-10-25', '03:00'))).toBe('2026-10-25T03:00:00+01:00');
    expect(instantsAtMinutes('2026-10-25', 150).map(toOffsetIso)).toEqual(['2026-10-25T02:30:00+02:00', '2026-10-25T02:30:00+01:00']);
  });

  it('refuses malformed dates and times', () => {
    expect(() => instantAt('2026-02-30', '10:00')).toThrow(RangeError);
    expect(() => instantAt('2026-02-10', '24:30')).toThrow(RangeError);
    expect(() => instantAt('2026-02-10', '10:60')).toThrow(RangeError);
    expect(() => instantAt('2026-02-10', '9:00')).toThrow(RangeError);
  });
});

describe('lokalbokning time: calendar dates', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-03', 90)).toBe('2027-03-03');
  });

  it('gives ISO weekdays, Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2026-03-23')).toBe(1);
    expect(isoWeekday('2026-04-03')).toBe(5);
    expect(isoWeekday('2026-03-29')).toBe(7);
    expect(isoWeekday('2026-10-25')).toBe(7);
  });

  it('tells real dates from unreal ones', () => {
    expect(isRealDate('2026-02-28')).toBe(true);
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2026-02-30')).toBe(false);
    expect(isRealDate('2026-13-01')).toBe(false);
    expect(isRealDate('2026-00-10')).toBe(false);
    expect(isRealDate('2026-1-10')).toBe(false);
    expect(isRealDate('')).toBe(false);
  });

  it('counts calendar days, DST days included as one', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2027-01-01', '2026-01-01')).toBe(-365);
    expect(daysBetween('2026-05-05', '2026-05-05')).toBe(0);
  });
});
