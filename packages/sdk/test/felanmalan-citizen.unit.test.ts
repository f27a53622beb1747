import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, createClient, problemTypes, type KommunkitClient, type User } from '../src/index.js';
import { editMyReport, fileMyReport, myReport, myReports, withdrawMyReport, type MyReport } from '../src/services/felanmalan-citizen.js';
import { felanmalanFor } from '../src/services/felanmalan.js';
import { ok, problem, startFakeGateway, type FakeGateway } from './support/fake-gateway.js';

let gateway: FakeGateway;
let client: KommunkitClient;
beforeEach(async () => {
  gateway = await startFakeGateway();
  client = createClient({ api: gateway.url, kommun: 'exempelstad', fetch, retry: { baseDelayMs: 5, maxDelayMs: 50 } });
});
afterEach(() => gateway.close());

const reports = '/api/v1/exempelstad/felanmalan/reports';

const mine: MyReport = {
  reference: 'EXS-2026-000042',
  serviceCode: 'gatubelysning',
  serviceName: 'Gatubelysning',
  status: 'mottagen',
  description: 'Lampan lyser inte',
  address: null,
  lat: 58.41,
  long: 15.62,
  requestedAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  history: [{ status: 'mottagen', at: '2026-12-01T10:00:00.000Z' }],
  editableUntil: '2026-12-01T11:00:00.000Z',
};

const user: User = { kommun: 'exempelstad', name: 'Anna Andersson', givenName: 'Anna', familyName: 'Andersson', expiresAt: '2026-12-01T12:00:00.000Z' };

const formOf = (received: { headers: Record<string, unknown>; body: string }): Promise<FormData> =>
  new Response(received.body, { headers: { 'content-type': String(received.headers['content-type']) } }).formData();

describe('fileMyReport', () => {
  it('posts the report as multipart with photos, the client header and an idempotency key, and answers the secret for editing', async () => {
    gateway.queue(ok({ reference: 'EXS-2026-000043', notice: 'Tack!', editableUntil: '2026-12-01T11:00:00.000Z', editToken: 'hemlig-kod' }, 201));
    const photo = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });
    const submitted = await fileMyReport(
      client,
      { serviceCode: 'gatubelysning', lat: 58.41, long: 15.62, description: 'Lampan lyser inte', attributes: { lamp_number: '12-0345' }, email: ' anna@exempel.se ' },
      { photos: [photo], idempotencyKey: 'nyckel-1' },
    );
    expect(submitted).toEqual({ reference: 'EXS-2026-000043', notice: 'Tack!', editToken: 'hemlig-kod', editableUntil: '2026-12-01T11:00:00.000Z' });
    const [received] = gateway.requests;
    expect(`${received!.method} ${received!.url}`).toBe(`POST ${reports}`);
    expect(received!.headers['x-kommunkit-client']).toMatch(/^sdk\//);
    expect(received!.headers['idempotency-key']).toBe('nyckel-1');
    const form = await formOf(received!);
    expect(form.get('service_code')).toBe('gatubelysning');
    expect(form.get('attribute[lamp_number]')).toBe('12-0345');
    expect(form.get('email')).toBe('anna@exempel.se');
    expect(form.has('jurisdiction_id')).toBe(false);
    expect((form.get('media') as File).name).toBe('foto-1.jpg');
  });

  it('retries after a 503 with the same idempotency key, and reads a null editableUntil as none', async () => {
    gateway.queue(problem(503, problemTypes.unavailable, 'Tjänsten är inte tillgänglig just nu'), ok({ reference: 'EXS-2026-000044', notice: 'Tack!', editableUntil: null }, 201));
    const submitted = await fileMyReport(client, { serviceCode: 'klotter', address: 'Parken', description: 'Klotter' });
    expect(submitted).toEqual({ reference: 'EXS-2026-000044', notice: 'Tack!' });
    expect(submitted.editableUntil).toBeUndefined();
    const [first, second] = gateway.requests;
    expect(first!.headers['idempotency-key']).toBeTruthy();
    expect(second!.headers['idempotency-key']).toBe(first!.headers['idempotency-key']);
  });

  it('rejects with the field errors in Open311\'s names, and tells the login state when the session is gone', async () => {
    gateway.queue(problem(400, problemTypes.validation, 'Uppgifterna behöver rättas', { errors: [{ pointer: '/body/description', detail: 'Beskriv felet.' }] }));
    const invalid = await fileMyReport(client, { serviceCode: 'klotter', address: 'Parken', description: ' ' }).catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(ApiError);
    expect((invalid as ApiError).fieldError('description')).toBe('Beskriv felet.');

    gateway.queue(ok(user));
    await client.auth.refresh();
    expect(client.auth.user?.name).toBe('Anna Andersson');
    gateway.queue(problem(401, problemTypes.unauthenticated, 'Du behöver logga in'), problem(401, problemTypes.unauthenticated, 'Du behöver logga in'));
    const ended = new Promise((resolve) => client.auth.addEventListener('change', resolve, { once: true }));
    await expect(fileMyReport(client, { serviceCode: 'klotter', address: 'Parken', description: 'Klotter' })).rejects.toMatchObject({ status: 401 });
    await ended;
    expect(client.auth.user).toBeNull();
    expect(client.auth.endReason).toBe('session-ended');
  });

  it('refuses an idempotency key fetch could not send, before sending anything', async () => {
    await expect(fileMyReport(client, { serviceCode: 'klotter', address: 'Parken', description: 'x' }, { idempotencyKey: 'två ord' })).rejects.toThrow(TypeError);
    expect(gateway.requests).toEqual([]);
  });
});

