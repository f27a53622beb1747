import { sdkVersion } from '../src/version.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, createClient, NetworkError, problemTypes, type KommunkitClient } from '../src/index.js';
import { createFelanmalan, felanmalanFor, idempotencyKey, type Open311ServiceRequest } from '../src/services/felanmalan.js';
import { ok, problem, startFakeGateway, type Answer, type FakeGateway } from './support/fake-gateway.js';

let gateway: FakeGateway;
let client: KommunkitClient;
beforeEach(async () => {
  gateway = await startFakeGateway();
  client = createClient({ api: gateway.url, kommun: 'exempelstad', fetch, retry: { baseDelayMs: 5, maxDelayMs: 50 } });
});
afterEach(() => gateway.close());

const open311Error = (status: number, errors: { code: number; description: string; field?: string }[]): Answer => ({ status, json: errors });

const report: Open311ServiceRequest = {
  service_request_id: 'EXS-2026-000042',
  status: 'open',
  service_name: 'Gatubelysning',
  service_code: 'gatubelysning',
  description: 'Lampan lyser inte',
  requested_datetime: '2026-11-20T10:00:00+01:00',
  updated_datetime: '2026-11-21T10:00:00+01:00',
  lat: 59.33,
  long: 18.06,
  extended_attributes: {
    detailed_status: 'under_utredning',
    status_history: [
      { status: 'mottagen', at: '2026-11-20T10:00:00+01:00' },
      { status: 'under_utredning', note: 'Vi har skickat en elektriker.', at: '2026-11-21T10:00:00+01:00' },
    ],
    media_urls: [],
  },
};

/** Multipart form fields of a recorded request, parsed with the platform's own parser. */
async function formOf(received: { headers: Record<string, unknown>; body: string }): Promise<FormData> {
  return new Response(received.body, { headers: { 'content-type': String(received.headers['content-type']) } }).formData();
}

