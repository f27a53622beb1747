import type { Open311RequestCreated, Open311ServiceRequest, ReportStatus } from '@kommunkit/contract';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildGateway } from '../src/app.js';
import { openDatabase, type Db } from '../src/db/database.js';
import { serviceSettings } from '../src/http/guards.js';
import type { Gateway } from '../src/types.js';
import { freePort, startGateway, testConfig, type TestGateway } from './support/gateway.js';
import { form, fromKommunPage, validReport } from './support/open311.js';

/**
 * A kommun with its own Open311 server (`adapter: open311` + `forward`): `GET requests.json`
 * shows each report's status as that server has it, asked in one call for the whole page, within
 * the freshness rule, and falls back to the known statuses when the server fails.
 */
const forwardKey = 'forward-key-0123456789abcdef';
const caseWorkerKey = 'caseworker-key-exempelstad-0123456789';

/** The kommun's own Open311 server: a gateway of its own over real HTTP, on a PGlite of its own (whatever DATABASE_URL says). */
let kommunServer: { app: Gateway; db: Db; url: string };
let gateway: TestGateway;

/** How the network behaves for the gateway's outgoing calls, and what it was asked. */
let network: 'up' | 'down' | 'failing' | 'garbled' | 'silent' = 'up';
const calls: URL[] = [];

beforeAll(async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${String(port)}`;
  const config = testConfig(url);
  const settings = serviceSettings(config.kommunById.get('exempelstad')!, 'felanmalan')!;
  settings.referencePrefix = 'DRF';
  settings.apiKeys = [forwardKey];
  const db = await openDatabase({});
  const app = await buildGateway({ config, db, logger: false });
  await app.listen({ port, host: '127.0.0.1' });
  kommunServer = { app, db, url };

  gateway = await startGateway({
    configure: (gatewayConfig) => {
      const forwarding = serviceSettings(gatewayConfig.kommunById.get('exempelstad')!, 'felanmalan')!;
      forwarding.adapter = 'open311';
      forwarding.forward = { url: `${url}/open311/v2`, apiKey: forwardKey, jurisdictionId: 'exempelstad' };
    },
    fetch: (input, init) => {
      const target = new URL(input instanceof Request ? input.url : input);
      calls.push(target);
      if (network === 'down') return Promise.reject(new TypeError('fetch failed'));
      if (network === 'failing') return Promise.resolve(new Response('Service Unavailable', { status: 503 }));
      if (network === 'garbled') return Promise.resolve(new Response('<html>Underhåll pågår</html>', { status: 200, headers: { 'content-type': 'text/html' } }));
      if (network === 'silent') {
        // Accepts the connection and never answers: only the gateway's own timeout ends the wait.
        return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason as Error)));
      }
      return fetch(input, init);
    },
  });
}, 60_000);

afterAll(async () => {
  await gateway.close();
  await kommunServer.app.close();
  await kommunServer.db.destroy();
});

beforeEach(async () => {
  network = 'up';
  await gateway.reset();
  await sql`truncate table report_counter, report, report_event, report_photo`.execute(kommunServer.db);
  calls.length = 0;
});

/** Files a report from the kommun's page through the gateway; returns its reference here and its id at the kommun's server. */
async function fileReport(description: string): Promise<{ reference: string; externalId: string | null }> {
  const response = await fetch(`${gateway.url}/open311/v2/requests.json?jurisdiction_id=exempelstad`, {
    method: 'POST',
    headers: fromKommunPage(),
    body: form({ ...validReport, description }),
  });
  expect(response.status).toBe(201);
  const reference = ((await response.json()) as Open311RequestCreated)[0]!.service_request_id!;
  const row = await gateway.db.selectFrom('report').select('external_id').where('reference', '=', reference).executeTakeFirstOrThrow();
  return { reference, externalId: row.external_id };
}

/** A case worker at the kommun's server moves a report on. */
async function changeAtKommun(externalId: string, status: ReportStatus, note?: string): Promise<void> {
  const response = await fetch(`${kommunServer.url}/api/v1/exempelstad/felanmalan/reports/${externalId}/status`, {
    method: 'POST',
    headers: { authorization: `Bearer ${caseWorkerKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ status, ...(note ? { note } : {}) }),
  });
  expect(response.status).toBe(200);
}

