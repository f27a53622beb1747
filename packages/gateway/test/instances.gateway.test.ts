import type { Open311RequestCreated } from '@kommunkit/contract';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../src/db/database.js';
import type { FelanmalanTables } from '../src/services/felanmalan/tables.js';
import { freePort, pages, testConfig } from './support/gateway.js';
import { Browser } from './support/http.js';
import { loginUntilCallback } from './support/login.js';
import { form, fromKommunPage, validReport } from './support/open311.js';

/**
 * Two gateway processes on one PostgreSQL behind a round-robin balancer: what a kommun runs when
 * it outgrows one machine. PostgreSQL only: PGlite serves one process by design.
 */
const databaseUrl = process.env.DATABASE_URL;
const packageDir = join(import.meta.dirname, '..');
const limit = 5;

/** The header that tells the balancer's log who sent a request; each sender gets its own turns. */
const senderHeader = 'x-test-sender';

interface Hop {
  sender: string;
  instance: number;
  method: string;
  path: string;
}

/**
 * A balancer as small as they come (node:http): each request goes to the next instance in turn,
 * counted per sender, so the browser's hops alternate however many back-channel requests (the
 * gateway's own calls to its IdP, through the public URL) come in between. Sets X-Forwarded-For
 * as a reverse proxy does.
 */
