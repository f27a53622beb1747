import { draftsFor } from '../src/drafts.js';
import { sdkVersion } from '../src/version.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, loginOutcome, problemTypes, type KommunkitClient, type User } from '../src/index.js';
import { noContent, ok, problem, startFakeGateway, type FakeGateway } from './support/fake-gateway.js';

const kommun = 'exempelstad';
const anna: User = { name: 'Anna Andersson', givenName: 'Anna', familyName: 'Andersson', kommun, expiresAt: '2025-01-01T12:30:00.000Z' };
const bertil: User = { name: 'Bertil Berg', givenName: 'Bertil', familyName: 'Berg', kommun, expiresAt: '2025-01-01T12:30:00.000Z' };
const unauthenticated = () => problem(401, problemTypes.unauthenticated, 'Du behöver logga in', { detail: 'Logga in med e-legitimation för att fortsätta.' });

let gateway: FakeGateway;
let client: KommunkitClient;
let navigations: string[];
let changes: (User | null)[];
beforeEach(async () => {
  gateway = await startFakeGateway();
  navigations = [];
  client = createClient({ api: gateway.url, kommun, fetch, retry: { baseDelayMs: 5, maxDelayMs: 50 }, navigate: (url) => navigations.push(url) });
  changes = [];
  client.auth.addEventListener('change', (event) => changes.push(event.detail));
});
afterEach(() => gateway.close());

describe('auth.refresh', () => {
  it('is unknown until loaded, then the user from auth/me, with one change event', async () => {
    expect(client.auth.loaded).toBe(false);
    expect(client.auth.user).toBeNull();
    gateway.queue(ok(anna));
    await expect(client.auth.refresh()).resolves.toEqual(anna);
    expect(client.auth.loaded).toBe(true);
    expect(client.auth.user).toEqual(anna);
    expect(changes).toEqual([anna]);
    expect(gateway.requests.map((request) => `${request.method} ${request.url}`)).toEqual(['GET /api/v1/exempelstad/auth/me']);
  });

  it('learns that nobody is logged in from a 204 (the gateway\'s answer for an anonymous visitor), and says so once', async () => {
    gateway.handler = () => noContent();
    await expect(client.auth.refresh()).resolves.toBeNull();
    await expect(client.auth.refresh()).resolves.toBeNull();
    expect(client.auth.loaded).toBe(true);
    expect(client.auth.user).toBeNull();
    expect(changes).toEqual([null]);
  });

  it('learns that nobody is logged in from a 401 too (an older gateway), and says so once', async () => {
    gateway.handler = unauthenticated;
    await expect(client.auth.refresh()).resolves.toBeNull();
    await expect(client.auth.refresh()).resolves.toBeNull();
    expect(client.auth.loaded).toBe(true);
    expect(changes).toEqual([null]);
  });

  it('does not fire when a refresh finds the same person, though it keeps the new expiry', async () => {
    const renewed = { ...anna, expiresAt: '2025-01-01T12:45:00.000Z' };
    gateway.queue(ok(anna), ok(renewed), ok(bertil));
    await client.auth.refresh();
    await client.auth.refresh();
    expect(changes).toEqual([anna]);
    expect(client.auth.user?.expiresAt).toBe(renewed.expiresAt);
    await client.auth.refresh();
    expect(changes).toEqual([anna, bertil]);
  });

  it('shares one request between concurrent callers, and load() reuses what is known', async () => {
    gateway.queue(ok(anna));
    const [first, second] = await Promise.all([client.auth.refresh(), client.auth.load()]);
    expect(first).toEqual(anna);
    expect(second).toEqual(anna);
    await expect(client.auth.load()).resolves.toEqual(anna);
    expect(gateway.requests).toHaveLength(1);
  });

  it('rethrows other errors and leaves the state as it was', async () => {
    gateway.handler = () => problem(404, problemTypes.unknownKommun, 'Kommunen finns inte i tjänsten');
    await expect(client.auth.refresh()).rejects.toMatchObject({ status: 404, type: problemTypes.unknownKommun });
    expect(client.auth.loaded).toBe(false);
    expect(changes).toEqual([]);
  });

  it('lets one caller stop waiting without cancelling the shared request', async () => {
    let release = (): void => undefined;
    gateway.handler = () => ({ ...ok(anna), after: new Promise<void>((resolve) => (release = resolve)) });
    const controller = new AbortController();
    const aborted = client.auth.refresh({ signal: controller.signal }).catch((caught: unknown) => caught);
    const other = client.auth.refresh();
    controller.abort();
    expect(await aborted).toMatchObject({ name: 'AbortError' });
    for (let i = 0; i < 200 && gateway.requests.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    release();
    await expect(other).resolves.toEqual(anna);
    expect(gateway.requests).toHaveLength(1);
  });

  it('rejects at once, without a request, when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(client.auth.refresh({ signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(gateway.requests).toHaveLength(0);
  });
});

