import { sql } from 'kysely';
import { fileURLToPath } from 'node:url';
import { buildGateway } from '../../src/app.js';
import type { ResolvedConfig } from '../../src/config/load.js';
import { openDatabase } from '../../src/db/database.js';
import type { Application } from '@kommunkit/contract';
import { luhnCheckDigit } from '@kommunkit/contract/fakturor-rules';
import { testPersonIds, testPersons, type TestPerson } from '../../src/dev-idp/persons.js';
import { barnomsorgModule } from '../../src/services/barnomsorg/index.js';
import type { PopulationRegister, RegisterChild } from '../../src/services/barnomsorg/register.js';
import type { BarnomsorgSettings } from '../../src/services/barnomsorg/settings.js';
import { felanmalan } from '../../src/services/felanmalan/index.js';
import { lokalbokning } from '../../src/services/lokalbokning/index.js';
import type { BarnomsorgFixtures } from './bad-input-cases.js';
import { freePort, pages, testConfig, type TestDb, type TestGateway } from './gateway.js';
import { writeHeaders, type Browser } from './http.js';

/** The demo's units file, absolute, so a test config finds it wherever its configDir points. */
export const unitsFile = fileURLToPath(new URL('../../config/exempelstad-forskolor.json', import.meta.url));
export const barnomsorgKey = 'barnomsorg-key-exempelstad-0123';

/** Turns barnomsorg on for Exempelstad in a test config (grannby stays without it), with the defaults unless overridden. */
export function withBarnomsorg(overrides: Partial<BarnomsorgSettings> = {}): (config: ResolvedConfig) => void {
  return (config) => {
    const kommun = config.kommunById.get('exempelstad')!;
    kommun.services.barnomsorg = { adapter: 'builtin', referencePrefix: 'EXS', caseWorkerApiKey: barnomsorgKey, unitsFile, maxtaxa: { year: 2025, incomeCeilingMonthlyOre: 5_713_000 }, ...overrides };
  };
}

/** Barnomsorg's tables emptied: on a PostgreSQL server they outlive the test files. */
export async function resetBarnomsorg(db: TestDb): Promise<void> {
  await sql`truncate table barnomsorg_message, barnomsorg_application_event, barnomsorg_application_unit, barnomsorg_placement, barnomsorg_application, barnomsorg_counter`.execute(db);
}

/**
 * A gateway like `startGateway`'s, with barnomsorg on and the population register given (a
 * failing one, say). Other services as usual.
 */
export async function startWithRegister(register: PopulationRegister, settings: Partial<BarnomsorgSettings> = {}, anonymousWritesPerMinute?: number): Promise<TestGateway> {
  const port = await freePort();
  const url = `http://127.0.0.1:${String(port)}`;
  const config = testConfig(url, anonymousWritesPerMinute);
  withBarnomsorg(settings)(config);
  const opened = await openDatabase({ url: process.env.DATABASE_URL, timeouts: config.timeouts });
  const app = await buildGateway({ config, db: opened, logger: false, services: [felanmalan, lokalbokning, barnomsorgModule({ register: () => register })] });
  const db = opened as TestDb;
  const reset = async () => {
    await sql`truncate table session, auth_request, draft, rate_limit, dev_idp_entry`.execute(db);
  };
  await app.listen({ port, host: '127.0.0.1' });
  return {
    app,
    db,
    url,
    config,
    reset,
    close: async () => {
      await app.close();
      await opened.destroy();
    },
  };
}

const guardian = testPersons.find((person) => person.id === testPersonIds.guardian)!;
const byName = (name: string) => [...guardian.children!, ...guardian.protectedChildren!].find((child) => child.givenName === name)!;
/** Anna's and Erik's children: Saga and Elias of preschool age, Maja at school, Leo with protected identity. */
export const children = { saga: byName('Saga'), elias: byName('Elias'), maja: byName('Maja'), leo: byName('Leo') } as const;

