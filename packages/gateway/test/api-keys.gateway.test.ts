import { problemMediaType, type ApiKey, type ApiKeyList, type IssuedApiKey, type Open311Errors, type Open311RequestCreated, type Problem } from '@kommunkit/contract';
import { sql } from 'kysely';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildGateway } from '../src/app.js';
import { loggerOptions } from '../src/logging.js';
import { serviceSettings } from '../src/http/guards.js';
import type { Gateway } from '../src/types.js';
import { freePort, startGateway, testConfig, type TestGateway } from './support/gateway.js';
import { spawnGateway, waitForReady } from './support/process.js';
import { validReport } from './support/open311.js';

/**
 * Open311 api_keys that a kommun's case workers issue and revoke at run time, over real HTTP:
 * the key is shown once and stored only as its SHA-256, a standard client files with it, and a
 * revocation holds at once, on every instance, because the database decides.
 */
const caseWorker = { exempelstad: 'caseworker-key-exempelstad-0123456789', grannby: 'caseworker-key-grannby-0123456789' } as const;
const configKey = 'config-app-key-exempelstad-0123456789';

let gateway: TestGateway;
/** A second instance on the same database, as behind a load balancer. */
let second: { app: Gateway; url: string };
const logLines: string[] = [];

beforeAll(async () => {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logLines.push(chunk.toString());
      callback();
    },
  });
  gateway = await startGateway({
    logger: { ...loggerOptions('info'), stream },
    configure: (config) => {
      serviceSettings(config.kommunById.get('exempelstad')!, 'felanmalan')!.apiKeys = [configKey];
    },
  });
  const port = await freePort();
  const url = `http://127.0.0.1:${String(port)}`;
  const app = await buildGateway({ config: testConfig(url), db: gateway.db, logger: false });
  await app.listen({ port, host: '127.0.0.1' });
  second = { app, url };
});
afterAll(async () => {
  await second.app.close();
  await gateway.close();
});
beforeEach(async () => {
  await gateway.reset();
  await sql`truncate table felanmalan_api_key`.execute(gateway.db);
});

type Kommun = keyof typeof caseWorker;
const keysUrl = (kommun: Kommun, base = gateway.url) => `${base}/api/v1/${kommun}/felanmalan/api-keys`;
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

const issue = (body: unknown, { kommun = 'exempelstad', key = caseWorker[kommun], base }: { kommun?: Kommun; key?: string; base?: string } = {}) =>
  fetch(keysUrl(kommun, base), { method: 'POST', headers: { ...bearer(key), 'content-type': 'application/json' }, body: JSON.stringify(body) });
const list = ({ kommun = 'exempelstad', key = caseWorker[kommun] }: { kommun?: Kommun; key?: string } = {}) => fetch(keysUrl(kommun), { headers: bearer(key) });
const revoke = (id: string, { kommun = 'exempelstad', key = caseWorker[kommun], base }: { kommun?: Kommun; key?: string; base?: string } = {}) =>
  fetch(`${keysUrl(kommun, base)}/${id}`, { method: 'DELETE', headers: bearer(key) });

async function issued(label = 'Felanmälan-appen (Kommunfixarna AB)'): Promise<IssuedApiKey> {
  const response = await issue({ label });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as IssuedApiKey;
}

/** A standard GeoReport v2 client's POST: form-encoded, jurisdiction_id and api_key in the body, no Origin, no SDK header. */
const file = (apiKey: string, { jurisdiction = 'exempelstad', base = gateway.url }: { jurisdiction?: string; base?: string } = {}) =>
  fetch(`${base}/open311/v2/requests.json`, { method: 'POST', body: new URLSearchParams({ ...validReport, jurisdiction_id: jurisdiction, api_key: apiKey }) });

async function refused(response: Response): Promise<void> {
  expect(response.status).toBe(403);
  const errors = (await response.json()) as Open311Errors;
  expect(errors).toEqual([expect.objectContaining({ code: 403, field: 'api_key' })]);
}

async function problem(response: Response, status: number): Promise<Problem> {
  expect(response.status, await response.clone().text()).toBe(status);
  expect(response.headers.get('content-type')).toContain(problemMediaType);
  return (await response.json()) as Problem;
}

const reportCount = async () => Number((await gateway.db.selectFrom('report').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow()).count);

