import type { Open311RequestCreated, Open311ServiceRequest } from '@kommunkit/contract';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, pages, startGateway, type TestGateway } from './support/gateway.js';
import { form, fromKommunPage, multipart, photoWithGps, validReport } from './support/open311.js';

const packageDir = join(import.meta.dirname, '..');
const forwardKey = 'forward-key-0123456789abcdef';
const caseWorkerKey = 'drift-caseworker-key-0123456789';

let external: { url: string; child: ChildProcess; dir: string };
let gateway: TestGateway;

/** The kommun's own Open311 server: a second gateway process, on PGlite of its own. */
async function startExternal() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'kk-external-'));
  const demo = JSON.parse(readFileSync(join(packageDir, 'config', 'exempelstad.json'), 'utf8')) as {
    kommuner: [{ services: { felanmalan: { categories: unknown[] } } }];
  };
  const url = `http://127.0.0.1:${String(port)}`;
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({
      publicUrl: url,
      kommuner: [
        {
          id: 'exempelstad-drift',
          name: 'Exempelstads driftenhet',
          origins: [url],
          services: {
            felanmalan: {
              adapter: 'builtin',
              referencePrefix: 'DRF',
              caseWorkerApiKey: caseWorkerKey,
              apiKeys: [forwardKey],
              categories: demo.kommuner[0].services.felanmalan.categories,
            },
          },
        },
      ],
    }),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: packageDir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '', KOMMUNKIT_CONFIG: join(dir, 'config.json'), KOMMUNKIT_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  for (let attempt = 0; attempt < 240; attempt += 1) {
    try {
      if ((await fetch(`${url}/ready`)).ok) return { url, child, dir };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the external Open311 server did not start');
}

beforeAll(async () => {
  external = await startExternal();
  gateway = await startGateway({
    configure: (config) => {
      const felanmalan = config.kommunById.get('exempelstad')!.services.felanmalan!;
      felanmalan.adapter = 'open311';
      felanmalan.forward = { url: `${external.url}/open311/v2`, apiKey: forwardKey, jurisdictionId: 'exempelstad-drift' };
    },
  });
}, 90_000);

afterAll(async () => {
  await gateway.close();
  const exited = once(external.child, 'exit');
  external.child.kill('SIGTERM');
  await exited;
  rmSync(external.dir, { recursive: true, force: true });
});

describe('forwarding to the kommun\'s own Open311 server', () => {
  it('sends the report on, keeps the citizen\'s reference and photos here, and reads the status back', async () => {
    const photo = await photoWithGps(800, 600);
    const created = await fetch(`${gateway.url}/open311/v2/requests.json?jurisdiction_id=exempelstad`, {
      method: 'POST',
      headers: fromKommunPage('forward-1'),
      body: multipart(validReport, [{ name: 'lampa.jpg', type: 'image/jpeg', bytes: photo }]),
    });
    expect(created.status).toBe(201);
    const reference = ((await created.json()) as Open311RequestCreated)[0]!.service_request_id!;
    expect(reference).toMatch(/^EXS-/);

    const stored = await gateway.db.selectFrom('report').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(stored.external_id).toMatch(/^DRF-\d{4}-\d{6}$/);

    const [remote] = (await (await fetch(`${external.url}/open311/v2/requests/${stored.external_id!}.json?jurisdiction_id=exempelstad-drift`)).json()) as Open311ServiceRequest[];
    expect(remote).toMatchObject({ service_code: 'gatubelysning', description: validReport.description, lat: 58.4109, long: 15.6216 });

    const changed = await fetch(`${external.url}/api/v1/exempelstad-drift/felanmalan/reports/${stored.external_id!}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${caseWorkerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'atgard_planerad', note: 'Elektriker beställd till torsdag.' }),
    });
    expect(changed.status).toBe(200);

    const [seen] = (await (await fetch(`${gateway.url}/open311/v2/requests/${reference}.json?jurisdiction_id=exempelstad&extensions=true`)).json()) as Open311ServiceRequest[];
    expect(seen!.service_request_id).toBe(reference);
    expect(seen!.extended_attributes!.detailed_status).toBe('atgard_planerad');
    expect(seen!.status_notes).toBe('Elektriker beställd till torsdag.');
    expect(seen!.extended_attributes!.status_history.map((event) => event.status)).toEqual(['mottagen', 'atgard_planerad']);
    expect(seen!.extended_attributes!.media_urls).toHaveLength(1);
  });

  it('refuses a forwarded report whose api_key the server does not know', async () => {
    const response = await fetch(`${external.url}/open311/v2/requests.json?jurisdiction_id=exempelstad-drift`, {
      method: 'POST',
      body: form({ ...validReport, api_key: 'not-the-key-0123456789' }),
    });
    expect(response.status).toBe(403);
  });
});

describe('when the kommun\'s server cannot be reached', () => {
  let offline: TestGateway;
  /** What the gateway's services asked of the network, and whether the network is down. */
  const calls: string[] = [];
  let down = true;
  beforeAll(async () => {
    offline = await startGateway({
      configure: (config) => {
        const felanmalan = config.kommunById.get('grannby')!.services.felanmalan!;
        felanmalan.adapter = 'open311';
        felanmalan.forward = { url: `${external.url}/open311/v2`, apiKey: forwardKey, jurisdictionId: 'exempelstad-drift' };
      },
      fetch: (input, init) => {
        calls.push(`${init?.method ?? 'GET'} ${new URL(input instanceof Request ? input.url : input).pathname}`);
        return down ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init);
      },
    });
  });
  afterAll(() => offline.close());

  it('files the report anyway through the fetch it was given, and sends it on when the citizen next looks', async () => {
    const created = await fetch(`${offline.url}/open311/v2/requests.json?jurisdiction_id=grannby`, {
      method: 'POST',
      headers: { ...fromKommunPage('offline-1'), origin: pages.grannby },
      body: form(validReport),
    });
    expect(created.status).toBe(201);
    const reference = ((await created.json()) as Open311RequestCreated)[0]!.service_request_id!;
    expect(reference).toMatch(/^GRB-/);
    expect(calls).toEqual(['POST /open311/v2/requests.json']);
    const kept = await offline.db.selectFrom('report').select('external_id').where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(kept.external_id).toBeNull();

    down = false;
    const seen = await fetch(`${offline.url}/open311/v2/requests/${reference}.json?jurisdiction_id=grannby`);
    expect(seen.status).toBe(200);
    expect(calls).toEqual(['POST /open311/v2/requests.json', 'POST /open311/v2/requests.json']);
    const sent = await offline.db.selectFrom('report').select('external_id').where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(sent.external_id).toMatch(/^DRF-\d{4}-\d{6}$/);
  });
});

