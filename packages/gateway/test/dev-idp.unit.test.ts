import Fastify, { type FastifyInstance } from 'fastify';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as client from 'openid-client';
import Personnummer from 'personnummer';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ageOn, swedishDate } from '@kommunkit/contract/barnomsorg-rules';
import { luhnCheckDigit } from '@kommunkit/contract/fakturor-rules';
import { personnummerClaim } from '../src/auth/oidc.js';
import { openDatabase, type Db } from '../src/db/database.js';
import { purgeDevIdp } from '../src/dev-idp/db-adapter.js';
import { loginPage } from '../src/dev-idp/login-page.js';
import { createTestPersons, formatPersonnummer, testPersonIds, testPersons, type TestPerson } from '../src/dev-idp/persons.js';
import { devIdp } from '../src/dev-idp/plugin.js';
import { createDevProvider, loa3 } from '../src/dev-idp/provider.js';

/** The IdP keeps its state in the database: PGlite in memory, one for the whole file. */
let db: Db;
beforeAll(async () => {
  db = await openDatabase({});
});
afterAll(() => db.destroy());

/** 2026-11-23 at noon in Sweden: the day the ages below are stated for. */
const reference = new Date('2026-11-23T12:00:00+01:00');
const isPreschoolAge = (age: number) => age >= 1 && age <= 5;
const isSchoolAge = (age: number) => age >= 7 && age <= 12;
const guardianOf = (persons: readonly TestPerson[]) => persons.find((person) => person.id === testPersonIds.guardian)!;

