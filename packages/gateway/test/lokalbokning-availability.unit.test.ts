import type { BookingRules } from '@kommunkit/contract';
import { describe, expect, it } from 'vitest';
import {
  bufferedRange,
  checkBookingTime,
  freeSlots,
  nearestFree,
  openIntervals,
  seasonOccurrences,
  type Interval,
} from '../src/services/lokalbokning/availability.js';
import { toOffsetIso } from '../src/services/lokalbokning/time.js';

/** Mon–Sat 08:00–20:00, Sundays closed; bookings on the hour, 1–3 hours, 2 hours' notice, 90 days ahead. */
const rules: BookingRules = {
  openingHours: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '08:00', close: '20:00' })),
  exceptions: [],
  openOnPublicHolidays: false,
  startIntervalMinutes: 60,
  minMinutes: 60,
  maxMinutes: 180,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  bookAheadDays: 90,
  minNoticeMinutes: 120,
  cancelBeforeHours: 24,
  approval: 'instant',
  maxActiveBookings: 3,
};
const everyDay = (open: string, close: string): BookingRules['openingHours'] => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open, close }));

/** Monday 2 March 2026, 09:00 in Stockholm. */
const now = new Date('2026-03-02T09:00:00+01:00');
const at = (iso: string): Date => new Date(iso);
const span = (start: string, end: string): Interval => ({ start: at(start), end: at(end) });
const show = (intervals: readonly Interval[]): string[] => intervals.map(({ start, end }) => `${toOffsetIso(start)}/${toOffsetIso(end)}`);
const starts = (intervals: readonly Interval[]): string[] => intervals.map(({ start }) => toOffsetIso(start));

describe('lokalbokning availability: opening hours', () => {
  it("opens a weekday's hours and closes a weekday without any", () => {
    expect(openIntervals(rules, '2026-03-10')).toEqual({ open: [span('2026-03-10T08:00:00+01:00', '2026-03-10T20:00:00+01:00')] });
    expect(openIntervals(rules, '2026-03-08')).toEqual({ closed: 'Stängt' });
  });

  it('merges overlapping entries and keeps separate ones apart, in order', () => {
    const split: BookingRules = {
      ...rules,
      openingHours: [
        { weekday: 2, open: '17:00', close: '21:00' },
        { weekday: 2, open: '08:00', close: '12:00' },
        { weekday: 2, open: '11:00', close: '13:00' },
      ],
    };
    expect(openIntervals(split, '2026-03-10')).toEqual({
      open: [span('2026-03-10T08:00:00+01:00', '2026-03-10T13:00:00+01:00'), span('2026-03-10T17:00:00+01:00', '2026-03-10T21:00:00+01:00')],
    });
  });

  it("closes a holiday with its name, and an exception replaces the day's hours", () => {
    expect(openIntervals(rules, '2026-04-03')).toEqual({ closed: 'Långfredagen' });
    expect(openIntervals({ ...rules, openOnPublicHolidays: true }, '2026-04-03')).toEqual({ open: [span('2026-04-03T08:00:00+02:00', '2026-04-03T20:00:00+02:00')] });
    const excepted: BookingRules = {
      ...rules,
      exceptions: [
        { date: '2026-04-03', open: '10:00', close: '14:00' },
        { date: '2026-03-10', note: 'Stängt för skolavslutning' },
        { date: '2026-03-11', open: '12:00' },
        { date: '2026-12-25' },
      ],
    };
    expect(openIntervals(excepted, '2026-04-03')).toEqual({ open: [span('2026-04-03T10:00:00+02:00', '2026-04-03T14:00:00+02:00')] });
    expect(openIntervals(excepted, '2026-03-10')).toEqual({ closed: 'Stängt för skolavslutning' });
    // Only a later opening: the day's own closing time stays.
    expect(openIntervals(excepted, '2026-03-11')).toEqual({ open: [span('2026-03-11T12:00:00+01:00', '2026-03-11T20:00:00+01:00')] });
    expect(openIntervals(excepted, '2026-12-25')).toEqual({ closed: 'Juldagen' });
  });
});