describe('felanmalanFor(client) against the kommunkit gateway', () => {
  it('reads the categories and a category definition with jurisdiction_id', async () => {
    gateway.queue(ok([{ service_code: 'gatubelysning', service_name: 'Gatubelysning', description: '', metadata: true, type: 'realtime', keywords: 'lampa', group: 'Gata' }]));
    gateway.queue(ok({ service_code: 'gatubelysning', attributes: [] }));
    const services = await felanmalanFor(client).services();
    expect(services[0]?.service_code).toBe('gatubelysning');
    await expect(felanmalanFor(client).service('gatubelysning')).resolves.toEqual({ service_code: 'gatubelysning', attributes: [] });
    expect(gateway.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /open311/v2/services.json?jurisdiction_id=exempelstad',
      'GET /open311/v2/services/gatubelysning.json?jurisdiction_id=exempelstad',
    ]);
  });

  it('finds open reports nearby in a category, with extensions', async () => {
    gateway.queue(ok([report]));
    const found = await felanmalanFor(client).nearby({ lat: 59.33, long: 18.06, serviceCode: 'gatubelysning', radius: 150 });
    expect(found).toHaveLength(1);
    const url = new URL(gateway.requests[0]!.url, gateway.url);
    expect(url.pathname).toBe('/open311/v2/requests.json');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      jurisdiction_id: 'exempelstad',
      service_code: 'gatubelysning',
      status: 'open',
      lat: '59.33',
      long: '18.06',
      radius: '150',
      extensions: 'true',
    });
  });

  it('looks a report up by reference, and answers null for an unknown one', async () => {
    gateway.queue(ok([report]));
    gateway.queue(open311Error(404, [{ code: 404, description: 'Ärendet finns inte.' }]));
    await expect(felanmalanFor(client).lookup('EXS-2026-000042')).resolves.toEqual(report);
    await expect(felanmalanFor(client).lookup('EXS-2026-999999')).resolves.toBeNull();
    expect(gateway.requests[0]?.url).toBe('/open311/v2/requests/EXS-2026-000042.json?jurisdiction_id=exempelstad&extensions=true');
  });

  it('files a report as multipart with photos, the client header and an idempotency key', async () => {
    gateway.queue(ok([{ service_request_id: 'EXS-2026-000043', service_notice: 'Vi åtgärdar inom 5 arbetsdagar.' }], 201));
    const photo = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });
    const created = await felanmalanFor(client).submit(
      {
        serviceCode: 'gatubelysning',
        lat: 59.33,
        long: 18.06,
        address: ' Storgatan 12 ',
        description: 'Lampan lyser inte',
        attributes: { lamp_number: 'L-123', sides: ['norr', 'syd'], empty: '' },
        firstName: 'Anna',
        email: 'anna@exempel.se',
        phone: '',
      },
      { photos: [photo] },
    );
    expect(created).toEqual({ reference: 'EXS-2026-000043', notice: 'Vi åtgärdar inom 5 arbetsdagar.' });
    const [received] = gateway.requests;
    expect(received?.method).toBe('POST');
    expect(received?.url).toBe('/open311/v2/requests.json?jurisdiction_id=exempelstad');
    expect(received?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(received?.headers['x-kommunkit-client']).toBe(`sdk/${sdkVersion}`);
    expect(received?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    const form = await formOf(received!);
    expect([...form.keys()]).toEqual(['service_code', 'lat', 'long', 'address_string', 'description', 'attribute[lamp_number]', 'attribute[sides][]', 'attribute[sides][]', 'first_name', 'email', 'media']);
    expect(form.get('address_string')).toBe('Storgatan 12');
    expect(form.getAll('attribute[sides][]')).toEqual(['norr', 'syd']);
    const media = form.get('media') as File;
    expect(media.type).toBe('image/jpeg');
    expect(media.name).toBe('foto-1.jpg');
  });

  it('sends multipart even without photos', async () => {
    gateway.queue(ok([{ service_request_id: 'EXS-2026-000044' }], 201));
    await felanmalanFor(client).submit({ serviceCode: 'klotter', address: 'Parken', description: 'Klotter' });
    expect(gateway.requests[0]?.headers['content-type']).toMatch(/^multipart\/form-data/);
  });

  it('retries a submit after a 503 with the same idempotency key', async () => {
    gateway.queue(problem(503, problemTypes.unavailable, 'Tjänsten är inte tillgänglig just nu'));
    gateway.queue(ok([{ service_request_id: 'EXS-2026-000045' }], 201));
    await expect(felanmalanFor(client).submit({ serviceCode: 'klotter', address: 'Parken', description: 'Klotter' })).resolves.toEqual({ reference: 'EXS-2026-000045' });
    expect(gateway.requests).toHaveLength(2);
    expect(gateway.requests[1]?.headers['idempotency-key']).toBe(gateway.requests[0]?.headers['idempotency-key']);
  });

  it('turns Open311 errors into an ApiError with field errors', async () => {
    gateway.queue(
      open311Error(400, [
        { code: 400, description: 'Beskriv felet.', field: 'description' },
        { code: 400, description: 'Ange var felet finns.', field: 'lat' },
      ]),
    );
    const error = await felanmalanFor(client).submit({ serviceCode: 'klotter', description: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.type).toBe(problemTypes.validation);
    expect(apiError.fieldError('description')).toBe('Beskriv felet.');
    expect(apiError.fieldError('lat')).toBe('Ange var felet finns.');
    expect(gateway.requests).toHaveLength(1);
  });

  it('maps 413 and 415 on photos to their problem types, and keeps problem+json as it is', async () => {
    gateway.queue(open311Error(413, [{ code: 413, description: 'Bilden är för stor.', field: 'media' }]));
    gateway.queue(problem(404, problemTypes.unknownKommun, 'Kommunen finns inte'));
    await expect(felanmalanFor(client).submit({ serviceCode: 'x', description: 'y' })).rejects.toMatchObject({ status: 413, type: problemTypes.payloadTooLarge });
    await expect(felanmalanFor(client).services()).rejects.toMatchObject({ status: 404, type: problemTypes.unknownKommun });
  });

  it('reports a gateway that cannot be reached as a NetworkError', async () => {
    const down = createClient({ api: 'http://127.0.0.1:9', kommun: 'exempelstad', fetch, retry: false });
    await expect(felanmalanFor(down).services()).rejects.toBeInstanceOf(NetworkError);
  });
});

