import { describe, expect, it } from 'vitest';
import { emptyAnswers, type Answers } from '../src/answers.js';
import { flow } from '../src/flow.js';

const answered = (): Answers => ({ ...emptyAnswers(), serviceCode: 'gatubelysning', lat: 58.41, long: 15.62, description: 'Lampan lyser inte.' });

describe('the step counter', () => {
  it('says "av 5" on every page, whether or not reports nearby are shown', () => {
    for (const nearbyCount of [0, 3]) {
      const counters = flow.questions(answered(), { nearbyCount }).map((step) => flow.counter(step, answered(), { nearbyCount }));
      expect(new Set(counters.map((counter) => counter?.total))).toEqual(new Set([5]));
    }
  });

  it('numbers the nearby page as part of the place page, and the pages after it as without it', () => {
    const at = (step: Parameters<typeof flow.counter>[0], nearbyCount: number) => flow.counter(step, answered(), { nearbyCount })?.index;
    expect(at('place', 3)).toBe(1);
    expect(at('nearby', 3)).toBe(1);
    expect(at('details', 3)).toBe(at('details', 0));
    expect(at('check', 3)).toBe(4);
    expect(flow.counter('confirmation', answered(), { nearbyCount: 3 })).toBeUndefined();
  });
});
