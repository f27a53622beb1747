import { problemMediaType, problemTypes, type Open311Errors, type Open311RequestCreated, type Problem } from '@kommunkit/contract';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pages, startGateway, type TestGateway } from './support/gateway.js';
import { Browser, writeHeaders } from './support/http.js';
import { login } from './support/login.js';
import { form, fromKommunPage, multipart, validReport } from './support/open311.js';
import { xmlTexts } from './support/xml.js';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.reset());

const open311 = (path: string) => `${gateway.url}/open311/v2/${path}`;
const postReport = (body: URLSearchParams | FormData | string, headers: Record<string, string> = fromKommunPage()) =>
  fetch(open311('requests.json?jurisdiction_id=exempelstad'), { method: 'POST', headers, body });

async function open311Error(response: Response, status: number, field?: string): Promise<Open311Errors> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/json');
  const errors = (await response.json()) as Open311Errors;
  expect(errors[0]?.code).toBe(status);
  if (field) expect(errors.map((error) => error.field)).toContain(field);
  return errors;
}

async function problem(response: Response, status: number): Promise<Problem> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain(problemMediaType);
  return (await response.json()) as Problem;
}

const reportCount = async () => Number((await sql<{ n: string }>`select count(*) as n from report`.execute(gateway.db)).rows[0]?.n);

async function loggedIn(): Promise<Browser> {
  const browser = new Browser(gateway.url);
  await login(browser, 'exempelstad', `${pages.exempelstad}/felanmalan`, /.*/);
  return browser;
}