describe('createFelanmalan against another Open311 server', () => {
  it('files form-encoded with api_key, without custom headers or retries', async () => {
    const open311 = createFelanmalan({ base: `${gateway.url}/georeport/v2/`, jurisdiction: 'stad.example', apiKey: 'k3y', fetch, retry: { baseDelayMs: 5 } });
    gateway.queue(problem(503, problemTypes.unavailable, 'Nere'));
    await expect(open311.submit({ serviceCode: '001', lat: 1, long: 2, description: 'Hål i vägen' })).rejects.toMatchObject({ status: 503 });
    expect(gateway.requests).toHaveLength(1);
    const [received] = gateway.requests;
    expect(received?.url).toBe('/georeport/v2/requests.json?jurisdiction_id=stad.example');
    expect(received?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(received?.headers['x-kommunkit-client']).toBeUndefined();
    expect(received?.headers['idempotency-key']).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(received?.body))).toEqual({ api_key: 'k3y', service_code: '001', lat: '1', long: '2', description: 'Hål i vägen' });
  });

  it('does not ask for extensions, and refuses photos it cannot send', async () => {
    const open311 = createFelanmalan({ base: gateway.url, fetch });
    gateway.queue(ok([]));
    await open311.nearby({ lat: 1, long: 2 });
    expect(gateway.requests[0]?.url).toBe('/requests.json?status=open&lat=1&long=2&radius=200');
    await expect(open311.submit({ serviceCode: '001', description: 'x' }, { photos: [new Blob(['x'])] })).rejects.toBeInstanceOf(TypeError);
  });

  it('takes a token when the server answers with one instead of an id', async () => {
    const open311 = createFelanmalan({ base: gateway.url, fetch });
    gateway.queue(ok([{ token: '12345' }], 201));
    await expect(open311.submit({ serviceCode: '001', address: 'Torget', description: 'x' })).resolves.toEqual({ reference: '12345' });
  });
});

describe('submit with a caller-given idempotency key', () => {
  const lamp = { serviceCode: 'gatubelysning', address: 'Storgatan 12', description: 'Lampan lyser inte' };

  it('sends the same key on every try and on a second call with the same key', async () => {
    const key = idempotencyKey();
    // The first call is answered 503 on all three tries, so it fails; the citizen then sends again.
    gateway.queue(
      problem(503, problemTypes.unavailable, 'Tjänsten är inte tillgänglig just nu'),
      problem(503, problemTypes.unavailable, 'Tjänsten är inte tillgänglig just nu'),
      problem(503, problemTypes.unavailable, 'Tjänsten är inte tillgänglig just nu'),
    );
    await expect(felanmalanFor(client).submit(lamp, { idempotencyKey: key })).rejects.toMatchObject({ status: 503 });
    gateway.queue(ok([{ service_request_id: 'EXS-2026-000046' }], 201));
    await expect(felanmalanFor(client).submit(lamp, { idempotencyKey: key })).resolves.toEqual({ reference: 'EXS-2026-000046' });
    expect(gateway.requests).toHaveLength(4);
    expect(gateway.requests.map((request) => request.headers['idempotency-key'])).toEqual([key, key, key, key]);
  });

  it('makes a fresh key for each call without one', async () => {
    gateway.queue(ok([{ service_request_id: 'EXS-2026-000047' }], 201), ok([{ service_request_id: 'EXS-2026-000048' }], 201));
    await felanmalanFor(client).submit(lamp);
    await felanmalanFor(client).submit(lamp);
    const [first, second] = gateway.requests.map((request) => request.headers['idempotency-key']);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
  });

  it('refuses a key that cannot be a header value, before anything is sent', async () => {
    await expect(felanmalanFor(client).submit(lamp, { idempotencyKey: 'nyckel med mellanslag' })).rejects.toBeInstanceOf(TypeError);
    await expect(felanmalanFor(client).submit(lamp, { idempotencyKey: '' })).rejects.toBeInstanceOf(TypeError);
    expect(gateway.requests).toHaveLength(0);
  });
});
