import { spawn, type ChildProcessByStdio, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { freePort } from './gateway.js';

const packageDir = join(import.meta.dirname, '../..');

/** The gateway's start command as an operator runs it, in its own process. */
export interface GatewayProcess {
  child: ChildProcessByStdio<null, Readable, Readable>;
  url: string;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  stderr(): string;
  /** Resolves with the exit code once it has exited. */
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

export async function spawnGateway(env: Record<string, string | undefined>, options: Pick<SpawnOptions, 'uid' | 'gid'> = {}): Promise<GatewayProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: packageDir,
    env: { ...process.env, DATABASE_URL: undefined, PORT: String(port), LOG_LEVEL: 'warn', INIT_CWD: packageDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  let output = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    stderr += chunk.toString();
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return {
    child,
    url: `http://localhost:${String(port)}`,
    output: () => output,
    stderr: () => stderr,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Waits until `/ready` answers 200, failing early with the output if the process exits. */
export async function waitForReady(gateway: GatewayProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (gateway.child.exitCode !== null) throw new Error(`the gateway exited with ${String(gateway.child.exitCode)}:\n${gateway.output()}`);
    try {
      if ((await fetch(`${gateway.url}/ready`)).ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${gateway.url}/ready was not ready in time:\n${gateway.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Runs the start command to its end (it is expected to fail); kills it after `timeoutMs`. */
export async function runToExit(
  env: Record<string, string | undefined>,
  options: Pick<SpawnOptions, 'uid' | 'gid'> = {},
  timeoutMs = 15_000,
): Promise<{ code: number | null; output: string; stderr: string }> {
  const gateway = await spawnGateway(env, options);
  const timer = setTimeout(() => gateway.child.kill('SIGKILL'), timeoutMs);
  try {
    const code = await gateway.exited;
    return { code, output: gateway.output(), stderr: gateway.stderr() };
  } finally {
    clearTimeout(timer);
  }
}
