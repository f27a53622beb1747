import { afterEach, describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatMoney,
  formatNumber,
  formatTime,
  formatTimeRange,
  intlLocale,
  toDate,
} from '../src/format.js';

// Swedish separates thousands with U+00A0 and puts U+00A0 before "kr"; negative amounts use
// U+2212. Spelled out so a test can never pass on a look-alike space.
const NBSP = '\u00a0';
const MINUS = '\u2212';
const EN_DASH = '\u2013';

describe('formatDate and formatDateTime', () => {
  it('writes dates out in Swedish and English', () => {
    expect(formatDate('2026-12-01T13:30:00Z', 'sv')).toBe('1 december 2026');
    expect(formatDate('2026-12-01T13:30:00Z', 'en')).toBe('1 December 2026');
    expect(formatDateTime('2026-12-01T13:30:00Z', 'sv')).toBe('1 december 2026 kl. 14:30');
    expect(formatDateTime('2026-12-01T13:30:00Z', 'en')).toBe('1 December 2026 at 14:30');
    expect(formatTime('2026-12-01T13:30:00Z', 'sv')).toBe('14:30');
  });

  it('defaults to Swedish and maps BCP 47 tags and unknown languages', () => {
    expect(formatDate('2026-12-01T13:30:00Z')).toBe('1 december 2026');
    expect(formatDate('2026-12-01T13:30:00Z', 'en-US')).toBe('1 December 2026');
    expect(formatDate('2026-12-01T13:30:00Z', 'fi')).toBe('1 december 2026');
    expect(intlLocale('EN')).toBe('en-GB');
    expect(intlLocale('sv-FI')).toBe('sv-SE');
  });

  it('shows Stockholm time, not UTC: late evening UTC is already the next day in Stockholm', () => {
    // 23:30 UTC on 1 December is 00:30 on 2 December in Stockholm (CET, UTC+1).
    expect(formatDateTime('2026-12-01T23:30:00Z', 'sv')).toBe('2 december 2026 kl. 00:30');
    // Summer time is UTC+2.
    expect(formatDateTime('2026-06-30T22:15:00Z', 'sv')).toBe('1 juli 2026 kl. 00:15');
    expect(formatDateTime('2026-06-30T22:15:00.123+00:00', 'en')).toBe('1 July 2026 at 00:15');
    expect(formatDateTime(new Date(Date.UTC(2026, 11, 31, 23, 0)), 'sv')).toBe('1 januari 2027 kl. 00:00');
  });

  it('reads offsets: the same instant written in another zone', () => {
    expect(formatDateTime('2026-12-01T09:30:00-05:00', 'sv')).toBe('1 december 2026 kl. 15:30');
    expect(formatDateTime('2026-12-01T15:30+0100', 'sv')).toBe('1 december 2026 kl. 15:30');
  });

  it('reads a time without an offset, and a date alone, as Stockholm wall time', () => {
    expect(formatDateTime('2026-12-01T14:30', 'sv')).toBe('1 december 2026 kl. 14:30');
    expect(formatDateTime('2026-07-01T00:10:00', 'sv')).toBe('1 juli 2026 kl. 00:10');
    expect(toDate('2026-07-01T00:10:00')!.toISOString()).toBe('2026-06-30T22:10:00.000Z');
    expect(formatDate('2026-12-31', 'sv')).toBe('31 december 2026');
    expect(formatDate('2026-01-01', 'en')).toBe('1 January 2026');
  });

  it('handles the DST switch days', () => {
    // 29 March 2026: clocks go 02:00 → 03:00 (01:00 UTC).
    expect(formatDateTime('2026-03-29T00:59:00Z', 'sv')).toBe('29 mars 2026 kl. 01:59');
    expect(formatDateTime('2026-03-29T01:00:00Z', 'sv')).toBe('29 mars 2026 kl. 03:00');
    // 25 October 2026: clocks go 03:00 → 02:00 (01:00 UTC), so 02:30 happens twice.
    expect(formatDateTime('2026-10-25T00:30:00Z', 'sv')).toBe('25 oktober 2026 kl. 02:30');
    expect(formatDateTime('2026-10-25T01:30:00Z', 'sv')).toBe('25 oktober 2026 kl. 02:30');
    // Wall times around the switch map to the right instants.
    expect(toDate('2026-03-29T03:30')!.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(toDate('2026-03-29T01:30')!.toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(toDate('2026-10-25T04:00')!.toISOString()).toBe('2026-10-25T03:00:00.000Z');
  });

  it('returns what it cannot read unchanged, and never throws', () => {
    for (const value of ['', 'igår', '2026-02-31', '2026-13-01', '2026-12-01T25:00', '1/12/2026', 'Tue Dec 01 2026'])
      expect(formatDate(value, 'sv')).toBe(value);
    expect(formatDateTime('okänt', 'en')).toBe('okänt');
    expect(formatDate(new Date('nonsense'), 'sv')).toBe('');
    expect(formatDate(undefined as unknown as string, 'sv')).toBe('');
  });
});

describe('formatTimeRange', () => {
  it('shows only the times within one day', () => {
    expect(formatTimeRange('2026-12-01T13:00:00Z', '2026-12-01T14:30:00Z', 'sv')).toBe(`14:00${EN_DASH}15:30`);
    expect(formatTimeRange('2026-12-01T13:00:00Z', '2026-12-01T14:30:00Z', 'en')).toBe(`14:00${EN_DASH}15:30`);
  });

  it('decides "one day" in Stockholm: the same UTC date can be two Stockholm days', () => {
    // 22:00–23:30 UTC on 1 December is 23:00 on 1 December to 00:30 on 2 December.
    expect(formatTimeRange('2026-12-01T22:00:00Z', '2026-12-01T23:30:00Z', 'sv')).toBe(
      '1 december 2026 kl. 23:00 – 2 december 2026 kl. 00:30',
    );
    // 23:30 UTC on 1 December to 00:30 UTC on 2 December is all 2 December in Stockholm.
    expect(formatTimeRange('2026-12-01T23:30:00Z', '2026-12-02T00:30:00Z', 'sv')).toBe(`00:30${EN_DASH}01:30`);
  });

  it('gives both dates across days, with a spaced dash', () => {
    expect(formatTimeRange('2026-12-01T13:30:00Z', '2026-12-02T14:30:00Z', 'sv')).toBe(
      '1 december 2026 kl. 14:30 – 2 december 2026 kl. 15:30',
    );
    expect(formatTimeRange('2026-12-31T13:30:00Z', '2027-01-02T14:30:00Z', 'en')).toBe(
      '31 December 2026 at 14:30 – 2 January 2027 at 15:30',
    );
  });

  it('shows clock times on the DST switch days, and zone names when a clock time repeats', () => {
    expect(formatTimeRange('2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z', 'sv')).toBe(`01:30 CET${EN_DASH}03:30 CEST`);
    expect(formatTimeRange('2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z', 'sv')).toBe(`02:30 CEST${EN_DASH}02:30 CET`);
    expect(formatTimeRange('2026-10-25T05:00:00Z', '2026-10-25T06:00:00Z', 'sv')).toBe(`06:00${EN_DASH}07:00`);
  });

  it('never throws on bad input', () => {
    expect(formatTimeRange('x', '2026-12-01T14:30:00Z', 'sv')).toBe(`x${EN_DASH}2026-12-01T14:30:00Z`);
    expect(formatTimeRange('2026-12-01T14:30:00Z', '2026-12-01T13:00:00Z', 'sv')).toBe(
      '1 december 2026 kl. 15:30 – 1 december 2026 kl. 14:00',
    );
  });
});

describe('formatMoney', () => {
  it('formats öre as kronor with Swedish spaces and comma', () => {
    expect(formatMoney(123450, 'sv')).toBe(`1${NBSP}234,50${NBSP}kr`);
    expect(formatMoney(5, 'sv')).toBe(`0,05${NBSP}kr`);
    expect(formatMoney(0, 'sv')).toBe(`0,00${NBSP}kr`);
    expect(formatMoney(-123450, 'sv')).toBe(`${MINUS}1${NBSP}234,50${NBSP}kr`);
    expect(formatMoney(123450, 'en')).toBe(`SEK${NBSP}1,234.50`);
  });

  it('is exact where floats are not, up to the largest safe integer', () => {
    // 0.1 + 0.2 trouble cannot happen: 30 öre is 0,30 kr.
    expect(formatMoney(10 + 20, 'sv')).toBe(`0,30${NBSP}kr`);
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'en')).toBe(`SEK${NBSP}90,071,992,547,409.91`);
  });

  it('drops ",00" from whole amounts when asked, and takes another currency', () => {
    expect(formatMoney(25000, 'sv', { fraction: 'auto' })).toBe(`250${NBSP}kr`);
    expect(formatMoney(25050, 'sv', { fraction: 'auto' })).toBe(`250,50${NBSP}kr`);
    expect(formatMoney(1000, 'sv', { currency: 'EUR' })).toBe(`10,00${NBSP}€`);
  });

  it('returns what is not integer öre as text', () => {
    expect(formatMoney(12.5, 'sv')).toBe('12.5');
    expect(formatMoney(Number.NaN, 'sv')).toBe('NaN');
    expect(formatMoney(100, 'sv', { currency: 'kronor' })).toBe('100');
  });
});