describe('auth.login', () => {
  it('navigates the whole page to the gateway login with the return URL', () => {
    client.auth.login('https://www.exempelstad.se/felanmalan?steg=2#form');
    expect(navigations).toEqual([
      `${gateway.url}/api/v1/exempelstad/auth/login?return=${encodeURIComponent('https://www.exempelstad.se/felanmalan?steg=2#form')}`,
    ]);
    expect(gateway.requests).toHaveLength(0);
  });

  it('drops the outcome of an earlier failed attempt from the return URL', () => {
    client.auth.login('https://www.exempelstad.se/felanmalan?kk-login=cancelled&steg=2');
    const target = new URL(navigations[0] ?? '');
    expect(target.searchParams.get('return')).toBe('https://www.exempelstad.se/felanmalan?steg=2');
  });

  it('returns to the current page by default', () => {
    const original = Object.getOwnPropertyDescriptor(globalThis, 'location');
    Object.defineProperty(globalThis, 'location', { value: { href: 'https://www.exempelstad.se/boka' }, configurable: true });
    try {
      client.auth.login();
    } finally {
      if (original) Object.defineProperty(globalThis, 'location', original);
      else Reflect.deleteProperty(globalThis, 'location');
    }
    expect(new URL(navigations[0] ?? '').searchParams.get('return')).toBe('https://www.exempelstad.se/boka');
  });
});

describe('auth.logout', () => {
  it('ends the session with a CSRF-protected POST and tells listeners', async () => {
    gateway.queue(ok(anna), noContent());
    await client.auth.refresh();
    await client.auth.logout();
    const logout = gateway.requests[1];
    expect(logout?.method).toBe('POST');
    expect(logout?.url).toBe('/api/v1/exempelstad/auth/logout');
    expect(logout?.headers['x-kommunkit-client']).toBe(`sdk/${sdkVersion}`);
    expect(client.auth.user).toBeNull();
    expect(changes).toEqual([anna, null]);
  });

  it('is logged out even when the session had already ended', async () => {
    gateway.queue(ok(anna), unauthenticated());
    await client.auth.refresh();
    await expect(client.auth.logout()).resolves.toBeUndefined();
    expect(changes).toEqual([anna, null]);
  });

  it('keeps the user when the logout did not reach the gateway', async () => {
    gateway.queue(ok(anna), { status: 403, headers: { 'content-type': 'application/problem+json' }, json: { type: problemTypes.csrf, title: 'Begäran kom inte från en tillåten webbplats', status: 403 } });
    await client.auth.refresh();
    await expect(client.auth.logout()).rejects.toMatchObject({ status: 403 });
    expect(client.auth.user).toEqual(anna);
  });

  it('is not undone by a refresh that was under way', async () => {
    let release = (): void => undefined;
    gateway.queue(ok(anna), { ...ok(anna), after: new Promise<void>((resolve) => (release = resolve)) }, noContent());
    await client.auth.refresh();
    const stale = client.auth.refresh();
    for (let i = 0; i < 200 && gateway.requests.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    await client.auth.logout();
    release();
    await expect(stale).resolves.toBeNull();
    expect(client.auth.user).toBeNull();
    expect(changes).toEqual([anna, null]);
  });
});

describe('session end', () => {
  it('notices a 401 on any call and tells listeners the citizen is logged out', async () => {
    gateway.queue(ok(anna), unauthenticated());
    await client.auth.refresh();
    await expect(draftsFor(client).save('felanmalan', { data: { beskrivning: 'Trasig lampa' } })).rejects.toMatchObject({ status: 401 });
    expect(client.auth.user).toBeNull();
    expect(changes).toEqual([anna, null]);
  });

  it('can be listened to and unlistened', async () => {
    const seen: (User | null)[] = [];
    const listener = (event: CustomEvent<User | null>): void => void seen.push(event.detail);
    client.auth.addEventListener('change', listener);
    gateway.queue(ok(anna), ok(bertil));
    await client.auth.refresh();
    client.auth.removeEventListener('change', listener);
    await client.auth.refresh();
    expect(seen).toEqual([anna]);
    expect(changes).toEqual([anna, bertil]);
  });
});

describe('auth.endReason', () => {
  it('is undefined while nobody has been logged in, and while someone is', async () => {
    gateway.queue(unauthenticated(), ok(anna));
    await client.auth.refresh();
    expect(client.auth.endReason).toBeUndefined();
    await client.auth.refresh();
    expect(client.auth.endReason).toBeUndefined();
  });

  it('tells a logout here from a session that ended by itself', async () => {
    gateway.queue(ok(anna), noContent(), ok(anna), unauthenticated(), ok(anna), unauthenticated());
    await client.auth.refresh();
    await client.auth.logout();
    expect(client.auth.endReason).toBe('logout');
    await client.auth.refresh();
    expect(client.auth.endReason).toBeUndefined();
    // Expired, or logged out in another tab: the next auth/me says 401.
    await client.auth.refresh();
    expect(client.auth.endReason).toBe('session-ended');
    await client.auth.refresh();
    // A 401 on any other call.
    await expect(draftsFor(client).get('felanmalan')).rejects.toMatchObject({ status: 401 });
    expect(client.auth.endReason).toBe('session-ended');
  });
});

describe('loginOutcome', () => {
  it("reads the gateway's kk-login value from a return URL", () => {
    expect(loginOutcome('https://www.exempelstad.se/felanmalan?kk-login=cancelled')).toBe('cancelled');
    expect(loginOutcome('https://www.exempelstad.se/felanmalan?a=1&kk-login=failed#x')).toBe('failed');
    expect(loginOutcome('https://www.exempelstad.se/felanmalan?kk-login=hacked')).toBeUndefined();
    expect(loginOutcome('https://www.exempelstad.se/felanmalan')).toBeUndefined();
    expect(loginOutcome('not a url')).toBeUndefined();
  });
});
