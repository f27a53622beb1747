import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  activeApplicationStatuses,
  addDays,
  addMonths,
  ageOn,
  defaultPolicy,
  earliestStart,
  feeEstimate,
  fritidshemEnd,
  guaranteeDate,
  ineligibility,
  isDate,
  noticeEndDate,
  replyBy,
  schoolStart,
  startsBeforeGuarantee,
  swedishDate,
  withdrawableStatuses,
  type Maxtaxa,
} from '../src/barnomsorg-rules.js';

/** 2025's ceiling (Skolverket: 57 130 kr a month), in öre. */
const maxtaxa2025: Maxtaxa = { year: 2025, incomeCeilingMonthlyOre: 5_713_000 };

describe('@kommunkit/contract/barnomsorg-rules', () => {
  it('imports nothing, so the widget chunk that shows the guarantee date and the fee gets no schema library', async () => {
    const source = await readFile(new URL('../src/barnomsorg-rules.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
  });

  it('has the issue\'s defaults and the states that block or allow', () => {
    expect(defaultPolicy).toEqual({ maxRankedUnits: 3, offerReplyDays: 14, otherGuardianMustConfirm: false, noticeMonths: 2 });
    expect(activeApplicationStatuses).toEqual(['inskickad', 'mottagen', 'erbjudande']);
    expect(withdrawableStatuses).toEqual(['inskickad', 'mottagen']);
  });
});

describe('calendar dates', () => {
  it('knows real dates: leap days by the Gregorian rule, no 30 February, no month 13', () => {
    for (const date of ['2024-02-29', '2000-02-29', '2026-12-31', '2027-01-01', '2026-04-30']) expect(isDate(date), date).toBe(true);
    for (const date of ['2026-02-29', '1900-02-29', '2100-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-01', '26-01-01', '2026-01-01T00:00', '']) {
      expect(isDate(date), date).toBe(false);
    }
  });

  it('adds months with the day clamped to the month\'s last: 31 Oct + 4 is 28 Feb, or 29 in a leap year', () => {
    expect(addMonths('2026-10-31', 4)).toBe('2027-02-28');
    expect(addMonths('2027-10-31', 4)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-05-31', 1)).toBe('2026-06-30');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    // Across the year boundary, both ways.
    expect(addMonths('2026-12-31', 1)).toBe('2027-01-31');
    expect(addMonths('2026-11-30', 2)).toBe('2027-01-30');
    expect(addMonths('2027-01-15', -1)).toBe('2026-12-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-06-15', 0)).toBe('2026-06-15');
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30'); // over the spring DST change: calendar days, not hours
  });

  it('takes the date in Sweden: New Year arrives at 23:00 UTC in winter, midsummer days at 22:00 UTC', () => {
    expect(swedishDate(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(swedishDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    expect(swedishDate(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(swedishDate(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });
});

describe('the guarantee date (skollagen 8 kap. 14 §)', () => {
  it('is four months after the application, clamped at the month\'s end', () => {
    expect(guaranteeDate('2026-12-02')).toBe('2027-04-02');
    expect(guaranteeDate('2026-10-31')).toBe('2027-02-28');
    expect(guaranteeDate('2027-10-31')).toBe('2028-02-29');
    expect(guaranteeDate('2026-09-30')).toBe('2027-01-30');
    expect(guaranteeDate('2026-12-31')).toBe('2027-04-30');
  });

  it('warns (never refuses) for a wished start before it', () => {
    expect(startsBeforeGuarantee('2027-04-01', '2026-12-02')).toBe(true);
    expect(startsBeforeGuarantee('2027-04-02', '2026-12-02')).toBe(false);
    expect(startsBeforeGuarantee('2027-08-01', '2026-12-02')).toBe(false);
  });
});

describe('ages and the school year', () => {
  it('counts whole years on the birthday, across the year boundary and for a leap-day birth', () => {
    expect(ageOn('2022-03-15', '2026-03-14')).toBe(3);
    expect(ageOn('2022-03-15', '2026-03-15')).toBe(4);
    expect(ageOn('2025-12-31', '2026-12-30')).toBe(0);
    expect(ageOn('2025-12-31', '2026-12-31')).toBe(1);
    expect(ageOn('2025-12-31', '2027-01-01')).toBe(1);
    expect(ageOn('2024-02-29', '2025-02-28')).toBe(0);
    expect(ageOn('2024-02-29', '2025-03-01')).toBe(1);
    expect(ageOn('2024-02-29', '2028-02-29')).toBe(4);
  });

  it('starts school (förskoleklass) on 1 August of the year the child turns 6: born 31 December and 1 January are a year apart', () => {
    expect(schoolStart('2020-12-31')).toBe('2026-08-01');
    expect(schoolStart('2021-01-01')).toBe('2027-08-01');
    expect(schoolStart('2020-02-29')).toBe('2026-08-01');
  });

  it('ends fritidshem on 30 June of the year the child turns 13 (the end of the spring term)', () => {
    expect(fritidshemEnd('2017-08-24')).toBe('2030-06-30');
    expect(fritidshemEnd('2013-12-31')).toBe('2026-06-30');
    expect(fritidshemEnd('2014-01-01')).toBe('2027-06-30');
  });
});

describe('eligibility by type and start', () => {
  it('förskola and pedagogisk omsorg: from the first birthday until school starts', () => {
    for (const type of ['forskola', 'pedagogisk_omsorg'] as const) {
      expect(ineligibility(type, '2025-06-15', '2026-06-14'), type).toBe('for_ung');
      expect(ineligibility(type, '2025-06-15', '2026-06-15'), type).toBeNull();
      expect(ineligibility(type, '2020-05-01', '2026-07-31'), type).toBeNull();
      expect(ineligibility(type, '2020-05-01', '2026-08-01'), type).toBe('skolstart');
    }
    // Born on New Year's Eve the child starts school a year before one born the next day.
    expect(ineligibility('forskola', '2020-12-31', '2026-08-01')).toBe('skolstart');
    expect(ineligibility('forskola', '2021-01-01', '2026-08-01')).toBeNull();
    expect(ineligibility('forskola', '2021-01-01', '2027-07-31')).toBeNull();
    // A leap-day birth turns one on 1 March in a common year.
    expect(ineligibility('forskola', '2024-02-29', '2025-02-28')).toBe('for_ung');
    expect(ineligibility('forskola', '2024-02-29', '2025-03-01')).toBeNull();
  });

  it('fritidshem: from school start until the end of the spring term of the year the child turns 13', () => {
    expect(ineligibility('fritidshem', '2020-05-01', '2026-07-31')).toBe('inte_skolbarn');
    expect(ineligibility('fritidshem', '2020-05-01', '2026-08-01')).toBeNull();
    expect(ineligibility('fritidshem', '2014-01-01', '2027-06-30')).toBeNull();
    expect(ineligibility('fritidshem', '2014-01-01', '2027-07-01')).toBe('for_gammal');
    expect(ineligibility('fritidshem', '2013-12-31', '2026-07-01')).toBe('for_gammal');
  });

  it('gives the earliest start from today, or null when the type is over for the child', () => {
    expect(earliestStart('forskola', '2025-06-15', '2026-01-10')).toBe('2026-06-15');
    expect(earliestStart('forskola', '2024-06-15', '2026-01-10')).toBe('2026-01-10');
    expect(earliestStart('pedagogisk_omsorg', '2024-06-15', '2026-01-10')).toBe('2026-01-10');
    expect(earliestStart('forskola', '2019-01-01', '2026-01-01')).toBeNull();
    expect(earliestStart('fritidshem', '2021-03-01', '2026-12-02')).toBe('2027-08-01');
    expect(earliestStart('fritidshem', '2017-08-24', '2026-12-02')).toBe('2026-12-02');
    expect(earliestStart('fritidshem', '2013-12-31', '2026-12-02')).toBeNull();
    // The year boundary: the last day of a year and the first of the next.
    expect(earliestStart('forskola', '2025-12-31', '2026-12-31')).toBe('2026-12-31');
    expect(earliestStart('forskola', '2026-01-01', '2026-12-31')).toBe('2027-01-01');
  });

  // addMonths clamps 29 Feb + 12 to 28 Feb, where ageOn still says 0: the first day is 1 March.
  it('gives a child born on 29 February its first förskola day (1 March), not null', () => {
    expect(earliestStart('forskola', '2024-02-29', '2024-12-01')).toBe('2025-03-01');
  });
});

describe('maxtaxa (förordning 2001:160)', () => {
  it('takes 3, 2 and 1 % of the income for förskola and pedagogisk omsorg; the fourth child and later are free', () => {
    const income = 4_000_000; // 40 000 kr
    for (const type of ['forskola', 'pedagogisk_omsorg'] as const) {
      expect([1, 2, 3, 4, 5].map((order) => feeEstimate(type, income, order, maxtaxa2025).monthlyOre), type).toEqual([120_000, 80_000, 40_000, 0, 0]);
      expect([1, 2, 3, 4].map((order) => feeEstimate(type, income, order, maxtaxa2025).percent), type).toEqual([3, 2, 1, 0]);
    }
  });

  it('takes 2, 1 and 1 % for fritidshem, the fourth free', () => {
    expect([1, 2, 3, 4].map((order) => feeEstimate('fritidshem', 4_000_000, order, maxtaxa2025).monthlyOre)).toEqual([80_000, 40_000, 40_000, 0]);
  });

  it('stops at the yearly income ceiling (capped only above it), rounding to whole kronor as Skolverket publishes it', () => {
    const above = feeEstimate('forskola', 8_000_000, 1, maxtaxa2025);
    expect(above).toEqual({ monthlyOre: 171_400, percent: 3, incomeOre: 5_713_000, capped: true, year: 2025 });
    const at = feeEstimate('forskola', 5_713_000, 1, maxtaxa2025);
    expect(at).toEqual({ monthlyOre: 171_400, percent: 3, incomeOre: 5_713_000, capped: false, year: 2025 });
    expect(feeEstimate('forskola', 5_713_001, 2, maxtaxa2025)).toMatchObject({ monthlyOre: 114_300, capped: true });
    expect(feeEstimate('fritidshem', 9_999_900, 1, maxtaxa2025).monthlyOre).toBe(114_300);
    expect(feeEstimate('forskola', 8_000_000, 4, maxtaxa2025)).toMatchObject({ monthlyOre: 0, percent: 0, capped: true });
    // A ceiling of another year is the config's: the estimate says which year.
    expect(feeEstimate('forskola', 8_000_000, 1, { year: 2026, incomeCeilingMonthlyOre: 5_834_000 })).toMatchObject({ monthlyOre: 175_000, year: 2026 });
    // Skolverket's 2025 table: 1 714, 1 143 and 571 kr (1 713,90, 1 142,60 and 571,30 rounded to the krona).
    expect([1, 2, 3].map((order) => feeEstimate('forskola', 5_713_000, order, maxtaxa2025).monthlyOre)).toEqual([171_400, 114_300, 57_100]);
    expect(feeEstimate('forskola', 33_333, 1, maxtaxa2025).monthlyOre).toBe(1000); // 9,9999 kr → 10 kr
  });

  it('counts no income and a sibling order below 1 as the youngest child\'s', () => {
    expect(feeEstimate('forskola', 0, 1, maxtaxa2025).monthlyOre).toBe(0);
    expect(feeEstimate('forskola', -100_000, 1, maxtaxa2025)).toMatchObject({ monthlyOre: 0, incomeOre: 0 });
    expect(feeEstimate('forskola', 4_000_000, 0, maxtaxa2025).percent).toBe(3);
  });
});

describe('offers and notice', () => {
  it('has an offer answered within offerReplyDays, across the year boundary', () => {
    expect(replyBy('2026-12-02', { offerReplyDays: 14 })).toBe('2026-12-16');
    expect(replyBy('2026-12-25', { offerReplyDays: 14 })).toBe('2027-01-08');
    expect(replyBy('2028-02-20', { offerReplyDays: 14 })).toBe('2028-03-05');
    expect(replyBy('2026-12-31', { offerReplyDays: 1 })).toBe('2027-01-01');
  });

  it('ends a placement on the wished day, but never before the notice period has run (the day before the same date)', () => {
    const policy = { noticeMonths: 2 };
    expect(noticeEndDate('2026-12-02', undefined, policy)).toBe('2027-02-01');
    expect(noticeEndDate('2026-12-02', '2027-01-15', policy)).toBe('2027-02-01');
    expect(noticeEndDate('2026-12-02', '2027-02-01', policy)).toBe('2027-02-01');
    expect(noticeEndDate('2026-12-02', '2027-03-15', policy)).toBe('2027-03-15');
    // Across the year boundary and the month's end: 31 Dec + 2 months is 28 Feb, the day before 27 Feb.
    expect(noticeEndDate('2026-11-15', undefined, policy)).toBe('2027-01-14');
    expect(noticeEndDate('2026-12-31', undefined, policy)).toBe('2027-02-27');
    expect(noticeEndDate('2027-12-31', undefined, policy)).toBe('2028-02-28');
    expect(noticeEndDate('2027-01-01', undefined, { noticeMonths: 1 })).toBe('2027-01-31');
    // Without a notice period the placement ends the day notice is given, never the day before.
    expect(noticeEndDate('2027-01-01', undefined, { noticeMonths: 0 })).toBe('2027-01-01');
  });
});