describe('lokalbokning availability: free slots on DST days', () => {
  const allDay: BookingRules = { ...rules, openingHours: everyDay('00:00', '24:00'), minNoticeMinutes: 0, bookAheadDays: 365 };
  const early = new Date('2026-03-20T12:00:00+01:00');

  it('has 23 one-hour cells on 29 March 2026 (02:00 does not exist)', () => {
    const { slots, closedDates } = freeSlots(allDay, '2026-03-29', '2026-03-29', [], early);
    expect(closedDates).toEqual([]);
    expect(slots).toHaveLength(23);
    expect(show(slots.slice(0, 4))).toEqual([
      '2026-03-29T00:00:00+01:00/2026-03-29T01:00:00+01:00',
      '2026-03-29T01:00:00+01:00/2026-03-29T03:00:00+02:00',
      '2026-03-29T03:00:00+02:00/2026-03-29T04:00:00+02:00',
      '2026-03-29T04:00:00+02:00/2026-03-29T05:00:00+02:00',
    ]);
    expect(show(slots.slice(-1))).toEqual(['2026-03-29T23:00:00+02:00/2026-03-30T00:00:00+02:00']);
    for (const slot of slots) expect(slot.end.getTime() - slot.start.getTime()).toBe(3_600_000);
  });

  it('has 25 one-hour cells on 25 October 2026 (02:00 happens twice)', () => {
    const { slots } = freeSlots(allDay, '2026-10-25', '2026-10-25', [], early);
    expect(slots).toHaveLength(25);
    expect(show(slots.slice(1, 5))).toEqual([
      '2026-10-25T01:00:00+02:00/2026-10-25T02:00:00+02:00',
      '2026-10-25T02:00:00+02:00/2026-10-25T02:00:00+01:00',
      '2026-10-25T02:00:00+01:00/2026-10-25T03:00:00+01:00',
      '2026-10-25T03:00:00+01:00/2026-10-25T04:00:00+01:00',
    ]);
    expect(show([slots[0]!, slots.at(-1)!])).toEqual(['2026-10-25T00:00:00+02:00/2026-10-25T01:00:00+02:00', '2026-10-25T23:00:00+01:00/2026-10-26T00:00:00+01:00']);
    slots.slice(1).forEach((slot, index) => expect(slot.start).toEqual(slots[index]!.end));
  });

  it('has 12 cells either DST day when open 08:00–20:00, with the day’s offset', () => {
    const daytime: BookingRules = { ...allDay, openingHours: everyDay('08:00', '20:00') };
    const spring = freeSlots(daytime, '2026-03-29', '2026-03-29', [], early).slots;
    const autumn = freeSlots(daytime, '2026-10-25', '2026-10-25', [], early).slots;
    expect(spring).toHaveLength(12);
    expect(autumn).toHaveLength(12);
    expect(show([spring[0]!, spring[11]!])).toEqual(['2026-03-29T08:00:00+02:00/2026-03-29T09:00:00+02:00', '2026-03-29T19:00:00+02:00/2026-03-29T20:00:00+02:00']);
    expect(show([autumn[0]!, autumn[11]!])).toEqual(['2026-10-25T08:00:00+01:00/2026-10-25T09:00:00+01:00', '2026-10-25T19:00:00+01:00/2026-10-25T20:00:00+01:00']);
  });

  it('keeps the wall-clock grid and drops a cell that would span the gap', () => {
    const night: BookingRules = { ...allDay, openingHours: everyDay('00:00', '06:00'), startIntervalMinutes: 90, minMinutes: 90 };
    expect(show(freeSlots(night, '2026-03-29', '2026-03-29', [], early).slots)).toEqual([
      '2026-03-29T00:00:00+01:00/2026-03-29T01:30:00+01:00',
      '2026-03-29T03:00:00+02:00/2026-03-29T04:30:00+02:00',
      '2026-03-29T04:30:00+02:00/2026-03-29T06:00:00+02:00',
    ]);
  });
});

