import Personnummer from 'personnummer';
import { describe, expect, it } from 'vitest';
import { createTestPersons, testPersonIds, testPersons } from '../src/dev-idp/persons.js';
import { parseIdentity } from '../src/services/barnomsorg/identity.js';
import { devRegister } from '../src/services/barnomsorg/registers/dev.js';

const anna = testPersons.find((person) => person.id === testPersonIds.guardian)!;
const erik = testPersons.find((person) => person.id === testPersonIds.otherGuardian)!;

describe('identity numbers (the personnummer package)', () => {
  it('accepts a personnummer in any common form and gives it as 12 digits with the birth date', () => {
    for (const form of ['198004262385', '19800426-2385', '800426-2385', '8004262385']) {
      expect(parseIdentity(form), form).toEqual({ number: '198004262385', birthDate: '1980-04-26', coordinationNumber: false });
    }
    // The ten-digit form with a plus sign is someone over 100.
    expect(parseIdentity('800426+2385')).toEqual({ number: '188004262385', birthDate: '1880-04-26', coordinationNumber: false });
  });

  it('accepts a samordningsnummer (day + 60) and gives the real birth date', () => {
    const number = '198004862382';
    expect(Personnummer.valid(number, { allowCoordinationNumber: true, allowInterimNumber: false })).toBe(true);
    expect(parseIdentity(number)).toEqual({ number, birthDate: '1980-04-26', coordinationNumber: true });
    expect(parseIdentity('800486-2382')).toEqual({ number, birthDate: '1980-04-26', coordinationNumber: true });
    // Day 91 would be the 31st of a 30-day month.
    expect(parseIdentity('198004912386')).toBeNull();
  });

  it('refuses a wrong check digit, a date that does not exist, and anything but the number', () => {
    expect(parseIdentity('198004262384')).toBeNull();
    expect(parseIdentity('198002302385')).toBeNull();
    expect(parseIdentity('198013012385')).toBeNull();
    for (const value of ['', 'abc', '1980-04-26', '1980042623851', ' 198004262385', '19800426 2385', '198004262385\u0000']) expect(parseIdentity(value), JSON.stringify(value)).toBeNull();
  });

  it('holds for every child of the test persons, the one with protected identity included', () => {
    for (const child of [...anna.children!, ...anna.protectedChildren!]) {
      expect(parseIdentity(child.personnummer), child.givenName).toEqual({ number: child.personnummer, birthDate: child.birthDate, coordinationNumber: false });
    }
  });
});

describe('the dev population register', () => {
  const register = devRegister(testPersons, { enabled: true });

  it('gives the guardian\'s four children with the other guardian, the fourth flagged as protected identity', async () => {
    const children = await register.childrenOf(anna.personnummer);
    expect(children.map((child) => [child.givenName, child.protectedIdentity])).toEqual([
      ['Saga', false],
      ['Elias', false],
      ['Maja', false],
      ['Leo', true],
    ]);
    for (const child of children) expect(child.otherGuardian).toEqual({ personnummer: erik.personnummer, givenName: 'Erik', familyName: 'Andersson' });
    // Any form of the number finds the person: the adapter validates and normalises what it gets.
    expect((await register.childrenOf('800426-2385')).map((child) => child.id)).toEqual(children.map((child) => child.id));
    expect((await register.childrenOf(erik.personnummer)).map((child) => child.otherGuardian?.givenName)).toEqual(['Anna', 'Anna', 'Anna', 'Anna']);
  });

  it('knows no one for a person without children, an invalid number, or when the dev identity provider is off', async () => {
    const johan = testPersons.find((person) => person.id === testPersonIds.invoiceRecipient)!;
    expect(await register.childrenOf(johan.personnummer)).toEqual([]);
    expect(await register.childrenOf('198004262384')).toEqual([]);
    expect(await register.childrenOf('')).toEqual([]);
    const off = devRegister(testPersons, { enabled: false });
    expect(await off.childrenOf(anna.personnummer)).toEqual([]);
    expect(await off.guardiansOf(anna.children![0]!.id)).toBeUndefined();
  });

  it('gives a child\'s guardians by its opaque id, and the protected child with its flag', async () => {
    const saga = anna.children![0]!;
    const found = await register.guardiansOf(saga.id);
    expect(found?.child).toEqual({ id: saga.id, personnummer: saga.personnummer, givenName: 'Saga', familyName: 'Andersson', birthDate: saga.birthDate, protectedIdentity: false });
    expect(found?.guardians.map((guardian) => guardian.personnummer)).toEqual([anna.personnummer, erik.personnummer]);
    expect((await register.guardiansOf(anna.protectedChildren![0]!.id))?.child.protectedIdentity).toBe(true);
    expect(await register.guardiansOf(crypto.randomUUID())).toBeUndefined();
  });

  it('keeps the fourth child of preschool age on every day of the years ahead', () => {
    for (let day = Date.UTC(2026, 0, 1, 11); day <= Date.UTC(2028, 11, 31, 11); day += 7 * 86_400_000) {
      const leo = createTestPersons(new Date(day)).find((person) => person.id === testPersonIds.guardian)!.protectedChildren![0]!;
      const age = new Date(day).getUTCFullYear() - Number(leo.birthDate.slice(0, 4)) - (new Date(day).toISOString().slice(5, 10) < leo.birthDate.slice(5) ? 1 : 0);
      expect(age).toBeGreaterThanOrEqual(2);
      expect(age).toBeLessThanOrEqual(3);
      expect(Personnummer.parse(leo.personnummer).isMale()).toBe(true);
    }
  });
});
