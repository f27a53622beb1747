import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, createClient, type KommunkitClient } from '../src/index.js';
import { createApplication, getBarnomsorgSettings, listChildren, listUnits, type NewApplication } from '../src/services/barnomsorg.js';
import { ok, problem, startFakeGateway, type FakeGateway } from './support/fake-gateway.js';

let gateway: FakeGateway;
let client: KommunkitClient;
beforeEach(async () => {
  gateway = await startFakeGateway();
  client = createClient({ api: gateway.url, kommun: 'exempelstad', fetch, retry: { baseDelayMs: 5, maxDelayMs: 50 } });
});
afterEach(() => gateway.close());

const base = '/api/v1/exempelstad/barnomsorg';
const body: NewApplication = {
  type: 'forskola',
  childId: '6f1c2d3e-4b5a-4c6d-8e7f-901234567890',
  desiredStartDate: '2027-04-01',
  units: ['solrosen', 'ekorren'],
  schedule: { hoursPerWeek: 40, dropOff: '07:30', pickUp: '16:00' },
  reason: 'arbete',
};

describe('getBarnomsorgSettings and listChildren', () => {
  it('read the rules and the children with the session cookie, and are retried after a 503', async () => {
    const settings = { maxRankedUnits: 3, offerReplyDays: 14, otherGuardianMustConfirm: false, noticeMonths: 2, maxtaxa: { year: 2025, incomeCeilingMonthlyOre: 5713000 }, areas: ['Centrum'], today: '2026-12-02' };
    gateway.queue({ status: 503, text: '' }, ok(settings), ok({ children: [], someNotShown: true }));
    expect(await getBarnomsorgSettings(client)).toEqual(settings);
    expect(await listChildren(client)).toEqual({ children: [], someNotShown: true });
    expect(gateway.requests.map((r) => r.url)).toEqual([`${base}/settings`, `${base}/settings`, `${base}/children`]);
  });

  it('a 401 on the children is an ApiError', async () => {
    gateway.queue(problem(401, 'urn:kommunkit:problem:unauthorized', 'Inte inloggad'));
    gateway.handler = () => ({ status: 204 });
    const error = await listChildren(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
  });
});

describe('listUnits', () => {
  it('sends type, area and words, trimmed, and leaves out what is empty', async () => {
    gateway.queue(ok({ items: [], page: 1, pageSize: 50, total: 0 }), ok({ items: [], page: 1, pageSize: 50, total: 0 }));
    await listUnits(client, { type: 'fritidshem', area: ' Norr ', q: ' ur och skur ', pageSize: 50 });
    await listUnits(client, { type: 'forskola', area: '', q: '  ' });
    const first = new URL(gateway.requests[0]!.url, 'http://x');
    expect(first.pathname).toBe(`${base}/units`);
    expect(Object.fromEntries(first.searchParams)).toEqual({ type: 'fritidshem', area: 'Norr', q: 'ur och skur', pageSize: '50' });
    expect(Object.fromEntries(new URL(gateway.requests[1]!.url, 'http://x').searchParams)).toEqual({ type: 'forskola' });
  });
});

describe('createApplication', () => {
  it('posts JSON with the client header and the idempotency key, the same on a retry', async () => {
    gateway.queue({ status: 503, text: '' }, ok({ id: 'a1', status: 'inskickad' }, 201));
    expect(await createApplication(client, body, { idempotencyKey: 'nyckel-1' })).toMatchObject({ id: 'a1', status: 'inskickad' });
    expect(gateway.requests).toHaveLength(2);
    for (const received of gateway.requests) {
      expect(received.method).toBe('POST');
      expect(received.url).toBe(`${base}/applications`);
      expect(received.headers['idempotency-key']).toBe('nyckel-1');
      expect(received.headers['x-kommunkit-client']).toMatch(/^sdk\//);
      expect(JSON.parse(received.body)).toEqual(body);
    }
  });

  it('makes a key of its own when none is given', async () => {
    gateway.queue(ok({ id: 'a2', status: 'inskickad' }, 201));
    await createApplication(client, body);
    expect(gateway.requests[0]!.headers['idempotency-key']).toMatch(/^[\x21-\x7e]{8,}$/);
  });

  it('passes a 409 and a 422 on with their Swedish detail and fields, sent once each', async () => {
    gateway.queue(
      problem(409, 'urn:kommunkit:problem:conflict', 'Konflikt', { detail: 'Barnet har redan en aktiv ansökan om förskola.' }),
      problem(422, 'urn:kommunkit:problem:validation', 'Ogiltiga uppgifter', { errors: [{ pointer: '/body/desiredStartDate', detail: 'Barnet är för ungt.' }] }),
    );
    const conflict = (await createApplication(client, body).catch((e: unknown) => e)) as ApiError;
    expect(conflict).toBeInstanceOf(ApiError);
    expect(conflict.status).toBe(409);
    expect(conflict.detail).toBe('Barnet har redan en aktiv ansökan om förskola.');
    const invalid = (await createApplication(client, body).catch((e: unknown) => e)) as ApiError;
    expect(invalid.status).toBe(422);
    expect([...invalid.fieldErrors]).toEqual([['/body/desiredStartDate', 'Barnet är för ungt.']]);
    expect(gateway.requests).toHaveLength(2);
  });

  it('refuses an idempotency key a header cannot carry', () => {
    expect(() => createApplication(client, body, { idempotencyKey: 'två ord' })).toThrow(TypeError);
  });
});