/** Every status read back longer ago than the freshness rule trusts it. */
const ageSyncs = () => sql`update report set synced_at = now() - interval '1 hour' where synced_at is not null`.execute(gateway.db);

/** The gateway's list, as an Open311 client reads it: status and detailed status per reference. */
async function listed(query = ''): Promise<Record<string, { status: string; detailed: string | undefined; note: string | undefined }>> {
  const response = await fetch(`${gateway.url}/open311/v2/requests.json?jurisdiction_id=exempelstad&extensions=true${query}`);
  expect(response.status).toBe(200);
  const items = (await response.json()) as Open311ServiceRequest[];
  return Object.fromEntries(
    items.map((item) => [item.service_request_id, { status: item.status, detailed: item.extended_attributes?.detailed_status, note: item.status_notes }]),
  );
}

const listCalls = () => calls.filter((call) => call.pathname === '/open311/v2/requests.json').map((call) => call.searchParams);
const eventsOf = async (reference: string) =>
  (
    await gateway.db
      .selectFrom('report_event')
      .innerJoin('report', 'report.id', 'report_event.report_id')
      .select(['report_event.status', 'report_event.note'])
      .where('report.reference', '=', reference)
      .orderBy('report_event.id')
      .execute()
  ).map(({ status, note }) => ({ status, note }));

