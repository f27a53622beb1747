import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, createClient, problemTypes, type KommunkitClient, type User } from '../src/index.js';
import {
  cancelBooking,
  createCalendarFeed,
  createSeasonRequest,
  myBookings,
  mySeasonRequests,
  previewSeasonRequest,
  type Booking,
  type NewSeasonRequest,
  type SeasonRequest,
} from '../src/services/lokalbokning-mine.js';
import { ok, problem, startFakeGateway, type FakeGateway } from './support/fake-gateway.js';

let gateway: FakeGateway;
let client: KommunkitClient;
beforeEach(async () => {
  gateway = await startFakeGateway();
  client = createClient({ api: gateway.url, kommun: 'exempelstad', fetch, retry: { baseDelayMs: 5, maxDelayMs: 50 } });
});
afterEach(() => gateway.close());

const base = '/api/v1/exempelstad/lokalbokning';
const price = { customerType: 'privatperson' as const, perHourOre: 20000, netOre: 40000, vatOre: 0, totalOre: 40000, vatPercent: 0 };

const booking: Booking = {
  id: '6f1c2a7e-3b7d-4c7e-9a51-0d2b4f8e1a11',
  reference: 'EXS-B-2026-000123',
  lokalId: 'sporthallen',
  lokalName: 'Sporthallen',
  start: '2026-12-10T18:00:00+01:00',
  end: '2026-12-10T20:00:00+01:00',
  status: 'bekraftad',
  purpose: 'Innebandy',
  price,
  cancellableUntil: '2026-12-09T18:00:00+01:00',
  createdAt: '2026-12-01T10:00:00+01:00',
  history: [{ status: 'bekraftad', at: '2026-12-01T10:00:00+01:00' }],
};

const season: NewSeasonRequest = {
  lokalId: 'sporthallen',
  forening: '802345-6789',
  weekday: 2,
  startTime: '18:00',
  endTime: '19:30',
  fromDate: '2027-01-12',
  toDate: '2027-02-02',
  purpose: 'Träning',
  attendees: 20,
  acceptTerms: true,
};

const occurrences = [
  { start: '2027-01-12T18:00:00+01:00', end: '2027-01-12T19:30:00+01:00', conflict: null, status: 'begard' as const },
  { start: '2027-01-19T18:00:00+01:00', end: '2027-01-19T19:30:00+01:00', conflict: 'bokad' as const, reason: 'Redan bokad', status: 'begard' as const },
];

const created: SeasonRequest = {
  id: '0b7a2c8e-1d4f-4e6a-8b3c-9f5e7d1a2b33',
  reference: 'EXS-S-2026-000007',
  lokalId: 'sporthallen',
  lokalName: 'Sporthallen',
  forening: { organisationsnummer: '802345-6789', name: 'IK Exempel' },
  weekday: 2,
  startTime: '18:00',
  endTime: '19:30',
  fromDate: '2027-01-12',
  toDate: '2027-02-02',
  purpose: 'Träning',
  status: 'inskickad',
  occurrences,
  price,
  createdAt: '2026-12-01T10:00:00+01:00',
};

const user: User = { kommun: 'exempelstad', name: 'Anna Andersson', givenName: 'Anna', familyName: 'Andersson', expiresAt: '2026-12-01T12:00:00.000Z' };

describe('myBookings', () => {
  it('reads a page of the citizen\'s bookings with the session cookie, the page in the query', async () => {
    const page = { items: [booking], page: 2, pageSize: 10, total: 11 };
    gateway.queue(ok(page), ok({ items: [], page: 1, pageSize: 20, total: 0 }));
    await expect(myBookings(client, { page: 2, pageSize: 10 })).resolves.toEqual(page);
    await myBookings(client);
    expect(gateway.requests.map((request) => `${request.method} ${request.url}`)).toEqual([`GET ${base}/bookings/mine?page=2&pageSize=10`, `GET ${base}/bookings/mine`]);
    expect(gateway.requests[0]!.headers['x-kommunkit-client']).toBeUndefined();
  });

  it('is retried after a 503, and a 401 tells the login state the session is gone', async () => {
    gateway.queue(problem(503, problemTypes.unavailable, 'Tjänsten är inte tillgänglig just nu'), ok({ items: [], page: 1, pageSize: 20, total: 0 }));
    await expect(myBookings(client)).resolves.toMatchObject({ total: 0 });
    expect(gateway.requests).toHaveLength(2);

    gateway.queue(ok(user));
    await client.auth.refresh();
    gateway.queue(problem(401, problemTypes.unauthenticated, 'Du behöver logga in'), problem(401, problemTypes.unauthenticated, 'Du behöver logga in'));
    const ended = new Promise((resolve) => client.auth.addEventListener('change', resolve, { once: true }));
    await expect(myBookings(client)).rejects.toMatchObject({ status: 401 });
    await ended;
    expect(client.auth.user).toBeNull();
    expect(client.auth.endReason).toBe('session-ended');
  });
});

