import { problemTypes, type Draft, type Problem, type User } from '@kommunkit/contract';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pages, startGateway, type TestGateway } from './support/gateway.js';
import { Browser, writeHeaders } from './support/http.js';
import { login } from './support/login.js';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startGateway();
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
    expect(stored.personnummer).toMatch(/^\d{12}$/);
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
    expect(elsewhere.status).toBe(401);
    expect(((await elsewhere.json()) as Problem).type).toBe(problemTypes.unauthenticated);
    const home = await fetch(`${gateway.url}/api/v1/exempelstad/auth/me`, { headers: { cookie: `kk_session=${token}` } });
    expect(home.status).toBe(200);
  });

  it('answers 401 problem+json when not logged in', async () => {
    const response = await fetch(`${gateway.url}/api/v1/exempelstad/auth/me`);
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
    expect(replay.status).toBe(401);
  });

  it('uses a login state once: a replayed callback is refused', async () => {
    const browser = new Browser(gateway.url);
    await login(browser, 'exempelstad', `${pages.exempelstad}/`, guardian);
    const callback = browser.visited.find((url) => url.includes('/auth/callback?'))!;
    expect(callback).toContain('code=');
    const replay = await fetch(callback, { redirect: 'manual' });
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as Problem).type).toBe(problemTypes.loginFailed);
  });

  it('sends the citizen back with kk-login=cancelled when they cancel at the identity provider', async () => {
    const start = await fetch(`${gateway.url}/api/v1/exempelstad/auth/login?return=${encodeURIComponent(`${pages.exempelstad}/sida`)}`, { redirect: 'manual' });
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const back = await fetch(`${gateway.url}/api/v1/exempelstad/auth/callback?state=${state}&error=access_denied`, { redirect: 'manual' });
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe(`${pages.exempelstad}/sida?kk-login=cancelled`);
  });

  it('expires sessions on the server', async () => {
    const browser = new Browser(gateway.url);
    await login(browser, 'exempelstad', `${pages.exempelstad}/`, guardian);
    await gateway.db.updateTable('session').set({ expires_at: new Date(Date.now() - 1000) }).execute();
    expect((await browser.fetch('/api/v1/exempelstad/auth/me')).status).toBe(401);
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
