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

/**
 * Appends the Luhn check digit to `YYYYMMDDNNN`. Written here because `personnummer` validates
 * numbers but does not make them, and the children's numbers follow the calendar (below).
 */
function withCheckDigit(first11: string): string {
  const sum = Array.from(first11.slice(2), Number).reduce((total, digit, index) => {
    const product = digit * (index % 2 === 0 ? 2 : 1);
    return total + (product > 9 ? product - 9 : product);
  }, 0);
  return `${first11}${String((10 - (sum % 10)) % 10)}`;
}

/** A child born `yearsAgo` years before this year (in Sweden's time zone), so ages stay right. */
function child(givenName: string, yearsAgo: number, monthDay: string, serial: string): TestChild {
  const year = Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date())) - yearsAgo;
  const birthDate = `${String(year)}-${monthDay}`;
  return { givenName, familyName: 'Andersson', birthDate, personnummer: withCheckDigit(`${birthDate.replace(/-/g, '')}${serial}`) };
}

// Two of preschool age (1–5) and one of school age (7–12), whatever the date.
const barn: TestChild[] = [child('Saga', 4, '03-15', '992'), child('Elias', 2, '01-07', '991'), child('Maja', 9, '08-24', '994')];

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
