/**
 * Test persons of the development identity provider, the way BankID and Freja test
 * environments offer them. Plain data: the later services' dev adapters (barnomsorg, fakturor,
 * lokalbokning) read the relations from here, and nothing in this module has side effects.
 *
 * Personnummer:
 * - The adults' numbers are from Skatteverket's published test numbers (open data
 *   "Testpersonnummer"), which are never given to real persons.
 * - The children's birth dates move with the calendar, so their ages stay right whatever the
 *   date (two of preschool age, one of school age, and a fourth of preschool age with protected
 *   identity). Their numbers are therefore made here:
 *   birth date + birth number + Luhn check digit. They are valid but not from Skatteverket's
 *   list, so never send them to a real register.
 * The unit tests check every number with the `personnummer` package.
 */

import { swedishDate } from '@kommunkit/contract/barnomsorg-rules';
import { luhnCheckDigit } from '@kommunkit/contract/fakturor-rules';

/** A folkbokföringsadress. Persons with protected identity have none in this data at all. */
export interface TestAddress {
  street: string;
  postalCode: string;
  city: string;
}

export interface TestChild {
  /** Opaque id, for references that must not carry the personnummer (events, URLs). */
  id: string;
  givenName: string;
  familyName: string;
  /** 12 digits, `YYYYMMDDNNNC`. */
  personnummer: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
}

export interface TestForening {
  name: string;
  /** `NNNNNN-NNNN`, Luhn-valid, third digit ≥ 2 (ideella föreningar start with 8). */
  organisationsnummer: string;
  /** The person's role in the förening. */
  role: string;
}

interface TestPersonBase {
  /** Opaque subject (`sub`) the identity provider issues; never the personnummer. */
  id: string;
  givenName: string;
  familyName: string;
  /** 12 digits, `YYYYMMDDNNNC`. */
  personnummer: string;
  /** Shown on the login page, in Swedish, so a tester knows whom they pick. */
  description: string;
  /** Children the person is vårdnadshavare for. */
  children?: readonly TestChild[];
  /**
   * Children the person is also vårdnadshavare for, whose identity is protected (skyddade
   * personuppgifter). The population register knows them; no service lists them, shows them
   * or lets anyone apply for them (barnomsorg tells the guardian to contact the kommun).
   */
  protectedChildren?: readonly TestChild[];
  /** The id of the children's other guardian (set on both guardians). */
  otherGuardianId?: string;
  /**
   * Set on the second guardian only: the id of the guardian listed first, whose children these
   * also are. `children && !otherGuardianOf` picks "the" guardian.
   */
  otherGuardianOf?: string;
  /** The förening the person represents (books halls for, applies for grants for). */
  forening?: TestForening;
  /** The kommun has sent this person invoices (mina fakturor). */
  hasInvoices?: boolean;
}

/**
 * A test person. Skyddad identitet (protected identity) is in the type: such a person has no
 * address here, so no service can show one.
 */
export type TestPerson = TestPersonBase &
  ({ protectedIdentity?: false; address: TestAddress } | { protectedIdentity: true; address?: never });

/** The stable ids of the test persons, for tests and dev adapters that want one by role. */
export const testPersonIds = {
  guardian: '398e3e10-ae57-4a91-acb2-3d1981f1e3ea',
  otherGuardian: 'c74a2568-2311-41c7-b02d-eaa9e6361180',
  foreningRepresentative: 'bfd2bee3-5d6a-452d-813c-2086785a92b1',
  invoiceRecipient: '40dd5606-c6c7-4ec1-8e24-97c6265052c2',
  protectedIdentity: '292ea11e-dfc0-40d3-8c57-5d76d3e55a9b',
} as const;

export type TestPersonId = (typeof testPersonIds)[keyof typeof testPersonIds];

