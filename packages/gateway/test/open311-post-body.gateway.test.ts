import { clientHeader, type Open311Errors, type Open311RequestCreated, type Open311ServiceRequest } from '@kommunkit/contract';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildGateway } from '../src/app.js';
import { loadConfig } from '../src/config/load.js';
import { serviceSettings } from '../src/http/guards.js';
import { pages, startGateway, testConfig, type TestGateway } from './support/gateway.js';
import { fromKommunPage, multipart, photoWithGps, validReport } from './support/open311.js';

/**
 * A standard Open311 GeoReport v2 client: `jurisdiction_id` and `api_key` in the form, as the
 * spec lists them among the POST arguments, and optional query arguments sent empty.
 */

/** The dev key the demo config documents for third-party clients (README, "Felanmälan API"). */
const demoConfig = loadConfig(fileURLToPath(new URL('../config/exempelstad.json', import.meta.url)), {});
const devKey = serviceSettings(demoConfig.kommunById.get('exempelstad')!, 'felanmalan')?.devApiKeys?.[0] ?? '';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startGateway({
    configure: (config) => {
      serviceSettings(config.kommunById.get('exempelstad')!, 'felanmalan')!.devApiKeys = [devKey];
    },
  });
});
afterAll(() => gateway.close());
beforeEach(() => gateway.reset());

const base = () => `${gateway.url}/open311/v2`;
const get = (path: string) => fetch(`${base()}/${path}`);
/** A POST as a third-party client sends it: no Origin, no SDK header, everything in the body. */
const post = (body: URLSearchParams | FormData, { query = '', headers = {} }: { query?: string; headers?: Record<string, string> } = {}) =>
  fetch(`${base()}/requests.json${query}`, { method: 'POST', headers, body });
const standard = (extra: Record<string, string> = {}) => new URLSearchParams({ ...validReport, jurisdiction_id: 'exempelstad', api_key: devKey, ...extra });

async function errorsOf(response: Response, status: number): Promise<Open311Errors> {
  expect(response.status).toBe(status);
  const body = (await response.json()) as Open311Errors;
  expect(Array.isArray(body)).toBe(true);
  for (const error of body) expect(error.code).toBe(status);
  return body;
}

async function created(response: Response): Promise<string> {
  expect(response.status, await response.clone().text()).toBe(201);
  const [report] = (await response.json()) as Open311RequestCreated;
  return report!.service_request_id!;
}

const reportCount = async () => Number((await gateway.db.selectFrom('report').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow()).count);

async function readBack(id: string): Promise<Open311ServiceRequest> {
  const response = await get(`requests/${id}.json?jurisdiction_id=exempelstad&extensions=true`);
  expect(response.status).toBe(200);
  const [report] = (await response.json()) as Open311ServiceRequest[];
  return report!;
}

