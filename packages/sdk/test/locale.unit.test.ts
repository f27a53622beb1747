import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../src/index.js';
import { felanmalanFor } from '../src/services/felanmalan.js';
import { ok, startFakeGateway, type FakeGateway } from './support/fake-gateway.js';

describe('the widget\'s language on every call (Accept-Language)', () => {
  let gateway: FakeGateway;
  beforeEach(async () => {
    gateway = await startFakeGateway();
  });
  afterEach(() => gateway.close());

  it('is sent by the client and its service modules, read again on each call', async () => {
    let locale = 'en';
    const client = createClient({ api: gateway.url, kommun: 'exempelstad', locale: () => locale, retry: false });
    gateway.queue(ok({ id: 'exempelstad', name: 'Exempelstads kommun', theme: {}, services: ['felanmalan'] }), ok([]), ok({ service_code: 'klotter', attributes: [] }));
    await client.getKommun();
    await felanmalanFor(client).services();
    locale = 'sv';
    await felanmalanFor(client).service('klotter');
    expect(gateway.requests.map((request) => request.headers['accept-language'])).toEqual(['en', 'en', 'sv']);
    // The client's other headers are kept.
    expect(gateway.requests[1]?.headers.accept).toBe('application/json');
  });

  it('is left to the fetch (the browser\'s own) when no locale is given', async () => {
    const client = createClient({ api: gateway.url, kommun: 'exempelstad', retry: false, fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), 'accept-language': 'de' } }) });
    gateway.queue(ok([]));
    await felanmalanFor(client).services();
    expect(gateway.requests[0]?.headers['accept-language']).toBe('de');
  });
});
