import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { dataKeyFrom, Sealer } from '../packages/gateway/src/auth/seal.js';
import { sessionCookie } from '../packages/gateway/src/auth/sessions.js';
import { buildGateway } from '../packages/gateway/src/app.js';
import { loadConfig } from '../packages/gateway/src/config/load.js';
import { openDatabase } from '../packages/gateway/src/db/database.js';
import { createTestPersons, testPersonIds } from '../packages/gateway/src/dev-idp/persons.js';

export const port = 8182;
export const origin = `http://localhost:${String(port)}`;
export const loaderUrl = `${origin}/kommunkit/v1/kommunkit.js`;

/** A widget as the bench measures it: who is logged in, and what its first view shows. */
export interface BenchWidget {
  tag: string;
  /** The test person whose session the context carries; none for an anonymous first view. */
  person?: string;
  /** What in its shadow root marks the first view (the first question, or the first list). */
  firstView: string;
  /** What that first view is, for the row's name. */
  label: string;
}

export const widgets: readonly BenchWidget[] = [
  { tag: 'kk-felanmalan', firstView: 'input[type=radio]', label: 'first question (the categories)' },
  { tag: 'kk-lokalbokning', firstView: '.kk-lok-result', label: 'first list of lokaler' },
  // The test guardian has no applications yet: the overview's list is its empty state.
  { tag: 'kk-barnomsorg', person: testPersonIds.guardian, firstView: '.kk-list__item, .kk-list__empty', label: 'overview with its list, logged in' },
  { tag: 'kk-mina-fakturor', person: testPersonIds.invoiceRecipient, firstView: '.kk-list__item', label: 'first list of invoices, logged in' },
];

export interface BenchSite {
  dir: string;
  /** A session token per test person id. */
  sessions: Map<string, string>;
  /** Puts the person's session cookie into the context. */
  logIn(context: BrowserContext, person: string | undefined): Promise<void>;
  close(): Promise<void>;
}

/**
 * The gateway the render rows run against, on its own port with the demo config (the dev
 * identity provider on, for its population register: barnomsorg's children), serving `dir` as
 * the site, and a session per test person the widgets need, sealed as the login leaves it.
 */
export async function startBenchSite(): Promise<BenchSite> {
  process.env.PORT = String(port);
  const dir = mkdtempSync(join(tmpdir(), 'kk-render-'));
  const config = loadConfig(resolve(import.meta.dirname, '../packages/gateway/config/exempelstad.json'));
  config.devIdentityProvider = true;
  const db = await openDatabase({ url: process.env.DATABASE_URL || undefined });
  const gateway = await buildGateway({ config, db, logger: false, siteRoot: dir, embedRoot: resolve(import.meta.dirname, '../packages/embed/dist') });
  await gateway.listen({ port, host: 'localhost' });
  const sealer = new Sealer(dataKeyFrom(config.dataKey, () => undefined), 'session-personnummer');
  const sessions = new Map<string, string>();
  const now = new Date();
  for (const person of createTestPersons(now)) {
    if (!widgets.some((widget) => widget.person === person.id)) continue;
    const token = randomBytes(32).toString('base64url');
    const id = createHash('sha256').update(token).digest('base64url');
    await db
      .insertInto('session')
      .values({
        id,
        kommun_id: 'exempelstad',
        subject: person.id,
        personnummer_sealed: sealer.seal(person.personnummer, id),
        given_name: person.givenName,
        family_name: person.familyName,
        name: `${person.givenName} ${person.familyName}`,
        created_at: now,
        last_seen_at: now,
        expires_at: new Date(now.getTime() + 3_600_000),
      })
      .execute();
    sessions.set(person.id, token);
  }
  return {
    dir,
    sessions,
    async logIn(context, person) {
      if (!person) return;
      await context.addCookies([{ name: sessionCookie, value: sessions.get(person)!, domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax' }]);
    },
    async close() {
      await gateway.close();
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `/detect.js`: `kkFirstView(element, selector)` resolves with performance.now() at the first
 * DOM mutation of the element's shadow root after which it holds `selector` (a mutation
 * observer, not a frame loop, so the time is not rounded to frames). As a classic script with
 * `data-tag` and `data-selector` after the element, it watches that element from navigation on
 * and leaves the promise in `window.kkFirst`.
 */
export function writeDetector(site: BenchSite): void {
  writeFileSync(
    join(site.dir, 'detect.js'),
    `window.kkFirstView = (element, selector) => new Promise((done, fail) => {
  setTimeout(() => fail(new Error(element.localName + ' showed no ' + selector + ' in 15 s: ' + (element.shadowRoot?.innerHTML ?? 'no shadow root').slice(0, 300))), 15000);
  customElements.whenDefined(element.localName).then(() => {
    const root = element.shadowRoot;
    if (root.querySelector(selector)) return done(performance.now());
    const observer = new MutationObserver(() => { if (root.querySelector(selector)) { observer.disconnect(); done(performance.now()); } });
    observer.observe(root, { childList: true, subtree: true });
  });
});
if (document.currentScript?.dataset.tag) window.kkFirst = kkFirstView(document.querySelector(document.currentScript.dataset.tag), document.currentScript.dataset.selector);
`,
  );
}

/** Writes a page into the site. */
export function writePage(site: BenchSite, name: string, head: string, body: string): string {
  writeFileSync(join(site.dir, name), `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>bench</title>${head}</head><body>${body}</body></html>`);
  return `${origin}/${name}`;
}
