import { clientHeader, problemTypes, type Problem } from '@kommunkit/contract';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pages, startGateway, type TestGateway } from './support/gateway.js';
import { writeHeaders } from './support/http.js';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.reset());

const draftUrl = (kommun = 'exempelstad') => `${gateway.url}/api/v1/${kommun}/drafts/felanmalan`;
const draft = JSON.stringify({ data: { beskrivning: 'Trasig lampa' } });

describe('CSRF: a write must carry the SDK header and come from a listed origin', () => {
  it('refuses a write without the custom header', async () => {
    const { [clientHeader]: _, ...headers } = writeHeaders(pages.exempelstad);
    const response = await fetch(draftUrl(), { method: 'PUT', headers, body: draft });
    expect(response.status).toBe(403);
    expect(((await response.json()) as Problem).type).toBe(problemTypes.csrf);
  });

  it('refuses a write from an origin not on the kommun\'s list, even another kommun\'s', async () => {
    for (const origin of ['http://evil.test', pages.grannby]) {
      const response = await fetch(draftUrl(), { method: 'PUT', headers: writeHeaders(origin), body: draft });
      expect(response.status).toBe(403);
      expect(((await response.json()) as Problem).type).toBe(problemTypes.csrf);
    }
  });

  it('refuses a write with no Origin at all', async () => {
    const { origin: _, ...headers } = writeHeaders(pages.exempelstad);
    const response = await fetch(draftUrl(), { method: 'PUT', headers, body: draft });
    expect(response.status).toBe(403);
  });

  it('lets a proper write through to authentication', async () => {
    const response = await fetch(draftUrl(), { method: 'PUT', headers: writeHeaders(pages.exempelstad), body: draft });
    expect(response.status).toBe(401);
    expect(((await response.json()) as Problem).type).toBe(problemTypes.unauthenticated);
  });
});

describe('CORS: credentials only for the kommun\'s own origins', () => {
  const preflight = (origin: string, kommun = 'exempelstad') =>
    fetch(draftUrl(kommun), {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': `content-type,${clientHeader}` },
    });

  it('allows a listed origin with credentials and the SDK headers', async () => {
    const response = await preflight(pages.exempelstad);
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get('access-control-allow-origin')).toBe(pages.exempelstad);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-headers')).toContain(clientHeader);
  });

  it('gives no CORS grant to an unlisted origin or to another kommun\'s page', async () => {
    for (const [origin, kommun] of [
      ['http://evil.test', 'exempelstad'],
      [pages.exempelstad, 'grannby'],
    ] as const) {
      const response = await preflight(origin, kommun);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('answers a simple GET from a listed origin with the grant, and from others without', async () => {
    const listed = await fetch(`${gateway.url}/api/v1/exempelstad`, { headers: { origin: pages.exempelstad } });
    expect(listed.headers.get('access-control-allow-origin')).toBe(pages.exempelstad);
    const other = await fetch(`${gateway.url}/api/v1/exempelstad`, { headers: { origin: 'http://evil.test' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS: the exact answers', () => {
  const open311 = '/open311/v2/requests.json?jurisdiction_id=exempelstad';

  it('answers an allowed preflight itself: 204, empty, with the methods, the SDK headers and ten minutes to keep it', async () => {
    const response = await fetch(draftUrl(), { method: 'OPTIONS', headers: { origin: pages.exempelstad, 'access-control-request-method': 'PUT' } });
    expect(response.status).toBe(204);
    expect(response.headers.get('content-length')).toBe('0');
    expect(await response.text()).toBe('');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, DELETE');
    expect(response.headers.get('access-control-allow-headers')).toBe(`content-type, ${clientHeader}, idempotency-key, x-kommunkit-edit-token`);
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(response.headers.get('access-control-expose-headers')).toBe('retry-after');
    expect(response.headers.get('vary')).toBe('Origin');
    // The preflight ran no later hook: nothing set a session or refused it for lack of the client header.
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('answers a preflight no page may send as any other method the path does not take, with no grant', async () => {
    const response = await fetch(draftUrl(), { method: 'OPTIONS', headers: { origin: 'http://evil.test', 'access-control-request-method': 'PUT' } });
    expect(response.status).toBe(405);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('says on every answer that it depends on the Origin, also where it grants nothing', async () => {
    for (const origin of [pages.exempelstad, 'http://evil.test', undefined]) {
      const response = await fetch(`${gateway.url}/api/v1/exempelstad/session`, { headers: origin ? { origin } : {} });
      expect(response.headers.get('vary')?.split(/,\s*/)).toContain('Origin');
    }
  });

  it("lets any site read Open311's public data without credentials, also a client that sends no Origin", async () => {
    for (const headers of [{ origin: 'http://evil.test' }, {}] as Record<string, string>[]) {
      const response = await fetch(`${gateway.url}${open311}`, { headers });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
    // The kommun's own page gets its origin back, with credentials.
    const own = await fetch(`${gateway.url}${open311}`, { headers: { origin: pages.exempelstad } });
    expect(own.headers.get('access-control-allow-origin')).toBe(pages.exempelstad);
    expect(own.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it("lets any page read the 404 of a kommun that does not exist, and no other kommun's answers", async () => {
    const unknown = await fetch(`${gateway.url}/api/v1/finnsinte`, { headers: { origin: 'http://evil.test' } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('access-control-allow-origin')).toBe('http://evil.test');
    const other = await fetch(`${gateway.url}/api/v1/grannby`, { headers: { origin: pages.exempelstad } });
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('login redirects', () => {
  it.each([
    ['a foreign origin', 'http://evil.test/'],
    ['another kommun\'s page', `${pages.grannby}/`],
    ['a look-alike host', `${pages.exempelstad}.evil.test/`],
    ['credentials in the URL', 'http://user:pass@www.exempelstad.test/'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative URL', '//evil.test/'],
  ])('refuses to start a login that would return to %s', async (_, target) => {
    const response = await fetch(`${gateway.url}/api/v1/exempelstad/auth/login?return=${encodeURIComponent(target)}`, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    const problem = (await response.json()) as Problem;
    expect(problem.errors?.[0]?.pointer).toBe('/querystring/return');
  });
});