describe('cancelBooking', () => {
  it('posts the cancel with the client header and answers the cancelled booking', async () => {
    const cancelled = { ...booking, status: 'avbokad' as const, cancellableUntil: null };
    gateway.queue(ok(cancelled));
    await expect(cancelBooking(client, booking.id)).resolves.toEqual(cancelled);
    const [received] = gateway.requests;
    expect(`${received!.method} ${received!.url}`).toBe(`POST ${base}/bookings/${booking.id}/cancel`);
    expect(received!.headers['x-kommunkit-client']).toMatch(/^sdk\//);
    expect(received!.headers['idempotency-key']).toBeUndefined();
  });

  it('passes the gateway\'s 409 on with its Swedish detail, and is sent only once', async () => {
    gateway.queue(problem(409, problemTypes.conflict, 'Uppgiften har ändrats under tiden', { detail: 'Bokningen kunde avbokas till 9 december kl. 18:00.' }));
    const refused = await cancelBooking(client, booking.id).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 409, detail: 'Bokningen kunde avbokas till 9 december kl. 18:00.' });

    gateway.queue(problem(503, problemTypes.unavailable, 'Tjänsten är inte tillgänglig just nu'), ok(booking));
    await expect(cancelBooking(client, booking.id)).rejects.toMatchObject({ status: 503 });
    expect(gateway.requests).toHaveLength(2);
  });
});

describe('createCalendarFeed', () => {
  it('asks for a new private address and is retried, since a new one replaces the last', async () => {
    const url = `${gateway.url}${base}/calendar-feed/abcdefghijklmnopqrstuvwxyz.ics`;
    gateway.queue(problem(503, problemTypes.unavailable, 'Tjänsten är inte tillgänglig just nu'), ok({ url }, 201));
    await expect(createCalendarFeed(client)).resolves.toEqual({ url });
    expect(gateway.requests.map((request) => `${request.method} ${request.url}`)).toEqual([`POST ${base}/calendar-feed`, `POST ${base}/calendar-feed`]);
  });
});

describe('season requests', () => {
  it('previews as JSON and answers each occurrence with its conflict', async () => {
    gateway.queue(ok({ occurrences, price }));
    await expect(previewSeasonRequest(client, season)).resolves.toEqual({ occurrences, price });
    const [received] = gateway.requests;
    expect(`${received!.method} ${received!.url}`).toBe(`POST ${base}/season-requests/preview`);
    expect(received!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(received!.body)).toEqual(season);
  });

  it('sends the request with an idempotency key, the same on a retry', async () => {
    gateway.queue(problem(503, problemTypes.unavailable, 'Tjänsten är inte tillgänglig just nu'), ok(created, 201));
    await expect(createSeasonRequest(client, season)).resolves.toEqual(created);
    const [first, second] = gateway.requests;
    expect(`${first!.method} ${first!.url}`).toBe(`POST ${base}/season-requests`);
    expect(first!.headers['idempotency-key']).toBeTruthy();
    expect(second!.headers['idempotency-key']).toBe(first!.headers['idempotency-key']);
    expect(second!.headers['x-kommunkit-client']).toMatch(/^sdk\//);

    gateway.queue(ok(created, 201));
    await createSeasonRequest(client, season, { idempotencyKey: 'sasong-1' });
    expect(gateway.requests[2]!.headers['idempotency-key']).toBe('sasong-1');
  });

  it('rejects with the field errors, and refuses a key fetch could not send before sending anything', async () => {
    gateway.queue(problem(400, problemTypes.validation, 'Uppgifterna behöver rättas', { errors: [{ pointer: '/body/toDate', detail: 'Säsongen får vara högst 45 veckor.' }] }));
    const invalid = await createSeasonRequest(client, season).catch((error: unknown) => error);
    expect((invalid as ApiError).fieldError('toDate')).toBe('Säsongen får vara högst 45 veckor.');
    await expect(createSeasonRequest(client, season, { idempotencyKey: 'två ord' })).rejects.toThrow(TypeError);
    expect(gateway.requests).toHaveLength(1);
  });

  it('lists the föreningar\'s requests', async () => {
    gateway.queue(ok({ items: [created] }));
    await expect(mySeasonRequests(client)).resolves.toEqual([created]);
    expect(`${gateway.requests[0]!.method} ${gateway.requests[0]!.url}`).toBe(`GET ${base}/season-requests/mine`);
  });
});