describe('a case worker issues an api_key, an app files with it, and the case worker revokes it', () => {
  it('issues a key shown once, which files a standard form-encoded POST; revoked, the same POST is refused', async () => {
    const response = await issue({ label: '  Felanmälan-appen (Kommunfixarna AB) ' });
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const key = (await response.json()) as IssuedApiKey;
    expect(Object.keys(key).sort()).toEqual(['createdAt', 'id', 'key', 'label']);
    expect(key.id).toMatch(/^[0-9a-f]{16}$/);
    expect(key.label).toBe('Felanmälan-appen (Kommunfixarna AB)');
    expect(Date.parse(key.createdAt)).not.toBeNaN();
    // At least 32 random bytes, base64url.
    expect(key.key).toMatch(/^[A-Za-z0-9_-]{43,}$/);

    const created = await file(key.key);
    expect(created.status, await created.clone().text()).toBe(201);
    const [report] = (await created.json()) as Open311RequestCreated;
    expect(report!.service_request_id).toMatch(/^EXS-\d{4}-000001$/);
    expect(await gateway.db.selectFrom('report').select(['kommun_id', 'description']).executeTakeFirstOrThrow()).toEqual({ kommun_id: 'exempelstad', description: validReport.description });

    const listing = await list();
    expect(listing.status).toBe(200);
    expect(listing.headers.get('cache-control')).toBe('no-store');
    const text = await listing.text();
    expect(text).not.toContain(key.key);
    expect((JSON.parse(text) as ApiKeyList).items).toEqual([{ id: key.id, label: key.label, createdAt: key.createdAt, revokedAt: null }]);

    expect((await revoke(key.id)).status).toBe(204);
    await refused(await file(key.key));
    expect(await reportCount()).toBe(1);

    // Kept for the record, with when it was revoked; revoking again changes nothing.
    const [revoked] = ((await (await list()).json()) as ApiKeyList).items;
    expect(revoked).toMatchObject({ id: key.id, label: key.label, createdAt: key.createdAt });
    expect(Date.parse(revoked!.revokedAt!)).toBeGreaterThanOrEqual(Date.parse(key.createdAt));
    expect((await revoke(key.id)).status).toBe(204);
    expect(((await (await list()).json()) as ApiKeyList).items[0]!.revokedAt).toBe(revoked!.revokedAt);
  });

  it('stores only the SHA-256 of the key, never the key, and logs neither', async () => {
    const key = await issued();
    expect((await file(key.key)).status).toBe(201);
    const rows = await gateway.db.selectFrom('felanmalan_api_key').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.key_hash).toBe(createHash('sha256').update(key.key).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(key.key);
    const dump = await sql<{ row: string }>`select felanmalan_api_key::text as row from felanmalan_api_key`.execute(gateway.db);
    expect(dump.rows[0]!.row).not.toContain(key.key);
    expect(logLines.join('')).not.toContain(key.key);
    expect(logLines.join('')).toContain(key.id);
  });

  it('lists the newest first, each kommun only its own, and a key files only for its own kommun', async () => {
    const first = await issued('Första appen');
    const other = (await (await issue({ label: 'Grannbys app' }, { kommun: 'grannby' })).json()) as IssuedApiKey;
    const latest = await issued('Andra appen');
    const items = ((await (await list()).json()) as ApiKeyList).items;
    expect(items.map((item: ApiKey) => item.id)).toEqual([latest.id, first.id]);
    expect(((await (await list({ kommun: 'grannby' })).json()) as ApiKeyList).items.map((item) => item.id)).toEqual([other.id]);

    await refused(await file(first.key, { jurisdiction: 'grannby' }));
    expect((await file(other.key, { jurisdiction: 'grannby' })).status).toBe(201);
    // Grannby's case worker cannot revoke Exempelstad's key: to them it does not exist.
    await problem(await revoke(first.id, { kommun: 'grannby' }), 404);
    expect((await file(first.key)).status).toBe(201);
  });

  it('still accepts the keys in the config, and refuses an unknown or empty key', async () => {
    expect((await file(configKey)).status).toBe(201);
    await refused(await file('not-an-issued-key-0123456789abcdef0123456789'));
    const { api_key: _, ...withoutKey } = Object.fromEntries(new URLSearchParams({ ...validReport, jurisdiction_id: 'exempelstad', api_key: '' }));
    await refused(await fetch(`${gateway.url}/open311/v2/requests.json`, { method: 'POST', body: new URLSearchParams(withoutKey) }));
    expect(await reportCount()).toBe(1);
  });

  it('takes the key from the query string too, as every Open311 argument', async () => {
    const key = await issued();
    const response = await fetch(`${gateway.url}/open311/v2/requests.json?jurisdiction_id=exempelstad&api_key=${encodeURIComponent(key.key)}`, {
      method: 'POST',
      body: new URLSearchParams(validReport),
    });
    expect(response.status).toBe(201);
  });

  it('two instances on one database agree: a key issued on one files on the other, and a revocation on one holds on the other at once', async () => {
    const key = (await (await issue({ label: 'Appen' }, { base: second.url })).json()) as IssuedApiKey;
    expect((await file(key.key)).status).toBe(201);
    expect((await file(key.key, { base: second.url })).status).toBe(201);
    expect((await revoke(key.id)).status).toBe(204);
    await refused(await file(key.key, { base: second.url }));
    await refused(await file(key.key));
  });
});

