import { problemTypes, type Draft, type Problem, type User } from '@kommunkit/contract';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildGateway } from '../src/app.js';
import { Sealer } from '../src/auth/seal.js';
import { testPersonIds, testPersons } from '../src/dev-idp/persons.js';
import { pages, startGateway, testConfig, type TestGateway } from './support/gateway.js';
import { Browser, writeHeaders } from './support/http.js';
import { login, loginUntilCallback } from './support/login.js';

/** The test gateway's data key; the sessions' personnummer are sealed under a key derived from it. */
const dataKey = 'test-data-key-for-auth-tests-0123456789abcdef';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startGateway({ configure: (config) => (config.dataKey = dataKey) });
});
afterAll(() => gateway.close());
beforeEach(() => gateway.reset());

const guardian = /Vårdnadshavare med tre barn/;
const otherGuardian = /andra vårdnadshavare/i;

describe('login through the kommun\'s identity provider (BFF)', () => {
  it('returns the citizen to the page they came from, logged in with an HttpOnly, SameSite=Lax cookie for that kommun only', async () => {
    const browser = new Browser(gateway.url);
    const page = `${pages.exempelstad}/e-tjanster/felanmalan?steg=2`;
    const landed = await login(browser, 'exempelstad', page, guardian);
    expect(landed.href).toBe(page);

    const me = await browser.fetch('/api/v1/exempelstad/auth/me');
    expect(me.status).toBe(200);
    const user = (await me.json()) as User;
    expect(user.kommun).toBe('exempelstad');
    expect(user.name).toMatch(/\S+ \S+/);
    expect(JSON.stringify(user)).not.toMatch(/\d{8}-?\d{4}/);
    expect(new Date(user.expiresAt).getTime()).toBeGreaterThan(Date.now());

    const stored = await gateway.db.selectFrom('session').selectAll().executeTakeFirstOrThrow();
    expect(stored.id).not.toBe(browser.cookie('kk_session'));
  });

  it('sets the cookie attributes a browser needs to keep the session safe', async () => {
    const browser = new Browser(gateway.url);
    const { response, url } = await browser.follow(`/api/v1/exempelstad/auth/login?return=${encodeURIComponent(`${pages.exempelstad}/`)}`);
    const { action, persons } = (await import('./support/login.js')).readLoginForm(await response.text(), url);
    let current = await browser.fetch(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ person: persons[0]!.value }).toString(),
    });
    let setCookie: string[] = [];
    for (let hop = 0; hop < 10 && current.status >= 300 && current.status < 400; hop += 1) {
      const next = new URL(current.headers.get('location')!, gateway.url);
      if (next.origin !== gateway.url) break;
      current = await browser.fetch(next.href);
      setCookie = [...setCookie, ...current.headers.getSetCookie()];
    }
    const session = setCookie.find((line) => line.startsWith('kk_session='));
    expect(session).toBeDefined();
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).toMatch(/Path=\/api\/v1\/exempelstad(;|$)/);
    // The test gateway is on 127.0.0.1, where Secure cannot be used; everywhere else it is set.
    expect(session).not.toMatch(/Secure/i);
  });

  it('does not accept one kommun\'s session cookie at another kommun', async () => {
    const browser = new Browser(gateway.url);
    await login(browser, 'exempelstad', `${pages.exempelstad}/`, guardian);
    const token = browser.cookie('kk_session')!;
    const elsewhere = await fetch(`${gateway.url}/api/v1/grannby/auth/me`, { headers: { cookie: `kk_session=${token}` } });
    expect(elsewhere.status).toBe(204);
    expect(await elsewhere.text()).toBe('');
    const home = await fetch(`${gateway.url}/api/v1/exempelstad/auth/me`, { headers: { cookie: `kk_session=${token}` } });
    expect(home.status).toBe(200);
  });

  it('answers 204 without a body when nobody is logged in: an anonymous visitor is no error (no page logs one)', async () => {
    for (const cookie of [undefined, 'kk_session=no-such-session']) {
      const response = await fetch(`${gateway.url}/api/v1/exempelstad/auth/me`, cookie ? { headers: { cookie } } : {});
      expect(response.status).toBe(204);
      expect(await response.text()).toBe('');
    }
  });

  it('still answers 401 problem+json where a session is required', async () => {
    const response = await fetch(`${gateway.url}/api/v1/exempelstad/drafts/felanmalan`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as Problem).title).toBe('Du behöver logga in');
  });

  it('logs out: the session is gone on the server, not just the cookie', async () => {
    const browser = new Browser(gateway.url);
    await login(browser, 'exempelstad', `${pages.exempelstad}/`, guardian);
    const token = browser.cookie('kk_session')!;
    const out = await browser.fetch('/api/v1/exempelstad/auth/logout', {
      method: 'POST',
      headers: { origin: pages.exempelstad, 'x-kommunkit-client': 'sdk/test' },
    });
    expect(out.status).toBe(204);
    expect(browser.cookie('kk_session')).toBeUndefined();
    const replay = await fetch(`${gateway.url}/api/v1/exempelstad/auth/me`, { headers: { cookie: `kk_session=${token}` } });
    expect(replay.status).toBe(204);
  });

  it('uses a login state once: a replayed callback is refused, even from the browser that started it', async () => {
    const browser = new Browser(gateway.url);
    const callback = await loginUntilCallback(browser, 'exempelstad', `${pages.exempelstad}/`, guardian);
    expect(callback).toContain('code=');
    const bound = browser.cookie('kk_login')!;
    expect((await browser.fetch(callback)).status).toBe(302);
    browser.setCookie('kk_login', bound, '/api/v1/exempelstad/auth');
    const replay = await browser.fetch(callback);
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as Problem).type).toBe(problemTypes.loginFailed);
  });

  it('sends the citizen back with kk-login=cancelled when they cancel at the identity provider', async () => {
    const browser = new Browser(gateway.url);
    const start = await browser.fetch(`/api/v1/exempelstad/auth/login?return=${encodeURIComponent(`${pages.exempelstad}/sida`)}`);
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const back = await browser.fetch(`/api/v1/exempelstad/auth/callback?state=${state}&error=access_denied`);
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe(`${pages.exempelstad}/sida?kk-login=cancelled`);
  });

  it('expires sessions on the server', async () => {
    const browser = new Browser(gateway.url);
    await login(browser, 'exempelstad', `${pages.exempelstad}/`, guardian);
    await gateway.db.updateTable('session').set({ expires_at: new Date(Date.now() - 1000) }).execute();
    expect((await browser.fetch('/api/v1/exempelstad/auth/me')).status).toBe(204);
  });
});

