import { clientHeader, problemMediaType, problemTypes, type Open311Errors, type Problem } from '@kommunkit/contract';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGateway, pages, type TestGateway } from './support/gateway.js';
import { xmlTexts } from './support/xml.js';
import { writeHeaders } from './support/http.js';
import { form, fromKommunPage, multipart, validReport } from './support/open311.js';
import { RawClient, type RawRequest, type RawResponse } from './support/raw-http.js';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startGateway({ anonymousWritesPerMinute: 30 });
});
afterAll(() => gateway.close());
beforeEach(() => gateway.reset());

async function problemOf(response: Response): Promise<Problem> {
  expect(response.headers.get('content-type')).toContain(problemMediaType);
  const body = (await response.json()) as Problem;
  expect(JSON.stringify(body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
  return body;
}

describe('every error is problem+json without a stack trace', () => {
  it('404 for an unknown path', async () => {
    const response = await fetch(`${gateway.url}/nothing/here`);
    expect(response.status).toBe(404);
    expect(await problemOf(response)).toMatchObject({ type: problemTypes.notFound, status: 404, title: 'Sidan eller uppgiften finns inte' });
  });

  it('404 naming the kommun for an unknown kommun', async () => {
    const response = await fetch(`${gateway.url}/api/v1/okandby/auth/me`);
    expect(response.status).toBe(404);
    const problem = await problemOf(response);
    expect(problem.type).toBe(problemTypes.unknownKommun);
    expect(problem.detail).toContain('okandby');
  });

  it('404 for an unknown kommun that does not echo a path segment that cannot be a kommun id', async () => {
    const segment = '<img src=x onerror=alert(1)>';
    const response = await fetch(`${gateway.url}/api/v1/${encodeURIComponent(segment)}/auth/me`);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ type: problemTypes.unknownKommun, status: 404, detail: 'Ingen kommun finns i tjänsten.' });
  });

  it('405 with Allow for a known path and the wrong method', async () => {
    const { 'content-type': _, ...headers } = writeHeaders(pages.exempelstad);
    const response = await fetch(`${gateway.url}/api/v1/exempelstad/auth/me`, { method: 'DELETE', headers });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toContain('GET');
    expect((await problemOf(response)).type).toBe(problemTypes.methodNotAllowed);
  });

  it('400 naming the field for a malformed body', async () => {
    const response = await fetch(`${gateway.url}/api/v1/exempelstad/drafts/felanmalan`, {
      method: 'PUT',
      headers: writeHeaders(pages.exempelstad),
      body: JSON.stringify({ data: 'inte ett objekt', owner: 'x' }),
    });
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.type).toBe(problemTypes.validation);
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { pointer: '/body/data', detail: expect.any(String) as string },
        { pointer: '/body/owner', detail: 'Okänt fält' },
      ]),
    );
  });

  it('400 for JSON that does not parse', async () => {
    const response = await fetch(`${gateway.url}/api/v1/exempelstad/drafts/felanmalan`, {
      method: 'PUT',
      headers: writeHeaders(pages.exempelstad),
      body: '{"data": {',
    });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).type).toBe(problemTypes.validation);
  });

  it('400 naming a bad path parameter', async () => {
    const response = await fetch(`${gateway.url}/api/v1/exempelstad/drafts/bygglov`);
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors?.[0]?.pointer).toBe('/params/service');
  });

  it('413 for a body over the limit', async () => {
    const response = await fetch(`${gateway.url}/api/v1/exempelstad/drafts/felanmalan`, {
      method: 'PUT',
      headers: writeHeaders(pages.exempelstad),
      body: JSON.stringify({ data: { text: 'x'.repeat(200_000) } }),
    });
    expect(response.status).toBe(413);
    expect((await problemOf(response)).type).toBe(problemTypes.payloadTooLarge);
  });

  it('415 for a body type the route does not take', async () => {
    const response = await fetch(`${gateway.url}/api/v1/exempelstad/drafts/felanmalan`, {
      method: 'PUT',
      headers: { ...writeHeaders(pages.exempelstad), 'content-type': 'application/x-unknown' },
      body: 'data',
    });
    expect(response.status).toBe(415);
    expect((await problemOf(response)).type).toBe(problemTypes.unsupportedMediaType);
  });

  it('429 once an anonymous write goes over its limit', async () => {
    const login = `${gateway.url}/api/v1/grannby/auth/login?return=${encodeURIComponent(`${pages.grannby}/`)}`;
    const statuses: number[] = [];
    for (let i = 0; i < 32; i += 1) statuses.push((await fetch(login, { redirect: 'manual' })).status);
    expect(statuses.slice(0, 30).every((status) => status === 302)).toBe(true);
    const limited = await fetch(login, { redirect: 'manual' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await problemOf(limited)).type).toBe(problemTypes.rateLimited);
  });
});

