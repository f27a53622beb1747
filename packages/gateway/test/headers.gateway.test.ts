import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pages, startGateway, type TestGateway } from './support/gateway.js';
import { Browser, writeHeaders } from './support/http.js';
import { loginUntilCallback } from './support/login.js';
import { RawClient, type RawRequest } from './support/raw-http.js';

let gateway: TestGateway;
let root: string;
beforeAll(async () => {
  // A demo site, so its pages and static files are among the answers checked.
  root = mkdtempSync(join(tmpdir(), 'kk-site-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Exempelstad</title>');
  writeFileSync(join(root, 'style.css'), 'body { color: black; }');
  gateway = await startGateway({ siteRoot: root });
});
afterAll(async () => {
  await gateway.close();
  rmSync(root, { recursive: true, force: true });
});
beforeEach(() => gateway.reset());

const guardian = /Vårdnadshavare med tre barn/;

/** One answer over a raw socket, headers lower-cased. */
async function rawHeaders(base: string, request: RawRequest): Promise<{ status: number; headers: Record<string, string> }> {
  const client = RawClient.for(base);
  try {
    const { status, headers } = await client.request(request);
    return { status, headers };
  } finally {
    client.close();
  }
}

/** Answers of every kind: routes, hook refusals, not-found, Open311, the dev IdP's raw answers, the router's and Node's own errors. */
const answers: [string, RawRequest][] = [
  ['health', { method: 'GET', path: '/health' }],
  ['kommun info', { method: 'GET', path: '/api/v1/exempelstad' }],
  ['unknown kommun (hook)', { method: 'GET', path: '/api/v1/okandby/auth/me' }],
  ['CSRF refusal (hook)', { method: 'PUT', path: '/api/v1/exempelstad/drafts/felanmalan', headers: [['content-type', 'application/json']], body: '{}' }],
  ['not found', { method: 'GET', path: '/nothing/here' }],
  ['Open311 XML', { method: 'GET', path: '/open311/v2/services.xml?jurisdiction_id=exempelstad' }],
  ['Open311 error', { method: 'GET', path: '/open311/v2/services.json' }],
  ['dev IdP (raw response)', { method: 'GET', path: '/dev-idp/.well-known/openid-configuration' }],
  ['demo page', { method: 'GET', path: '/' }],
  ['static file', { method: 'GET', path: '/style.css' }],
  ['bad percent-encoding (router)', { method: 'GET', path: '/api/v1/exempelstad/%E0%A4%A' }],
  ['unknown method (Node)', { method: 'FOO', path: '/health' }],
];

describe('security headers on every response', () => {
  it.each(answers)('%s: nosniff and Referrer-Policy, no HSTS over http', async (_name, request) => {
    const { status, headers } = await rawHeaders(gateway.url, request);
    expect(status).toBeGreaterThan(0);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['strict-transport-security']).toBeUndefined();
  });

  it('HSTS on every kind of answer when the public URL is https', async () => {
    const https = await startGateway({ configure: (config) => (config.publicUrl = 'https://e-tjanster.exempelstad.test') });
    try {
      for (const [name, request] of answers.filter(([name]) => !['demo page', 'static file'].includes(name))) {
        const { headers } = await rawHeaders(https.url, request);
        expect(headers['strict-transport-security'], name).toBe('max-age=31536000');
        expect(headers['x-content-type-options'], name).toBe('nosniff');
      }
    } finally {
      await https.close();
    }
  });

  it('keeps what the demo site and static files set themselves', async () => {
    const page = await fetch(`${gateway.url}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const file = await fetch(`${gateway.url}/style.css`);
    expect(file.status).toBe(200);
    expect(file.headers.get('cache-control')).toMatch(/max-age/);
  });
});

describe('Cache-Control: no-store on personal data', () => {
  it('the login redirect, the callback, auth/me and drafts are never cached', async () => {
    const browser = new Browser(gateway.url);
    const start = await browser.fetch(`/api/v1/exempelstad/auth/login?return=${encodeURIComponent(`${pages.exempelstad}/`)}`);
    expect(start.status).toBe(302);
    expect(start.headers.get('cache-control')).toBe('no-store');

    const anonymous = await fetch(`${gateway.url}/api/v1/exempelstad/auth/me`);
    expect(anonymous.status).toBe(204);
    expect(anonymous.headers.get('cache-control')).toBe('no-store');

    const loggedIn = new Browser(gateway.url);
    const callback = await loggedIn.fetch(await loginUntilCallback(loggedIn, 'exempelstad', `${pages.exempelstad}/`, guardian));
    expect(callback.status).toBe(302);
    expect(callback.headers.get('cache-control')).toBe('no-store');

    const me = await loggedIn.fetch('/api/v1/exempelstad/auth/me');
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('no-store');

    const saved = await loggedIn.fetch('/api/v1/exempelstad/drafts/felanmalan', {
      method: 'PUT',
      headers: writeHeaders(pages.exempelstad),
      body: JSON.stringify({ data: { description: 'Lampan lyser inte' } }),
    });
    expect(saved.status).toBe(200);
    expect(saved.headers.get('cache-control')).toBe('no-store');
    const draft = await loggedIn.fetch('/api/v1/exempelstad/drafts/felanmalan');
    expect(draft.status).toBe(200);
    expect(draft.headers.get('cache-control')).toBe('no-store');
  });

  it('public data keeps its own caching: the kommun info and Open311 services', async () => {
    const kommun = await fetch(`${gateway.url}/api/v1/exempelstad`);
    expect(kommun.headers.get('cache-control')).toBe('public, max-age=300');
    const services = await fetch(`${gateway.url}/open311/v2/services.json?jurisdiction_id=exempelstad`);
    expect(services.headers.get('cache-control')).toBe('public, max-age=300');
  });
});