describe('text that no database, XML feed or JSON column can carry is refused, naming the field', () => {
  it.each([
    ['NUL', '\u0000'],
    ['SOH', '\u0001'],
    ['ESC', '\u001b'],
    ['DEL', '\u007f'],
  ])('%s in a report description, form-encoded or multipart: 400, nothing stored', async (_name, character) => {
    const description = `Lampan är trasig${character} sedan i går.`;
    await open311Error(await postReport(form({ ...validReport, description })), 400, 'description');
    await open311Error(await postReport(multipart({ ...validReport, description }, [])), 400, 'description');
    expect(await reportCount()).toBe(0);
  });

  it('keeps tab, line feed and carriage return, which text may hold, and the XML feed carries them', async () => {
    const response = await postReport(form({ ...validReport, description: 'Första raden\r\nAndra\traden' }));
    expect(response.status).toBe(201);
    const xml = await (await fetch(open311('requests.xml?jurisdiction_id=exempelstad'))).text();
    expect(xmlTexts(xml)).toContain('Första raden\nAndra\traden');
  });

  it('text that looks like markup or entities comes back from the XML feed exactly as it was written', async () => {
    const description = 'Skylten säger "&amp;", &#0; och <b>fet</b> & ]]> mer.';
    expect((await postReport(form({ ...validReport, description }))).status).toBe(201);
    const xml = await (await fetch(open311('requests.xml?jurisdiction_id=exempelstad'))).text();
    expect(xmlTexts(xml)).toContain(description);
  });

  it('NUL in a query value or a path parameter is a 400, not a database error', async () => {
    await open311Error(await fetch(open311('requests.json?jurisdiction_id=exempelstad&service_code=%00')), 400, 'service_code');
    await open311Error(await fetch(open311('requests/EXS%00.json?jurisdiction_id=exempelstad')), 400);
    await open311Error(await fetch(open311('services/klotter%00.json?jurisdiction_id=exempelstad')), 400);
    const caseWorker = await fetch(`${gateway.url}/api/v1/exempelstad/felanmalan/reports/EXS-2026-000001/status`, {
      method: 'POST',
      headers: { authorization: 'Bearer caseworker-key-exempelstad-0123456789', 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'atgardad', note: 'Klart\u0000' }),
    });
    expect((await problem(caseWorker, 400)).errors?.[0]?.pointer).toBe('/body/note');
  });

  it('a lone surrogate or a NUL in a draft is a 400 naming where it is; the draft stays as it was', async () => {
    const browser = await loggedIn();
    const save = (body: string) =>
      browser.fetch('/api/v1/exempelstad/drafts/felanmalan', { method: 'PUT', headers: writeHeaders(pages.exempelstad), body });
    expect((await save(JSON.stringify({ data: { description: 'Trasig lampa' } }))).status).toBe(200);
    const surrogate = await problem(await save('{"data":{"description":"halv \\ud800 tecken"}}'), 400);
    expect(surrogate.errors?.[0]?.pointer).toBe('/body/data/description');
    const nul = await problem(await save('{"data":{"photos":[{"name":"a\\u0000.jpg"}]}}'), 400);
    expect(nul.errors?.[0]?.pointer).toBe('/body/data/photos/0/name');
    const kept = (await (await browser.fetch('/api/v1/exempelstad/drafts/felanmalan')).json()) as { data: unknown };
    expect(kept.data).toEqual({ description: 'Trasig lampa' });
  });

  it('JSON nested deeper than any form needs is a 400, not a stack overflow', async () => {
    const browser = await loggedIn();
    const depth = 20_000;
    const body = `{"data":{"a":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    expect(body.length).toBeLessThan(64 * 1024);
    const response = await browser.fetch('/api/v1/exempelstad/drafts/felanmalan', { method: 'PUT', headers: writeHeaders(pages.exempelstad), body });
    expect((await problem(response, 400)).type).toBe(problemTypes.validation);
  });
});

describe('parameters and headers the contract does not allow', () => {
  it('a query parameter given twice is a 400 naming it', async () => {
    const errors = await open311Error(await fetch(open311('requests.json?jurisdiction_id=exempelstad&status=open&status=closed')), 400, 'status');
    expect(errors[0]!.description).toMatch(/en gång/);
    const twice = await fetch(`${gateway.url}/api/v1/exempelstad/auth/login?return=${encodeURIComponent(pages.exempelstad)}&return=x`, { redirect: 'manual' });
    expect((await problem(twice, 400)).errors?.[0]?.pointer).toBe('/querystring/return');
  });

  it.each(['-271821-04-20', '275760-09-14T00:00:00Z', '0000-00-00', '2026-13-45', '1', 'i går'])('start_date=%s is a 400', async (value) => {
    await open311Error(await fetch(open311(`requests.json?jurisdiction_id=exempelstad&start_date=${encodeURIComponent(value)}`)), 400, 'start_date');
  });

  it('positions outside the globe are a 400', async () => {
    await open311Error(await fetch(open311('requests.json?jurisdiction_id=exempelstad&lat=1e308&long=15')), 400, 'lat');
    await open311Error(await fetch(open311('requests.json?jurisdiction_id=exempelstad&lat=58&long=-1e308')), 400, 'long');
  });

  it('multipart/form-data without a boundary is a 400 that says so', async () => {
    const errors = await open311Error(await postReport('service_code=klotter', { ...fromKommunPage(), 'content-type': 'multipart/form-data' }), 400);
    expect(errors[0]!.description).toMatch(/boundary/);
  });

  it('an empty or over-long Idempotency-Key is a 400 every time, and stores nothing', async () => {
    for (const key of ['', '', 'x'.repeat(201), 'två ord']) {
      await open311Error(await postReport(form(validReport), { ...fromKommunPage(), 'idempotency-key': key }), 400, 'idempotency-key');
    }
    expect(await reportCount()).toBe(0);
  });
});

describe('an idempotency key stands for one request', () => {
  it('the same key and payload answer the first report; another payload with that key is a 422 and is not stored', async () => {
    const first = await postReport(form(validReport), fromKommunPage('key-1'));
    expect(first.status).toBe(201);
    const [created] = (await first.json()) as Open311RequestCreated;
    const again = await postReport(form(validReport), fromKommunPage('key-1'));
    expect(((await again.json()) as Open311RequestCreated)[0]?.service_request_id).toBe(created?.service_request_id);
    const other = await postReport(form({ ...validReport, description: 'En helt annan anmälan om klotter.' }), fromKommunPage('key-1'));
    const errors = await open311Error(other, 422, 'idempotency-key');
    expect(errors[0]!.description).toMatch(/ny nyckel/);
    expect(await reportCount()).toBe(1);
  });

  it('racing requests with one key and different payloads: one report, the others 201 with it or 422', async () => {
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, index) => postReport(form({ ...validReport, description: `Anmälan nummer ${String(index % 2)} om lampan.` }), fromKommunPage('race'))),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.every((status) => status === 201 || status === 422)).toBe(true);
    expect(statuses).toContain(422);
    expect(await reportCount()).toBe(1);
  });
});

describe('CSRF: a cookie-borne write needs the SDK header and a listed origin, whatever else it carries', () => {
  it('an Authorization header does not let a logged-in browser\'s request skip the check', async () => {
    const browser = await loggedIn();
    const draft = { data: { description: 'Skrivet av någon annan' } };
    const forged = await browser.fetch('/api/v1/exempelstad/drafts/felanmalan', {
      method: 'PUT',
      headers: { authorization: 'Bearer anything', 'content-type': 'application/json', origin: 'http://evil.test' },
      body: JSON.stringify(draft),
    });
    expect((await problem(forged, 403)).type).toBe(problemTypes.csrf);
    const logout = await browser.fetch('/api/v1/exempelstad/auth/logout', { method: 'POST', headers: { authorization: 'Basic eDp5' } });
    expect((await problem(logout, 403)).type).toBe(problemTypes.csrf);
    expect((await browser.fetch('/api/v1/exempelstad/auth/me')).status).toBe(200);
    expect((await browser.fetch('/api/v1/exempelstad/drafts/felanmalan')).status).toBe(404);
  });

  it('the case workers\' key-only route still works without a browser\'s headers', async () => {
    const [created] = (await (await postReport(form(validReport))).json()) as Open311RequestCreated;
    const response = await fetch(`${gateway.url}/api/v1/exempelstad/felanmalan/reports/${created!.service_request_id!}/status`, {
      method: 'POST',
      headers: { authorization: 'Bearer caseworker-key-exempelstad-0123456789', 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'under_utredning' }),
    });
    expect(response.status).toBe(200);
  });
});
