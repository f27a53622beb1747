import {
  clientHeader,
  editTokenHeader,
  problemTypes,
  type MyReport,
  type MyReportCreated,
  type MyReports,
  type Open311RequestCreated,
  type Open311ServiceRequest,
  type Problem,
} from '@kommunkit/contract';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serviceSettings } from '../src/http/guards.js';
import { pages, startGateway, type TestGateway } from './support/gateway.js';
import { Browser } from './support/http.js';
import { login } from './support/login.js';
import { form, fromKommunPage, multipart, photoWithGps, validReport } from './support/open311.js';

/**
 * Felanmälan's citizen API over real HTTP: a logged-in citizen files, sees their own reports
 * and no one else's, and the reporter corrects or withdraws a new report within the window,
 * by session or with the secret from filing. What the public Open311 API shows follows.
 */

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());
beforeEach(async () => {
  await gateway.reset();
  delete settings().editWindowMinutes;
});

const settings = () => serviceSettings(gateway.config.kommunById.get('exempelstad')!, 'felanmalan')!;

const guardian = /Vårdnadshavare med tre barn/;
const other = /Invånare med fakturor/;
const reports = '/api/v1/exempelstad/felanmalan/reports';

async function citizen(person: RegExp = guardian): Promise<Browser> {
  const browser = new Browser(gateway.url);
  await login(browser, 'exempelstad', `${pages.exempelstad}/e-tjanster/felanmalan`, person);
  return browser;
}

/** A state-changing request as the SDK sends it from the kommun's page. */
const sdk = (extra: Record<string, string> = {}): Record<string, string> => ({ origin: pages.exempelstad, [clientHeader]: 'sdk/test', ...extra });

const file = (browser: Browser, body: URLSearchParams | FormData, headers: Record<string, string> = sdk()) => browser.fetch(reports, { method: 'POST', headers, body });

async function filed(response: Response): Promise<MyReportCreated> {
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as MyReportCreated;
}

async function problemOf(response: Response, status: number): Promise<Problem> {
  expect(response.status, await response.clone().text()).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  return (await response.json()) as Problem;
}

const mine = async (browser: Browser): Promise<MyReport[]> => {
  const response = await browser.fetch(`${reports}/mine`);
  expect(response.status).toBe(200);
  return ((await response.json()) as MyReports).items;
};

const edit = (browser: Browser, reference: string, description: string, headers: Record<string, string> = sdk()) =>
  browser.fetch(`${reports}/${reference}/description`, { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ description }) });
const withdraw = (browser: Browser, reference: string, headers: Record<string, string> = sdk()) => browser.fetch(`${reports}/${reference}/withdraw`, { method: 'POST', headers });

async function publicReport(reference: string): Promise<Open311ServiceRequest> {
  const response = await fetch(`${gateway.url}/open311/v2/requests/${reference}.json?jurisdiction_id=exempelstad&extensions=true`);
  expect(response.status).toBe(200);
  return ((await response.json()) as Open311ServiceRequest[])[0]!;
}

const stored = (reference: string) => gateway.db.selectFrom('report').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
const eventCount = async () => Number((await gateway.db.selectFrom('report_event').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow()).count);
const reportCount = async () => Number((await gateway.db.selectFrom('report').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow()).count);

/** Moves a report's filing back in time, as if the citizen came back later. */
const fileAgo = (reference: string, minutes: number) =>
  sql`update report set requested_at = now() - make_interval(mins => ${minutes}) where reference = ${reference}`.execute(gateway.db);