describe('login bound to the browser that started it (login CSRF)', () => {
  it('refuses a callback URL prepared in another browser: the victim gets no session, and the attacker\'s own login still works', async () => {
    const attacker = new Browser(gateway.url);
    const callback = await loginUntilCallback(attacker, 'exempelstad', `${pages.exempelstad}/`, guardian);

    const victim = new Browser(gateway.url);
    const refused = await victim.fetch(callback);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await refused.json()) as Problem;
    expect(problem.type).toBe(problemTypes.loginFailed);
    expect(problem.detail).toContain('Börja om från sidan du kom från');
    expect(refused.headers.getSetCookie().some((line) => line.startsWith('kk_session='))).toBe(false);
    expect(victim.cookie('kk_session')).toBeUndefined();
    expect((await victim.fetch('/api/v1/exempelstad/auth/me')).status).toBe(204);
    expect(await gateway.db.selectFrom('session').select('id').execute()).toHaveLength(0);

    // The victim's attempt did not use the login up: it still finishes in the browser that started it.
    const finished = await attacker.fetch(callback);
    expect(finished.status).toBe(302);
    expect(finished.headers.get('location')).toBe(`${pages.exempelstad}/`);
    expect((await attacker.fetch('/api/v1/exempelstad/auth/me')).status).toBe(200);
  });

  it('refuses a callback carrying another login\'s cookie: each state is bound to its own browser', async () => {
    const attacker = new Browser(gateway.url);
    const callback = await loginUntilCallback(attacker, 'exempelstad', `${pages.exempelstad}/`, guardian);
    // The victim has a login of their own in progress, so holds a login cookie, just not this one.
    const victim = new Browser(gateway.url);
    expect((await victim.fetch(`/api/v1/exempelstad/auth/login?return=${encodeURIComponent(`${pages.exempelstad}/`)}`)).status).toBe(302);
    expect(victim.cookie('kk_login')).toMatch(/^[\w-]{43}$/);
    expect(victim.cookie('kk_login')).not.toBe(attacker.cookie('kk_login'));
    expect((await victim.fetch(callback)).status).toBe(400);
    expect(victim.cookie('kk_session')).toBeUndefined();
  });

  it('sets the login cookie HttpOnly, SameSite=Lax, short-lived and scoped to the kommun\'s auth path, and clears it at the callback', async () => {
    const browser = new Browser(gateway.url);
    const start = await browser.fetch(`/api/v1/exempelstad/auth/login?return=${encodeURIComponent(`${pages.exempelstad}/`)}`);
    const cookie = start.headers.getSetCookie().find((line) => line.startsWith('kk_login='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/api\/v1\/exempelstad\/auth(;|$)/);
    expect(cookie).toMatch(/Max-Age=600(;|$)/);
    // Only its hash is kept with the state.
    const stored = await gateway.db.selectFrom('auth_request').selectAll().executeTakeFirstOrThrow();
    expect(stored.browser_hash).not.toBe(browser.cookie('kk_login'));
    expect(JSON.stringify(stored)).not.toContain(browser.cookie('kk_login'));

    const other = new Browser(gateway.url);
    const callback = await loginUntilCallback(other, 'exempelstad', `${pages.exempelstad}/`, guardian);
    const done = await other.fetch(callback);
    expect(done.status).toBe(302);
    const cleared = done.headers.getSetCookie().find((line) => line.startsWith('kk_login='));
    expect(cleared).toMatch(/Path=\/api\/v1\/exempelstad\/auth(;|$)/);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i);
    expect(other.cookie('kk_login')).toBeUndefined();
  });

  it('lets two logins from one browser (two tabs) both finish', async () => {
    const browser = new Browser(gateway.url);
    const first = await loginUntilCallback(browser, 'exempelstad', `${pages.exempelstad}/a`, guardian);
    const second = await loginUntilCallback(browser, 'exempelstad', `${pages.exempelstad}/b`, otherGuardian);
    expect((await browser.fetch(first)).headers.get('location')).toBe(`${pages.exempelstad}/a`);
    expect(browser.cookie('kk_login'), 'kept for the other tab').toBeDefined();
    expect((await browser.fetch(second)).headers.get('location')).toBe(`${pages.exempelstad}/b`);
    expect(browser.cookie('kk_login')).toBeUndefined();
  });
});

