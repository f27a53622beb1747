import { describe, expect, it } from 'vitest';
import { defineFlow } from '../src/forms/define-flow.js';

interface Answers {
  topic: string;
  place: string;
  text: string;
}
type Step = 'topic' | 'place' | 'nearby' | 'text' | 'check' | 'done';

const flow = defineFlow<Step, Answers, { nearby: number }>([
  { id: 'topic', fields: ['topic'], apiFields: ['topic_code'], done: (a) => a.topic !== '' },
  { id: 'place', fields: ['place'], apiFields: ['lat', 'long'], done: (a) => a.place !== '' },
  { id: 'nearby', when: (_, c) => c.nearby > 0 },
  { id: 'text', fields: ['text'], apiFields: ['text', 'attribute[*', '*'], done: (a) => a.text !== '' },
  { id: 'check', review: true },
  { id: 'done', end: true },
]);
const empty: Answers = { topic: '', place: '', text: '' };
const full: Answers = { topic: 'lampa', place: 'Storgatan 1', text: 'Trasig' };

describe('defineFlow', () => {
  it('goes to the next page whose condition holds', () => {
    expect(flow.next('place', full, { nearby: 0 })).toBe('text');
    expect(flow.next('place', full, { nearby: 2 })).toBe('nearby');
    expect(flow.next('check', full, { nearby: 0 })).toBe('done');
    expect(flow.next('done', full, { nearby: 0 })).toBe('done');
  });

  it('counts only the question pages on this path', () => {
    expect(flow.questions(full, { nearby: 0 })).toEqual(['topic', 'place', 'text', 'check']);
    expect(flow.counter('text', full, { nearby: 3 })).toEqual({ index: 3, total: 5 });
    expect(flow.counter('done', full, { nearby: 0 })).toBeUndefined();
  });

  it('shows a page only when every page before it is complete', () => {
    expect(flow.canShow('topic', empty)).toBe(true);
    expect(flow.canShow('place', empty)).toBe(false);
    expect(flow.canShow('check', { ...full, text: '' })).toBe(false);
    expect(flow.canShow('check', full)).toBe(true);
    expect(flow.canShow('done', full)).toBe(false);
  });

  it('restores the longest supported prefix of a saved path, passing over pages no longer on it', () => {
    expect(flow.restore(['topic', 'place', 'nearby', 'text', 'check'], full, { nearby: 0 })).toEqual(['topic', 'place', 'text', 'check']);
    expect(flow.restore(['topic', 'place', 'text', 'check'], { ...full, place: '' }, { nearby: 0 })).toEqual(['topic', 'place']);
    expect(flow.restore(['place', 'text'], full, { nearby: 0 })).toEqual(['topic']);
    expect(flow.restore(['topic', 'bogus', 'check'], full, { nearby: 0 })).toEqual(['topic']);
    expect(flow.restore(['topic', 'place', 'text', 'check', 'done'], full, { nearby: 0 })).toEqual(['topic', 'place', 'text', 'check']);
  });

  it('finds the page of an answer and of a gateway field, with prefixes and a catch-all', () => {
    expect(flow.stepOfField('place')).toBe('place');
    expect(flow.stepOfField('nothing')).toBeUndefined();
    expect(flow.stepOfApiField('topic_code')).toBe('topic');
    expect(flow.stepOfApiField('long')).toBe('place');
    expect(flow.stepOfApiField('attribute[lamp]')).toBe('text');
    expect(flow.stepOfApiField('something_else')).toBe('text');
    expect(defineFlow([{ id: 'a' }]).stepOfApiField('x')).toBeUndefined();
  });

  it('refuses a table with repeated ids', () => {
    expect(() => defineFlow([{ id: 'a' }, { id: 'a' }])).toThrow(/unique/);
  });
});