export const api = '/api/v1/exempelstad/barnomsorg';
/** A write from the kommun's page as the SDK sends it; without a body, no Content-Type either. */
export function post(body?: unknown, extra: Record<string, string> = {}): RequestInit {
  const { 'content-type': type, ...headers } = writeHeaders(pages.exempelstad);
  return { method: 'POST', headers: { ...headers, ...(body === undefined ? {} : { 'content-type': type! }), ...extra }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
}

const stockholm = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });
export const today = (): string => stockholm.format(new Date());
export const daysAhead = (days: number): string => new Date(Date.parse(`${today()}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A valid application for Saga (förskola), to change one field of. */
export const sagaApplication = (extra: Record<string, unknown> = {}) => ({
  type: 'forskola',
  childId: children.saga.id,
  desiredStartDate: daysAhead(60),
  units: ['solrosen', 'ekorren'],
  schedule: { hoursPerWeek: 40, dropOff: '07:30', pickUp: '16:00' },
  reason: 'arbete',
  ...extra,
});

/** A case worker's call with the kommun's key. */
export const caseWorker = (url: string, path: string, body?: unknown, method = 'POST') =>
  fetch(`${url}${api}/case-work${path}`, {
    method,
    headers: { authorization: `Bearer ${barnomsorgKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the type of the parsed answer
export async function read<T>(response: Response): Promise<{ status: number; body: T }> {
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- as read
export const call = async <T>(browser: Browser, path: string, init?: RequestInit) => read<T>(await browser.fetch(`${api}${path}`, init));

/** A valid 12-digit number for a birth date and birth number (`day` + 60 makes a samordningsnummer). */
export function identityNumber(birthDate: string, birthNumber: string, coordination = false): string {
  const [year, month, day] = birthDate.split('-') as [string, string, string];
  const first11 = `${year}${month}${String(Number(day) + (coordination ? 60 : 0)).padStart(2, '0')}${birthNumber}`;
  return `${first11}${String(luhnCheckDigit(first11.slice(2)))}`;
}

/**
 * A register where Anna and Erik share `count` children of preschool age (born two years ago),
 * the last with a samordningsnummer: enough children for one application in each state at once.
 */
export function familyRegister(count: number): { register: PopulationRegister; children: RegisterChild[] } {
  const anna = testPersons.find((person) => person.id === testPersonIds.guardian)!;
  const erik = testPersons.find((person) => person.id === testPersonIds.otherGuardian)!;
  const year = Number(today().slice(0, 4)) - 2;
  const kids: RegisterChild[] = Array.from({ length: count }, (_, index) => {
    const birthDate = `${String(year)}-0${String(1 + (index % 9))}-1${String(index % 10)}`;
    return { id: crypto.randomUUID(), personnummer: identityNumber(birthDate, `98${String(index % 10)}`, index === count - 1), givenName: `Barn${String(index + 1)}`, familyName: 'Andersson', birthDate, protectedIdentity: false };
  });
  const guardian = (person: TestPerson) => ({ personnummer: person.personnummer, givenName: person.givenName, familyName: person.familyName });
  return {
    children: kids,
    register: {
      childrenOf: (personnummer) => {
        const other = personnummer === anna.personnummer ? erik : personnummer === erik.personnummer ? anna : undefined;
        return Promise.resolve(other ? kids.map((child) => ({ ...child, otherGuardian: guardian(other) })) : []);
      },
      guardiansOf: (childId) => {
        const child = kids.find((candidate) => candidate.id === childId);
        return Promise.resolve(child ? { child, guardians: [guardian(anna), guardian(erik)] } : undefined);
      },
    },
  };
}

/**
 * The bad-input harness's barnomsorg fixtures (`BarnomsorgFixtures`), made over HTTP on a gateway
 * with `familyRegister` and `otherGuardianMustConfirm`: one application of Anna's in each state a
 * route's base needs, and a placement.
 */
export async function barnomsorgFixtures(url: string, kids: readonly RegisterChild[], annaSession: string, erikSession: string): Promise<BarnomsorgFixtures> {
  const as = (cookie: string, body?: unknown) => {
    const init = post(body);
    return { ...init, headers: { ...(init.headers as Record<string, string>), cookie: `kk_session=${cookie}` } };
  };
  const ok = async <T>(response: Response, what: string): Promise<T> => {
    const text = await response.text();
    if (response.status >= 300) throw new Error(`barnomsorg fixture ${what}: ${String(response.status)} ${text}`);
    return JSON.parse(text) as T;
  };
  const create = async (child: RegisterChild) => (await ok<Application>(await fetch(`${url}${api}/applications`, as(annaSession, { ...sagaApplication(), childId: child.id })), `create for ${child.givenName}`)).id;
  const confirm = (id: string) => fetch(`${url}${api}/applications/${id}/confirm`, as(erikSession)).then((response) => ok<Application>(response, `confirm ${id}`));
  const step = (id: string, path: string, body?: unknown) => caseWorker(url, `/applications/${id}/${path}`, body).then((response) => ok<Application>(response, `${path} ${id}`));
  const [get, withdrawBase, answer, record, confirmId, receive, offer, placed] = await Promise.all(kids.slice(1, 9).map(create));
  for (const id of [answer!, record!, receive!, offer!, placed!]) await confirm(id);
  for (const id of [answer!, record!, offer!, placed!]) await step(id, 'receive');
  for (const id of [answer!, record!, placed!]) await step(id, 'offer', { unitId: 'solrosen', startDate: daysAhead(60) });
  const accepted = await fetch(`${url}${api}/applications/${placed!}/answer`, as(annaSession, { answer: 'accepterad' })).then((response) => ok<Application>(response, 'accept'));
  return {
    caseWorkerKey: barnomsorgKey,
    otherSession: erikSession,
    ids: { get: get!, withdrawBase: withdrawBase!, answer: answer!, record: record!, confirm: confirmId!, receive: receive!, offer: offer!, placement: accepted.placementId! },
    application: { ...sagaApplication(), childId: kids[0]!.id },
    lateInvalidApplication: { ...sagaApplication(), childId: kids[0]!.id, type: 'fritidshem', units: ['centrumskolan-fritids'] },
    offer: { unitId: 'ekorren', startDate: daysAhead(45) },
    noticeEnd: daysAhead(120),
  };
}