describe('POST arguments in the body', () => {
  it('the demo config documents a dev api_key', () => {
    expect(devKey).toBe('kommunkit-dev-open311-key-exempelstad');
  });

  it('files a report sent form-encoded with jurisdiction_id and api_key in the body, and reads it back', async () => {
    const id = await created(await post(standard()));
    expect(id).toMatch(/^EXS-\d{4}-000001$/);
    const report = await readBack(id);
    expect(report).toMatchObject({ service_request_id: id, service_code: 'gatubelysning', description: validReport.description, lat: 58.4109, long: 15.6216, status: 'open' });
    const stored = await gateway.db.selectFrom('report').selectAll().executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ kommun_id: 'exempelstad', reference: id, attributes: { lamp_number: '12-0345' } });
  });

  it('files a report sent as multipart with jurisdiction_id and api_key in the body, with a photo', async () => {
    const photo = await photoWithGps(400, 300);
    const body = multipart({ ...validReport, jurisdiction_id: 'exempelstad', api_key: devKey }, [{ name: 'lampa.jpg', type: 'image/jpeg', bytes: photo }]);
    const id = await created(await post(body));
    const report = await readBack(id);
    expect(report.description).toBe(validReport.description);
    expect(report.extended_attributes!.media_urls).toHaveLength(1);
  });

  it('still reads both from the query string, and accepts the same value in both places', async () => {
    const { api_key: _, jurisdiction_id: __, ...fields } = Object.fromEntries(standard());
    await created(await post(new URLSearchParams(fields), { query: `?jurisdiction_id=exempelstad&api_key=${devKey}` }));
    await created(await post(standard(), { query: `?jurisdiction_id=exempelstad&api_key=${devKey}` }));
    // An empty value is no value: the other place's counts.
    await created(await post(standard({ jurisdiction_id: '' }), { query: '?jurisdiction_id=exempelstad' }));
    expect(await reportCount()).toBe(3);
  });

  it.each([
    ['form', () => standard({ jurisdiction_id: 'grannby' })],
    ['multipart', () => multipart({ ...validReport, jurisdiction_id: 'grannby', api_key: devKey }, [])],
  ])('refuses a jurisdiction_id in the query and another in the %s body (400 naming it), and stores nothing', async (_, body) => {
    const errors = await errorsOf(await post(body(), { query: '?jurisdiction_id=exempelstad' }), 400);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.field).toBe('jurisdiction_id');
    expect(errors[0]!.description).toContain('skiljer sig');
    expect(await reportCount()).toBe(0);
  });

  it('refuses an api_key in the query and another in the body, and two different ones in the body', async () => {
    const conflict = await errorsOf(await post(standard(), { query: '?api_key=another-key-0123456789' }), 400);
    expect(conflict.map((error) => error.field)).toEqual(['api_key']);
    const twice = standard();
    twice.append('jurisdiction_id', 'grannby');
    expect((await errorsOf(await post(twice), 400)).map((error) => error.field)).toEqual(['jurisdiction_id']);
    expect(await reportCount()).toBe(0);
  });

  it('asks for jurisdiction_id when neither place gives it, and names an unknown one', async () => {
    const { jurisdiction_id: _, ...fields } = Object.fromEntries(standard());
    expect((await errorsOf(await post(new URLSearchParams(fields)), 400))[0]!.field).toBe('jurisdiction_id');
    expect((await errorsOf(await post(standard({ jurisdiction_id: '' })), 400))[0]!.field).toBe('jurisdiction_id');
    expect((await errorsOf(await post(standard({ jurisdiction_id: 'okandby' })), 404))[0]!.field).toBe('jurisdiction_id');
  });

  it('checks the api_key against the kommun the body names', async () => {
    // The dev key is Exempelstad's only.
    await errorsOf(await post(standard({ jurisdiction_id: 'grannby' })), 403);
    await errorsOf(await post(standard({ api_key: 'guessed-key-0123456789' })), 403);
    expect(await reportCount()).toBe(0);
  });
});

describe('CORS for a POST that names its kommun in the body', () => {
  const fromPage = (origin: string) => ({ ...fromKommunPage(), origin });
  const preflight = (origin: string, query = '') =>
    fetch(`${base()}/requests.json${query}`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': `content-type,${clientHeader}` },
    });

  it('lets a page of the kommun preflight and then read its answer', async () => {
    const allowed = await preflight(pages.exempelstad);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(pages.exempelstad);
    expect(allowed.headers.get('access-control-allow-headers')).toContain(clientHeader);
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');

    const { api_key: _, ...fields } = Object.fromEntries(standard());
    const response = await post(new URLSearchParams(fields), { headers: fromPage(pages.exempelstad) });
    expect(response.headers.get('access-control-allow-origin')).toBe(pages.exempelstad);
    expect(response.headers.get('vary')).toMatch(/origin/i);
    await created(response);
  });

  it('gives a page of one kommun no read of a POST naming another, and files nothing without a key', async () => {
    const { api_key: _, ...fields } = Object.fromEntries(standard({ jurisdiction_id: 'grannby' }));
    const response = await post(new URLSearchParams(fields), { headers: fromPage(pages.exempelstad) });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    await errorsOf(response, 403);
    // The same from Grannby's page is Grannby's report.
    const own = await post(new URLSearchParams(fields), { headers: fromPage(pages.grannby) });
    expect(own.headers.get('access-control-allow-origin')).toBe(pages.grannby);
    expect(await created(own)).toMatch(/^GRB-/);
  });

  it('never hands a site no kommun lists its own origin or credentials', async () => {
    const evil = await preflight('http://evil.test');
    expect(evil.headers.get('access-control-allow-origin')).not.toBe('http://evil.test');
    expect(evil.headers.get('access-control-allow-credentials')).toBeNull();
    const response = await post(standard({ api_key: '' }), { headers: fromPage('http://evil.test') });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    await errorsOf(response, 403);
    // A preflight naming the kommun in its URL is decided by that kommun, as before.
    expect((await preflight(pages.exempelstad, '?jurisdiction_id=exempelstad')).headers.get('access-control-allow-origin')).toBe(pages.exempelstad);
    expect((await preflight(pages.grannby, '?jurisdiction_id=exempelstad')).headers.get('access-control-allow-origin')).not.toBe(pages.grannby);
  });
});

