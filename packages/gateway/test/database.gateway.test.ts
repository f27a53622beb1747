import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildGateway } from '../src/app.js';
import { openDatabase, type Db } from '../src/db/database.js';
import { lockFileName } from '../src/db/pglite-lock.js';
import type { Gateway } from '../src/types.js';
import { freePort, testConfig } from './support/gateway.js';
import { form, fromKommunPage, validReport } from './support/open311.js';

const temporaryDirs: string[] = [];
const temporaryDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'kk-db-'));
  temporaryDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has run and ended, so no process has it (for a while). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await once(child, 'exit');
  return child.pid!;
}

describe('a PGlite data dir', () => {
  it('is refused while another live process holds it, naming the dir and the holder', async () => {
    const dir = temporaryDir();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(join(dir, lockFileName), JSON.stringify({ pid: other.pid, host: hostname() }));
      const opening = openDatabase({ dataDir: dir });
      await expect(opening).rejects.toThrow(`PGlite data dir ${dir} is in use by process ${String(other.pid)}`);
      await expect(opening).rejects.toThrow('PGlite serves one gateway process only');
      // The holder's lock is left as it was.
      expect(JSON.parse(readFileSync(join(dir, lockFileName), 'utf8'))).toMatchObject({ pid: other.pid });
    } finally {
      other.kill();
    }
  });

  it('is taken over from a process that died, held while open (even against this process), and released on close', { timeout: 40_000 }, async () => {
    const dir = temporaryDir();
    writeFileSync(join(dir, lockFileName), JSON.stringify({ pid: await deadPid(), host: hostname() }));
    const db = await openDatabase({ dataDir: dir });
    try {
      expect(JSON.parse(readFileSync(join(dir, lockFileName), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(`PGlite data dir ${dir} is in use`);
    } finally {
      await db.destroy();
    }
    expect(existsSync(join(dir, lockFileName))).toBe(false);
  });

  it('is refused when it has files but no PG_VERSION, and is left untouched', async () => {
    const dir = temporaryDir();
    mkdirSync(join(dir, 'base'));
    writeFileSync(join(dir, 'postgresql.conf'), '# a database that lost its PG_VERSION\n');
    const opening = openDatabase({ dataDir: dir });
    await expect(opening).rejects.toThrow(`PGlite data dir ${dir} has files (base, postgresql.conf) but no PG_VERSION`);
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(false);
    expect(existsSync(join(dir, lockFileName))).toBe(false);
  });
});

/**
 * A TCP proxy in front of PostgreSQL that a test can take down (connections cut, nothing
 * listening: ECONNREFUSED), hang (connections accepted or held, never answered) and bring back.
 */
class DatabaseProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private hanging = false;

  private constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  static async start(target: { host: string; port: number }): Promise<DatabaseProxy> {
    const proxy = new DatabaseProxy(await freePort(), target);
    await proxy.up();
    return proxy;
  }

  private track(socket: Socket): Socket {
    this.sockets.add(socket);
    socket.on('error', () => undefined).on('close', () => this.sockets.delete(socket));
    return socket;
  }

  async up(): Promise<void> {
    // Held connections are cut, as a stuck server's are when it is restarted.
    if (this.hanging) this.cut();
    this.hanging = false;
    if (this.server) return;
    const server = createServer((client) => {
      this.track(client);
      // Accepted, never answered: what a stuck server or a black-holing proxy does.
      if (this.hanging) return;
      const upstream = this.track(connect(this.target));
      // Forwarded by hand so that a hang can hold the bytes of open connections too.
      client.on('data', (chunk) => this.hanging || upstream.write(chunk));
      upstream.on('data', (chunk) => this.hanging || client.write(chunk));
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
  }

  /** Connections cut and nothing listening: the server went away. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.cut();
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  /** Everything open stays open and nothing answers any more. */
  hang(): void {
    this.hanging = true;
  }

  private cut(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }
}

describe('the database under a queue of transactions', () => {
  // PGlite runs its queries on the gateway's own thread: without turns, a request that waits on
  // the event loop (a socket, a timer, a crypto callback) waited until the whole queue was done.
  it('lets the event loop turn between them: what waits on the loop runs before the queue is empty', async () => {
    const db = await openDatabase({ url: process.env.DATABASE_URL });
    try {
      let finished = 0;
      const queue = Array.from({ length: 20 }, (_, index) =>
        db.transaction().execute(async (trx) => {
          await sql`select ${index}::int as n`.execute(trx);
          await sql`select ${index + 1}::int as n`.execute(trx);
          finished++;
        }),
      );
      const finishedWhenTheLoopTurned = await new Promise<number>((resolve) => setImmediate(() => resolve(finished)));
      await Promise.all(queue);
      expect(finished).toBe(20);
      expect(finishedWhenTheLoopTurned).toBeLessThanOrEqual(2);
    } finally {
      await db.destroy();
    }
  });
});

describe.skipIf(!process.env.DATABASE_URL)('PostgreSQL that goes away and comes back', () => {
  let proxy: DatabaseProxy;
  let db: Db;
  let app: Gateway;
  let url: string;

  beforeAll(async () => {
    const real = new URL(process.env.DATABASE_URL!);
    proxy = await DatabaseProxy.start({ host: real.hostname, port: Number(real.port || 5432) });
    const viaProxy = new URL(real);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    const port = await freePort();
    url = `http://127.0.0.1:${String(port)}`;
    const config = testConfig(url);
    const timeouts = { ...config.timeouts, databaseConnectMs: 1000, databaseStatementMs: 1000 };
    db = await openDatabase({ url: viaProxy.href, timeouts, log: { warn: () => undefined } });
    app = await buildGateway({ config: { ...config, timeouts }, db, logger: false });
    await app.listen({ port, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
    await proxy.down();
  });
  afterEach(() => proxy.up());

  const report = () => fetch(`${url}/open311/v2/requests.json?jurisdiction_id=exempelstad`, { method: 'POST', headers: fromKommunPage(), body: form(validReport) });
  const ready = () => fetch(`${url}/ready`);
  const me = () => fetch(`${url}/api/v1/exempelstad/auth/me`, { headers: { cookie: 'kk_session=some-session-token' } });
  const changeStatus = () =>
    fetch(`${url}/api/v1/exempelstad/felanmalan/reports/EXS-2026-000001/status`, {
      method: 'POST',
      headers: { authorization: 'Bearer caseworker-key-exempelstad-0123456789', 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'atgardad', note: 'Klart.' }),
    });

  async function expectUnavailable(response: Response, shape: 'problem' | 'open311'): Promise<void> {
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    if (shape === 'problem') {
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({ status: 503, type: 'urn:kommunkit:problem:unavailable' });
    } else {
      expect(await response.json()).toEqual([expect.objectContaining({ code: 503 })]);
    }
  }

  async function expectRecovered(): Promise<void> {
    const deadline = Date.now() + 5000;
    while ((await ready()).status !== 200) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await report()).status).toBe(201);
    // The database answers again: an unknown session is no session (nobody logged in), not a 503.
    expect((await me()).status).toBe(204);
  }

  it('answers 503 with Retry-After while the server refuses connections, and recovers without a restart', async () => {
    expect((await report()).status).toBe(201);
    expect((await ready()).status).toBe(200);

    await proxy.down();
    await expectUnavailable(await report(), 'open311');
    await expectUnavailable(await changeStatus(), 'problem');
    await expectUnavailable(await me(), 'problem');
    const notReady = await ready();
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
    // What needs no database still answers.
    expect((await fetch(`${url}/health`)).status).toBe(200);

    await proxy.up();
    await expectRecovered();
  });

  it('answers within a bound, 503, while the server accepts connections and never answers', async () => {
    expect((await report()).status).toBe(201);
    proxy.hang();
    const timed = async (request: () => Promise<Response>) => {
      const started = Date.now();
      const response = await request();
      return { response, ms: Date.now() - started };
    };
    // Pooled connections hold their query (query_timeout), new ones their start-up (connect timeout).
    const [ready1, write, who, ready2] = await Promise.all([timed(ready), timed(report), timed(me), timed(ready)]);
    for (const { ms } of [ready1, write, who, ready2]) expect(ms).toBeLessThan(4000);
    expect(ready1.response.status).toBe(503);
    expect(ready2.response.status).toBe(503);
    await expectUnavailable(write.response, 'open311');
    await expectUnavailable(who.response, 'problem');
    // Again, now that only new connections are tried.
    const write2 = await timed(changeStatus);
    expect(write2.ms).toBeLessThan(4000);
    await expectUnavailable(write2.response, 'problem');

    await proxy.up();
    await expectRecovered();
  });
});
