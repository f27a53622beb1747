import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, createClient, problemTypes, type KommunkitClient, type User } from '../src/index.js';
import {
  answerOffer,
  confirmApplication,
  getApplication,
  getBarnomsorgOverview,
  givePlacementNotice,
  sendApplicationMessage,
  withdrawApplication,
  type Application,
  type BarnomsorgOverview,
  type Placement,
} from '../src/services/barnomsorg-mine.js';
import { ok, problem, startFakeGateway, type FakeGateway } from './support/fake-gateway.js';

let gateway: FakeGateway;
let client: KommunkitClient;
beforeEach(async () => {
  gateway = await startFakeGateway();
  client = createClient({ api: gateway.url, kommun: 'exempelstad', fetch, retry: { baseDelayMs: 5, maxDelayMs: 50 } });
});
afterEach(() => gateway.close());

const base = '/api/v1/exempelstad/barnomsorg';

const application: Application = {
  id: '3d6a1f0e-5b2c-4e8a-9c71-2f4b6d8e0a11',
  reference: 'EXS-F-2026-000123',
  type: 'forskola',
  child: { id: '9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c0d', givenName: 'Vera', familyName: 'Andersson', birthDate: '2025-03-14' },
  desiredStartDate: '2026-08-17',
  guaranteeDate: '2027-04-01',
  units: [
    { id: 'solrosen', name: 'Solrosens förskola' },
    { id: 'ekbacken', name: 'Ekbackens förskola' },
  ],
  schedule: { hoursPerWeek: 40, dropOff: '07:30', pickUp: '16:00' },
  reason: 'arbete',
  status: 'erbjudande',
  sentByMe: true,
  sentBy: { name: 'Anna Andersson' },
  otherGuardianConfirmation: 'behovs_inte',
  offer: { unitId: 'solrosen', unitName: 'Solrosens förskola', startDate: '2027-01-11', replyBy: '2026-12-15', answer: null, answeredAt: null },
  placementId: null,
  history: [
    { status: 'inskickad', at: '2026-12-01T10:00:00+01:00' },
    { status: 'mottagen', at: '2026-12-01T11:00:00+01:00' },
    { status: 'erbjudande', at: '2026-12-01T12:00:00+01:00' },
  ],
  messages: [],
  createdAt: '2026-12-01T10:00:00+01:00',
};

const placement: Placement = {
  id: '5c4b3a2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
  applicationId: application.id,
  type: 'forskola',
  child: { id: application.child.id, givenName: 'Vera', familyName: 'Andersson' },
  unitId: 'solrosen',
  unitName: 'Solrosens förskola',
  startDate: '2027-01-11',
  endDate: null,
  status: 'aktiv',
  noticeGivenAt: null,
};

const user: User = { kommun: 'exempelstad', name: 'Anna Andersson', givenName: 'Anna', familyName: 'Andersson', expiresAt: '2026-12-01T12:00:00.000Z' };
const conflict = (detail: string) => problem(409, problemTypes.conflict, 'Uppgiften har ändrats under tiden', { detail });
const unavailable = () => problem(503, problemTypes.unavailable, 'Tjänsten är inte tillgänglig just nu');

describe('getBarnomsorgOverview and getApplication', () => {
  it('reads the overview with the session cookie and no client header, retried after a 503', async () => {
    const overview: BarnomsorgOverview = { applications: [application], placements: [placement] };
    gateway.queue(unavailable(), ok(overview));
    await expect(getBarnomsorgOverview(client)).resolves.toEqual(overview);
    expect(gateway.requests.map((request) => `${request.method} ${request.url}`)).toEqual([`GET ${base}/applications`, `GET ${base}/applications`]);
    expect(gateway.requests[0]!.headers['x-kommunkit-client']).toBeUndefined();
  });

  it('reads one application by id; a 404 is an ApiError, and a 401 ends the session in the login state', async () => {
    gateway.queue(ok(application));
    await expect(getApplication(client, application.id)).resolves.toEqual(application);
    expect(gateway.requests[0]!.url).toBe(`${base}/applications/${application.id}`);

    gateway.queue(problem(404, problemTypes.notFound, 'Sidan eller uppgiften finns inte'));
    const missing = await getApplication(client, application.id).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(ApiError);
    expect(missing).toMatchObject({ status: 404 });

    gateway.queue(ok(user));
    await client.auth.refresh();
    gateway.queue(problem(401, problemTypes.unauthenticated, 'Du behöver logga in'), problem(401, problemTypes.unauthenticated, 'Du behöver logga in'));
    const ended = new Promise((resolve) => client.auth.addEventListener('change', resolve, { once: true }));
    await expect(getApplication(client, application.id)).rejects.toMatchObject({ status: 401 });
    await ended;
    expect(client.auth.user).toBeNull();
  });
});