describe('the personnummer in the session table', () => {
  const guardianPerson = testPersons.find((person) => person.id === testPersonIds.guardian)!;
  const forms = (pnr: string) => [pnr, pnr.slice(2), `${pnr.slice(0, 8)}-${pnr.slice(8)}`, `${pnr.slice(2, 8)}-${pnr.slice(8)}`, pnr.slice(2, 8)];

  it('is stored sealed: no column holds its digits in any form, and the gateway opens it with its key', async () => {
    const browser = new Browser(gateway.url);
    await login(browser, 'exempelstad', `${pages.exempelstad}/`, guardian);
    const row = await gateway.db.selectFrom('session').selectAll().executeTakeFirstOrThrow();
    const columns = Object.values(row).map((value) => (value instanceof Date ? value.toISOString() : String(value)));
    // Also what the text would decode to if it were merely encoded.
    const decoded = columns.flatMap((value) => value.split(/[.:]/)).flatMap((part) => [Buffer.from(part, 'base64url').toString('latin1'), Buffer.from(part, 'hex').toString('latin1')]);
    for (const text of [...columns, ...decoded]) {
      for (const form of forms(guardianPerson.personnummer)) expect(text).not.toContain(form);
    }
    expect(row.personnummer_sealed).toMatch(/^v1\./);
    expect(new Sealer(dataKey, 'session-personnummer').open(row.personnummer_sealed!, row.id)).toBe(guardianPerson.personnummer);
    expect((await browser.fetch('/api/v1/exempelstad/auth/me')).status).toBe(200);
  });

  it('fails closed: a session sealed under another key, or moved from another session, is no session', async () => {
    const browser = new Browser(gateway.url);
    await login(browser, 'exempelstad', `${pages.exempelstad}/`, guardian);
    const row = await gateway.db.selectFrom('session').selectAll().executeTakeFirstOrThrow();
    const otherKey = new Sealer('another-data-key-than-the-gateways-0123456789', 'session-personnummer').seal(guardianPerson.personnummer, row.id);
    await gateway.db.updateTable('session').set({ personnummer_sealed: otherKey }).where('id', '=', row.id).execute();
    const me = await browser.fetch('/api/v1/exempelstad/auth/me');
    expect(me.status).toBe(204);

    // Sealed by the gateway's key, but for another session's id: it does not open in this one.
    const moved = new Sealer(dataKey, 'session-personnummer').seal(guardianPerson.personnummer, 'some-other-session-id');
    await gateway.db.updateTable('session').set({ personnummer_sealed: moved }).where('id', '=', row.id).execute();
    expect((await browser.fetch('/api/v1/exempelstad/auth/me')).status).toBe(204);

    const good = new Sealer(dataKey, 'session-personnummer').seal(guardianPerson.personnummer, row.id);
    await gateway.db.updateTable('session').set({ personnummer_sealed: good }).where('id', '=', row.id).execute();
    expect((await browser.fetch('/api/v1/exempelstad/auth/me')).status).toBe(200);
  });
});