describe('what the case workers\' API refuses', () => {
  it.each([
    ['empty', { label: '' }, '/body/label'],
    ['only spaces', { label: '   ' }, '/body/label'],
    ['101 characters', { label: 'a'.repeat(101) }, '/body/label'],
    ['a line break', { label: 'Appen\nrad två' }, '/body/label'],
    ['a tab', { label: 'Appen\tAB' }, '/body/label'],
    ['a NUL', { label: 'Appen\u0000' }, '/body/label'],
    ['a C1 control', { label: 'Appen\u0085' }, '/body/label'],
    ['a lone surrogate', { label: 'Appen\ud800' }, '/body/label'],
    ['not text', { label: { name: 'Appen' } }, '/body/label'],
    ['missing', {}, '/body/label'],
    ['an unknown field', { label: 'Appen', key: 'my-own-key-0123456789' }, '/body/key'],
  ])('a label that is %s (400 naming the field), and stores nothing', async (_, body, pointer) => {
    const refusal = await problem(await issue(body), 400);
    expect(refusal.errors?.map((error) => error.pointer)).toContain(pointer);
    expect(refusal.errors?.every((error) => error.detail.length > 0)).toBe(true);
    expect(await gateway.db.selectFrom('felanmalan_api_key').selectAll().execute()).toEqual([]);
  });

  it('takes a label of 100 characters, counted as characters and not UTF-16 units', async () => {
    const label = '🚲'.repeat(100);
    expect((await issue({ label })).status).toBe(201);
    await problem(await issue({ label: `${label}a` }), 400);
  });

  it('refuses every route without the kommun\'s case-worker key (401), another kommun\'s included', async () => {
    const key = await issued();
    for (const credentials of [undefined, 'Bearer wrong-key-0123456789', `Bearer ${caseWorker.grannby}`, caseWorker.exempelstad]) {
      const headers: Record<string, string> = credentials ? { authorization: credentials } : {};
      await problem(await fetch(keysUrl('exempelstad'), { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ label: 'Appen' }) }), 401);
      await problem(await fetch(keysUrl('exempelstad'), { headers }), 401);
      await problem(await fetch(`${keysUrl('exempelstad')}/${key.id}`, { method: 'DELETE', headers }), 401);
    }
    expect(((await (await list()).json()) as ApiKeyList).items).toHaveLength(1);
    expect((await file(key.key)).status).toBe(201);
  });

  it('answers 404 for an unknown id and 400 for one that is not an id', async () => {
    const missing = await problem(await revoke('0123456789abcdef'), 404);
    expect(missing.detail).toContain('0123456789abcdef');
    for (const id of ['0123456789ABCDEF', '0123', 'x'.repeat(16), '0123456789abcdef0']) {
      const refusal = await problem(await revoke(id), 400);
      expect(refusal.errors?.map((error) => error.pointer)).toEqual(['/params/id']);
    }
  });

  it('answers 404 for a kommun that does not exist', async () => {
    await problem(await fetch(`${gateway.url}/api/v1/okandby/felanmalan/api-keys`, { headers: bearer(caseWorker.exempelstad) }), 404);
  });
});

