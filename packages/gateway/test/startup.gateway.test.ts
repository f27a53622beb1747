import { clientHeader } from '@kommunkit/contract';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockFileName } from '../src/db/pglite-lock.js';
import { freePort } from './support/gateway.js';
import { form, validReport } from './support/open311.js';
import { runToExit, spawnGateway, waitForReady } from './support/process.js';

const temporaryDirs: string[] = [];
const temporaryDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'kk-start-'));
  temporaryDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temporaryDirs) {
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A start-up failure as the issue wants it: exit 1, one line saying what, where and what to do, no stack. */
function expectOneLine(result: { code: number | null; output: string }, ...parts: string[]): string {
  expect(result.code, result.output).toBe(1);
  const lines = result.output.trim().split('\n');
  expect(lines, result.output).toHaveLength(1);
  expect(result.output).not.toMatch(/^\s+at /m);
  for (const part of parts) expect(lines[0]).toContain(part);
  return lines[0]!;
}

const report = (url: string) =>
  fetch(`${url}/open311/v2/requests.json?jurisdiction_id=exempelstad`, {
    method: 'POST',
    // The demo config's kommun page is the gateway's own origin.
    headers: { origin: url, [clientHeader]: 'sdk/test' },
    body: form(validReport),
  });

describe('one PGlite data dir, one process', () => {
  it('a second process on the same data dir exits with one line naming the dir, and the first keeps serving', { timeout: 60_000 }, async () => {
    const dataDir = temporaryDir();
    const first = await spawnGateway({ KOMMUNKIT_DATA_DIR: dataDir });
    try {
      await waitForReady(first);
      expect((await report(first.url)).status).toBe(201);

      const second = await runToExit({ KOMMUNKIT_DATA_DIR: dataDir });
      expectOneLine(second, `PGlite data dir ${dataDir} is in use by process ${String(first.child.pid)}`, 'one gateway process only', 'DATABASE_URL');

      expect((await fetch(`${first.url}/ready`)).status).toBe(200);
      const created = await report(first.url);
      expect(created.status).toBe(201);
      const [{ service_request_id: id }] = (await created.json()) as [{ service_request_id: string }];
      expect((await fetch(`${first.url}/open311/v2/requests/${id}.json?jurisdiction_id=exempelstad`)).status).toBe(200);
    } finally {
      expect(await first.stop(), first.output()).toBe(0);
    }
    // Released on a clean stop: the next start may take it at once.
    expect(existsSync(join(dataDir, lockFileName))).toBe(false);
  });
});

describe('start-up failures print one clear line and exit 1', () => {
  it('a data dir with files but no PG_VERSION is refused, not initialised over', async () => {
    const dataDir = temporaryDir();
    mkdirSync(join(dataDir, 'base'));
    writeFileSync(join(dataDir, 'postgresql.conf'), '');
    expectOneLine(await runToExit({ KOMMUNKIT_DATA_DIR: dataDir }), `PGlite data dir ${dataDir} has files`, 'no PG_VERSION', 'KOMMUNKIT_DATA_DIR');
    expect(readdirSync(dataDir).sort()).toEqual(['base', 'postgresql.conf']);
  });

  it('a damaged data dir names the dir and what PGlite found wrong', async () => {
    const dataDir = temporaryDir();
    // A PG_VERSION and nothing else: the rest of the database is gone.
    writeFileSync(join(dataDir, 'PG_VERSION'), '18\n');
    expectOneLine(
      await runToExit({ KOMMUNKIT_DATA_DIR: dataDir }),
      `PGlite could not open the database in ${dataDir} (PG_VERSION 18): could not access the server configuration file "${dataDir}/postgresql.conf"`,
    );
  });

  it('a read-only data dir names the dir and the cause', async () => {
    const dataDir = temporaryDir();
    chmodSync(dataDir, 0o555);
    // root may write anywhere, so as root the gateway runs as nobody, as a service account would.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    expectOneLine(await runToExit({ KOMMUNKIT_DATA_DIR: dataDir }, asNobody), `PGlite data dir ${dataDir} is not readable and writable by this process (EACCES)`);
  });

  it('a DATABASE_URL that is not a URL says what is expected', async () => {
    expectOneLine(await runToExit({ DATABASE_URL: 'not a url' }), 'DATABASE_URL is not a URL', 'postgres://');
  });

  it('an unreachable PostgreSQL names host and port, never the password', async () => {
    const port = await freePort();
    const line = expectOneLine(
      await runToExit({ DATABASE_URL: `postgres://kommun:hemligt-losenord@127.0.0.1:${String(port)}/kommunkit` }),
      `cannot reach PostgreSQL at 127.0.0.1:${String(port)} (ECONNREFUSED): start it or fix DATABASE_URL`,
    );
    expect(line).not.toContain('hemligt');
  });

  it('a PostgreSQL that accepts and never answers is given up on after the connect timeout', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const line = expectOneLine(
        await runToExit({ DATABASE_URL: `postgresql://kommun:hemligt-losenord@127.0.0.1:${String(port)}/kommunkit` }),
        `PostgreSQL at 127.0.0.1:${String(port)} did not answer within 5000 ms`,
      );
      expect(line).not.toContain('hemligt');
    } finally {
      silent.close();
    }
  });

  it('a config file that cannot be read is named', async () => {
    const result = await runToExit({ KOMMUNKIT_CONFIG: '/nonexistent/kommunkit.json' });
    expect(result.code).toBe(1);
    expect(result.output.trim()).toMatch(/^Cannot read gateway config \/nonexistent\/kommunkit\.json: ENOENT/);
    expect(result.output).not.toMatch(/^\s+at /m);
  });
});