describe('filing as a logged-in citizen', () => {
  it('files a form-encoded report linked to the session, answers 201 with the reference and lists it in mine with its history', async () => {
    const anna = await citizen();
    const created = await filed(await file(anna, form(validReport)));
    expect(created.reference).toMatch(/^EXS-\d{4}-000001$/);
    expect(created.notice).toContain(created.reference);
    expect(created.editToken).toMatch(/^[\w-]{43}$/);
    const until = new Date(created.editableUntil!).getTime();
    expect(until).toBeGreaterThan(Date.now() + 59 * 60_000);
    expect(until).toBeLessThanOrEqual(Date.now() + 60 * 60_000);

    const row = await stored(created.reference);
    const session = await gateway.db.selectFrom('session').select('subject').executeTakeFirstOrThrow();
    expect(row.account_id).toBe(session.subject);
    // The secret itself is nowhere in the database: only its hash.
    expect(row.edit_token_hash).toMatch(/^[\w-]{43}$/);
    expect(JSON.stringify(row)).not.toContain(created.editToken);

    const [listed, ...rest] = await mine(anna);
    expect(rest).toEqual([]);
    expect(listed).toMatchObject({
      reference: created.reference,
      serviceCode: 'gatubelysning',
      serviceName: 'Gatubelysning',
      status: 'mottagen',
      description: validReport.description,
      lat: 58.4109,
      long: 15.6216,
      editableUntil: created.editableUntil,
      history: [{ status: 'mottagen', at: expect.any(String) as string }],
    });
    expect(JSON.stringify(listed)).not.toContain(validReport.email);
  });

  it('files multipart with a photo, newest first in mine', async () => {
    const anna = await citizen();
    const first = await filed(await file(anna, form(validReport)));
    const photo = await photoWithGps(400, 300);
    const second = await filed(await file(anna, multipart({ ...validReport, description: 'Lampan blinkar.' }, [{ name: 'lampa.jpg', type: 'image/jpeg', bytes: photo }])));
    expect((await mine(anna)).map((report) => report.reference)).toEqual([second.reference, first.reference]);
    expect((await publicReport(second.reference)).extended_attributes!.media_urls).toHaveLength(1);
  });

  it('answers a retry with the same Idempotency-Key with the same report, once, and without a new secret', async () => {
    const anna = await citizen();
    const first = await filed(await file(anna, form(validReport), sdk({ 'idempotency-key': 'nyckel-1' })));
    const again = await filed(await file(anna, form(validReport), sdk({ 'idempotency-key': 'nyckel-1' })));
    expect(again.reference).toBe(first.reference);
    expect(again.editToken).toBeUndefined();
    expect(await reportCount()).toBe(1);
    const changed = await problemOf(await file(anna, form({ ...validReport, description: 'Något annat.' }), sdk({ 'idempotency-key': 'nyckel-1' })), 422);
    expect(changed.errors).toEqual([{ pointer: '/headers/idempotency-key', detail: expect.any(String) as string }]);
    // Another citizen's request with the same key and form is theirs, not a replay of Anna's.
    const bo = await citizen(other);
    await problemOf(await file(bo, form(validReport), sdk({ 'idempotency-key': 'nyckel-1' })), 422);
    expect(await reportCount()).toBe(1);
  });

  it('takes no identity from the body: account_id and jurisdiction_id there are ignored', async () => {
    const anna = await citizen();
    const created = await filed(await file(anna, form({ ...validReport, account_id: 'someone-else', jurisdiction_id: 'grannby' })));
    const row = await stored(created.reference);
    expect(row.kommun_id).toBe('exempelstad');
    expect(row.account_id).not.toBe('someone-else');
  });

  it('answers 401 without a session, and stores nothing', async () => {
    const browser = new Browser(gateway.url);
    const problem = await problemOf(await file(browser, form(validReport)), 401);
    expect(problem.type).toBe(problemTypes.unauthenticated);
    await problemOf(await browser.fetch(`${reports}/mine`), 401);
    expect(await reportCount()).toBe(0);
  });

  it('refuses a write without the SDK header (CSRF) with 403', async () => {
    const anna = await citizen();
    const problem = await problemOf(await file(anna, form(validReport), { origin: pages.exempelstad }), 403);
    expect(problem.type).toBe(problemTypes.csrf);
    expect(await reportCount()).toBe(0);
  });

  it('refuses bad input with 400 and a pointer to the field, and writes nothing', async () => {
    const anna = await citizen();
    const tooLong = await problemOf(await file(anna, form({ ...validReport, description: 'x'.repeat(4001) })), 400);
    expect(tooLong).toMatchObject({ type: problemTypes.validation, errors: [{ pointer: '/body/description', detail: expect.stringContaining('4000') as string }] });
    const nul = await problemOf(await file(anna, form({ ...validReport, description: 'Lampan\u0000' })), 400);
    expect(nul.errors?.map((error) => error.pointer)).toEqual(['/body/description']);
    const nulInPart = await problemOf(await file(anna, multipart({ ...validReport, description: 'Lampan\u0000' }, [])), 400);
    expect(nulInPart.errors?.map((error) => error.pointer)).toEqual(['/body/description']);
    const several = await problemOf(await file(anna, form({ service_code: 'gatubelysning', lat: '18.0', long: '15.6', description: '' })), 400);
    expect(several.errors?.map((error) => error.pointer).sort()).toEqual(['/body/description', '/body/lat']);
    const unknown = await problemOf(await file(anna, form({ ...validReport, service_code: 'finns-inte' })), 400);
    expect(unknown.errors?.[0]?.pointer).toBe('/body/service_code');
    const notPhoto = await problemOf(await file(anna, multipart(validReport, [{ name: 'x.jpg', type: 'image/jpeg', bytes: Buffer.from('inte en bild') }])), 400);
    expect(notPhoto.errors).toEqual([{ pointer: '/body/media', detail: 'Filen är inte en bild.' }]);
    const json = await problemOf(await file(anna, JSON.stringify(validReport) as unknown as URLSearchParams, sdk({ 'content-type': 'application/json' })), 415);
    expect(json.type).toBe(problemTypes.unsupportedMediaType);
    expect(await reportCount()).toBe(0);
    expect(await eventCount()).toBe(0);
  });
});