async function roundRobin(ports: readonly number[]): Promise<{ server: Server; url: string; hops: Hop[] }> {
  const hops: Hop[] = [];
  const turns = new Map<string, number>();
  const server = createServer((incoming, outgoing) => {
    const sender = String(incoming.headers[senderHeader] ?? 'gateway');
    const turn = turns.get(sender) ?? 0;
    turns.set(sender, turn + 1);
    const instance = turn % ports.length;
    hops.push({ sender, instance, method: incoming.method ?? 'GET', path: (incoming.url ?? '/').split('?')[0]! });
    const forwardedFor = [incoming.headers['x-forwarded-for'], incoming.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: ports[instance],
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, 'x-forwarded-for': forwardedFor, 'x-forwarded-proto': 'http' },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(upstream);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${String(port)}`, hops };
}

/** A browser whose requests the balancer can tell from the gateways' own. */
class MarkedBrowser extends Browser {
  override fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set(senderHeader, 'browser');
    return super.fetch(url, { ...init, headers });
  }
}

async function waitForReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`gateway exited with ${String(child.exitCode)}:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} was not ready in time:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe.skipIf(!databaseUrl)('two gateway instances on one PostgreSQL behind a round-robin balancer', () => {
  let db: Db;
  let balancer: Awaited<ReturnType<typeof roundRobin>>;
  let configDir: string;
  const children: ChildProcess[] = [];
  const outputs = ['', ''];

  beforeAll(async () => {
    // Migrated once here, before the gateways start.
    db = await openDatabase({ url: databaseUrl });
    const ports = [await freePort(), await freePort()];
    balancer = await roundRobin(ports);
    // Both instances get the same file, as every instance of one deployment does.
    const { kommunById: _byId, configDir: _resolvedFrom, ...config } = testConfig(balancer.url, limit);
    config.trustProxy = ['127.0.0.1'];
    config.dataKey = 'shared-data-key-of-both-instances-0123456789';
    configDir = mkdtempSync(join(tmpdir(), 'kk-instances-'));
    const configFile = join(configDir, 'gateway.json');
    writeFileSync(configFile, JSON.stringify(config));
    for (const [index, port] of ports.entries()) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: packageDir,
        env: { ...process.env, DATABASE_URL: databaseUrl, KOMMUNKIT_CONFIG: configFile, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', INIT_CWD: packageDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (chunk: Buffer) => (outputs[index] = `${outputs[index] ?? ''}${chunk.toString()}`));
      child.stderr.on('data', (chunk: Buffer) => (outputs[index] = `${outputs[index] ?? ''}${chunk.toString()}`));
      children.push(child);
    }
    await Promise.all(ports.map((port, index) => waitForReady(`http://127.0.0.1:${String(port)}/ready`, children[index]!, () => outputs[index]!)));
  }, 90_000);

  afterAll(async () => {
    await Promise.all(
      children.map(async (child) => {
        if (child.exitCode !== null) return;
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }),
    );
    balancer.server.closeAllConnections();
    await new Promise<void>((resolve) => balancer.server.close(() => resolve()));
    await db.destroy();
    rmSync(configDir, { recursive: true, force: true });
  }, 30_000);

  beforeEach(async () => {
    // Not dev_idp_entry: the instances read their IdP keys from it at start only.
    await sql`truncate table session, auth_request, report_counter, report, report_event, report_photo, rate_limit`.execute(db);
    balancer.hops.length = 0;
  });

  it('finishes a login on the other instance at every hop: start, IdP, login page, login, resume, callback, auth/me', async () => {
    const browser = new MarkedBrowser(balancer.url);
    const callback = await loginUntilCallback(browser, 'exempelstad', `${pages.exempelstad}/`, /Vårdnadshavare med tre barn/);
    const landed = await browser.fetch(callback);
    expect(landed.status).toBe(302);
    expect(landed.headers.get('location')).toBe(`${pages.exempelstad}/`);
    const me = await browser.fetch('/api/v1/exempelstad/auth/me');
    expect(me.status).toBe(200);
    expect(((await me.json()) as { kommun: string }).kommun).toBe('exempelstad');

    const hops = balancer.hops.filter((hop) => hop.sender === 'browser');
    expect(hops.map((hop) => `${hop.method} ${hop.path.replace(/\/[\w-]{20,}(?=\/|$)/g, '/{id}')}`)).toEqual([
      'GET /api/v1/exempelstad/auth/login',
      'GET /dev-idp/auth',
      'GET /dev-idp/interaction/{id}',
      'POST /dev-idp/interaction/{id}/login',
      'GET /dev-idp/auth/{id}',
      'GET /api/v1/exempelstad/auth/callback',
      'GET /api/v1/exempelstad/auth/me',
    ]);
    hops.forEach((hop, index) => expect(hop.instance, `${hop.method} ${hop.path}`).toBe(index % 2));
    // The gateways' own calls to the IdP (discovery, token, jwks) went through the balancer too.
    expect(new Set(balancer.hops.filter((hop) => hop.sender === 'gateway').map((hop) => hop.instance))).toEqual(new Set([0, 1]));
  });

  it('holds the anonymous rate limit across both instances: the 6th write of 5 a minute is 429', async () => {
    const start = (sender: string) =>
      fetch(`${balancer.url}/api/v1/exempelstad/auth/login?return=${encodeURIComponent(`${pages.exempelstad}/`)}`, { redirect: 'manual', headers: { [senderHeader]: sender } });
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= limit; attempt += 1) statuses.push((await start('limited')).status);
    expect(statuses).toEqual([302, 302, 302, 302, 302, 429]);
    const served = balancer.hops.filter((hop) => hop.sender === 'limited').map((hop) => hop.instance);
    expect(served).toEqual([0, 1, 0, 1, 0, 1]);
  });

  it('holds idempotency across both instances: one key on both, in turn and at once, makes one report', async () => {
    const post = (key: string) =>
      fetch(`${balancer.url}/open311/v2/requests.json?jurisdiction_id=exempelstad`, {
        method: 'POST',
        headers: { ...fromKommunPage(key), [senderHeader]: 'citizen' },
        body: form(validReport),
      });
    const reference = async (response: Response) => {
      expect(response.status).toBe(201);
      return ((await response.json()) as Open311RequestCreated)[0]!.service_request_id;
    };
    const first = await reference(await post('same-key-in-turn'));
    const again = await reference(await post('same-key-in-turn'));
    expect(again).toBe(first);
    const [one, other] = await Promise.all([post('same-key-at-once'), post('same-key-at-once')]);
    expect(await reference(one)).toBe(await reference(other));
    expect(balancer.hops.filter((hop) => hop.sender === 'citizen').map((hop) => hop.instance).sort()).toEqual([0, 0, 1, 1]);
    const { count } = await db.withTables<FelanmalanTables>().selectFrom('report').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
    expect(Number(count)).toBe(2);
  });
});