describe('lokalbokning availability: free slots and the rules', () => {
  it('closes holidays with their names, and opens them by openOnPublicHolidays or an exception', () => {
    const daily: BookingRules = { ...rules, openingHours: everyDay('08:00', '20:00') };
    const easter = freeSlots(daily, '2026-04-03', '2026-04-06', [], now);
    expect(easter.closedDates).toEqual([
      { date: '2026-04-03', reason: 'Långfredagen' },
      { date: '2026-04-05', reason: 'Påskdagen' },
      { date: '2026-04-06', reason: 'Annandag påsk' },
    ]);
    expect(easter.slots).toHaveLength(12);
    expect(starts(easter.slots)[0]).toBe('2026-04-04T08:00:00+02:00');

    const open = freeSlots({ ...daily, openOnPublicHolidays: true }, '2026-04-03', '2026-04-06', [], now);
    expect(open.closedDates).toEqual([]);
    expect(open.slots).toHaveLength(48);

    const excepted = freeSlots({ ...daily, exceptions: [{ date: '2026-04-03', open: '10:00', close: '14:00' }] }, '2026-04-03', '2026-04-03', [], now);
    expect(excepted.closedDates).toEqual([]);
    expect(starts(excepted.slots)).toEqual(['2026-04-03T10:00:00+02:00', '2026-04-03T11:00:00+02:00', '2026-04-03T12:00:00+02:00', '2026-04-03T13:00:00+02:00']);
  });

  it('reports a closed weekday and an exception note as closed dates', () => {
    const result = freeSlots({ ...rules, exceptions: [{ date: '2026-03-10', note: 'Stängt för skolavslutning' }] }, '2026-03-07', '2026-03-10', [], now);
    expect(result.closedDates).toEqual([
      { date: '2026-03-08', reason: 'Stängt' },
      { date: '2026-03-10', reason: 'Stängt för skolavslutning' },
    ]);
    expect(result.slots).toHaveLength(24); // Saturday 7 and Monday 9 March
  });

  it('starts no earlier than the minimum notice allows', () => {
    expect(starts(freeSlots(rules, '2026-03-02', '2026-03-02', [], now).slots)).toEqual(
      ['11', '12', '13', '14', '15', '16', '17', '18', '19'].map((hour) => `2026-03-02T${hour}:00:00+01:00`),
    );
  });

  it('ends on the last date of the booking window', () => {
    // 90 days after Monday 2 March is Sunday 31 May; the lokal is closed on Sundays.
    const result = freeSlots({ ...rules, openingHours: everyDay('08:00', '20:00') }, '2026-05-30', '2026-06-01', [], now);
    expect(result.slots).toHaveLength(24);
    expect(toOffsetIso(result.slots.at(-1)!.start)).toBe('2026-05-31T19:00:00+02:00');
    expect(result.closedDates).toEqual([]);
  });

  it('keeps the buffers free around a taken booking: blocked within them, free right after', () => {
    const buffered: BookingRules = { ...rules, bufferBeforeMinutes: 15, bufferAfterMinutes: 45 };
    const booking = bufferedRange(buffered, at('2026-03-10T12:00:00+01:00'), at('2026-03-10T13:00:00+01:00'));
    expect(booking).toEqual(span('2026-03-10T11:45:00+01:00', '2026-03-10T13:45:00+01:00'));
    const free = starts(freeSlots(buffered, '2026-03-10', '2026-03-10', [booking], now).slots);
    // 11:00 would need 11:45 free for cleaning; 13:00 would need 12:45 for setting up.
    expect(free).toEqual(['08', '09', '10', '14', '15', '16', '17', '18', '19'].map((hour) => `2026-03-10T${hour}:00:00+01:00`));
  });
});

