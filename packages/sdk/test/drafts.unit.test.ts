import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, draftsFor, problemTypes, type Draft, type KommunkitClient } from '../src/index.js';
import { problem, startFakeGateway, type FakeGateway } from './support/fake-gateway.js';

let gateway: FakeGateway;
let client: KommunkitClient;
beforeEach(async () => {
  gateway = await startFakeGateway();
  client = createClient({ api: gateway.url, kommun: 'exempelstad', fetch, retry: { baseDelayMs: 5, maxDelayMs: 50 } });
});
afterEach(() => gateway.close());

/** The gateway's draft routes for one logged-in citizen, kept in memory. */
function serveDrafts(): Map<string, Draft> {
  const drafts = new Map<string, Draft>();
  gateway.handler = (request) => {
    const match = /^\/api\/v1\/exempelstad\/drafts\/([a-z]+)$/.exec(request.url);
    const service = match?.[1];
    if (!service) return problem(404, problemTypes.notFound, 'Sidan eller uppgiften finns inte');
    if (service !== 'felanmalan') return problem(404, problemTypes.serviceDisabled, 'Tjänsten är inte aktiverad för kommunen');
    if (request.method === 'GET') {
      const draft = drafts.get(service);
      return draft ? { status: 200, json: draft } : problem(404, problemTypes.notFound, 'Sidan eller uppgiften finns inte', { detail: 'Det finns inget sparat utkast.' });
    }
    if (request.method === 'PUT') {
      const body = JSON.parse(request.body) as Pick<Draft, 'data' | 'step'> & { revision?: number };
      const stored = drafts.get(service);
      if (body.revision !== undefined && body.revision !== stored?.revision) {
        return problem(409, problemTypes.conflict, 'Uppgiften har ändrats under tiden', { detail: 'Utkastet har ändrats i en annan webbläsare eller på en annan enhet.' });
      }
      const revision = (stored?.revision ?? 0) + 1;
      const draft: Draft = { service, data: body.data, ...(body.step ? { step: body.step } : {}), revision, updatedAt: new Date().toISOString() };
      drafts.set(service, draft);
      return { status: 200, json: draft };
    }
    drafts.delete(service);
    return { status: 204 };
  };
  return drafts;
}

describe('drafts', () => {
  it('round-trips: none, saved, read back, deleted, none', async () => {
    const stored = serveDrafts();
    await expect(draftsFor(client).get('felanmalan')).resolves.toBeNull();

    const saved = await draftsFor(client).save('felanmalan', { data: { beskrivning: 'Trasig gatlykta', plats: { gata: 'Storgatan 1' } }, step: 'plats' });
    expect(saved).toMatchObject({ service: 'felanmalan', data: { beskrivning: 'Trasig gatlykta', plats: { gata: 'Storgatan 1' } }, step: 'plats' });
    expect(stored.size).toBe(1);

    await expect(draftsFor(client).get('felanmalan')).resolves.toEqual(saved);
    await expect(draftsFor(client).delete('felanmalan')).resolves.toBeUndefined();
    await expect(draftsFor(client).get('felanmalan')).resolves.toBeNull();

    expect(gateway.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET /api/v1/exempelstad/drafts/felanmalan',
      'PUT /api/v1/exempelstad/drafts/felanmalan',
      'GET /api/v1/exempelstad/drafts/felanmalan',
      'DELETE /api/v1/exempelstad/drafts/felanmalan',
      'GET /api/v1/exempelstad/drafts/felanmalan',
    ]);
  });

  it('throws, instead of answering "no draft", when the service is not enabled for the kommun', async () => {
    serveDrafts();
    await expect(draftsFor(client).get('lokalbokning')).rejects.toMatchObject({ status: 404, type: problemTypes.serviceDisabled });
  });

  it('retries a save after a 503 with the same Idempotency-Key', async () => {
    serveDrafts();
    gateway.queue(problem(503, problemTypes.unavailable, 'Tjänsten är inte tillgänglig just nu'));
    await draftsFor(client).save('felanmalan', { data: { beskrivning: 'Klotter' } });
    expect(gateway.requests).toHaveLength(2);
    const [first, second] = gateway.requests;
    expect(second?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);
    expect(second?.body).toBe(first?.body);
  });

  it('reports a draft that is too large with the gateway\'s problem', async () => {
    gateway.queue(problem(413, problemTypes.payloadTooLarge, 'Det du skickade är för stort', { detail: 'Utkastet är för stort för att sparas.' }));
    await expect(draftsFor(client).save('felanmalan', { data: { bilaga: 'x'.repeat(100) } })).rejects.toMatchObject({
      status: 413,
      type: problemTypes.payloadTooLarge,
      message: 'Utkastet är för stort för att sparas.',
    });
    expect(gateway.requests).toHaveLength(1);
  });

  it('sends the revision an edit is based on, and throws a conflict when the draft changed elsewhere', async () => {
    serveDrafts();
    const first = await draftsFor(client).save('felanmalan', { data: { beskrivning: 'Klotter' } });
    expect(first.revision).toBe(1);
    const second = await draftsFor(client).save('felanmalan', { data: { beskrivning: 'Klotter på muren' }, revision: first.revision });
    expect(second.revision).toBe(2);
    expect(JSON.parse(gateway.requests[1]?.body ?? '{}')).toEqual({ data: { beskrivning: 'Klotter på muren' }, revision: 1 });

    // Another tab still holds revision 1.
    await expect(draftsFor(client).save('felanmalan', { data: { beskrivning: 'Något annat' }, revision: 1 })).rejects.toMatchObject({
      status: 409,
      type: problemTypes.conflict,
      message: 'Utkastet har ändrats i en annan webbläsare eller på en annan enhet.',
    });
    await expect(draftsFor(client).get('felanmalan')).resolves.toMatchObject({ data: { beskrivning: 'Klotter på muren' }, revision: 2 });
  });
});