describe('the data key', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('is required in production: without one the gateway refuses to start, saying what to set', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const config = testConfig('http://127.0.0.1:9');
    await expect(buildGateway({ config, db: gateway.db, logger: false })).rejects.toThrow(/no dataKey in the config while NODE_ENV=production.*KOMMUNKIT_DATA_KEY/);
    // With a key, the data key is no reason to stop (the dev IdP is the next to refuse production).
    config.dataKey = dataKey;
    await expect(buildGateway({ config, db: gateway.db, logger: false })).rejects.toThrow(/dev-idp\) refuses to start/);
  });

  it('falls back outside production to the documented dev key, with one warning at start', async () => {
    const lines: string[] = [];
    const app = await buildGateway({
      config: testConfig('http://127.0.0.1:9'),
      db: gateway.db,
      logger: { level: 'warn', stream: { write: (line: string) => void lines.push(line) } },
    });
    await app.ready();
    await app.inject({ method: 'GET', url: '/api/v1/exempelstad/auth/me' });
    await app.close();
    expect(lines.filter((line) => line.includes('dataKey is not set'))).toHaveLength(1);
  });
});

describe('drafts: a citizen only ever sees their own', () => {
  it('saves and reads back a draft, and another citizen cannot see it', async () => {
    const anna = new Browser(gateway.url);
    await login(anna, 'exempelstad', `${pages.exempelstad}/`, guardian);
    const saved = await anna.fetch('/api/v1/exempelstad/drafts/felanmalan', {
      method: 'PUT',
      headers: writeHeaders(pages.exempelstad),
      body: JSON.stringify({ data: { beskrivning: 'Lampan vid busshållplatsen är trasig' }, step: 'beskrivning' }),
    });
    expect(saved.status).toBe(200);
    const read = (await (await anna.fetch('/api/v1/exempelstad/drafts/felanmalan')).json()) as Draft;
    expect(read).toMatchObject({ service: 'felanmalan', step: 'beskrivning', data: { beskrivning: 'Lampan vid busshållplatsen är trasig' } });

    const other = new Browser(gateway.url);
    await login(other, 'exempelstad', `${pages.exempelstad}/`, otherGuardian);
    expect((await other.fetch('/api/v1/exempelstad/drafts/felanmalan')).status).toBe(404);

    const removed = await anna.fetch('/api/v1/exempelstad/drafts/felanmalan', { method: 'DELETE', headers: { origin: pages.exempelstad, 'x-kommunkit-client': 'sdk/test' } });
    expect(removed.status).toBe(204);
    expect((await anna.fetch('/api/v1/exempelstad/drafts/felanmalan')).status).toBe(404);
  });

  it('refuses drafts for a service the kommun has not enabled', async () => {
    const anna = new Browser(gateway.url);
    await login(anna, 'exempelstad', `${pages.exempelstad}/`, guardian);
    const response = await anna.fetch('/api/v1/exempelstad/drafts/fakturor');
    expect(response.status).toBe(404);
    expect(((await response.json()) as Problem).type).toBe(problemTypes.serviceDisabled);
  });
});

describe('when the identity provider cannot be reached', () => {
  let unreachable: TestGateway;
  beforeAll(async () => {
    unreachable = await startGateway({
      configure: (config) => {
        const kommun = config.kommunById.get('grannby')!;
        // Port 9 (discard) on loopback: nothing listens, the discovery is refused at once.
        kommun.identityProvider = { ...kommun.identityProvider!, issuer: 'http://127.0.0.1:9/idp' };
      },
    });
  });
  afterAll(() => unreachable.close());

  it('a login answers 503 with Retry-After and a message to try again, and the gateway keeps serving', async () => {
    const response = await fetch(`${unreachable.url}/api/v1/grannby/auth/login?return=${encodeURIComponent(`${pages.grannby}/`)}`, { redirect: 'manual' });
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const problem = (await response.json()) as Problem;
    expect(problem.type).toBe(problemTypes.unavailable);
    expect(problem.detail).toMatch(/Försök igen/);
    expect((await fetch(`${unreachable.url}/health`)).status).toBe(200);
  });
});
