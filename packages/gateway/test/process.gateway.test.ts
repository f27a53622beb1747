import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { freePort } from './support/gateway.js';

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
