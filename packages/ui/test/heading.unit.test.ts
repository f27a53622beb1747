import { describe, expect, it } from 'vitest';
import { parseHeadingLevel, subLevel } from '../src/heading.js';

describe('heading levels', () => {
  it('accepts 2–6 and falls back to 2, so a widget never renders an h1', () => {
    expect(['2', '3', '6'].map(parseHeadingLevel)).toEqual([2, 3, 6]);
    expect(['1', '0', '7', '2.5', 'h3', '', null, undefined].map(parseHeadingLevel)).toEqual([2, 2, 2, 2, 2, 2, 2, 2]);
  });

  it('caps sub-headings at h6', () => {
    expect(subLevel(2)).toBe(3);
    expect(subLevel(5, 3)).toBe(6);
  });
});
