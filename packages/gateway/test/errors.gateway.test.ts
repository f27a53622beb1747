import { problemMediaType, problemTypes, type Problem } from '@kommunkit/contract';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGateway, pages, type TestGateway } from './support/gateway.js';
import { writeHeaders } from './support/http.js';

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
