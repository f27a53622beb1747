import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, createClient, type KommunkitClient } from '../src/index.js';
import { bookingCalendarUrl, createBooking, getAvailability, getLokal, listLokaler, myForeningar, SlotTakenError, type NewBooking } from '../src/services/lokalbokning.js';
import { ok, problem, startFakeGateway, type FakeGateway } from './support/fake-gateway.js';

let gateway: FakeGateway;
let client: KommunkitClient;
beforeEach(async () => {
  gateway = await startFakeGateway();
  client = createClient({ api: gateway.url, kommun: 'exempelstad', fetch, retry: { baseDelayMs: 5, maxDelayMs: 50 } });
});
afterEach(() => gateway.close());

const base = '/api/v1/exempelstad/lokalbokning';
const body: NewBooking = { lokalId: 'norrhallen', start: '2026-12-07T18:00:00+01:00', end: '2026-12-07T19:00:00+01:00', purpose: 'Träning', acceptTerms: true };

describe('listLokaler', () => {
  it('sends the filters, the facts comma-separated, and leaves out what is not set', async () => {
    gateway.queue(ok({ items: [], page: 2, pageSize: 10, total: 0 }));
    const page = await listLokaler(client, { page: 2, pageSize: 10, type: 'idrottshall', minCapacity: 20, facts: ['stegfri_entre', 'horslinga'], q: '  ', freeFrom: '2026-12-08T18:00:00+01:00', freeTo: '2026-12-08T20:00:00+01:00' });
    expect(page.total).toBe(0);
    const url = new URL(gateway.requests[0]!.url, 'http://x');
    expect(url.pathname).toBe(`${base}/lokaler`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      page: '2',
      pageSize: '10',
      type: 'idrottshall',
      minCapacity: '20',
      facts: 'stegfri_entre,horslinga',
      freeFrom: '2026-12-08T18:00:00+01:00',
      freeTo: '2026-12-08T20:00:00+01:00',
    });
  });
});

describe('getLokal and getAvailability', () => {
  it('answers null for a lokal that does not exist, and asks for the week', async () => {
    gateway.queue(problem(404, 'urn:kommunkit:problem:not-found', 'Finns inte'), ok({ lokalId: 'norrhallen', from: '2026-12-07', to: '2026-12-13', slots: [], closedDates: [], nextFree: null, slotMinutes: 60, timeZone: 'Europe/Stockholm' }));
    expect(await getLokal(client, 'finns-inte')).toBeNull();
    const availability = await getAvailability(client, 'norrhallen', { from: '2026-12-07', to: '2026-12-13' });
    expect(availability.nextFree).toBeNull();
    expect(gateway.requests[1]!.url).toBe(`${base}/lokaler/norrhallen/availability?from=2026-12-07&to=2026-12-13`);
  });
});

describe('createBooking', () => {
  it('posts JSON with the client header and the idempotency key, the same on a retry', async () => {
    gateway.queue({ status: 503, text: '' }, ok({ id: 'b1', status: 'bekraftad' }, 201));
    const booking = await createBooking(client, body, { idempotencyKey: 'nyckel-1' });
    expect(booking).toMatchObject({ id: 'b1' });
    expect(gateway.requests).toHaveLength(2);
    for (const received of gateway.requests) {
      expect(received.method).toBe('POST');
      expect(received.headers['idempotency-key']).toBe('nyckel-1');
      expect(received.headers['x-kommunkit-client']).toMatch(/^sdk\//);
      expect(JSON.parse(received.body)).toEqual(body);
    }
  });

  it('turns a 409 into SlotTakenError with the alternatives', async () => {
    const alternatives = [{ start: '2026-12-07T19:00:00+01:00', end: '2026-12-07T20:00:00+01:00' }];
    gateway.queue({ status: 409, headers: { 'content-type': 'application/problem+json' }, text: JSON.stringify({ type: 'urn:kommunkit:problem:conflict', title: 'Tiden är tagen', status: 409, detail: 'Tiden hann bokas av någon annan.', alternatives }) });
    const error = await createBooking(client, body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlotTakenError);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as SlotTakenError).alternatives).toEqual(alternatives);
    expect((error as SlotTakenError).detail).toBe('Tiden hann bokas av någon annan.');
  });

  it('refuses an idempotency key a header cannot carry', async () => {
    await expect(createBooking(client, body, { idempotencyKey: 'två ord' })).rejects.toThrow(TypeError);
  });
});

describe('myForeningar and bookingCalendarUrl', () => {
  it('reads the föreningar and builds the .ics address', async () => {
    gateway.queue(ok({ foreningar: [{ organisationsnummer: '802000-1234', name: 'IK Exempel' }] }));
    expect(await myForeningar(client)).toEqual([{ organisationsnummer: '802000-1234', name: 'IK Exempel' }]);
    expect(bookingCalendarUrl(client, 'a/b')).toBe(`${gateway.url}${base}/bookings/a%2Fb/calendar.ics`);
  });
});
