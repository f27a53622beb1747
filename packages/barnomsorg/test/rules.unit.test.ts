import { describe, expect, it } from 'vitest';
import type { PlacementType } from '@kommunkit/contract/barnomsorg-rules';
import { eligibleTypes, feeRules, incomeOre, scheduleRules, siblingRules, startDateError, unitsRules, validateHours, type RuleContext } from '../src/rules.js';

const context = (birthDate: string | undefined, type: PlacementType | '' = 'forskola', today = '2026-12-02'): RuleContext => ({
  birthDate: () => birthDate,
  type: () => type,
  today: () => today,
  maxRankedUnits: () => 3,
  dateText: (date) => date,
});

describe('the start date', () => {
  it('must be a real date, today or later', () => {
    expect(startDateError('2027-02-30', context('2024-05-10'))).toMatch(/datum som finns/);
    expect(startDateError('2026-12-01', context('2024-05-10'))).toMatch(/i dag eller senare/);
    expect(startDateError('2026-12-02', context('2024-05-10'))).toBeUndefined();
  });

  it('is refused when the child is not eligible then, with the earliest date', () => {
    expect(startDateError('2027-03-01', context('2026-06-15'))).toMatch(/tidigast när det fyller 1 år, den 2027-06-15/);
    expect(startDateError('2027-06-15', context('2026-06-15'))).toBeUndefined();
    // Förskola ends when school starts: the autumn term of the year the child turns 6.
    expect(startDateError('2030-08-01', context('2024-05-10'))).toMatch(/börjar i skolan/);
    expect(startDateError('2027-01-10', context('2024-05-10', 'fritidshem'))).toMatch(/tidigast den 2030-08-01/);
    expect(startDateError('2031-08-01', context('2018-03-01', 'fritidshem'))).toMatch(/fyller 13/);
  });

  it('before the guarantee date is not an error (the page warns instead)', () => {
    expect(startDateError('2027-01-15', context('2024-05-10'))).toBeUndefined();
  });
});

describe('eligibleTypes', () => {
  it('offers only the types a child may have at some start', () => {
    expect(eligibleTypes('2018-03-01', '2026-12-02')).toEqual(['fritidshem']);
    expect(eligibleTypes('2024-05-10', '2026-12-02')).toEqual(['forskola', 'pedagogisk_omsorg', 'fritidshem']);
    expect(eligibleTypes('2013-02-01', '2026-12-02')).toEqual([]);
  });
});

describe('the other pages', () => {
  it('ranks one to maxRankedUnits units', () => {
    const rules = unitsRules(context('2024-05-10'));
    expect(rules.units.isEmpty([])).toBe(true);
    expect(rules.units.validate(['a', 'b', 'c'])).toBeUndefined();
    expect(rules.units.validate(['a', 'b', 'c', 'd'])).toMatch(/högst 3/);
  });

  it('asks for the sibling\'s unit only after "ja"', () => {
    expect(siblingRules(() => 'ja').siblingUnitId.isEmpty('')).toBe(true);
    expect(siblingRules(() => 'nej').siblingUnitId.isEmpty('')).toBe(false);
  });

  it('checks hours and times, the pick-up after the drop-off', () => {
    expect(validateHours('40')).toBeUndefined();
    expect(validateHours('0')).toMatch(/mellan 1 och 60/);
    expect(validateHours('61')).toMatch(/mellan 1 och 60/);
    expect(validateHours('4,5')).toMatch(/siffror/);
    const rules = scheduleRules(() => '08:00');
    expect(rules.dropOff.validate('25:00')).toMatch(/tt:mm/);
    expect(rules.pickUp.validate('0800')).toMatch(/senare än lämningen/);
    expect(rules.pickUp.validate('16.30')).toBeUndefined();
  });

  it('reads the household income in whole kronor', () => {
    expect(incomeOre('45 000')).toBe(4_500_000);
    expect(incomeOre('45\u00a0000 kr')).toBe(4_500_000);
    expect(incomeOre('45000,50')).toBeUndefined();
    expect(feeRules.income.validate('mycket')).toMatch(/hela kronor/);
  });
});