describe('a citizen sees only their own reports', () => {
  it('another test person gets 404 on it and does not see it in mine; an unknown number is the same 404', async () => {
    const anna = await citizen();
    const { reference } = await filed(await file(anna, form(validReport)));
    const own = await anna.fetch(`${reports}/${reference}`);
    expect(own.status).toBe(200);
    expect(((await own.json()) as MyReport).reference).toBe(reference);

    const bo = await citizen(other);
    const theirs = await problemOf(await bo.fetch(`${reports}/${reference}`), 404);
    const unknown = await problemOf(await bo.fetch(`${reports}/EXS-2026-999999`), 404);
    expect(theirs.type).toBe(problemTypes.notFound);
    expect(theirs.detail?.replace(reference, 'X')).toBe(unknown.detail?.replace('EXS-2026-999999', 'X'));
    expect(await mine(bo)).toEqual([]);
    // Nor may they change it.
    await problemOf(await edit(bo, reference, 'Bo skriver om.'), 404);
    await problemOf(await withdraw(bo, reference), 404);
    expect((await stored(reference)).description).toBe(validReport.description);

    await problemOf(await new Browser(gateway.url).fetch(`${reports}/${reference}`), 401);
  });

  it('a report filed through Open311 (even with an account_id) is nobody\'s in mine', async () => {
    const anna = await citizen();
    const subject = (await gateway.db.selectFrom('session').select('subject').executeTakeFirstOrThrow()).subject;
    const response = await fetch(`${gateway.url}/open311/v2/requests.json?jurisdiction_id=exempelstad`, { method: 'POST', headers: fromKommunPage(), body: form({ ...validReport, account_id: subject }) });
    expect(response.status).toBe(201);
    expect(await mine(anna)).toEqual([]);
  });
});