describe('lokalbokning availability: checkBookingTime', () => {
  const check = (start: string, end: string, own: BookingRules = rules) => checkBookingTime(own, at(start), at(end), now);

  it('accepts a time that keeps every rule', () => {
    expect(check('2026-03-10T10:00:00+01:00', '2026-03-10T13:00:00+01:00')).toBeNull();
    expect(check('2026-03-02T11:00:00+01:00', '2026-03-02T12:00:00+01:00')).toBeNull();
    expect(check('2026-05-30T19:00:00+02:00', '2026-05-30T20:00:00+02:00')).toBeNull();
  });

  it('refuses an end before the start', () => {
    expect(check('2026-03-10T10:00:00+01:00', '2026-03-10T10:00:00+01:00')).toEqual({
      rule: 'end_before_start',
      detail: 'Sluttiden måste vara senare än starttiden kl. 10:00. Välj en senare sluttid.',
      pointer: '/body/end',
    });
  });

  it('refuses the past and too short notice', () => {
    expect(check('2026-03-02T08:00:00+01:00', '2026-03-02T09:00:00+01:00')).toEqual({ rule: 'in_past', detail: 'Den tiden har redan varit. Välj en tid längre fram.', pointer: '/body/start' });
    expect(check('2026-03-02T10:00:00+01:00', '2026-03-02T11:00:00+01:00')).toEqual({
      rule: 'too_late',
      detail: 'Du måste boka minst 2 timmar före start, alltså med start tidigast 2026-03-02 kl. 11:00.',
      pointer: '/body/start',
    });
  });

  it('refuses a start beyond the booking window', () => {
    expect(check('2026-06-01T10:00:00+02:00', '2026-06-01T11:00:00+02:00')).toEqual({
      rule: 'too_far_ahead',
      detail: 'Du kan boka högst 90 dagar i förväg, alltså senast med start 2026-05-31.',
      pointer: '/body/start',
    });
  });

  it('refuses a closed weekday and a holiday', () => {
    expect(check('2026-03-08T10:00:00+01:00', '2026-03-08T11:00:00+01:00')).toEqual({ rule: 'closed', detail: 'Lokalen är stängd 2026-03-08. Välj en annan dag.', pointer: '/body/start' });
    expect(check('2026-04-03T10:00:00+02:00', '2026-04-03T11:00:00+02:00')).toEqual({
      rule: 'closed',
      detail: 'Lokalen är stängd 2026-04-03 (Långfredagen). Välj en annan dag.',
      pointer: '/body/start',
    });
  });

  it('refuses a time outside the opening hours, pointing at the end or the start', () => {
    const detail = 'Lokalen har öppet kl. 08:00–20:00 den 2026-03-10. Välj en tid inom öppettiderna.';
    expect(check('2026-03-10T19:00:00+01:00', '2026-03-10T21:00:00+01:00')).toEqual({ rule: 'outside_hours', detail, pointer: '/body/end' });
    expect(check('2026-03-10T07:00:00+01:00', '2026-03-10T09:00:00+01:00')).toEqual({ rule: 'outside_hours', detail, pointer: '/body/start' });
  });

  it('refuses a booking across the gap between two open intervals', () => {
    const split: BookingRules = { ...rules, openingHours: [{ weekday: 2, open: '08:00', close: '12:00' }, { weekday: 2, open: '13:00', close: '20:00' }] };
    expect(check('2026-03-10T11:00:00+01:00', '2026-03-10T14:00:00+01:00', split)).toEqual({
      rule: 'outside_hours',
      detail: 'Lokalen har öppet kl. 08:00–12:00 och 13:00–20:00 den 2026-03-10. Välj en tid inom öppettiderna.',
      pointer: '/body/end',
    });
  });

  it('refuses a start off the interval grid and names the nearest starts', () => {
    expect(check('2026-03-10T10:30:00+01:00', '2026-03-10T11:30:00+01:00')).toEqual({
      rule: 'not_on_interval',
      detail: 'Bokningar börjar varje timme räknat från kl. 08:00. Välj till exempel kl. 10:00 eller kl. 11:00.',
      pointer: '/body/start',
    });
    const halfHours: BookingRules = { ...rules, openingHours: [{ weekday: 2, open: '08:15', close: '20:00' }], startIntervalMinutes: 30 };
    expect(check('2026-03-10T08:00:00+01:00', '2026-03-10T09:00:00+01:00', halfHours)?.rule).toBe('outside_hours');
    expect(check('2026-03-10T09:00:00+01:00', '2026-03-10T10:00:00+01:00', halfHours)).toEqual({
      rule: 'not_on_interval',
      detail: 'Bokningar börjar var 30:e minut räknat från kl. 08:15. Välj till exempel kl. 08:45 eller kl. 09:15.',
      pointer: '/body/start',
    });
  });

  it('refuses a booking too short or too long', () => {
    expect(check('2026-03-10T10:00:00+01:00', '2026-03-10T10:30:00+01:00')).toEqual({
      rule: 'too_short',
      detail: 'En bokning måste vara minst 1 timme. Välj sluttiden kl. 11:00 eller senare.',
      pointer: '/body/end',
    });
    expect(check('2026-03-10T10:00:00+01:00', '2026-03-10T14:00:00+01:00')).toEqual({
      rule: 'too_long',
      detail: 'En bokning får vara högst 3 timmar. Välj sluttiden kl. 13:00 eller tidigare.',
      pointer: '/body/end',
    });
    expect(check('2026-03-10T10:00:00+01:00', '2026-03-10T11:30:00+01:00', { ...rules, minMinutes: 120, maxMinutes: 150 })?.detail).toBe(
      'En bokning måste vara minst 2 timmar. Välj sluttiden kl. 12:00 eller senare.',
    );
    expect(check('2026-03-10T10:00:00+01:00', '2026-03-10T13:00:00+01:00', { ...rules, maxMinutes: 90 })?.detail).toBe(
      'En bokning får vara högst 1 timme och 30 minuter. Välj sluttiden kl. 11:30 eller tidigare.',
    );
  });

  it('measures real time across the spring-forward gap', () => {
    const allDay: BookingRules = { ...rules, openingHours: everyDay('00:00', '24:00'), minMinutes: 120, maxMinutes: 120, bookAheadDays: 365 };
    // 01:00 to 04:00 on the wall clock is two real hours.
    expect(check('2026-03-29T01:00:00+01:00', '2026-03-29T04:00:00+02:00', allDay)).toBeNull();
    expect(check('2026-10-25T01:00:00+02:00', '2026-10-25T02:00:00+01:00', allDay)).toBeNull();
    expect(check('2026-10-25T01:00:00+02:00', '2026-10-25T03:00:00+01:00', allDay)?.rule).toBe('too_long');
  });
});