describe('formatNumber', () => {
  it('groups thousands the local way', () => {
    expect(formatNumber(4000, 'sv')).toBe(`4${NBSP}000`);
    expect(formatNumber(4000, 'en')).toBe('4,000');
    expect(formatNumber(Number.NaN, 'sv')).toBe('NaN');
  });
});

describe('formatDuration', () => {
  it('writes hours and minutes out', () => {
    expect(formatDuration(90, 'sv')).toBe('1 timme och 30 minuter');
    expect(formatDuration(120, 'sv')).toBe('2 timmar');
    expect(formatDuration(1, 'sv')).toBe('1 minut');
    expect(formatDuration(0, 'sv')).toBe('0 minuter');
    expect(formatDuration(150, 'en')).toBe('2 hours and 30 minutes');
    expect(formatDuration(-5, 'sv')).toBe('-5');
  });
});

describe('the host machine zone does not matter', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  for (const zone of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
    it(`gives Stockholm times with TZ=${zone}`, () => {
      process.env.TZ = zone;
      expect(new Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
      expect(formatDateTime('2026-12-01T23:30:00Z', 'sv')).toBe('2 december 2026 kl. 00:30');
      expect(formatDateTime('2026-12-01T14:30', 'sv')).toBe('1 december 2026 kl. 14:30');
      expect(formatDate('2026-12-01', 'sv')).toBe('1 december 2026');
      expect(formatTimeRange('2026-12-01T13:00:00Z', '2026-12-01T14:30:00Z', 'sv')).toBe(`14:00${EN_DASH}15:30`);
    });
  }
});
