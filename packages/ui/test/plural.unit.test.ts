import { describe, expect, it } from 'vitest';
import { plural } from '../src/plural.js';

const photos = (n: number, lang: string) => plural(n, { one: `${n} bild`, other: `${n} bilder` }, lang);
const categories = (n: number, lang: string) => plural(n, { one: `${n} category`, other: `${n} categories` }, lang);

describe('plural', () => {
  it.each([
    [0, '0 bilder'],
    [1, '1 bild'],
    [2, '2 bilder'],
    [21, '21 bilder'],
    [1.5, '1.5 bilder'],
  ])('Swedish: %s → %s', (n, expected) => {
    expect(photos(n, 'sv')).toBe(expected);
  });

  it.each([
    [0, '0 categories'],
    [1, '1 category'],
    [3, '3 categories'],
    [101, '101 categories'],
  ])('English: %s → %s', (n, expected) => {
    expect(categories(n, 'en')).toBe(expected);
    expect(categories(n, 'en-GB')).toBe(expected);
  });

  it('falls back to Swedish rules for an unsupported locale, and to `other` for a category without a form', () => {
    expect(photos(1, 'xx')).toBe('1 bild');
    // Welsh-like "two" would be asked for only by a locale with such a category; none is given here.
    expect(plural(2, { one: 'one', other: 'other' }, 'en')).toBe('other');
    expect(plural(1, { one: 'one', other: 'other', zero: 'zero' }, 'sv')).toBe('one');
  });
});
