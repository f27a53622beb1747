import type { Application, Booking, FinanceInvoice, SeasonRequest, SeasonRequests } from '@kommunkit/contract';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildGateway } from '../src/app.js';
import { openDatabase, type Db } from '../src/db/database.js';
import { barnomsorgModule } from '../src/services/barnomsorg/index.js';
import { fakturor } from '../src/services/fakturor/index.js';
import { felanmalan } from '../src/services/felanmalan/index.js';
import { lokalbokning } from '../src/services/lokalbokning/index.js';
import type { Gateway } from '../src/types.js';
import { api as barnomsorgApi, familyRegister, post, resetBarnomsorg, sagaApplication, withBarnomsorg } from './support/barnomsorg.js';
import { financeCall, importDocument, resetFakturor, ublDocument, withFakturor } from './support/fakturor.js';
import { freePort, pages, testConfig, type TestDb } from './support/gateway.js';
import { writeHeaders, type Browser } from './support/http.js';
import { addDays, instantAt } from '../src/services/lokalbokning/time.js';
import { api as lokalbokningApi, json, loggedIn, lokalbokningKey, openDate, persons, resetLokalbokning, withLokalbokning } from './support/lokalbokning.js';

/**
 * Round trips of the services' writes: a gateway whose database tells of every statement it is
 * sent (transaction control included), what creating a booking, an application and importing
 * an invoice cost in statements, and that the guarantees the fewer statements keep still hold.
 */