describe('GET requests.json for a kommun that forwards its reports', () => {
  it('shows the statuses the kommun\'s server has now, asked in one call for the whole list', async () => {
    const lamp = await fileReport('Lampan vid busshållplatsen lyser inte.');
    const hole = await fileReport('Stort hål i asfalten vid skolan.');
    const sign = await fileReport('Skylten vid rondellen har blåst omkull.');
    expect([lamp, hole, sign].every((report) => report.externalId?.startsWith('DRF-'))).toBe(true);
    await changeAtKommun(lamp.externalId!, 'atgard_planerad', 'Elektriker beställd till torsdag.');
    await changeAtKommun(hole.externalId!, 'atgardad', 'Hålet är lagat.');
    calls.length = 0;

    expect(await listed()).toEqual({
      [lamp.reference]: { status: 'open', detailed: 'atgard_planerad', note: 'Elektriker beställd till torsdag.' },
      [hole.reference]: { status: 'closed', detailed: 'atgardad', note: 'Hålet är lagat.' },
      [sign.reference]: { status: 'open', detailed: 'mottagen', note: undefined },
    });
    expect(calls).toHaveLength(1);
    expect(listCalls()[0]!.get('service_request_id')!.split(',').sort()).toEqual([lamp.externalId, hole.externalId, sign.externalId].sort());
    expect(listCalls()[0]!.get('jurisdiction_id')).toBe('exempelstad');

    // What was read back is stored, with its history, so the report itself says the same.
    expect(await eventsOf(hole.reference)).toEqual([
      { status: 'mottagen', note: null },
      { status: 'atgardad', note: 'Hålet är lagat.' },
    ]);
    const [one] = (await (await fetch(`${gateway.url}/open311/v2/requests/${hole.reference}.json?jurisdiction_id=exempelstad`)).json()) as Open311ServiceRequest[];
    expect(one!.status).toBe('closed');
  });

  it('asks again only once the freshness rule says so, and then sees the newest statuses', async () => {
    const lamp = await fileReport('Lampan vid busshållplatsen lyser inte.');
    await listed();
    await changeAtKommun(lamp.externalId!, 'under_utredning');
    calls.length = 0;

    // Read back a moment ago: trusted as it is, no call.
    expect((await listed())[lamp.reference]!.detailed).toBe('mottagen');
    expect(calls).toHaveLength(0);

    await ageSyncs();
    expect((await listed())[lamp.reference]!.detailed).toBe('under_utredning');
    expect(calls).toHaveLength(1);
  });

  it('filters by the statuses as read back: a report closed at the kommun is not among the open ones', async () => {
    const lamp = await fileReport('Lampan vid busshållplatsen lyser inte.');
    const hole = await fileReport('Stort hål i asfalten vid skolan.');
    await changeAtKommun(hole.externalId!, 'atgardad');
    calls.length = 0;
    expect(Object.keys(await listed('&status=open'))).toEqual([lamp.reference]);
    expect(listCalls()).toHaveLength(1);
    expect(Object.keys(await listed('&status=closed'))).toEqual([hole.reference]);
  });

  it('reads back only the reports on the page asked for', async () => {
    const lamp = await fileReport('Lampan vid busshållplatsen lyser inte.');
    const hole = await fileReport('Stort hål i asfalten vid skolan.');
    calls.length = 0;
    expect(Object.keys(await listed(`&service_request_id=${lamp.reference}`))).toEqual([lamp.reference]);
    expect(listCalls().map((query) => query.get('service_request_id'))).toEqual([lamp.externalId]);
    expect(Object.keys(await listed('&page_size=1'))).toEqual([hole.reference]);
    expect(listCalls().map((query) => query.get('service_request_id'))).toEqual([lamp.externalId, hole.externalId]);
  });

  it('adds one history entry for one change, however many lists read it back at the same time', async () => {
    const lamp = await fileReport('Lampan vid busshållplatsen lyser inte.');
    await changeAtKommun(lamp.externalId!, 'atgard_planerad', 'Elektriker beställd.');
    const lists = await Promise.all(Array.from({ length: 6 }, () => listed()));
    for (const list of lists) expect(list[lamp.reference]!.detailed).toBe('atgard_planerad');
    expect(await eventsOf(lamp.reference)).toEqual([
      { status: 'mottagen', note: null },
      { status: 'atgard_planerad', note: 'Elektriker beställd.' },
    ]);
  });

  it('lists a report the server never got with its known status, without sending it from the list', async () => {
    network = 'down';
    const unsent = await fileReport('Lampan vid busshållplatsen lyser inte.');
    expect(unsent.externalId).toBeNull();
    network = 'up';
    const sent = await fileReport('Stort hål i asfalten vid skolan.');
    calls.length = 0;
    expect(await listed()).toMatchObject({ [unsent.reference]: { detailed: 'mottagen' }, [sent.reference]: { detailed: 'mottagen' } });
    expect(calls.map((call) => call.pathname)).toEqual(['/open311/v2/requests.json']);
    expect(listCalls()[0]!.get('service_request_id')).toBe(sent.externalId);
  });

  describe('when the kommun\'s server fails, the list answers 200 with the statuses known here', () => {
    it.each([
      ['cannot be reached', 'down'],
      ['answers 503', 'failing'],
      ['answers something that is not an Open311 list', 'garbled'],
    ] as const)('when it %s', async (_, failure) => {
      const lamp = await fileReport('Lampan vid busshållplatsen lyser inte.');
      await listed();
      await changeAtKommun(lamp.externalId!, 'atgard_planerad', 'Elektriker beställd.');
      await ageSyncs();
      network = failure;
      calls.length = 0;
      expect(await listed()).toEqual({ [lamp.reference]: { status: 'open', detailed: 'mottagen', note: undefined } });
      expect(calls).toHaveLength(1);
      // Nothing was marked as read: once the server is back, the next list reads it.
      network = 'up';
      expect((await listed())[lamp.reference]!.detailed).toBe('atgard_planerad');
    });

    it('when it does not answer at all: within the timeout', async () => {
      const lamp = await fileReport('Lampan vid busshållplatsen lyser inte.');
      network = 'silent';
      const started = Date.now();
      expect((await listed())[lamp.reference]!.detailed).toBe('mottagen');
      const waited = Date.now() - started;
      expect(waited).toBeGreaterThanOrEqual(9_000);
      expect(waited).toBeLessThan(18_000);
    }, 40_000);
  });
});
