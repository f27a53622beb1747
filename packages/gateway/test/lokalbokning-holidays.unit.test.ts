import { describe, expect, it } from 'vitest';
import { easterSunday, holidayOn, publicHolidays } from '../src/services/lokalbokning/holidays.js';

describe('lokalbokning holidays', () => {
  it('computes Easter Sunday (checked against published tables)', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2019)).toBe('2019-04-21');
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2038)).toBe('2038-04-25'); // the latest possible
    expect(easterSunday(2285)).toBe('2285-03-22'); // the earliest possible
  });

  it('lists every Swedish holiday of 2026 in date order', () => {
    expect([...publicHolidays(2026)]).toEqual([
      ['2026-01-01', 'Nyårsdagen'],
      ['2026-01-06', 'Trettondedag jul'],
      ['2026-04-03', 'Långfredagen'],
      ['2026-04-05', 'Påskdagen'],
      ['2026-04-06', 'Annandag påsk'],
      ['2026-05-01', 'Första maj'],
      ['2026-05-14', 'Kristi himmelsfärdsdag'],
      ['2026-05-24', 'Pingstdagen'],
      ['2026-06-06', 'Sveriges nationaldag'],
      ['2026-06-19', 'Midsommarafton'],
      ['2026-06-20', 'Midsommardagen'],
      ['2026-10-31', 'Alla helgons dag'],
      ['2026-12-24', 'Julafton'],
      ['2026-12-25', 'Juldagen'],
      ['2026-12-26', 'Annandag jul'],
      ['2026-12-31', 'Nyårsafton'],
    ]);
  });

  it('lists every Swedish holiday of 2027 in date order', () => {
    expect([...publicHolidays(2027)]).toEqual([
      ['2027-01-01', 'Nyårsdagen'],
      ['2027-01-06', 'Trettondedag jul'],
      ['2027-03-26', 'Långfredagen'],
      ['2027-03-28', 'Påskdagen'],
      ['2027-03-29', 'Annandag påsk'],
      ['2027-05-01', 'Första maj'],
      ['2027-05-06', 'Kristi himmelsfärdsdag'],
      ['2027-05-16', 'Pingstdagen'],
      ['2027-06-06', 'Sveriges nationaldag'],
      ['2027-06-25', 'Midsommarafton'],
      ['2027-06-26', 'Midsommardagen'],
      ['2027-11-06', 'Alla helgons dag'],
      ['2027-12-24', 'Julafton'],
      ['2027-12-25', 'Juldagen'],
      ['2027-12-26', 'Annandag jul'],
      ['2027-12-31', 'Nyårsafton'],
    ]);
  });

  it('names both holidays when two fall on one date (Kristi himmelsfärd on 1 May 2008)', () => {
    expect(holidayOn('2008-05-01')).toBe('Första maj och Kristi himmelsfärdsdag');
    expect(publicHolidays(2008).size).toBe(15);
  });

  it('answers per date', () => {
    expect(holidayOn('2026-06-19')).toBe('Midsommarafton');
    expect(holidayOn('2026-10-31')).toBe('Alla helgons dag');
    expect(holidayOn('2027-03-26')).toBe('Långfredagen');
    expect(holidayOn('2026-06-18')).toBeUndefined();
    expect(holidayOn('2026-11-01')).toBeUndefined(); // the Sunday after alla helgons dag is ordinary
    expect(holidayOn('2026-02-30')).toBeUndefined();
    expect(publicHolidays(2026)).toBe(publicHolidays(2026)); // computed once per year
  });
});