let statements: string[] = [];
let opened: Db;
let db: TestDb;
let app: Gateway;
let url: string;
const family = familyRegister(24);
let anna: Browser;
beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${String(port)}`;
  const config = testConfig(url);
  withLokalbokning(config);
  withBarnomsorg()(config);
  withFakturor(config);
  opened = await openDatabase({ url: process.env.DATABASE_URL, timeouts: config.timeouts, onStatement: (text) => statements.push(text) });
  db = opened;
  app = await buildGateway({ config, db: opened, logger: false, services: [felanmalan, lokalbokning, barnomsorgModule({ register: () => family.register }), fakturor] });
  await app.listen({ port, host: '127.0.0.1' });
  await sql`truncate table session, auth_request, draft, rate_limit, dev_idp_entry`.execute(db);
  anna = await loggedIn(url, persons.anna);
}, 60_000);
afterAll(async () => {
  await app.close();
  await opened.destroy();
});
beforeEach(async () => {
  await resetLokalbokning(db);
  await resetBarnomsorg(db);
  await resetFakturor(db);
});

/** The statements the database was sent while `run` ran, without the rate limiter's upsert. */
async function counted(run: () => Promise<unknown>): Promise<string[]> {
  statements = [];
  await run();
  return statements.filter((text) => !/into rate_limit/i.test(text));
}

const writesOf = (sent: string[]) => sent.filter((text) => /^\s*(with|insert|update|delete)/i.test(text) || /^(begin|commit|rollback)$/.test(text));
/** The running number of a reference, `EXS-B-2026-000042` → 42. */
const numberOf = (reference: string) => Number(/-(\d+)$/.exec(reference)![1]);
const count = async (table: string) => Number((await sql<{ count: string | number }>`select count(*) as count from ${sql.table(table)}`.execute(db)).rows[0]!.count);

describe('lokalbokning: a booking', () => {
  let erik: Browser;
  let karin: Browser;
  let johan: Browser;
  beforeAll(async () => {
    [erik, karin, johan] = await Promise.all([loggedIn(url, persons.erik), loggedIn(url, persons.karin), loggedIn(url, persons.johan)]);
  }, 60_000);
  const slot = (lokalId: string, date: string, from: string, to: string) => ({ lokalId, start: instantAt(date, from).toISOString(), end: instantAt(date, to).toISOString(), purpose: 'Innebandy', acceptTerms: true });
  const book = async (browser: Browser, body: unknown) => {
    const response = await browser.fetch(`${lokalbokningApi}/bookings`, json(body));
    return { status: response.status, body: (await response.json()) as Booking & { detail?: string } };
  };

  it('is stored in four round trips: begin, the per-person lock, one statement that counts, numbers and stores, commit', async () => {
    const sent = await counted(async () => expect((await book(anna, slot('storhallen', openDate(8), '18:00', '19:00'))).status).toBe(201));
    // Before: begin, lock, count, counter, booking, event, commit (7) after the session lookup.
    expect(sent).toHaveLength(5);
    expect(sent[0]).toMatch(/from "session"/);
    expect(sent.slice(1, 3)).toEqual(['begin', 'select pg_advisory_xact_lock(hashtextextended($1, 0))']);
    expect(sent[3]).toMatch(/insert into "lokalbokning_counter"[\s\S]*count\(\*\)[\s\S]*insert into "lokalbokning_booking"[\s\S]*insert into "lokalbokning_booking_event"/);
    expect(sent[4]).toBe('commit');
  });

  it('a booking past the limit is refused in the same round trips, stores nothing and uses up no number', async () => {
    const date = openDate(8);
    // Ängens bollplan allows one upcoming booking per person.
    expect((await book(anna, slot('angens-bollplan', openDate(3, [6]), '10:00', '11:00'))).status).toBe(201);
    let refused!: Awaited<ReturnType<typeof book>>;
    const sent = await counted(async () => (refused = await book(anna, slot('angens-bollplan', openDate(3, [6]), '12:00', '13:00'))));
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(/redan 1 kommande bokning/);
    expect(writesOf(sent)).toEqual(['begin', expect.stringMatching(/^with "next_reference"/) as string, 'rollback']);
    expect(await count('lokalbokning_booking')).toBe(1);
    expect(await count('lokalbokning_booking_event')).toBe(1);
    const next = await book(erik, slot('storhallen', date, '10:00', '11:00'));
    expect(numberOf(next.body.reference)).toBe(2);
  });

  // On PGlite one connection runs everything in turn, so only a server can hold the lock meanwhile.
  it.skipIf(!process.env.DATABASE_URL)('counts what the lock\'s previous holder committed: the count is a statement after the lock, not in it', { timeout: 30_000 }, async () => {
    expect((await book(anna, slot('storhallen', openDate(8), '18:00', '19:00'))).status).toBe(201);
    const { subject } = (await sql<{ subject: string }>`select subject from lokalbokning_booking`.execute(db)).rows[0]!;
    const date = openDate(3, [6]);
    const [start, end] = [instantAt(date, '10:00').toISOString(), instantAt(date, '11:00').toISOString()];
    let booked!: ReturnType<typeof book>;
    await db.transaction().execute(async (trx) => {
      // Another request of Anna's holds her lock and has stored her one booking of Ängens bollplan, not yet committed.
      await sql`select pg_advisory_xact_lock(hashtextextended(${`lokalbokning:exempelstad:${subject}`}, 0))`.execute(trx);
      await sql`insert into lokalbokning_booking (kommun_id, lokal_id, reference, subject, customer_type, start_at, end_at, during, status, purpose, per_hour_ore, net_ore, vat_ore, total_ore, vat_percent)
        values ('exempelstad', 'angens-bollplan', 'EXS-B-HELD', ${subject}, 'privatperson', ${start}::timestamptz, ${end}::timestamptz, tstzrange(${start}::timestamptz, ${end}::timestamptz), 'bekraftad', 'Fotboll', 0, 0, 0, 0, 0)`.execute(trx);
      booked = book(anna, slot('angens-bollplan', date, '12:00', '13:00'));
      // Commit only once the booking waits for the lock: a count in the statement that waited would not see this row.
      for (let waited = 0; ; waited += 1) {
        const { rows } = await sql<{ count: string }>`select count(*) as count from pg_stat_activity where wait_event_type = 'Lock' and wait_event = 'advisory'`.execute(db);
        if (Number(rows[0]!.count) > 0) break;
        if (waited > 200) throw new Error('the booking never waited for the lock');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    });
    const refused = await booked;
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(/redan 1 kommande bokning/);
  });

  it('one person\'s eight bookings at once pass the limit of three exactly three times, numbered 1 to 3', { timeout: 30_000 }, async () => {
    const date = openDate(9);
    const hours = ['08', '09', '10', '11', '12', '13', '14', '15'];
    const results = await Promise.all(hours.map((hour) => book(karin, slot('storhallen', date, `${hour}:00`, `${String(Number(hour) + 1).padStart(2, '0')}:00`))));
    expect(results.map((result) => result.status).sort()).toEqual([201, 201, 201, 422, 422, 422, 422, 422]);
    expect(results.filter((result) => result.status === 201).map((result) => numberOf(result.body.reference)).sort()).toEqual([1, 2, 3]);
    expect(await count('lokalbokning_booking')).toBe(3);
    expect(await count('lokalbokning_booking_event')).toBe(3);
  });

  it('twelve bookings at once by four persons get distinct consecutive numbers', { timeout: 30_000 }, async () => {
    const date = openDate(10);
    const browsers = [anna, erik, karin, johan];
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, index) => book(browsers[index % 4]!, slot('storhallen', date, `${String(8 + index).padStart(2, '0')}:00`, `${String(9 + index).padStart(2, '0')}:00`))),
    );
    expect(results.map((result) => result.status)).toEqual(Array<number>(12).fill(201));
    expect(results.map((result) => numberOf(result.body.reference)).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
  });

  it('of overlapping bookings at once (by a buffer too) exactly one is stored; the refused use up no number', { timeout: 30_000 }, async () => {
    const date = openDate(11);
    const browsers = [anna, erik, karin, johan];
    // Lillhallen keeps 15 minutes after a booking free, so 19–20 overlaps 18–19 and 17–19 by their buffers: every two of these collide.
    const bodies = [slot('lillhallen', date, '18:00', '19:00'), slot('lillhallen', date, '17:00', '19:00'), slot('lillhallen', date, '18:00', '20:00'), slot('lillhallen', date, '19:00', '20:00')];
    const results = await Promise.all(Array.from({ length: 12 }, (_, index) => book(browsers[index % 4]!, bodies[index % 4])));
    expect(results.map((result) => result.status).sort()).toEqual([201, ...Array<number>(11).fill(409)]);
    expect(await count('lokalbokning_booking')).toBe(1);
    expect(await count('lokalbokning_booking_event')).toBe(1);
    expect(numberOf((await book(anna, slot('storhallen', date, '10:00', '11:00'))).body.reference)).toBe(2);
  });
});

describe('lokalbokning: a season request', () => {
  let karin: Browser;
  beforeAll(async () => {
    karin = await loggedIn(url, persons.karin);
  }, 60_000);
  const season = () => ({ lokalId: 'lillhallen', forening: '802471-3565', weekday: 3, startTime: '18:00', endTime: '19:00', fromDate: openDate(2, [3]), toDate: addDays(openDate(2, [3]), 5 * 7), purpose: 'Fotbollsträning', acceptTerms: true });
  const decide = (id: string) =>
    fetch(`${url}${lokalbokningApi}/season-requests/${id}/decision`, { method: 'POST', headers: { authorization: `Bearer ${lokalbokningKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ approve: 'all' }) });

  it('is stored in one statement (reference, request, occurrences) and answered without a read', async () => {
    let created!: Response;
    const sent = await counted(async () => (created = await karin.fetch(`${lokalbokningApi}/season-requests`, json(season()))));
    expect(created.status).toBe(201);
    // Before: begin, counter, request, occurrences, commit and the read back (6).
    const writes = writesOf(sent);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/insert into "lokalbokning_counter"[\s\S]*insert into "lokalbokning_season_request"[\s\S]*insert into "lokalbokning_season_occurrence"/);
    expect(sent.indexOf(writes[0]!)).toBe(sent.length - 1);
    const stored = (await created.json()) as SeasonRequest;
    const mine = (await (await karin.fetch(`${lokalbokningApi}/season-requests/mine`)).json()) as SeasonRequests;
    expect(stored).toEqual(mine.items[0]);
  });

  it('is decided with one statement per approved occurrence: its booking, reference, history entry and the occurrence granted', async () => {
    const stored = (await (await karin.fetch(`${lokalbokningApi}/season-requests`, json(season()))).json()) as SeasonRequest;
    const free = stored.occurrences.filter((occurrence) => occurrence.conflict === null).length;
    expect(free).toBeGreaterThan(2);
    let decided!: Response;
    const sent = await counted(async () => (decided = await decide(stored.id)));
    expect(decided.status).toBe(200);
    // Before: four statements per approved occurrence (counter, booking, event, occurrence).
    const bookingStatements = writesOf(sent).filter((text) => /^with "next_reference"/.test(text));
    expect(bookingStatements).toHaveLength(free);
    for (const text of bookingStatements) expect(text).toMatch(/insert into "lokalbokning_booking"[\s\S]*insert into "lokalbokning_booking_event"[\s\S]*update "lokalbokning_season_occurrence"/);
    expect(writesOf(sent)).toEqual([
      'begin',
      expect.stringMatching(/^update "lokalbokning_season_request"/) as string,
      expect.stringMatching(/^update "lokalbokning_season_occurrence"/) as string,
      ...bookingStatements,
      'commit',
    ]);
    const result = (await decided.json()) as SeasonRequest;
    const granted = result.occurrences.filter((occurrence) => occurrence.status === 'beviljad');
    expect(granted).toHaveLength(free);
    const references = await sql<{ reference: string }>`select reference from lokalbokning_booking where season_request_id = ${stored.id} order by reference`.execute(db);
    // Bookings and season requests share the kommun's counter: the request took the first number.
    expect(references.rows.map((row) => numberOf(row.reference))).toEqual(Array.from({ length: free }, (_, index) => numberOf(stored.reference) + index + 1));
    expect(new Set(granted.map((occurrence) => occurrence.bookingId)).size).toBe(free);
    expect(await count('lokalbokning_booking_event')).toBe(free);
  });
});