describe('the writes', () => {
  it('answers an offer with the answer as JSON and the client header', async () => {
    const accepted: Application = { ...application, status: 'accepterad', placementId: placement.id };
    gateway.queue(ok(accepted));
    await expect(answerOffer(client, application.id, 'accepterad')).resolves.toEqual(accepted);
    const [received] = gateway.requests;
    expect(`${received!.method} ${received!.url}`).toBe(`POST ${base}/applications/${application.id}/answer`);
    expect(JSON.parse(received!.body)).toEqual({ answer: 'accepterad' });
    expect(received!.headers['content-type']).toBe('application/json');
    expect(received!.headers['x-kommunkit-client']).toMatch(/^sdk\//);
    expect(received!.headers['idempotency-key']).toBeUndefined();
  });

  it('passes a 409 after the reply-by date on with its Swedish detail, and sends a write only once', async () => {
    gateway.queue(conflict('Svarstiden gick ut 15 december 2026.'));
    await expect(answerOffer(client, application.id, 'avbojd')).rejects.toMatchObject({ status: 409, detail: 'Svarstiden gick ut 15 december 2026.' });
    gateway.queue(unavailable(), ok(application));
    await expect(withdrawApplication(client, application.id)).rejects.toMatchObject({ status: 503 });
    expect(gateway.requests).toHaveLength(2);
    expect(`${gateway.requests[1]!.method} ${gateway.requests[1]!.url}`).toBe(`POST ${base}/applications/${application.id}/withdraw`);
    expect(gateway.requests[1]!.body).toBe('');
  });

  it('confirms as the other guardian, and writes a message', async () => {
    gateway.queue(ok({ ...application, otherGuardianConfirmation: 'bekraftad' }));
    await expect(confirmApplication(client, application.id)).resolves.toMatchObject({ otherGuardianConfirmation: 'bekraftad' });
    expect(`${gateway.requests[0]!.method} ${gateway.requests[0]!.url}`).toBe(`POST ${base}/applications/${application.id}/confirm`);

    const message = { id: '7e6d5c4b-3a2f-4e1d-8c0b-9a8f7e6d5c4b', from: 'vardnadshavare' as const, author: 'Anna Andersson', text: 'Vera äter inte fisk.', at: '2026-12-02T09:00:00+01:00' };
    gateway.queue(ok({ ...application, messages: [message] }, 201));
    await expect(sendApplicationMessage(client, application.id, 'Vera äter inte fisk.')).resolves.toMatchObject({ messages: [message] });
    expect(`${gateway.requests[1]!.method} ${gateway.requests[1]!.url}`).toBe(`POST ${base}/applications/${application.id}/messages`);
    expect(JSON.parse(gateway.requests[1]!.body)).toEqual({ text: 'Vera äter inte fisk.' });
  });

  it('gives notice of a placement with the wished last day, or none, and names a field the gateway refuses', async () => {
    const given: Placement = { ...placement, status: 'uppsagd', endDate: '2027-03-31', noticeGivenAt: '2027-01-20T10:00:00+01:00' };
    gateway.queue(ok(given), ok(given));
    await expect(givePlacementNotice(client, placement.id, { wishedEndDate: '2027-03-31', reason: 'Vi flyttar' })).resolves.toEqual(given);
    await givePlacementNotice(client, placement.id);
    expect(gateway.requests.map((request) => `${request.method} ${request.url}`)).toEqual([`POST ${base}/placements/${placement.id}/notice`, `POST ${base}/placements/${placement.id}/notice`]);
    expect(JSON.parse(gateway.requests[0]!.body)).toEqual({ wishedEndDate: '2027-03-31', reason: 'Vi flyttar' });
    expect(JSON.parse(gateway.requests[1]!.body)).toEqual({});

    gateway.queue(problem(400, problemTypes.validation, 'Uppgifterna behöver rättas', { errors: [{ pointer: '/body/wishedEndDate', detail: 'Ange ett datum som finns.' }] }));
    const invalid = await givePlacementNotice(client, placement.id, { wishedEndDate: '2027-02-30' }).catch((error: unknown) => error);
    expect((invalid as ApiError).fieldError('wishedEndDate')).toBe('Ange ett datum som finns.');
  });
});
