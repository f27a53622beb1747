import { readFileSync } from 'node:fs';
import { maxAddressLength, maxAttributeLength, maxDescriptionLength, maxNameLength } from '@kommunkit/contract/felanmalan-rules';
import { describe, expect, it } from 'vitest';
// The widget's own checks, imported from its source: pure functions, no element, no DOM.
import {
  contactRules,
  validateAddress,
  validateAttributeText,
  validateDescription,
  validateEmail,
  validateFirstName,
  validateLastName,
  validatePhone,
} from '../../felanmalan/src/rules.js';
import type { Fields } from '../src/services/felanmalan/open311/form.js';
import { parseReport } from '../src/services/felanmalan/open311/report-input.js';
import type { CategoryConfig } from '../src/services/felanmalan/settings.js';

/**
 * One rule, two places: every value below goes through the gateway's `parseReport` and through
 * the widget's validator of the same field, and both must come to the same verdict.
 */

const categories = (JSON.parse(readFileSync(new URL('../config/exempelstad.json', import.meta.url), 'utf8')) as {
  kommuner: [{ services: { felanmalan: { categories: CategoryConfig[] } } }];
}).kommuner[0].services.felanmalan.categories;
const category = categories.find((candidate) => candidate.code === 'gatubelysning')!;
const freeText = category.attributes!.find((attribute) => attribute.datatype === 'string')!;

const valid = { description: 'Lampan är släckt.', address_string: 'Storgatan 1' };

/** The gateway's verdict on one field: does it refuse the report because of that field? */
function gatewayRefuses(field: string, value: string): boolean {
  const fields: Fields = new Map(Object.entries({ ...valid, [field]: value }).map(([name, text]) => [name, [text]]));
  const result = parseReport(fields, category);
  if ('report' in result) return false;
  const others = result.errors.filter((error) => error.field !== field);
  expect(others, `only ${field} is wrong`).toEqual([]);
  return true;
}

const widgetRefuses = (validate: (value: string) => string | undefined, value: string): boolean => validate(value) !== undefined;

const phones: [number: string, ok: boolean][] = [
  ['070-123 45 67', true],
  ['+46 70 123 45 67', true],
  ['08-123 456 78', true],
  ['0701234567', true],
  ['+44 20 7946 0958', true],
  ['0046 70 123 45 67', true],
  ['(08) 123 456 78', true],
  ['08-12 34 56', true],
  ['+1 (555) 010-0123', true],
  ['+' + '1'.repeat(15), true],
  ['123456', false],
  ['070-12', false],
  ['070 12 3', false],
  ['abc', false],
  ['070 123 45 67 ext', false],
  ['070.123.45.67', false],
  ['+46', false],
  ['46+70 123 45 67', false],
  ['++46 70 123 45 67', false],
  ['+' + '1'.repeat(16), false],
  ['0'.repeat(21), false],
  ['0'.repeat(7) + ' '.repeat(30), true],
  ['0' + ' '.repeat(30) + '123456', false],
];

const emails: [address: string, ok: boolean][] = [
  ['namn@exempel.se', true],
  ['anna.svensson+fel@kommun.example.se', true],
  [`${'a'.repeat(64)}@${'b'.repeat(186)}.se`, true],
  [`${'a'.repeat(64)}@${'b'.repeat(187)}.se`, false],
  ['namn@exempel', false],
  ['namn exempel.se', false],
  ['namn@exem pel.se', false],
  ['@exempel.se', false],
];

const lengths: [what: string, field: string, validate: (value: string) => string | undefined, max: number][] = [
  ['description', 'description', validateDescription, maxDescriptionLength],
  ['first name', 'first_name', validateFirstName, maxNameLength],
  ['last name', 'last_name', validateLastName, maxNameLength],
  ['place in words', 'address_string', validateAddress, maxAddressLength],
  ['answer to a free-text question', `attribute[${freeText.code}]`, validateAttributeText, maxAttributeLength],
];

describe('felanmälan: the widget and the gateway apply one rule', () => {
  it('uses the limits of the issue', () => {
    expect([maxDescriptionLength, maxNameLength, maxAddressLength, maxAttributeLength]).toEqual([4000, 100, 500, 1000]);
  });

  it('checks names on the contact page with the validators tested here', () => {
    expect(contactRules.firstName.validate).toBe(validateFirstName);
    expect(contactRules.lastName.validate).toBe(validateLastName);
  });

  it.each(phones)('phone %j: valid %s', (phone, ok) => {
    expect(gatewayRefuses('phone', phone), 'gateway refuses').toBe(!ok);
    expect(widgetRefuses(validatePhone, phone), 'widget refuses').toBe(!ok);
    expect(contactRules.phone.validate, 'the contact page uses it').toBe(validatePhone);
  });

  it.each(emails)('e-mail %j: valid %s', (email, ok) => {
    expect(gatewayRefuses('email', email), 'gateway refuses').toBe(!ok);
    expect(widgetRefuses(validateEmail, email), 'widget refuses').toBe(!ok);
    expect(contactRules.email.validate, 'the contact page uses it').toBe(validateEmail);
  });

  describe.each(lengths)('%s', (_what, field, validate, max) => {
    it.each([
      [max, true],
      [max + 1, false],
    ])('%i characters: valid %s', (length, ok) => {
      const value = 'x'.repeat(length);
      expect(gatewayRefuses(field, value), 'gateway refuses').toBe(!ok);
      expect(widgetRefuses(validate, value), 'widget refuses').toBe(!ok);
    });

    it('counts characters, not UTF-16 units: an emoji is one', () => {
      expect(gatewayRefuses(field, '😀'.repeat(max)), 'gateway refuses').toBe(false);
      expect(widgetRefuses(validate, '😀'.repeat(max)), 'widget refuses').toBe(false);
      expect(gatewayRefuses(field, '😀'.repeat(max + 1)), 'gateway refuses').toBe(true);
      expect(widgetRefuses(validate, '😀'.repeat(max + 1)), 'widget refuses').toBe(true);
    });

    it('counts the trimmed value, as the gateway does', () => {
      const value = ` ${'x'.repeat(max)} `;
      expect(gatewayRefuses(field, value)).toBe(false);
      expect(widgetRefuses(validate, value)).toBe(false);
    });
  });

  it('answers in Swedish on both sides', () => {
    expect(validatePhone('123456')).toBe('Skriv telefonnumret med siffror, till exempel 070-123 45 67');
    expect(validateDescription('x'.repeat(maxDescriptionLength + 1))).toBe('Beskrivningen får vara högst 4000 tecken');
    const result = parseReport(new Map([['description', ['Lampan är släckt.']], ['address_string', ['Storgatan 1']], ['phone', ['123456']]]), category);
    expect(result).toEqual({ errors: [{ code: 400, field: 'phone', description: 'Ange ett telefonnummer med siffror, till exempel 070-123 45 67.' }] });
  });
});