describe('barnomsorg: an application', () => {
  const apply = async (childIndex: number, extra: Record<string, unknown> = {}) => {
    const response = await anna.fetch(`${barnomsorgApi}/applications`, post({ ...sagaApplication(), childId: family.children[childIndex]!.id, ...extra }));
    return { status: response.status, body: (await response.json()) as Application };
  };

  it('is stored in one statement: reference, application, units, first event and the draft deleted, and answered without a read', async () => {
    const draft = await anna.fetch('/api/v1/exempelstad/drafts/barnomsorg', { method: 'PUT', headers: writeHeaders(pages.exempelstad), body: JSON.stringify({ data: { step: 1 }, step: 'enheter' }) });
    expect(draft.status).toBe(200);
    let created!: Awaited<ReturnType<typeof apply>>;
    const sent = await counted(async () => (created = await apply(0)));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // Before: the active-application check, begin, counter, application, units, event, draft, commit, the read back (9) after the session lookup.
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/from "session"/);
    expect(sent[1]).toMatch(
      /insert into "barnomsorg_counter"[\s\S]*insert into "barnomsorg_application"[\s\S]*insert into "barnomsorg_application_unit"[\s\S]*insert into "barnomsorg_application_event"[\s\S]*delete from "draft"/,
    );
    expect(created.body).toMatchObject({ status: 'inskickad', units: [{ id: 'solrosen' }, { id: 'ekorren' }], messages: [], placementId: null, history: [{ status: 'inskickad', note: 'Skickad av Anna Andersson.' }] });
    // The answer is what a read answers.
    const read = (await (await anna.fetch(`${barnomsorgApi}/applications/${created.body.id}`)).json()) as Application;
    expect(created.body).toEqual(read);
    expect((await anna.fetch('/api/v1/exempelstad/drafts/barnomsorg')).status).toBe(404);
  });

  it('twenty applications at once get distinct consecutive numbers', { timeout: 30_000 }, async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, index) => apply(index)));
    expect(results.map((result) => result.status)).toEqual(Array<number>(20).fill(201));
    expect(results.map((result) => numberOf(result.body.reference)).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });

  it('a refused application (one is active) stores nothing, keeps the draft and uses up no number, also when several race', { timeout: 30_000 }, async () => {
    expect(numberOf((await apply(0)).body.reference)).toBe(1);
    await anna.fetch('/api/v1/exempelstad/drafts/barnomsorg', { method: 'PUT', headers: writeHeaders(pages.exempelstad), body: JSON.stringify({ data: { step: 2 }, step: 'kontroll' }) });
    const refused = await apply(0, { units: ['lonnen'] });
    expect(refused.status).toBe(409);
    expect((await anna.fetch('/api/v1/exempelstad/drafts/barnomsorg')).status).toBe(200);
    const raced = await Promise.all(Array.from({ length: 6 }, () => apply(1)));
    expect(raced.map((result) => result.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(numberOf(raced.find((result) => result.status === 201)!.body.reference)).toBe(2);
    expect(numberOf((await apply(2)).body.reference)).toBe(3);
    expect(await count('barnomsorg_application')).toBe(3);
    expect(await count('barnomsorg_application_event')).toBe(3);
    expect(await count('barnomsorg_application_unit')).toBe(6);
    // The draft went with the first of the later applications, not with a refused one.
    expect(await count('draft')).toBe(0);
  });
});