describe('lokalbokning availability: nearestFree', () => {
  const wanted = span('2026-03-10T12:00:00+01:00', '2026-03-10T14:00:00+01:00');
  const taken = [
    span('2026-03-10T10:00:00+01:00', '2026-03-10T12:00:00+01:00'),
    span('2026-03-10T12:00:00+01:00', '2026-03-10T14:00:00+01:00'),
    span('2026-03-10T14:00:00+01:00', '2026-03-10T15:00:00+01:00'),
  ];

  it('offers the nearest free times of the same length, either side, earliest first', () => {
    // 15:00 is 3 hours away; 08:00 and 16:00 4 hours each (a tie goes to the earlier).
    expect(show(nearestFree(rules, wanted, taken, now, 3))).toEqual([
      '2026-03-10T08:00:00+01:00/2026-03-10T10:00:00+01:00',
      '2026-03-10T15:00:00+01:00/2026-03-10T17:00:00+01:00',
      '2026-03-10T16:00:00+01:00/2026-03-10T18:00:00+01:00',
    ]);
    expect(show(nearestFree(rules, wanted, taken, now, 2))).toEqual(['2026-03-10T08:00:00+01:00/2026-03-10T10:00:00+01:00', '2026-03-10T15:00:00+01:00/2026-03-10T17:00:00+01:00']);
    // Then 17:00 and 18:00 that day, before the evening of the day before (18 hours away).
    expect(starts(nearestFree(rules, wanted, taken, now, 6))).toEqual([
      '2026-03-09T18:00:00+01:00',
      '2026-03-10T08:00:00+01:00',
      '2026-03-10T15:00:00+01:00',
      '2026-03-10T16:00:00+01:00',
      '2026-03-10T17:00:00+01:00',
      '2026-03-10T18:00:00+01:00',
    ]);
  });

  it('keeps the buffers and the minimum notice', () => {
    const today = span('2026-03-02T12:00:00+01:00', '2026-03-02T14:00:00+01:00');
    const busy = [span('2026-03-02T11:00:00+01:00', '2026-03-02T15:00:00+01:00')];
    // 09:00–11:00 would be as near as 15:00, but starts within the 2 hours' notice.
    expect(starts(nearestFree(rules, today, busy, now, 3))).toEqual(['2026-03-02T15:00:00+01:00', '2026-03-02T16:00:00+01:00', '2026-03-02T17:00:00+01:00']);
    const buffered: BookingRules = { ...rules, bufferAfterMinutes: 30 };
    expect(starts(nearestFree(buffered, today, [bufferedRange(buffered, busy[0]!.start, busy[0]!.end)], now, 1))).toEqual(['2026-03-02T16:00:00+01:00']);
  });

  it('offers nothing for a length the rules forbid', () => {
    expect(nearestFree(rules, span('2026-03-10T12:00:00+01:00', '2026-03-10T16:00:00+01:00'), [], now, 3)).toEqual([]);
  });
});

