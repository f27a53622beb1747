import { describe, expect, it } from 'vitest';
import { emptyAnswers, type Answers } from '../src/answers.js';
import { flow } from '../src/flow.js';
import type { Step } from '../src/types.js';

const answered = (extra: Partial<Answers> = {}): Answers => ({
  ...emptyAnswers(),
  childId: '5f0c6a2e-1b7d-4c3e-9a41-2f6d8b0e7c11',
  type: 'forskola',
  desiredStartDate: '2027-08-16',
  units: ['solrosen'],
  hasSibling: 'nej',
  hoursPerWeek: '40',
  dropOff: '07:30',
  pickUp: '16:30',
  reason: 'arbete',
  ...extra,
});

describe('the barnomsorg flow', () => {
  it('asks one question per page, in order, then check answers and the confirmation', () => {
    const path: Step[] = [flow.first];
    while (path.at(-1) !== 'confirmation') path.push(flow.next(path.at(-1)!, answered(), {}));
    expect(path).toEqual(['child', 'type', 'start', 'units', 'sibling', 'schedule', 'other', 'fee', 'check', 'confirmation']);
    expect(flow.counter('units', answered(), {})).toEqual({ index: 3, total: 9 });
    expect(flow.counter('confirmation', answered(), {})).toBeUndefined();
  });

  it('never shows a page before the answers it builds on', () => {
    expect(flow.canShow('type', answered({ childId: '' }))).toBe(false);
    expect(flow.canShow('units', answered({ desiredStartDate: '' }))).toBe(false);
    expect(flow.canShow('schedule', answered({ units: [] }))).toBe(false);
    expect(flow.canShow('check', answered({ reason: '' }))).toBe(false);
    // The optional pages (other information, the fee) hold nothing back.
    expect(flow.canShow('check', answered())).toBe(true);
    expect(flow.restore(['child', 'type', 'start', 'units', 'sibling'], answered({ units: [] }), {})).toEqual(['child', 'type', 'start', 'units']);
    expect(flow.restore(['confirmation'], answered(), {})).toEqual(['child']);
  });

  it('sends each of the gateway\'s field errors to the page that owns the field', () => {
    expect(flow.stepOfApiField('childId')).toBe('child');
    expect(flow.stepOfApiField('desiredStartDate')).toBe('start');
    expect(flow.stepOfApiField('units')).toBe('units');
    expect(flow.stepOfApiField('units/1')).toBe('units');
    expect(flow.stepOfApiField('siblingUnitId')).toBe('sibling');
    expect(flow.stepOfApiField('schedule/pickUp')).toBe('schedule');
    expect(flow.stepOfApiField('reason')).toBe('schedule');
    expect(flow.stepOfApiField('diet')).toBe('other');
    expect(flow.stepOfApiField('something-new')).toBe('other');
    expect(flow.stepOfField('hasSibling')).toBe('sibling');
  });
});