describe('edit or withdraw within the window', () => {
  it('an edit by the owner changes the public Open311 description and adds a history event', async () => {
    const anna = await citizen();
    const { reference } = await filed(await file(anna, form(validReport)));
    const response = await edit(anna, reference, '  Lampan vid busshållplatsen lyser inte, och stolpen lutar.  ');
    expect(response.status, await response.clone().text()).toBe(200);
    const edited = (await response.json()) as MyReport;
    expect(edited).toMatchObject({ status: 'mottagen', description: 'Lampan vid busshållplatsen lyser inte, och stolpen lutar.' });
    expect(edited.history.map((event) => [event.status, event.note])).toEqual([
      ['mottagen', undefined],
      ['mottagen', 'Beskrivningen ändrades av den som anmälde.'],
    ]);
    expect(edited.editableUntil).not.toBeNull();
    const open311 = await publicReport(reference);
    expect(open311.description).toBe('Lampan vid busshållplatsen lyser inte, och stolpen lutar.');
    expect(open311.status).toBe('open');
    // The same correction again (the SDK's retry after a lost answer) changes nothing.
    const repeat = await edit(anna, reference, 'Lampan vid busshållplatsen lyser inte, och stolpen lutar.');
    expect(((await repeat.json()) as MyReport).history).toHaveLength(2);
    expect(await eventCount()).toBe(2);
  });

  it('a withdrawal sets aterkallad, closed in Open311, and nothing can be changed after it', async () => {
    const anna = await citizen();
    const { reference } = await filed(await file(anna, form(validReport)));
    const response = await withdraw(anna, reference);
    expect(response.status, await response.clone().text()).toBe(200);
    const withdrawn = (await response.json()) as MyReport;
    expect(withdrawn).toMatchObject({ status: 'aterkallad', editableUntil: null });
    expect(withdrawn.history.at(-1)).toMatchObject({ status: 'aterkallad', note: 'Anmälan återkallades av den som anmälde.' });
    const open311 = await publicReport(reference);
    expect(open311).toMatchObject({ status: 'closed', status_notes: 'Anmälan återkallades av den som anmälde.', extended_attributes: { detailed_status: 'aterkallad' } });
    const closed = (await (await fetch(`${gateway.url}/open311/v2/requests.json?jurisdiction_id=exempelstad&status=closed`)).json()) as Open311ServiceRequest[];
    expect(closed.map((report) => report.service_request_id)).toEqual([reference]);

    const again = await problemOf(await withdraw(anna, reference), 409);
    expect(again).toMatchObject({ type: problemTypes.conflict, detail: expect.stringContaining('redan återkallad') as string });
    await problemOf(await edit(anna, reference, 'Ny text.'), 409);
    expect(await eventCount()).toBe(2);
  });

  it('after the window, or once a case worker has moved it on, is a 409 saying why, and changes nothing', async () => {
    const anna = await citizen();
    const { reference } = await filed(await file(anna, form(validReport)));
    await fileAgo(reference, 61);
    const late = await problemOf(await edit(anna, reference, 'För sent.'), 409);
    expect(late.detail).toMatch(/Tiden .* har gått ut/);
    expect((await (await anna.fetch(`${reports}/${reference}`)).json()) as MyReport).toMatchObject({ editableUntil: null, description: validReport.description });

    const next = await filed(await file(anna, form(validReport)));
    const caseWorker = await fetch(`${gateway.url}${reports}/${next.reference}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${settings().caseWorkerApiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'under_utredning' }),
    });
    expect(caseWorker.status).toBe(200);
    const handled = await problemOf(await withdraw(anna, next.reference), 409);
    expect(handled.detail).toContain('handlägga');
    expect((await stored(next.reference)).status).toBe('under_utredning');
    expect(await eventCount()).toBe(3);
  });

  it('editWindowMinutes 0: no secret, editableUntil null, edits refused', async () => {
    settings().editWindowMinutes = 0;
    const anna = await citizen();
    const created = await filed(await file(anna, form(validReport)));
    expect(created.editableUntil).toBeNull();
    expect(created.editToken).toBeUndefined();
    expect((await stored(created.reference)).edit_token_hash).toBeNull();
    await problemOf(await edit(anna, created.reference, 'Ny text.'), 409);
  });

  it('validates an edit as filing does: empty, too long or with a NUL is a 400 pointing at the description', async () => {
    const anna = await citizen();
    const { reference } = await filed(await file(anna, form(validReport)));
    for (const bad of ['   ', 'x'.repeat(4001), 'Lampan\u0000']) {
      const problem = await problemOf(await edit(anna, reference, bad), 400);
      expect(problem.errors?.map((error) => error.pointer)).toEqual(['/body/description']);
    }
    const unknownField = await anna.fetch(`${reports}/${reference}/description`, {
      method: 'PUT',
      headers: { ...sdk(), 'content-type': 'application/json' },
      body: JSON.stringify({ description: 'Ny text.', status: 'atgardad' }),
    });
    expect(unknownField.status).toBe(400);
    expect((await stored(reference)).description).toBe(validReport.description);
    expect(await eventCount()).toBe(1);
  });
});

describe('the anonymous reporter, with the secret from filing', () => {
  async function anonymously(headers: Record<string, string> = fromKommunPage()): Promise<Open311RequestCreated[number]> {
    const response = await fetch(`${gateway.url}/open311/v2/requests.json?jurisdiction_id=exempelstad`, { method: 'POST', headers, body: form(validReport) });
    expect(response.status).toBe(201);
    return ((await response.json()) as Open311RequestCreated)[0]!;
  }

  it('the widget\'s Open311 POST carries edit_token and editable_until; the token edits and withdraws, a wrong one is a 404', async () => {
    const created = await anonymously();
    const reference = created.service_request_id!;
    expect(created.edit_token).toMatch(/^[\w-]{43}$/);
    expect(new Date(created.editable_until!).getTime()).toBeGreaterThan(Date.now());

    const browser = new Browser(gateway.url);
    // One character changed (never to the one it was: then it would be the right token).
    const token = created.edit_token!;
    const wrongToken = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const wrong = await problemOf(await edit(browser, reference, 'Fel kod.', sdk({ [editTokenHeader]: wrongToken })), 404);
    expect(wrong.type).toBe(problemTypes.notFound);
    await problemOf(await edit(browser, reference, 'Ingen kod.'), 401);
    await problemOf(await edit(browser, reference, 'Kod med NUL.', sdk({ [editTokenHeader]: 'a b' })), 400);

    const response = await edit(browser, reference, 'Rättad text.', sdk({ [editTokenHeader]: created.edit_token! }));
    expect(response.status, await response.clone().text()).toBe(200);
    expect((await publicReport(reference)).description).toBe('Rättad text.');
    const withdrawn = await withdraw(browser, reference, sdk({ [editTokenHeader]: created.edit_token! }));
    expect(((await withdrawn.json()) as MyReport).status).toBe('aterkallad');
    // A logged-in citizen who is not the reporter gets nothing from a report without an owner.
    const anna = await citizen();
    await problemOf(await anna.fetch(`${reports}/${reference}`), 404);
  });

  it('a plain Open311 client never gets edit_token (no SDK header)', async () => {
    settings().devApiKeys = ['kommunkit-dev-open311-key-exempelstad'];
    const response = await fetch(`${gateway.url}/open311/v2/requests.json?jurisdiction_id=exempelstad`, {
      method: 'POST',
      body: form({ ...validReport, api_key: 'kommunkit-dev-open311-key-exempelstad' }),
    });
    expect(response.status).toBe(201);
    const [item] = (await response.json()) as Open311RequestCreated;
    expect(Object.keys(item!).sort()).toEqual(['service_notice', 'service_request_id']);
    expect((await stored(item!.service_request_id!)).edit_token_hash).toBeNull();
    delete settings().devApiKeys;
  });

  it('a preflight from the kommun\'s page may send the edit token header and PUT', async () => {
    const response = await fetch(`${gateway.url}${reports}/EXS-2026-000001/description`, {
      method: 'OPTIONS',
      headers: { origin: pages.exempelstad, 'access-control-request-method': 'PUT', 'access-control-request-headers': `content-type,${clientHeader},${editTokenHeader}` },
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get('access-control-allow-origin')).toBe(pages.exempelstad);
    expect(response.headers.get('access-control-allow-headers')).toContain(editTokenHeader);
    expect(response.headers.get('access-control-allow-methods')).toContain('PUT');
  });
});