describe('lokalbokning availability: seasonOccurrences', () => {
  it('keeps 18:00 local across the spring DST change and marks a holiday closed', () => {
    const occurrences = seasonOccurrences({ ...rules, bookAheadDays: 10 }, { weekday: 5, startTime: '18:00', endTime: '20:00', fromDate: '2026-03-18', toDate: '2026-04-10' }, now);
    expect(occurrences.map(({ date, start, end, closed, violation }) => ({ date, start: toOffsetIso(start), end: toOffsetIso(end), closed, violation }))).toEqual([
      { date: '2026-03-20', start: '2026-03-20T18:00:00+01:00', end: '2026-03-20T20:00:00+01:00', closed: undefined, violation: undefined },
      { date: '2026-03-27', start: '2026-03-27T18:00:00+01:00', end: '2026-03-27T20:00:00+01:00', closed: undefined, violation: undefined },
      { date: '2026-04-03', start: '2026-04-03T18:00:00+02:00', end: '2026-04-03T20:00:00+02:00', closed: 'Långfredagen', violation: undefined },
      { date: '2026-04-10', start: '2026-04-10T18:00:00+02:00', end: '2026-04-10T20:00:00+02:00', closed: undefined, violation: undefined },
    ]);
    expect('closed' in occurrences[0]!).toBe(false);
  });

  it('keeps 18:00 local across the autumn DST change', () => {
    const occurrences = seasonOccurrences(rules, { weekday: 4, startTime: '18:00', endTime: '20:00', fromDate: '2026-10-22', toDate: '2026-11-05' }, now);
    expect(show(occurrences)).toEqual([
      '2026-10-22T18:00:00+02:00/2026-10-22T20:00:00+02:00',
      '2026-10-29T18:00:00+01:00/2026-10-29T20:00:00+01:00',
      '2026-11-05T18:00:00+01:00/2026-11-05T20:00:00+01:00',
    ]);
    expect(occurrences.every((occurrence) => occurrence.violation === undefined && occurrence.closed === undefined)).toBe(true);
  });

  it('reports the rule an occurrence breaks, and the past', () => {
    const late = seasonOccurrences(rules, { weekday: 5, startTime: '18:00', endTime: '21:00', fromDate: '2026-04-03', toDate: '2026-04-10' }, now);
    expect(late.map((occurrence) => occurrence.closed ?? occurrence.violation?.rule)).toEqual(['Långfredagen', 'outside_hours']);
    const past = seasonOccurrences(rules, { weekday: 1, startTime: '08:00', endTime: '09:00', fromDate: '2026-02-23', toDate: '2026-03-09' }, now);
    expect(past.map((occurrence) => [occurrence.date, occurrence.violation?.rule])).toEqual([
      ['2026-02-23', 'in_past'],
      ['2026-03-02', 'in_past'],
      ['2026-03-09', undefined],
    ]);
  });
});
