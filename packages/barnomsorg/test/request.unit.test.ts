import type { NewApplication } from '@kommunkit/contract';
import { describe, expect, it } from 'vitest';
import { emptyAnswers, fromDraft, normalizeTime, toRequest, type Answers } from '../src/answers.js';
import { searchUnits } from '../src/steps/search.js';
import { units } from './support.js';

const answered = (extra: Partial<Answers> = {}): Answers => ({
  ...emptyAnswers(),
  childId: '5f0c6a2e-1b7d-4c3e-9a41-2f6d8b0e7c11',
  type: 'forskola',
  desiredStartDate: '2027-08-16',
  units: ['solrosen', 'ekorren'],
  hasSibling: 'nej',
  siblingUnitId: 'humlan',
  hoursPerWeek: ' 40 ',
  dropOff: '7.30',
  pickUp: '1630',
  reason: 'arbete',
  diet: '  ',
  motherTongue: ' arabiska ',
  ...extra,
});

describe('toRequest', () => {
  it('builds the contract\'s NewApplication: trimmed, times normalized, empty texts and a sibling answered "nej" left out', () => {
    const request = toRequest(answered());
    // Typed as the contract's request: a field it does not know fails the typecheck.
    const expected: NewApplication = {
      type: 'forskola',
      childId: '5f0c6a2e-1b7d-4c3e-9a41-2f6d8b0e7c11',
      desiredStartDate: '2027-08-16',
      units: ['solrosen', 'ekorren'],
      schedule: { hoursPerWeek: 40, dropOff: '07:30', pickUp: '16:30' },
      reason: 'arbete',
      motherTongue: 'arabiska',
    };
    expect(request).toEqual(expected);
  });

  it('sends the sibling\'s unit only with "ja"', () => {
    expect(toRequest(answered({ hasSibling: 'ja' })).siblingUnitId).toBe('humlan');
  });
});

describe('fromDraft', () => {
  it('keeps only values of the right type (a stored draft is input too)', () => {
    expect(
      fromDraft({ childId: 'x', type: 'slottet', reason: 'arbete', hasSibling: 'kanske', units: ['a', 3, 'a', 'b'], hoursPerWeek: 40, diet: 'laktosfri' }),
    ).toEqual({ childId: 'x', reason: 'arbete', units: ['a', 'b'], diet: 'laktosfri' });
    expect(fromDraft({ type: 'fritidshem', hasSibling: 'ja' })).toEqual({ type: 'fritidshem', hasSibling: 'ja' });
  });

  it('never holds the fee page\'s income: it is not an answer', () => {
    expect(Object.keys(emptyAnswers())).not.toContain('income');
    expect(fromDraft({ income: '45000' })).toEqual({});
  });
});

describe('normalizeTime', () => {
  it('reads 7.30, 0730 and 07:30 alike, and leaves anything else for the rules', () => {
    expect(['7.30', '0730', '07:30', ' 7:30 '].map(normalizeTime)).toEqual(['07:30', '07:30', '07:30', '07:30']);
    expect(normalizeTime('halv åtta')).toBe('halv åtta');
  });
});

describe('searchUnits', () => {
  const forskolor = units.filter((unit) => unit.type === 'forskola');
  it('finds every word in the name, address or profile, in any case, within the area', () => {
    expect(searchUnits(forskolor, 'UR OCH skur', '').map((u) => u.id)).toEqual(['ekorren']);
    expect(searchUnits(forskolor, '', 'Centrum').map((u) => u.id)).toEqual(['solrosen', 'blaklockan']);
    expect(searchUnits(forskolor, 'förskola', 'Söder').map((u) => u.id)).toEqual(['humlan']);
    expect(searchUnits(forskolor, 'musik', 'Norr')).toEqual([]);
    expect(searchUnits(forskolor, '  ', '')).toHaveLength(4);
  });
});
