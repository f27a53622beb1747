import { clientHeader } from '@kommunkit/contract';
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freePort } from './support/gateway.js';
import { form, validReport } from './support/open311.js';
import { spawnGateway, waitForReady as waitForProcess } from './support/process.js';

const packageDir = join(import.meta.dirname, '..');

async function waitForReady(url: string, deadline: number): Promise<Response> {
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return response;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} was not ready in time`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('the gateway process (the start command)', () => {
  it('serves the demo kommun on its port with data under KOMMUNKIT_DATA_DIR, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'kk-data-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: packageDir,
      env: { ...process.env, PORT: String(port), KOMMUNKIT_DATA_DIR: dataDir, LOG_LEVEL: 'warn', INIT_CWD: packageDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const ready = await waitForReady(`http://localhost:${String(port)}/ready`, Date.now() + 60_000);
      expect(await ready.json()).toEqual({ status: 'ready', database: 'ok' });
      const kommun = (await (await fetch(`http://localhost:${String(port)}/api/v1/exempelstad`)).json()) as { name: string };
      expect(kommun.name).toBe('Exempelstads kommun');
      const login = await fetch(`http://localhost:${String(port)}/api/v1/exempelstad/auth/login?return=${encodeURIComponent(`http://localhost:${String(port)}/`)}`, {
        redirect: 'manual',
      });
      expect(login.headers.get('location')).toContain(`http://localhost:${String(port)}/dev-idp/auth?`);

      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      expect(code, output).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe.skipIf(!process.env.DATABASE_URL)('the gateway process on PostgreSQL', () => {
  it('stays up when its database connections are terminated mid-traffic, and answers the next requests', { timeout: 60_000 }, async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'kk-config-'));
    const demo = JSON.parse(readFileSync(join(packageDir, 'config/exempelstad.json'), 'utf8')) as Record<string, unknown>;
    const configPath = join(configDir, 'gateway.json');
    // The demo kommun with room for the traffic below under its write limit.
    writeFileSync(configPath, JSON.stringify({ ...demo, limits: { anonymousWritesPerMinute: 100_000 } }));
    // The demo's address register, lokaler, units and seed invoices, which its config names relative to itself.
    for (const file of ['exempelstad-adresser.json', 'exempelstad-lokaler.json', 'exempelstad-forskolor.json']) copyFileSync(join(packageDir, 'config', file), join(configDir, file));
    cpSync(join(packageDir, 'config', 'exempelstad-fakturor'), join(configDir, 'exempelstad-fakturor'), { recursive: true });
    const gateway = await spawnGateway({ DATABASE_URL: process.env.DATABASE_URL, KOMMUNKIT_CONFIG: configPath });
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    try {
      await waitForProcess(gateway);
      await admin.connect();
      // Only this database's backends, and not this client's own: other test databases are left alone.
      const terminate = async () =>
        Number(
          (await admin.query<{ n: string }>('select count(pg_terminate_backend(pid)) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()'))
            .rows[0]!.n,
        );
      const report = () =>
        fetch(`${gateway.url}/open311/v2/requests.json?jurisdiction_id=exempelstad`, {
          method: 'POST',
          headers: { origin: gateway.url, [clientHeader]: 'sdk/test' },
          body: form(validReport),
        });
      const list = () => fetch(`${gateway.url}/open311/v2/requests.json?jurisdiction_id=exempelstad`);
      const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

      // An idle pooled connection dropped (a restart, a proxy's idle timeout): the pool's 'error'.
      expect(await terminate()).toBeGreaterThan(0);
      await settle();
      expect(gateway.child.exitCode, gateway.output()).toBeNull();
      expect((await fetch(`${gateway.url}/ready`)).status).toBe(200);

      // Connections dropped while requests use them.
      const statuses: number[] = [];
      let running = true;
      const traffic = async () => {
        while (running) {
          statuses.push((await report()).status, (await list()).status);
        }
      };
      const workers = [traffic(), traffic(), traffic(), traffic()];
      let terminated = 0;
      for (let round = 0; round < 5; round += 1) {
        await settle();
        terminated += await terminate();
      }
      running = false;
      await Promise.all(workers);
      expect(terminated).toBeGreaterThan(0);
      expect(statuses.length).toBeGreaterThan(20);
      // A request whose connection was cut may be told to retry; none fails otherwise.
      expect(statuses.filter((status) => ![200, 201, 503].includes(status))).toEqual([]);

      await settle();
      expect(gateway.child.exitCode, gateway.output()).toBeNull();
      expect((await report()).status).toBe(201);
      expect((await list()).status).toBe(200);
      expect((await fetch(`${gateway.url}/ready`)).status).toBe(200);

      const output = gateway.output();
      expect(output).toContain('database connection lost');
      expect(output).not.toMatch(/connectionParameters|"password"|"user":/);
      expect(await gateway.stop(), output).toBe(0);
    } finally {
      await admin.end().catch(() => undefined);
      await gateway.stop();
      rmSync(configDir, { recursive: true, force: true });
    }
  });
});
