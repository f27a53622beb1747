import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildGateway } from '../src/app.js';
import { openDatabase, type Db } from '../src/db/database.js';
import { loggerOptions } from '../src/logging.js';
import type { Gateway } from '../src/types.js';
import { freePort, pages, testConfig } from './support/gateway.js';

/**
 * The gateway with its production logger (info, personal data scrubbed) writing to a stream
 * the test reads, over real HTTP.
 */
let app: Gateway;
let db: Db;
let base: string;
const lines: string[] = [];

/** Thrown by a route only this test adds, so an unexpected error's stack runs through Fastify. */
const boomMessage = 'ingen person med nummer 19900101-2385 eller anna.andersson@exempel.se';

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${String(port)}`;
  db = await openDatabase({ url: process.env.DATABASE_URL });
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      callback();
    },
  });
  app = await buildGateway({ config: testConfig(base), db, logger: { ...loggerOptions('info'), stream } });
  app.get('/api/v1/exempelstad/test-only/boom', () => {
    throw new Error(boomMessage);
  });
  await app.listen({ port, host: '127.0.0.1' });
});

afterAll(async () => {
  await app.close();
  await db.destroy();
});

beforeEach(() => {
  lines.length = 0;
});

interface LogLine {
  level: number;
  msg?: string;
  reqId?: string;
  method?: string;
  url?: string;
  route?: string | null;
  statusCode?: number;
  responseTime?: number;
  err?: { message: string; stack: string };
}

const logged = () => lines.map((line) => JSON.parse(line) as LogLine);
const accessLines = () => logged().filter((line) => line.msg === 'request completed');

async function timed(url: string, init: RequestInit = {}): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

/** Sends `request`, and /health shortly after, while the first is being handled. */
async function healthWhile(request: () => Promise<{ status: number; ms: number }>) {
  const slow = request();
  await new Promise((resolve) => setTimeout(resolve, 30));
  const health = await timed(`${base}/health`);
  return { slow: await slow, health };
}

describe('logging is linear in its input: one request cannot freeze the gateway', () => {
  it('answers a URL with a 15,000-character query quickly, and /health meanwhile', async () => {
    const { slow, health } = await healthWhile(() => timed(`${base}/api/v1/exempelstad?x=${'x'.repeat(15_000)}`));
    expect(slow.status).toBeLessThan(500);
    expect(slow.ms).toBeLessThan(2000);
    expect(health.status).toBe(200);
    expect(health.ms).toBeLessThan(1000);
    const [line] = accessLines();
    expect(line!.url!.length).toBeLessThan(2200);
    expect(line!.url).toContain('…[cut: ');
  });

  it('answers a 128,000-character note to the case-worker route quickly (400), and /health meanwhile', async () => {
    const { slow, health } = await healthWhile(() =>
      timed(`${base}/api/v1/exempelstad/felanmalan/reports/EXS-2026-000001/status`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer caseworker-key-exempelstad-0123456789',
          'content-type': 'application/json',
          'x-kommunkit-client': 'test',
          origin: pages.exempelstad,
        },
        body: JSON.stringify({ status: 'atgardad', note: `${'x'.repeat(64_000)} ${'y'.repeat(64_000)}` }),
      }),
    );
    expect(slow.status).toBe(400);
    expect(slow.ms).toBeLessThan(2000);
    expect(health.status).toBe(200);
    expect(health.ms).toBeLessThan(1000);
    expect(lines.join('\n')).not.toContain('x'.repeat(100));
  });
});

describe('access lines', () => {
  it('carry method, URL, route pattern, status, response time and request id: one line per request', async () => {
    expect((await fetch(`${base}/api/v1/exempelstad`)).status).toBe(200);
    const unauthenticated = await fetch(`${base}/api/v1/exempelstad/felanmalan/reports/EXS-2026-000001/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'atgardad' }),
    });
    expect(unauthenticated.status).toBe(401);
    const lines = logged().filter((line) => line.reqId !== undefined);
    expect(lines).toHaveLength(2);
    const [read, write] = lines;
    expect(read).toMatchObject({ msg: 'request completed', method: 'GET', url: '/api/v1/exempelstad', route: '/api/v1/:kommun', statusCode: 200 });
    expect(write).toMatchObject({
      method: 'POST',
      url: '/api/v1/exempelstad/felanmalan/reports/EXS-2026-000001/status',
      route: '/api/v1/:kommun/felanmalan/reports/:reference/status',
      statusCode: 401,
    });
    for (const line of lines) {
      expect(line.responseTime).toBeTypeOf('number');
      expect(line.reqId).toMatch(/\S/);
    }
    expect(read!.reqId).not.toBe(write!.reqId);
  });

  it('are not written for /health and /ready, which log at warn', async () => {
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    expect(logged().filter((line) => line.reqId !== undefined)).toEqual([]);
  });
});

describe('no personal data in the log', () => {
  it('scrubs a personnummer, an e-mail address and a phone number in the request URL', async () => {
    await fetch(`${base}/api/v1/exempelstad?pnr=19900101-2385&mail=anna.andersson%40exempel.se&tel=070-123%2045%2067`);
    const text = lines.join('\n');
    expect(accessLines()).toHaveLength(1);
    for (const secret of ['19900101-2385', 'anna.andersson', '070-123']) expect(text).not.toContain(secret);
    expect(accessLines()[0]!.url).toContain('pnr=[personnummer]');
  });

  it('keeps an error readable: the message scrubbed, the stack frames (paths with @, line:column) intact', async () => {
    expect((await fetch(`${base}/api/v1/exempelstad/test-only/boom`)).status).toBe(500);
    const text = lines.join('\n');
    expect(text).not.toContain('19900101-2385');
    expect(text).not.toContain('anna.andersson');
    const failure = logged().find((line) => line.msg === 'unexpected error');
    expect(failure!.err!.message).toBe('ingen person med nummer [personnummer] eller [e-post]');
    const stack = failure!.err!.stack;
    expect(stack.split('\n')[0]).toBe('Error: ingen person med nummer [personnummer] eller [e-post]');
    expect(stack).toMatch(/node_modules\/\.pnpm\/fastify@\d+\.\d+\.\d+\/node_modules\/fastify\/lib\/[\w-]+\.js:\d+:\d+/);
    expect(stack).not.toContain('[e-post]/');
    expect(stack).not.toContain('[telefon]');
    expect(accessLines()[0]).toMatchObject({ statusCode: 500, route: '/api/v1/exempelstad/test-only/boom' });
  });
});