describe('fakturor: an import', () => {
  const importing = async (xml: string) => {
    const response = await importDocument(url, xml);
    return { status: response.status, body: (await response.json()) as FinanceInvoice };
  };

  it('stores a new document and its first event in one statement and answers it without a read', async () => {
    let created!: Awaited<ReturnType<typeof importing>>;
    const sent = await counted(async () => (created = await importing(ublDocument({ number: 'EXS-2026-1001' }))));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // Before: the look for it, begin, invoice, event, commit, and three reads back (8).
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/insert into "fakturor_invoice"[\s\S]*on conflict[\s\S]*do nothing[\s\S]*insert into "fakturor_invoice_event"/);
    expect(created.body.history).toMatchObject([{ kind: 'imported', date: '2026-12-01', note: 'Fakturan skickades.' }]);
    const read = (await (await financeCall(url, `/finance/invoices/${created.body.id}`)).json()) as FinanceInvoice;
    expect(created.body).toEqual(read);
  });

  it('a repeat stores nothing; other content under the number is refused and stores nothing', async () => {
    const xml = ublDocument({ number: 'EXS-2026-1002' });
    const first = await importing(xml);
    expect(first.status).toBe(201);
    const again = await importing(xml);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await importDocument(url, ublDocument({ number: 'EXS-2026-1002', note: 'Annat innehåll' }))).status).toBe(409);
    expect([await count('fakturor_invoice'), await count('fakturor_invoice_event')]).toEqual([1, 1]);
  });

  it('of ten imports of one document at once exactly one stores it; the others answer it as a repeat', { timeout: 30_000 }, async () => {
    const xml = ublDocument({ number: 'EXS-2026-1003' });
    const results = await Promise.all(Array.from({ length: 10 }, () => importing(xml)));
    expect(results.map((result) => result.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((result) => result.body.id)).size).toBe(1);
    expect([await count('fakturor_invoice'), await count('fakturor_invoice_event')]).toEqual([1, 1]);
  });
});