describe('empty optional query arguments', () => {
  const optional = ['service_request_id', 'service_code', 'start_date', 'end_date', 'status', 'lat', 'long', 'radius', 'page_size', 'extensions', 'api_key'];
  const ids = async (query: string) => {
    const response = await get(`requests.json?jurisdiction_id=exempelstad${query}`);
    expect(response.status, `${query}: ${await response.clone().text()}`).toBe(200);
    return ((await response.json()) as Open311ServiceRequest[]).map((report) => report.service_request_id).sort();
  };

  it.each(optional)('GET requests with %s= answers as without it', async (name) => {
    const filed = [await created(await post(standard())), await created(await post(new URLSearchParams({ jurisdiction_id: 'exempelstad', api_key: devKey, service_code: 'klotter', address_string: 'Tunneln vid stationen', description: 'Klotter på väggen' })))];
    const without = await ids('');
    expect(without).toEqual(filed.sort());
    expect(await ids(`&${name}=`)).toEqual(without);
  });

  it('ignores them all at once, as a client filling a template sends them, in JSON and XML', async () => {
    const id = await created(await post(standard()));
    const everyOne = optional.map((name) => `&${name}=`).join('');
    expect(await ids(everyOne)).toEqual([id]);
    const xml = await get(`requests.xml?jurisdiction_id=exempelstad${everyOne}`);
    expect(xml.status).toBe(200);
    expect(await xml.text()).toContain(`<service_request_id>${id}</service_request_id>`);
    // The other reads' optional extensions=.
    const one = await get(`requests/${id}.json?jurisdiction_id=exempelstad&extensions=`);
    expect(one.status).toBe(200);
    expect(((await one.json()) as Open311ServiceRequest[])[0]!.extended_attributes).toBeUndefined();
  });

  it('still applies a filter that is given', async () => {
    await created(await post(standard()));
    expect(await ids('&status=closed&service_code=')).toEqual([]);
    await errorsOf(await get('requests.json?jurisdiction_id=exempelstad&status=fixed&service_code='), 400);
  });

  it.each(['requests.json', 'requests.xml', 'services.json', 'services/gatubelysning.json', 'requests/EXS-2026-000001.json', 'tokens/t-1.json'])(
    'refuses %s with jurisdiction_id given empty (400 naming it)',
    async (path) => {
      const response = await get(`${path}?jurisdiction_id=&status=`);
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(text).toContain('jurisdiction_id');
      if (path.endsWith('.json')) expect(((JSON.parse(text) as Open311Errors)[0]!).field).toBe('jurisdiction_id');
    },
  );
});

describe('the dev api_key in production', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('stops the gateway from starting, naming the kommun and what to do', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const config = testConfig('http://127.0.0.1:9');
    config.dataKey = 'a-production-data-key-of-at-least-32-characters';
    serviceSettings(config.kommunById.get('exempelstad')!, 'felanmalan')!.devApiKeys = [devKey];
    await expect(buildGateway({ config, db: gateway.db, logger: false })).rejects.toThrow(/devApiKeys is set for exempelstad while NODE_ENV=production.*apiKeys/);
  });
});
