import Personnummer from 'personnummer';
import { afterEach, describe, expect, it } from 'vitest';
import { loginPage } from '../src/dev-idp/login-page.js';
import { formatPersonnummer, testPersons } from '../src/dev-idp/persons.js';
import { createDevProvider } from '../src/dev-idp/provider.js';

const ageOf = (personnummer: string) => Personnummer.parse(personnummer).getAge();

describe('test persons of the development identity provider', () => {
  it('all have valid personnummer and opaque ids that are not personnummer', () => {
    const numbers = testPersons.flatMap((person) => [person.personnummer, ...(person.children ?? []).map((child) => child.personnummer)]);
    for (const number of numbers) expect(Personnummer.valid(number), number).toBe(true);
    for (const person of testPersons) expect(person.id).not.toMatch(/\d{6}/);
    expect(new Set(testPersons.map((person) => person.id)).size).toBe(testPersons.length);
  });

  it('include a guardian with two children of preschool age and one of school age, and the other guardian', () => {
    const guardian = testPersons.find((person) => person.children && !person.otherGuardianOf)!;
    const ages = guardian.children!.map((child) => ageOf(child.personnummer));
    expect(ages.filter((age) => age >= 1 && age <= 5)).toHaveLength(2);
    expect(ages.filter((age) => age >= 7 && age <= 12)).toHaveLength(1);
    for (const child of guardian.children!) expect(child.personnummer.startsWith(child.birthDate.replace(/-/g, ''))).toBe(true);

    const other = testPersons.find((person) => person.otherGuardianOf === guardian.id)!;
    expect(other.children).toEqual(guardian.children);
  });

  it('include a förening representative, a citizen with invoices and one with protected identity', () => {
    const forening = testPersons.find((person) => person.forening)!.forening!;
    expect(forening.organisationsnummer).toMatch(/^\d{6}-\d{4}$/);
    expect(testPersons.some((person) => person.hasInvoices)).toBe(true);
    expect(testPersons.some((person) => person.protectedIdentity)).toBe(true);
  });

  it('are listed on the login page with their personnummer and description, escaped', () => {
    const page = loginPage({ action: '/dev-idp/interaction/abc/login', clientName: '<exempelstad>' });
    expect(page).toContain('<html lang="sv">');
    for (const person of testPersons) {
      expect(page).toContain(formatPersonnummer(person.personnummer));
      expect(page).toContain(person.description);
    }
    expect(page).toContain('&lt;exempelstad&gt;');
    expect(page).not.toMatch(/<script/i);
  });
});

describe('the development identity provider', () => {
  const environment = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = environment;
  });

  it('refuses to start in production', () => {
    process.env.NODE_ENV = 'production';
    expect(() => createDevProvider('http://localhost:8080/dev-idp', [])).toThrow(/NODE_ENV=production/);
  });
});
