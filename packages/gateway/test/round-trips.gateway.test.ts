import type { Open311RequestCreated, Open311ServiceRequest } from '@kommunkit/contract';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildGateway } from '../src/app.js';
import { openDatabase, type Db } from '../src/db/database.js';
import type { FelanmalanTables } from '../src/services/felanmalan/tables.js';
import type { Gateway } from '../src/types.js';
import type { Database } from '../src/db/schema.js';
import { freePort, pages, testConfig } from './support/gateway.js';
import { Browser } from './support/http.js';
import { login } from './support/login.js';
import { form, fromKommunPage, validReport } from './support/open311.js';

/**
 * Round trips per request: a gateway whose database tells of every statement it is sent
 * (transaction control included), and what one request costs in statements.
 */
let statements: string[] = [];
let opened: Db;
let db: Kysely<Database & FelanmalanTables>;
let app: Gateway;
let url: string;
beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${String(port)}`;
  const config = testConfig(url);
  opened = await openDatabase({ url: process.env.DATABASE_URL, timeouts: config.timeouts, onStatement: (text) => statements.push(text) });
  db = opened.withTables<FelanmalanTables>();
  app = await buildGateway({ config, db: opened, logger: false });
  await app.listen({ port, host: '127.0.0.1' });
});
afterAll(async () => {
  await app.close();
  await opened.destroy();
});
beforeEach(async () => {
  await sql`truncate table session, auth_request, report_counter, report, report_event, report_photo, rate_limit`.execute(db);
});

/** The statements the database was sent while `run` ran, without the rate limiter's upsert. */
async function counted(run: () => Promise<unknown>): Promise<string[]> {
  statements = [];
  await run();
  return statements.filter((text) => !/into rate_limit/i.test(text));
}

const post = (body: URLSearchParams) => fetch(`${url}/open311/v2/requests.json?jurisdiction_id=exempelstad`, { method: 'POST', headers: fromKommunPage(), body });
async function create(fields: Record<string, string> = validReport): Promise<string> {
  const response = await post(form(fields));
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as Open311RequestCreated)[0]!.service_request_id!;
}
const nearby = async (lat: number, long: number, radius: number, extra = '') => {
  const response = await fetch(`${url}/open311/v2/requests.json?jurisdiction_id=exempelstad&lat=${String(lat)}&long=${String(long)}&radius=${String(radius)}${extra}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as Open311ServiceRequest[]).map((report) => report.service_request_id);
};

/** A position `metres` north of `lat` (a degree of latitude is 111.2 km on the sphere `metresBetween` uses). */
const north = (lat: number, metres: number) => lat + (metres / (2 * Math.PI * 6_371_000)) * 360;
const east = (lat: number, long: number, metres: number) => long + (metres / (2 * Math.PI * 6_371_000 * Math.cos((lat * Math.PI) / 180))) * 360;

describe('felanmälan', () => {
  it('files a report in one statement: reference, report, first event, no transaction round trips', async () => {
    const sent = await counted(() => create());
    const writes = sent.filter((text) => /^\s*(with|insert|update|delete)/i.test(text) || /^(begin|commit|rollback)$/.test(text));
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/insert into "report_counter"[\s\S]*insert into "report"[\s\S]*insert into "report_event"/);
  });

  it('reads nearby reports, their history and photos in one statement', async () => {
    await create();
    const sent = await counted(() => nearby(58.4109, 15.6216, 200, '&status=open'));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/point\(long, lat\) <@ box/);
  });

  it('finds a report a few metres inside the radius and not one a few metres outside, however the limit falls', async () => {
    const centre = { lat: 58.41, long: 15.61 };
    const inside = await create({ ...validReport, lat: north(centre.lat, 197).toFixed(7), long: centre.long.toFixed(7) });
    const insideEast = await create({ ...validReport, lat: centre.lat.toFixed(7), long: east(centre.lat, centre.long, 197).toFixed(7) });
    // Newer than the ones inside: with the circle checked after the limit, these would crowd them out.
    for (let i = 0; i < 3; i++) await create({ ...validReport, lat: north(centre.lat, 203).toFixed(7), long: centre.long.toFixed(7) });
    await create({ ...validReport, lat: centre.lat.toFixed(7), long: east(centre.lat, centre.long, 204).toFixed(7) });
    // Inside the bounding box, outside the circle: the box's corner.
    await create({ ...validReport, lat: north(centre.lat, 150).toFixed(7), long: east(centre.lat, centre.long, 150).toFixed(7) });
    expect((await nearby(centre.lat, centre.long, 200, '&page_size=2')).sort()).toEqual([inside, insideEast].sort());
  });

  it('numbers 20 reports filed at once distinctly and consecutively', async () => {
    const references = await Promise.all(Array.from({ length: 20 }, () => create()));
    const numbers = references.map((reference) => Number(/-(\d+)$/.exec(reference)![1])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });

  it('uses up no number for a report that is not stored', async () => {
    const first = await create();
    const key = 'same-key-0001';
    const keyed = (description: string) => fetch(`${url}/open311/v2/requests.json?jurisdiction_id=exempelstad`, { method: 'POST', headers: { ...fromKommunPage(), 'idempotency-key': key }, body: form({ ...validReport, description }) });
    expect((await keyed('Lampan är trasig.')).status).toBe(201);
    expect((await keyed('Något helt annat.')).status).toBe(422);
    const next = await create();
    expect([first, next].map((reference) => Number(/-(\d+)$/.exec(reference)![1]))).toEqual([1, 3]);
  });
});

describe('an authenticated read', () => {
  it("lists the citizen's own reports with the session lookup and one read, no session write within the minute", async () => {
    const browser = new Browser(url);
    await login(browser, 'exempelstad', `${pages.exempelstad}/e-tjanster/felanmalan`, /Vårdnadshavare med tre barn/);
    const sent = await counted(async () => expect((await browser.fetch('/api/v1/exempelstad/felanmalan/reports/mine')).status).toBe(200));
    expect(sent.filter((text) => /update "session"/i.test(text))).toEqual([]);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/from "session"/);
    expect(sent[1]).toMatch(/from "report"/);
  });
});