describe('myReports and myReport', () => {
  it('lists the citizen\'s own reports with the session cookie sent', async () => {
    gateway.queue(ok({ items: [mine] }));
    await expect(myReports(client)).resolves.toEqual([mine]);
    expect(`${gateway.requests[0]!.method} ${gateway.requests[0]!.url}`).toBe(`GET ${reports}/mine`);
    expect(gateway.requests[0]!.headers['x-kommunkit-client']).toBeUndefined();
  });

  it('reads one by reference, null for a 404 not-found, and throws for a disabled service', async () => {
    gateway.queue(ok(mine), problem(404, problemTypes.notFound, 'Finns inte'), problem(404, problemTypes.serviceDisabled, 'Tjänsten är inte aktiverad'));
    await expect(myReport(client, 'EXS-2026-000042')).resolves.toEqual(mine);
    await expect(myReport(client, 'EXS-2026-000099')).resolves.toBeNull();
    await expect(myReport(client, 'EXS-2026-000042')).rejects.toMatchObject({ status: 404, type: problemTypes.serviceDisabled });
    expect(gateway.requests.map((request) => request.url)).toEqual([`${reports}/EXS-2026-000042`, `${reports}/EXS-2026-000099`, `${reports}/EXS-2026-000042`]);
  });
});

describe('editMyReport and withdrawMyReport', () => {
  it('puts the new description as JSON, with the edit token when given', async () => {
    const edited = { ...mine, description: 'Rättad', history: [...mine.history, { status: 'mottagen' as const, note: 'Beskrivningen ändrades av den som anmälde.', at: '2026-12-01T10:05:00.000Z' }] };
    gateway.queue(ok(edited));
    await expect(editMyReport(client, 'EXS-2026-000042', { description: 'Rättad' }, { editToken: 'hemlig-kod' })).resolves.toEqual(edited);
    const [received] = gateway.requests;
    expect(`${received!.method} ${received!.url}`).toBe(`PUT ${reports}/EXS-2026-000042/description`);
    expect(JSON.parse(received!.body)).toEqual({ description: 'Rättad' });
    expect(received!.headers['content-type']).toBe('application/json');
    expect(received!.headers['x-kommunkit-edit-token']).toBe('hemlig-kod');
    expect(received!.headers['x-kommunkit-client']).toMatch(/^sdk\//);
  });

  it('withdraws by session (no token header) and is not retried, so a lost answer is not sent twice', async () => {
    gateway.queue(ok({ ...mine, status: 'aterkallad', editableUntil: null }));
    await expect(withdrawMyReport(client, 'EXS-2026-000042')).resolves.toMatchObject({ status: 'aterkallad' });
    expect(`${gateway.requests[0]!.method} ${gateway.requests[0]!.url}`).toBe(`POST ${reports}/EXS-2026-000042/withdraw`);
    expect(gateway.requests[0]!.headers['x-kommunkit-edit-token']).toBeUndefined();

    gateway.queue(problem(503, problemTypes.unavailable, 'Tjänsten är inte tillgänglig just nu'), ok(mine));
    await expect(withdrawMyReport(client, 'EXS-2026-000042')).rejects.toMatchObject({ status: 503 });
    expect(gateway.requests).toHaveLength(2);
  });

  it('passes the gateway\'s 409 on with its reason', async () => {
    gateway.queue(problem(409, problemTypes.conflict, 'Uppgiften har ändrats under tiden', { detail: 'Tiden för att ändra eller återkalla anmälan har gått ut.' }));
    const refused = await editMyReport(client, 'EXS-2026-000042', { description: 'Sent' }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 409, type: problemTypes.conflict, detail: 'Tiden för att ändra eller återkalla anmälan har gått ut.' });
  });

  it('refuses an edit token fetch could not send, before sending anything', async () => {
    await expect(withdrawMyReport(client, 'EXS-2026-000042', { editToken: 'a\nb' })).rejects.toThrow(TypeError);
    expect(gateway.requests).toEqual([]);
  });
});

describe('submit (felanmalanFor) reads the widget\'s secret from the Open311 answer', () => {
  it('answers editToken and editableUntil from the extensions, and nothing extra without them', async () => {
    gateway.queue(
      ok([{ service_request_id: 'EXS-2026-000045', service_notice: 'Tack!', edit_token: 'hemlig-kod', editable_until: '2026-12-01T11:00:00.000Z' }], 201),
      ok([{ service_request_id: 'EXS-2026-000046' }], 201),
    );
    const report = { serviceCode: 'klotter', address: 'Parken', description: 'Klotter' };
    await expect(felanmalanFor(client).submit(report)).resolves.toEqual({ reference: 'EXS-2026-000045', notice: 'Tack!', editToken: 'hemlig-kod', editableUntil: '2026-12-01T11:00:00.000Z' });
    const plain = await felanmalanFor(client).submit(report);
    expect(plain).toEqual({ reference: 'EXS-2026-000046' });
    expect(plain.editToken).toBeUndefined();
  });
});