/** A child born `yearsBefore` years before the year of `today` (in Sweden), on `monthDay`. */
function child(id: string, givenName: string, today: Date, yearsBefore: number, monthDay: string, birthNumber: string): TestChild {
  const birthDate = `${String(Number(swedishDate(today).slice(0, 4)) - yearsBefore)}-${monthDay}`;
  const first11 = `${birthDate.replace(/-/g, '')}${birthNumber}`;
  return { id, givenName, familyName: 'Andersson', birthDate, personnummer: `${first11}${String(luhnCheckDigit(first11.slice(2)))}` };
}

/**
 * The test persons as of `today`. Only the children's birth dates (and so their personnummer)
 * depend on the date: whatever day it is, two are of preschool age (1–5) and one of school age
 * (7–12). Use `testPersons` unless you test the calendar itself.
 */
export function createTestPersons(today: Date = new Date()): readonly TestPerson[] {
  // Birth numbers: the third digit is even for girls and odd for boys.
  const children: readonly TestChild[] = [
    child('4c38584d-b233-4d02-a211-921824edd507', 'Saga', today, 4, '03-15', '992'), // 3 or 4 years old
    child('1b82d3e6-29b3-4fe3-b130-bc4e0635afda', 'Elias', today, 2, '01-07', '991'), // 1 or 2 years old
    child('a30ecafd-8ec8-4612-acc7-ffe8746f3895', 'Maja', today, 9, '08-24', '994'), // 8 or 9 years old
  ];
  // The fourth child, of preschool age too, has protected identity: never listed (barnomsorg's someNotShown).
  const protectedChildren: readonly TestChild[] = [child('e8b1f0c2-5d3a-4c7e-9f61-2a4b8d7c3e15', 'Leo', today, 3, '06-02', '993')];
  const home: TestAddress = { street: 'Lärkstigen 7', postalCode: '123 45', city: 'Exempelstad' };
  return [
    {
      id: testPersonIds.guardian,
      givenName: 'Anna',
      familyName: 'Andersson',
      personnummer: '198004262385',
      description: 'Vårdnadshavare med tre barn: två i förskoleåldern och ett i skolåldern (och ett fjärde med skyddade personuppgifter)',
      address: home,
      children,
      protectedChildren,
      otherGuardianId: testPersonIds.otherGuardian,
    },
    {
      id: testPersonIds.otherGuardian,
      givenName: 'Erik',
      familyName: 'Andersson',
      personnummer: '198204212396',
      description: 'Barnens andra vårdnadshavare (samma barn som Anna Andersson)',
      address: home,
      children,
      protectedChildren,
      otherGuardianId: testPersonIds.guardian,
      otherGuardianOf: testPersonIds.guardian,
    },
    {
      id: testPersonIds.foreningRepresentative,
      givenName: 'Karin',
      familyName: 'Lind',
      personnummer: '198508122382',
      description: 'Ordförande i Exempelstads Bollklubb, bokar lokaler för föreningen',
      address: { street: 'Idrottsvägen 3 B', postalCode: '123 50', city: 'Exempelstad' },
      forening: { name: 'Exempelstads Bollklubb', organisationsnummer: '802471-3565', role: 'Ordförande' },
    },
    {
      id: testPersonIds.invoiceRecipient,
      givenName: 'Johan',
      familyName: 'Berg',
      personnummer: '198308172397',
      description: 'Invånare med fakturor från kommunen',
      address: { street: 'Storgatan 21', postalCode: '123 40', city: 'Exempelstad' },
      hasInvoices: true,
    },
    {
      id: testPersonIds.protectedIdentity,
      givenName: 'Sara',
      familyName: 'Holm',
      personnummer: '198708152387',
      description: 'Invånare med skyddad identitet: adressen visas aldrig',
      protectedIdentity: true,
    },
  ];
}

/** The test persons as of when the gateway started. */
export const testPersons: readonly TestPerson[] = createTestPersons();

export const personById = (id: string): TestPerson | undefined => testPersons.find((person) => person.id === id);

/** Personnummer shown as BankID test apps do: `ÅÅÅÅMMDD-NNNN`. */
export const formatPersonnummer = (value: string): string => `${value.slice(0, 8)}-${value.slice(8)}`;