describe('when the database goes away', () => {
  it('answers 500 problem+json with nothing internal in it, and /ready says 503', async () => {
    const broken = await startGateway();
    await broken.db.destroy();
    const response = await fetch(`${broken.url}/api/v1/exempelstad/auth/me`, { headers: { cookie: 'kk_session=abc' } });
    expect(response.status).toBe(500);
    const problem = await problemOf(response);
    expect(problem).toEqual({ type: problemTypes.internal, title: 'Något gick fel hos oss', status: 500 });
    const ready = await fetch(`${broken.url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
    await broken.app.close();
  });
});

describe('operations', () => {
  it('/health answers ok and /ready checks the database', async () => {
    expect(await (await fetch(`${gateway.url}/health`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${gateway.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'ok' });
  });

  it('serves the kommun info widgets need', async () => {
    const response = await fetch(`${gateway.url}/api/v1/exempelstad`);
    expect(await response.json()).toEqual({
      id: 'exempelstad',
      name: 'Exempelstads kommun',
      theme: { 'color-primary': '#00594c' },
      services: ['felanmalan'],
    });
  });
});

/** One request over a raw socket: fetch would refuse or repair most of these. */
async function raw(target: TestGateway, request: RawRequest): Promise<RawResponse> {
  const client = RawClient.for(target.url);
  try {
    return await client.request(request);
  } finally {
    client.close();
  }
}

function rawProblem(response: RawResponse): Problem {
  expect(response.headers['content-type']).toContain(problemMediaType);
  expect(Number(response.headers['content-length'])).toBe(response.body.length);
  return JSON.parse(response.body.toString('utf8')) as Problem;
}

function rawOpen311(response: RawResponse): Open311Errors {
  expect(response.headers['content-type']).toContain('application/json');
  const errors = JSON.parse(response.body.toString('utf8')) as Open311Errors;
  expect(errors).toEqual([expect.objectContaining({ code: response.status, description: expect.any(String) as string })]);
  return errors;
}

function rawOpen311Xml(response: RawResponse): string[] {
  expect(response.headers['content-type']).toContain('text/xml');
  const texts = xmlTexts(response.body.toString('utf8'));
  expect(texts[0]).toBe(String(response.status));
  return texts;
}

const badEncoding = '/api/v1/exempelstad/%E0%A4%A';

describe('errors outside the routes keep the shape of their path', () => {
  it('a bad percent-encoding in the path: 400 problem+json on the API, Open311 errors on Open311, the path never echoed', async () => {
    const api = await raw(gateway, { method: 'GET', path: badEncoding });
    expect(api.status).toBe(400);
    const problem = rawProblem(api);
    expect(problem).toMatchObject({ type: problemTypes.validation, status: 400, detail: expect.stringContaining('procentkodning') as string });
    expect(api.body.toString()).not.toContain('%E0');

    const json = await raw(gateway, { method: 'GET', path: '/open311/v2/%E0%A4%A.json?jurisdiction_id=exempelstad' });
    expect(json.status).toBe(400);
    expect(rawOpen311(json)[0]?.description).toContain('procentkodning');
    expect(json.body.toString()).not.toContain('%E0');

    const xml = await raw(gateway, { method: 'GET', path: '/open311/v2/%E0%A4%A.xml' });
    expect(xml.status).toBe(400);
    expect(rawOpen311Xml(xml)[1]).toContain('procentkodning');
  });

  it('a method HTTP does not have: 400 in the path\'s shape, as a complete answer that closes the connection', async () => {
    const api = await raw(gateway, { method: 'FOO', path: '/health' });
    expect(api.status).toBe(400);
    expect(api.headers.connection).toBe('close');
    expect(rawProblem(api)).toMatchObject({ type: problemTypes.validation, detail: expect.stringContaining('metod') as string });
    const xml = await raw(gateway, { method: 'FOO', path: '/open311/v2/services.xml?jurisdiction_id=exempelstad' });
    expect(xml.status).toBe(400);
    expect(rawOpen311Xml(xml)[1]).toContain('metod');
  });

  it('a method Fastify has no route for (PROPFIND) on a known path: 405 problem+json with Allow', async () => {
    const response = await raw(gateway, { method: 'PROPFIND', path: '/health' });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET');
    expect(rawProblem(response).type).toBe(problemTypes.methodNotAllowed);
  });

  it('431 for headers over Node\'s limit, in the path\'s shape', async () => {
    const big = [['x-big', 'a'.repeat(20_000)]] as const;
    const api = await raw(gateway, { method: 'GET', path: '/api/v1/exempelstad', headers: big });
    expect(api.status).toBe(431);
    expect(rawProblem(api)).toMatchObject({ type: problemTypes.payloadTooLarge, status: 431, detail: 'Begärans huvuden är för stora.' });
    const open311 = await raw(gateway, { method: 'GET', path: '/open311/v2/services.json?jurisdiction_id=exempelstad', headers: big });
    expect(open311.status).toBe(431);
    rawOpen311(open311);
  });

  it('414 for an overlong URL or path parameter, in the path\'s shape', async () => {
    const url = await raw(gateway, { method: 'GET', path: `/api/v1/exempelstad?x=${'a'.repeat(20_000)}` });
    expect(url.status).toBe(414);
    expect(rawProblem(url)).toMatchObject({ type: problemTypes.payloadTooLarge, status: 414 });
    const parameter = await raw(gateway, { method: 'GET', path: `/api/v1/exempelstad/drafts/${'a'.repeat(200)}` });
    expect(parameter.status).toBe(414);
    expect(rawProblem(parameter).detail).toBe('En del av adressen är för lång.');
    expect(parameter.body.toString()).not.toContain('aaaa');
    const open311 = await raw(gateway, { method: 'GET', path: `/open311/v2/requests/${'a'.repeat(200)}.json?jurisdiction_id=exempelstad` });
    expect(open311.status).toBe(414);
    expect(rawOpen311(open311)[0]?.description).toBe('En del av adressen är för lång.');
  });

  it('a CORS preflight without Access-Control-Request-Method: 400 in the path\'s shape, not plain text', async () => {
    const api = await fetch(`${gateway.url}/api/v1/exempelstad/drafts/felanmalan`, { method: 'OPTIONS', headers: { origin: pages.exempelstad } });
    expect(api.status).toBe(400);
    expect(await problemOf(api)).toMatchObject({ type: problemTypes.validation, detail: expect.stringContaining('Access-Control-Request-Method') as string });
    const open311 = await fetch(`${gateway.url}/open311/v2/services.json?jurisdiction_id=exempelstad`, { method: 'OPTIONS' });
    expect(open311.status).toBe(400);
    expect(open311.headers.get('content-type')).toContain('application/json');
    expect(await open311.json()).toEqual([{ code: 400, description: expect.stringContaining('Origin') as string }]);
    // A real preflight still works.
    const preflight = await fetch(`${gateway.url}/api/v1/exempelstad/drafts/felanmalan`, {
      method: 'OPTIONS',
      headers: { origin: pages.exempelstad, 'access-control-request-method': 'PUT', 'access-control-request-headers': clientHeader },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(pages.exempelstad);
  });

  it('an HTTP/1.1 request without Host: 400 problem+json instead of Node\'s empty answer', async () => {
    // Written by hand: every client, RawClient included, adds a Host line.
    const response = await new Promise<string>((resolve) => {
      const socket = connect(Number(new URL(gateway.url).port), '127.0.0.1');
      let data = '';
      socket.on('data', (chunk: Buffer) => (data += chunk.toString()));
      socket.on('close', () => resolve(data));
      socket.write('GET /api/v1/exempelstad HTTP/1.1\r\nconnection: close\r\n\r\n');
    });
    expect(response).toMatch(/^HTTP\/1\.1 400 /);
    expect(response.toLowerCase()).toContain(`content-type: ${problemMediaType}`);
    expect(response).toContain('saknar huvudet Host');
  });

  it('a form over the 64 kB limit is told so, and only too many or too large photos get the photo message', async () => {
    const large = await fetch(`${gateway.url}/open311/v2/requests.json?jurisdiction_id=exempelstad`, {
      method: 'POST',
      headers: fromKommunPage(),
      body: form({ ...validReport, description: 'x'.repeat(70_000) }),
    });
    expect(large.status).toBe(413);
    const [error] = (await large.json()) as Open311Errors;
    expect(error?.description).toContain('64 kB');
    expect(error?.description).not.toContain('bilder på högst');

    const tiny = { name: 'a.jpg', type: 'image/jpeg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xd9]) };
    const photos = await fetch(`${gateway.url}/open311/v2/requests.json?jurisdiction_id=exempelstad`, {
      method: 'POST',
      headers: fromKommunPage(),
      body: multipart(validReport, [tiny, tiny, tiny, tiny]),
    });
    expect(photos.status).toBe(413);
    expect(await photos.json()).toEqual([{ code: 413, description: 'Högst 3 bilder på högst 8 MB var.', field: 'media' }]);
  });
});

describe('behind the demo site (a catch-all static route)', () => {
  let site: TestGateway;
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'kk-site-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Exempelstad</title>');
    site = await startGateway({ siteRoot: root });
  });
  afterAll(async () => {
    await site.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('an unknown API path is 404, not 405 from the catch-all', async () => {
    const response = await fetch(`${site.url}/api/v1/exempelstad/does-not-exist`);
    expect(response.status).toBe(404);
    expect(response.headers.get('allow')).toBeNull();
    expect((await problemOf(response)).type).toBe(problemTypes.notFound);
    expect((await fetch(`${site.url}/nothing/here.txt`)).status).toBe(404);
  });

  it('405 with Allow only where a concrete route has other methods', async () => {
    const { 'content-type': _, ...headers } = writeHeaders(pages.exempelstad);
    const response = await fetch(`${site.url}/api/v1/exempelstad`, { method: 'DELETE', headers });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect((await problemOf(response)).type).toBe(problemTypes.methodNotAllowed);
  });

  it('an Open311 path that only the catch-all matches answers Open311 errors, not problem+json', async () => {
    for (const path of ['/open311/v2/discovery.json/..', '/open311/v2/requests.json/x']) {
      const response = await raw(site, { method: 'GET', path });
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
      rawOpen311(response);
    }
    const xml = await raw(site, { method: 'GET', path: '/open311/v2/nothing/here.xml' });
    expect(xml.status).toBe(404);
    rawOpen311Xml(xml);
  });
});

describe('requests.xml with control characters stored in a report', () => {
  it('stays well-formed XML: what XML 1.0 cannot carry is replaced, the rest kept', async () => {
    await gateway.db
      .insertInto('report')
      .values({
        kommun_id: 'exempelstad',
        reference: 'EXS-2026-CTRL',
        service_code: 'gatubelysning',
        status: 'mottagen',
        description: 'Lampan\u0001 blinkar\u001b[31m och\u000b slocknar\uFFFE\uFFFF.\tSlut',
        address_string: 'Storgatan\u0008 1',
        status_notes: 'Noterat\u001f.',
        attributes: '{}',
      })
      .execute();
    const response = await fetch(`${gateway.url}/open311/v2/requests.xml?jurisdiction_id=exempelstad&extensions=true`);
    expect(response.status).toBe(200);
    const texts = xmlTexts(await response.text());
    expect(texts).toContain('Lampan\uFFFD blinkar\uFFFD[31m och\uFFFD slocknar\uFFFD\uFFFD.\tSlut');
    expect(texts).toContain('Storgatan\uFFFD 1');
    expect(texts).toContain('Noterat\uFFFD.');
  });
});