describe('test persons of the development identity provider', () => {
  const everyone = (persons: readonly TestPerson[]) => [...persons, ...(guardianOf(persons).children ?? [])];

  it('all have valid 12-digit personnummer (not samordningsnummer), checked with the personnummer package', () => {
    for (const { personnummer } of everyone(testPersons)) {
      expect(personnummer, personnummer).toMatch(/^(19|20)\d{10}$/);
      expect(Personnummer.valid(personnummer), personnummer).toBe(true);
      const parsed = Personnummer.parse(personnummer);
      expect(parsed.isCoordinationNumber()).toBe(false);
      expect(parsed.format(true)).toBe(personnummer);
    }
    expect(new Set(everyone(testPersons).map((person) => person.personnummer)).size).toBe(everyone(testPersons).length);
  });

  it('have birth numbers that match their names (even for women and girls, odd for men and boys)', () => {
    const women = new Set(['Anna', 'Karin', 'Sara', 'Saga', 'Maja']);
    for (const person of everyone(testPersons)) {
      expect(Personnummer.parse(person.personnummer).isFemale(), person.givenName).toBe(women.has(person.givenName));
    }
  });

  it('have stable, unique, opaque ids that do not carry the personnummer', () => {
    const ids = everyone(testPersons).map((person) => person.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const person of everyone(testPersons)) {
      expect(person.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(person.id.replace(/-/g, '')).not.toContain(person.personnummer.slice(2, 8));
    }
    expect(testPersons.map((person) => person.id)).toEqual(Object.values(testPersonIds));
    expect(createTestPersons(reference).map((person) => person.id)).toEqual(Object.values(testPersonIds));
  });

  it('include a guardian with two children of preschool age and one of school age on 2026-11-23, ages computed from birth dates', () => {
    const children = guardianOf(createTestPersons(reference)).children!;
    expect(children).toHaveLength(3);
    const ages = children.map((child) => ageOn(child.birthDate, swedishDate(reference)));
    expect(ages.filter(isPreschoolAge)).toHaveLength(2);
    expect(ages.filter(isSchoolAge)).toHaveLength(1);
    for (const child of children) {
      expect(child.personnummer.startsWith(child.birthDate.replace(/-/g, ''))).toBe(true);
      expect(Personnummer.valid(child.personnummer), child.personnummer).toBe(true);
      expect(child.familyName).toBe('Andersson');
    }

    // The same ages by the personnummer package's own reckoning, on that day.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(reference);
      expect(children.map((child) => Personnummer.parse(child.personnummer).getAge())).toEqual(ages);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keep those ages on every day of the years ahead, and today', () => {
    for (let day = Date.UTC(2026, 0, 1, 11); day <= Date.UTC(2028, 11, 31, 11); day += 86_400_000) {
      const on = new Date(day);
      const ages = guardianOf(createTestPersons(on)).children!.map((child) => ageOn(child.birthDate, swedishDate(on)));
      expect(ages.filter(isPreschoolAge), on.toISOString()).toHaveLength(2);
      expect(ages.filter(isSchoolAge), on.toISOString()).toHaveLength(1);
    }
    const today = guardianOf(testPersons).children!.map((child) => ageOn(child.birthDate, swedishDate(new Date())));
    expect(today.filter(isPreschoolAge)).toHaveLength(2);
    expect(today.filter(isSchoolAge)).toHaveLength(1);
  });

  it('reckon ages by the calendar in Sweden', () => {
    expect(ageOn('2022-03-15', '2026-03-14')).toBe(3);
    expect(ageOn('2022-03-15', '2026-03-15')).toBe(4);
    // 23:30 UTC on 14 March is already 15 March in Stockholm.
    expect(ageOn('2022-03-15', swedishDate(new Date('2026-03-14T23:30:00Z')))).toBe(4);
  });

  it('include the other guardian of the same children, each guardian pointing at the other', () => {
    const guardian = guardianOf(testPersons);
    const other = testPersons.find((person) => person.id === testPersonIds.otherGuardian)!;
    expect(guardian.otherGuardianId).toBe(other.id);
    expect(other.otherGuardianId).toBe(guardian.id);
    expect(other.children).toEqual(guardian.children);
    // How the e2e test picks "the" guardian.
    expect(testPersons.find((person) => person.children && !person.otherGuardianOf)).toBe(guardian);
    expect(guardian.description).toMatch(/Vårdnadshavare med tre barn/);
    expect(other.description).toMatch(/andra vårdnadshavare/i);
  });

  it('include a förening representative with a valid-format organisationsnummer', () => {
    const { forening } = testPersons.find((person) => person.id === testPersonIds.foreningRepresentative)!;
    expect(forening?.name).toBeTruthy();
    expect(forening?.organisationsnummer).toMatch(/^\d{6}-\d{4}$/);
    const digits = forening!.organisationsnummer.replace('-', '');
    expect(Number(digits.slice(2, 4))).toBeGreaterThanOrEqual(20);
    expect(luhnCheckDigit(digits.slice(0, 9))).toBe(Number(digits[9]));
  });

  it('include a citizen with invoices, and one with protected identity who has no address to show', () => {
    expect(testPersons.find((person) => person.id === testPersonIds.invoiceRecipient)?.hasInvoices).toBe(true);
    const protectedPerson = testPersons.find((person) => person.id === testPersonIds.protectedIdentity)!;
    expect(protectedPerson.protectedIdentity).toBe(true);
    expect(protectedPerson.address).toBeUndefined();
    for (const person of testPersons.filter((candidate) => !candidate.protectedIdentity)) expect(person.address.city).toBeTruthy();
  });

  it('are listed on the login page with name, personnummer and description, escaped, with no address and no script', () => {
    const page = loginPage({
      persons: testPersons,
      action: '/dev-idp/interaction/abc/login',
      abortAction: '/dev-idp/interaction/abc/abort',
      stylesheet: '/dev-idp/login.css',
      clientName: '<exempelstad>',
    });
    for (const person of testPersons) {
      expect(page).toContain(`value="${person.id}"`);
      expect(page).toContain(`${person.givenName} ${person.familyName}`);
      expect(page).toContain(formatPersonnummer(person.personnummer));
      expect(page).toContain(person.description);
      if (person.address) expect(page).not.toContain(person.address.street);
    }
    expect(page).toContain('&lt;exempelstad&gt;');
    expect(page).not.toMatch(/<script|<style|\sstyle=|\son\w+=/i);
  });
});

/** A cookie jar and redirect-following for one browser on the loopback IdP. */
class Browser {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  async fetch(url: URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = [...this.cookies]
      .filter(([, { path }]) => url.pathname === path || url.pathname.startsWith(path.endsWith('/') ? path : `${path}/`))
      .map(([name, { value }]) => `${name}=${value}`)
      .join('; ');
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual', signal: AbortSignal.timeout(5_000) });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const path = attributes.find((attribute) => /^path=/i.test(attribute))?.slice(5) ?? '/';
      const expired = attributes.some((attribute) => /^max-age=0$/i.test(attribute) || /^expires=.*1970/i.test(attribute));
      if (expired || !value) this.cookies.delete(name);
      else this.cookies.set(name, { value, path });
    }
    return response;
  }

  /**
   * Fetches `url` and follows redirects (at most 10), stopping at a response that is not a
   * redirect, or at a redirect to `redirectUri`, which belongs to the client and is not fetched.
   */
  async follow(url: URL, redirectUri: string, init: RequestInit = {}): Promise<{ response: Response; url: URL; callback?: URL }> {
    let current = url;
    let response = await this.fetch(current, init);
    for (let hop = 0; hop < 10; hop += 1) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, url: current };
      const next = new URL(location, current);
      if (`${next.origin}${next.pathname}` === redirectUri) return { response, url: current, callback: next };
      if (next.hostname !== '127.0.0.1') throw new Error(`Redirected off the loopback IdP to ${next.href}`);
      current = next;
      response = await this.fetch(current);
    }
    throw new Error(`More than 10 redirects from ${url.href}`);
  }
}