describe('the operators\' CLI (`pnpm --filter @kommunkit/gateway keys`)', () => {
  const packageDir = join(import.meta.dirname, '..');
  const demoConfig = join(packageDir, 'config', 'exempelstad.json');
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kk-keys-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The CLI as an operator runs it, in its own process, on the demo config. */
  async function keys(args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/keys.ts', ...args], {
      cwd: packageDir,
      env: { ...process.env, KOMMUNKIT_CONFIG: demoConfig, DATABASE_URL: '', KOMMUNKIT_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    return { code, stdout, stderr };
  }

  /** The demo gateway on the same data dir: files a report as a standard client with `apiKey`, and stops. */
  async function fileOnGateway(apiKey: string, whileRunning?: () => Promise<void>): Promise<number> {
    const running = await spawnGateway({ KOMMUNKIT_CONFIG: demoConfig, KOMMUNKIT_DATA_DIR: join(dir, 'data') });
    try {
      await waitForReady(running, 60_000);
      const response = await fetch(`${running.url}/open311/v2/requests.json`, {
        method: 'POST',
        body: new URLSearchParams({ ...validReport, jurisdiction_id: 'exempelstad', api_key: apiKey }),
      });
      await whileRunning?.();
      return response.status;
    } finally {
      await running.stop();
    }
  }

  it('issues a key printed once, lists it without the key, and revokes it: the gateway on the same data dir files with it, then refuses it', async () => {
    const issuedRun = await keys(['issue', 'exempelstad', 'Felanmälan-appen (Kommunfixarna AB)']);
    expect(issuedRun.code, issuedRun.stderr).toBe(0);
    const key = /^api_key: (\S+)$/m.exec(issuedRun.stdout)?.[1] ?? '';
    const id = /^Issued api_key ([0-9a-f]{16}) for exempelstad: Felanmälan-appen \(Kommunfixarna AB\)$/m.exec(issuedRun.stdout)?.[1] ?? '';
    expect(key).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(id).not.toBe('');

    const listed = await keys(['list', 'exempelstad']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^${id}  \\S+Z  -\\s+  Felanmälan-appen \\(Kommunfixarna AB\\)$`, 'm'));
    expect(listed.stdout).not.toContain(key);

    const whileRunning = async () => {
      // PGlite serves one process: the CLI says so instead of opening the gateway's data dir.
      const refused = await keys(['list', 'exempelstad']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/in use|another process/i);
    };
    expect(await fileOnGateway(key, whileRunning)).toBe(201);

    const revoked = await keys(['revoke', 'exempelstad', id]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain(`Revoked api_key ${id} for exempelstad`);
    expect((await keys(['list', 'exempelstad'])).stdout).toMatch(new RegExp(`^${id}  \\S+Z  \\S+Z\\s+Felanmälan-appen`, 'm'));
    expect(await fileOnGateway(key)).toBe(403);
  }, 180_000);

  it('refuses wrong use with the usage (exit 2) and an unknown id (exit 1), changing nothing', async () => {
    for (const args of [['rotate', 'exempelstad'], ['issue', 'exempelstad'], ['issue', 'exempelstad', 'rad\nbrytning'], ['list', 'okandby'], ['revoke', 'exempelstad', 'inte-ett-id']]) {
      const run = await keys(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('Usage:');
      expect(run.stdout).toBe('');
    }
    const unknown = await keys(['revoke', 'exempelstad', '0123456789abcdef']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no api_key with id 0123456789abcdef');
  }, 180_000);

  it.runIf(process.env.DATABASE_URL)('on PostgreSQL, works beside a running gateway: a key it issues files at once, and its revocation holds at once', async () => {
    const env = { DATABASE_URL: process.env.DATABASE_URL };
    const issuedRun = await keys(['issue', 'grannby', 'Grannbys app'], env);
    expect(issuedRun.code, issuedRun.stderr).toBe(0);
    const key = /^api_key: (\S+)$/m.exec(issuedRun.stdout)?.[1] ?? '';
    const id = /^Issued api_key ([0-9a-f]{16})/m.exec(issuedRun.stdout)?.[1] ?? '';
    expect((await file(key, { jurisdiction: 'grannby' })).status).toBe(201);
    expect(((await (await list({ kommun: 'grannby' })).json()) as ApiKeyList).items.map((item) => item.id)).toEqual([id]);
    expect((await keys(['revoke', 'grannby', id], env)).code).toBe(0);
    await refused(await file(key, { jurisdiction: 'grannby' }));
  }, 60_000);
});
