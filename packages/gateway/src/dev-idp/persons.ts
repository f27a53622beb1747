/**
 * Test persons of the development identity provider, the way BankID and Freja test
 * environments offer them. Personnummer are Luhn-valid and use the 98x–99x birth-number series,
 * kept apart from everyday numbers for tests; the unit tests check each with `personnummer`.
 * Later services (barnomsorg, fakturor, lokalbokning) read the relations from here through
 * their dev adapters, so this stays plain data.
 */
export interface TestChild {
  givenName: string;
  familyName: string;
  personnummer: string;
  birthDate: string;
}

export interface TestPerson {
  /** Opaque subject (`sub`) the identity provider issues; never the personnummer. */
  id: string;
  givenName: string;
  familyName: string;
  personnummer: string;
  /** Shown on the login page, in Swedish, so a tester knows whom they pick. */
  description: string;
  children?: TestChild[];
  otherGuardianOf?: string;
  forening?: { name: string; organisationsnummer: string; role: string };
  hasInvoices?: boolean;
  /** Skyddad identitet: their address is never shown, and some services hand them over to staff. */
  protectedIdentity?: boolean;
}

const barn: TestChild[] = [
  { givenName: 'Saga', familyName: 'Andersson', personnummer: '202203159922', birthDate: '2022-03-15' },
  { givenName: 'Elias', familyName: 'Andersson', personnummer: '202401079914', birthDate: '2024-01-07' },
  { givenName: 'Maja', familyName: 'Andersson', personnummer: '201708249949', birthDate: '2017-08-24' },
];

export const testPersons: readonly TestPerson[] = [
  {
    id: 'tp-anna-andersson',
    givenName: 'Anna',
    familyName: 'Andersson',
    personnummer: '198504129829',
    description: 'Vårdnadshavare med tre barn: två i förskoleåldern och ett i skolåldern',
    children: barn,
  },
  {
    id: 'tp-erik-andersson',
    givenName: 'Erik',
    familyName: 'Andersson',
    personnummer: '198709189818',
    description: 'Barnens andra vårdnadshavare',
    children: barn,
    otherGuardianOf: 'tp-anna-andersson',
  },
  {
    id: 'tp-karin-lind',
    givenName: 'Karin',
    familyName: 'Lind',
    personnummer: '197902039861',
    description: 'Ordförande i en förening som bokar lokaler',
    forening: { name: 'Exempelstads Bollklubb', organisationsnummer: '802471-3565', role: 'Ordförande' },
  },
  {
    id: 'tp-johan-berg',
    givenName: 'Johan',
    familyName: 'Berg',
    personnummer: '199206119837',
    description: 'Invånare med fakturor från kommunen',
    hasInvoices: true,
  },
  {
    id: 'tp-sara-holm',
    givenName: 'Sara',
    familyName: 'Holm',
    personnummer: '196809309880',
    description: 'Invånare med skyddad identitet',
    protectedIdentity: true,
  },
];

export const personById = (id: string): TestPerson | undefined => testPersons.find((person) => person.id === id);

/** Personnummer shown as BankID test apps do: `ÅÅÅÅMMDD-NNNN`. */
export const formatPersonnummer = (value: string): string => `${value.slice(0, 8)}-${value.slice(8)}`;