interface RunningIdp {
  /** Every instance behind the IdP's one address. */
  apps: FastifyInstance[];
  /** Which instance answered each request, in order (0, 1, …). */
  served: number[];
  origin: string;
  issuer: string;
  close(): Promise<void>;
}

const clients = {
  basic: { clientId: 'exempelstad', clientSecret: 'secret-exempelstad-0123456789', redirectUri: 'http://kommun.test/api/v1/exempelstad/auth/callback' },
  post: { clientId: 'grannby', clientSecret: 'secret-grannby-0123456789', redirectUri: 'http://kommun.test/api/v1/grannby/auth/callback' },
} as const;

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Fastify apps with the plugin behind one server on 127.0.0.1:0, which hands requests to them in
 * turn (round robin) when there are several, all on one database. The issuer needs the port
 * before the plugin is registered, so the server is made by us and listens first; each app gives
 * its request handler to us (serverFactory) and never listens itself.
 */
async function startIdp(fastifyOptions: { trustProxy?: boolean } = {}, instances = 1): Promise<RunningIdp> {
  const handlers: Handler[] = [];
  const served: number[] = [];
  const listening = createServer((request, response) => {
    const instance = served.length % handlers.length;
    served.push(instance);
    handlers[instance]!(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    listening.once('error', reject);
    listening.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${String((listening.address() as AddressInfo).port)}`;
  const issuer = `${origin}/dev-idp`;
  const apps: FastifyInstance[] = [];
  for (let instance = 0; instance < instances; instance += 1) {
    const app = Fastify({
      logger: false,
      ...fastifyOptions,
      serverFactory: (handler) => {
        handlers.push(handler);
        return createServer();
      },
    });
    await app.register(devIdp, {
      issuer,
      db,
      clients: [
        { clientId: clients.basic.clientId, clientSecret: clients.basic.clientSecret, redirectUris: [clients.basic.redirectUri], clientName: 'Exempelstads kommun' },
        { clientId: clients.post.clientId, clientSecret: clients.post.clientSecret, redirectUris: [clients.post.redirectUri] },
      ],
    });
    await app.ready();
    apps.push(app);
  }
  return {
    apps,
    served,
    origin,
    issuer,
    close: async () => {
      for (const app of apps) await app.close();
      listening.closeAllConnections();
      await new Promise<void>((resolve) => listening.close(() => resolve()));
    },
  };
}

const discover = (issuer: string, which: (typeof clients)[keyof typeof clients], auth: client.ClientAuth) =>
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- plain http on loopback only, as the gateway allows
  client.discovery(new URL(issuer), which.clientId, undefined, auth, { execute: [client.allowInsecureRequests] });

/** The radios of the login page: value (person id), and the form's action. */
function readLoginPage(html: string, pageUrl: URL) {
  const action = /<form method="post" action="([^"]+)">/.exec(html)?.[1];
  const abort = [...html.matchAll(/<form method="post" action="([^"]+)">/g)][1]?.[1];
  const values = [...html.matchAll(/<input type="radio" name="person" id="([^"]+)" value="([^"]+)"/g)].map((match) => match[2]!);
  return { action: new URL(action!, pageUrl), abort: new URL(abort!, pageUrl), values };
}

/** Starts an authorization request and lands on the login page. */
async function openLoginPage(browser: Browser, configuration: client.Configuration, which: (typeof clients)[keyof typeof clients], extra: Record<string, string> = {}) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const authorizationUrl = client.buildAuthorizationUrl(configuration, {
    redirect_uri: which.redirectUri,
    scope: 'openid profile',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...extra,
  });
  const { response, url } = await browser.follow(authorizationUrl, which.redirectUri);
  return { response, url, html: await response.text(), verifier, state, nonce };
}

async function choose(browser: Browser, action: URL, person: string, redirectUri: string) {
  return browser.follow(action, redirectUri, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ person }).toString(),
  });
}

describe('the development identity provider over HTTP', () => {
  let idp: RunningIdp;
  beforeAll(async () => {
    idp = await startIdp();
  });
  afterAll(() => idp.close());

  it('publishes discovery metadata under the mount path: code flow, PKCE S256, secret-based client auth, the personnummer claim', async () => {
    const response = await fetch(`${idp.issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const metadata = (await response.json()) as Record<string, unknown>;
    expect(metadata.issuer).toBe(idp.issuer);
    for (const endpoint of ['authorization_endpoint', 'token_endpoint', 'jwks_uri', 'userinfo_endpoint']) {
      expect(String(metadata[endpoint]), endpoint).toMatch(new RegExp(`^${idp.issuer}/`));
    }
    expect(metadata.response_types_supported).toEqual(['code']);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    expect(metadata.token_endpoint_auth_methods_supported).toEqual(['client_secret_basic', 'client_secret_post']);
    expect(metadata.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile']));
    expect(metadata.claims_supported).toEqual(expect.arrayContaining(['sub', 'name', 'given_name', 'family_name', personnummerClaim]));
    expect(metadata).not.toHaveProperty('end_session_endpoint');

    const jwks = (await (await fetch(String(metadata.jwks_uri))).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('logs a guardian in through the code flow with PKCE (client_secret_basic): login page, chosen person, ID token claims, userinfo', async () => {
    const configuration = await discover(idp.issuer, clients.basic, client.ClientSecretBasic(clients.basic.clientSecret));
    const browser = new Browser();
    const { response, url, html, verifier, state, nonce } = await openLoginPage(browser, configuration, clients.basic);

    expect(response.status).toBe(200);
    expect(url.pathname).toMatch(/^\/dev-idp\/interaction\/[\w-]+$/);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).toMatch(/^<!doctype html>\s*<html lang="sv">/);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('<legend>Välj testperson</legend>');
    expect(html).toContain('Exempelstads kommun');
    expect(html).toMatch(/<button type="submit">Logga in<\/button>/);
    expect(html).not.toMatch(/<script/i);
    const page = readLoginPage(html, url);
    expect(page.values).toEqual(testPersons.map((person) => person.id));
    for (const person of testPersons) {
      expect(html).toContain(formatPersonnummer(person.personnummer));
      expect(html).toContain(person.description);
    }
    for (const [, id] of html.matchAll(/<input type="radio" name="person" id="([^"]+)"/g)) expect(html).toContain(`<label for="${id!}">`);
    const stylesheet = /<link rel="stylesheet" href="([^"]+)">/.exec(html)?.[1];
    const css = await fetch(new URL(stylesheet!, url));
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);

    const guardian = guardianOf(testPersons);
    const { callback } = await choose(browser, page.action, guardian.id, clients.basic.redirectUri);
    expect(callback?.searchParams.get('code')).toBeTruthy();
    expect(callback?.searchParams.get('state')).toBe(state);

    const tokens = await client.authorizationCodeGrant(configuration, callback!, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
    const claims = tokens.claims()!;
    expect(claims.iss).toBe(idp.issuer);
    expect(claims.aud).toBe(clients.basic.clientId);
    expect(claims.sub).toBe(guardian.id);
    expect(claims.name).toBe(`${guardian.givenName} ${guardian.familyName}`);
    expect(claims.given_name).toBe(guardian.givenName);
    expect(claims.family_name).toBe(guardian.familyName);
    expect(claims[personnummerClaim]).toBe(guardian.personnummer);
    expect(claims.acr).toBe(loa3);

    const userinfo = await client.fetchUserInfo(configuration, tokens.access_token, guardian.id);
    expect(userinfo[personnummerClaim]).toBe(guardian.personnummer);
    expect(userinfo.name).toBe(claims.name);
  });

  it('accepts client_secret_post at the token endpoint, and shows the login page at every login (no silent SSO)', async () => {
    const configuration = await discover(idp.issuer, clients.post, client.ClientSecretPost(clients.post.clientSecret));
    const browser = new Browser();
    for (const id of [testPersonIds.invoiceRecipient, testPersonIds.protectedIdentity]) {
      const { response, url, html, verifier, state, nonce } = await openLoginPage(browser, configuration, clients.post);
      expect(response.status, 'the login page, not a redirect back').toBe(200);
      expect(html).toContain('grannby');
      const { callback } = await choose(browser, readLoginPage(html, url).action, id, clients.post.redirectUri);
      const tokens = await client.authorizationCodeGrant(configuration, callback!, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
      const person = testPersons.find((candidate) => candidate.id === id)!;
      expect(tokens.claims()?.sub).toBe(id);
      expect(tokens.claims()?.[personnummerClaim]).toBe(person.personnummer);
    }
  });

  it('requires PKCE: an authorization request without a code challenge goes back to the client with invalid_request', async () => {
    const configuration = await discover(idp.issuer, clients.basic, client.ClientSecretBasic(clients.basic.clientSecret));
    const state = client.randomState();
    const authorizationUrl = client.buildAuthorizationUrl(configuration, { redirect_uri: clients.basic.redirectUri, scope: 'openid profile', state });
    const { callback } = await new Browser().follow(authorizationUrl, clients.basic.redirectUri);
    expect(callback?.searchParams.get('error')).toBe('invalid_request');
    expect(callback?.searchParams.get('error_description')).toMatch(/PKCE/);
    expect(callback?.searchParams.get('state')).toBe(state);
    expect(callback?.searchParams.has('code')).toBe(false);
  });

  it('refuses a code redeemed with the wrong code verifier', async () => {
    const configuration = await discover(idp.issuer, clients.basic, client.ClientSecretBasic(clients.basic.clientSecret));
    const browser = new Browser();
    const { url, html, state, nonce } = await openLoginPage(browser, configuration, clients.basic);
    const { callback } = await choose(browser, readLoginPage(html, url).action, testPersonIds.guardian, clients.basic.redirectUri);
    await expect(
      client.authorizationCodeGrant(configuration, callback!, { pkceCodeVerifier: client.randomPKCECodeVerifier(), expectedState: state, expectedNonce: nonce }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a wrong client secret at the token endpoint', async () => {
    const good = await discover(idp.issuer, clients.basic, client.ClientSecretBasic(clients.basic.clientSecret));
    const bad = await discover(idp.issuer, clients.basic, client.ClientSecretBasic('not-the-secret'));
    const browser = new Browser();
    const { url, html, verifier, state, nonce } = await openLoginPage(browser, good, clients.basic);
    const { callback } = await choose(browser, readLoginPage(html, url).action, testPersonIds.guardian, clients.basic.redirectUri);
    // A 401 with a Basic challenge, which openid-client reports as such.
    await expect(client.authorizationCodeGrant(bad, callback!, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce })).rejects.toMatchObject({
      status: 401,
      cause: [{ scheme: 'basic', parameters: { error: 'invalid_client' } }],
    });
  });

  it('sends a cancelled login back to the client as access_denied', async () => {
    const configuration = await discover(idp.issuer, clients.basic, client.ClientSecretBasic(clients.basic.clientSecret));
    const browser = new Browser();
    const { url, html, state } = await openLoginPage(browser, configuration, clients.basic);
    const { callback } = await browser.follow(readLoginPage(html, url).abort, clients.basic.redirectUri, { method: 'POST' });
    expect(callback?.searchParams.get('error')).toBe('access_denied');
    expect(callback?.searchParams.get('state')).toBe(state);
  });

  it('shows the page again with a message when no known person is posted', async () => {
    const configuration = await discover(idp.issuer, clients.basic, client.ClientSecretBasic(clients.basic.clientSecret));
    const browser = new Browser();
    const { url, html } = await openLoginPage(browser, configuration, clients.basic);
    const { response } = await choose(browser, readLoginPage(html, url).action, testPersons[0]!.personnummer, clients.basic.redirectUri);
    expect(response.status).toBe(400);
    const again = await response.text();
    expect(again).toMatch(/<p class="error" role="alert">Välj en av testpersonerna i listan\.<\/p>/);
    expect(readLoginPage(again, url).values).toHaveLength(testPersons.length);
  });

  it('answers a login page without its interaction cookie with a Swedish error page, not a crash', async () => {
    const configuration = await discover(idp.issuer, clients.basic, client.ClientSecretBasic(clients.basic.clientSecret));
    const { url } = await openLoginPage(new Browser(), configuration, clients.basic);
    const stranger = new Browser();
    const page = await stranger.fetch(url);
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<h1>Inloggningen kunde inte slutföras</h1>');

    const post = await stranger.fetch(new URL(`${url.pathname}/login`, url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `person=${testPersonIds.guardian}`,
    });
    expect(post.status).toBe(400);
    expect(post.headers.get('location')).toBeNull();
  });

  it('answers unknown paths under the mount path with oidc-provider\'s 404, and a stale resume with the error page', async () => {
    const unknown = await fetch(`${idp.issuer}/no-such-endpoint`);
    expect(unknown.status).toBe(404);
    const resume = await fetch(`${idp.issuer}/auth/not-an-interaction`);
    expect(resume.status).toBe(400);
    const html = await resume.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('Inloggningen kunde inte slutföras');
  });

  it('ignores forwarded headers when the app does not trust a proxy', async () => {
    const response = await fetch(`${idp.issuer}/.well-known/openid-configuration`, {
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' },
    });
    const metadata = (await response.json()) as { authorization_endpoint: string };
    expect(metadata.authorization_endpoint).toBe(`${idp.issuer}/auth`);
  });
});

describe('the development identity provider as two instances on one database', () => {
  let idp: RunningIdp;
  beforeAll(async () => {
    idp = await startIdp({}, 2);
  });
  afterAll(() => idp.close());

  it('finishes a login whose every request goes to the other instance than the one before (round robin)', async () => {
    const jwks = async () => ((await (await fetch(`${idp.issuer}/jwks`)).json()) as { keys: { kid: string; n: string }[] }).keys;
    const [first, second] = [await jwks(), await jwks()];
    expect(first).toEqual(second);

    const configuration = await discover(idp.issuer, clients.basic, client.ClientSecretBasic(clients.basic.clientSecret));
    const browser = new Browser();
    const before = idp.served.length;
    const { response, url, html, verifier, state, nonce } = await openLoginPage(browser, configuration, clients.basic);
    expect(response.status).toBe(200);
    const guardian = guardianOf(testPersons);
    const { callback } = await choose(browser, readLoginPage(html, url).action, guardian.id, clients.basic.redirectUri);
    expect(callback?.searchParams.get('state')).toBe(state);
    const tokens = await client.authorizationCodeGrant(configuration, callback!, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
    expect(tokens.claims()?.sub).toBe(guardian.id);
    expect((await client.fetchUserInfo(configuration, tokens.access_token, guardian.id))[personnummerClaim]).toBe(guardian.personnummer);

    // auth, login page, login POST, resume, token, userinfo (and the jwks fetch): both instances, in turn.
    const hops = idp.served.slice(before);
    expect(hops.length).toBeGreaterThanOrEqual(6);
    hops.forEach((instance, hop) => expect(instance, `hop ${String(hop)}`).toBe((before + hop) % 2));
  });

  it('keeps its state in the database: an interaction deleted there is gone on both instances', async () => {
    const configuration = await discover(idp.issuer, clients.basic, client.ClientSecretBasic(clients.basic.clientSecret));
    const browser = new Browser();
    const { url, html } = await openLoginPage(browser, configuration, clients.basic);
    const uid = url.pathname.split('/').pop()!;
    const stored = await db.selectFrom('dev_idp_entry').select(['model', 'expires_at']).where('model', '=', 'Interaction').where('id', '=', uid).executeTakeFirst();
    expect(stored?.expires_at?.getTime()).toBeGreaterThan(Date.now());

    // Expired in the table: the next instance to look it up finds nothing, and deletes the row.
    await db.updateTable('dev_idp_entry').set({ expires_at: new Date(Date.now() - 1000) }).where('model', '=', 'Interaction').where('id', '=', uid).execute();
    for (let instance = 0; instance < 2; instance += 1) {
      const { response } = await choose(browser, readLoginPage(html, url).action, testPersonIds.guardian, clients.basic.redirectUri);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('Inloggningen kunde inte slutföras');
    }
    expect(await db.selectFrom('dev_idp_entry').select('id').where('model', '=', 'Interaction').where('id', '=', uid).executeTakeFirst()).toBeUndefined();
  });

  it('purges expired entries (housekeeping) and keeps live ones and its keys', async () => {
    const entry = (id: string, expiresAt: Date | null) => ({ model: 'AccessToken', id, payload: JSON.stringify({ jti: id }), uid: null, grant_id: null, expires_at: expiresAt });
    await db
      .insertInto('dev_idp_entry')
      .values([entry('purge-old', new Date(Date.now() - 1000)), entry('purge-live', new Date(Date.now() + 60_000))])
      .execute();
    await purgeDevIdp(db);
    const left = await db.selectFrom('dev_idp_entry').select(['model', 'id']).execute();
    expect(left.map((row) => row.id)).not.toContain('purge-old');
    expect(left.map((row) => row.id)).toContain('purge-live');
    expect(left.map((row) => row.model)).toContain('KommunkitKeys');
  });
});

describe('the development identity provider behind a trusted TLS proxy', () => {
  it('builds its URLs from the forwarded scheme and host, as the gateway sees them', async () => {
    const idp = await startIdp({ trustProxy: true });
    try {
      const response = await fetch(`${idp.issuer}/.well-known/openid-configuration`, {
        headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'e-tjanster.exempelstad.se' },
      });
      const metadata = (await response.json()) as { authorization_endpoint: string };
      expect(metadata.authorization_endpoint).toBe('https://e-tjanster.exempelstad.se/dev-idp/auth');
    } finally {
      await idp.close();
    }
  });
});

describe('the development identity provider in production', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('refuses to be created when NODE_ENV is production', () => {
    vi.stubEnv('NODE_ENV', 'production');
    expect(() => createDevProvider('http://localhost:8080/dev-idp', [], { db, keys: { signing: [], cookies: [] } })).toThrow(/refuses to start because NODE_ENV=production/);
  });

  it('refuses to be registered on an app when NODE_ENV is production', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const app = Fastify({ logger: false });
    await expect(app.register(devIdp, { issuer: 'http://localhost:8080/dev-idp', clients: [], db }).ready()).rejects.toThrow(/NODE_ENV=production/);
    await app.close();
  });

  it('refuses an issuer without a path to mount at', async () => {
    const app = Fastify({ logger: false });
    await expect(app.register(devIdp, { issuer: 'http://localhost:8080/', clients: [], db }).ready()).rejects.toThrow(/issuer with a path/);
    await app.close();
  });
});
