import { draftsFor } from '../src/drafts.js';
import { sdkVersion } from '../src/version.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, createClient, NetworkError, problemTypes, type KommunkitClient } from '../src/index.js';
import { backoffDelay, parseRetryAfter } from '../src/http.js';
import { noContent, ok, problem, startFakeGateway, type FakeGateway } from './support/fake-gateway.js';

const kommun = 'exempelstad';
const fast = { baseDelayMs: 5, maxDelayMs: 50 };
const info = { id: kommun, name: 'Exempelstads kommun', theme: {}, services: ['felanmalan'] };
const unavailable = () => problem(503, problemTypes.unavailable, 'Tjänsten är inte tillgänglig just nu');
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let gateway: FakeGateway;
let client: KommunkitClient;
beforeEach(async () => {
  gateway = await startFakeGateway();
  client = createClient({ api: gateway.url, kommun, fetch, retry: fast });
});
afterEach(() => gateway.close());

describe('headers', () => {
  it('sends a GET with Accept JSON and credentials, without the CSRF header or a body', async () => {
    const inits: RequestInit[] = [];
    const spied = createClient({
      api: `${gateway.url}/`,
      kommun,
      fetch: (input, init) => {
        inits.push(init ?? {});
        return fetch(input, init);
      },
    });
    gateway.queue(ok(info));
    await expect(spied.getKommun()).resolves.toEqual(info);
    const [request] = gateway.requests;
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe('/api/v1/exempelstad');
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.headers['x-kommunkit-client']).toBeUndefined();
    expect(request?.headers['idempotency-key']).toBeUndefined();
    expect(request?.headers['content-type']).toBeUndefined();
    expect(inits[0]?.credentials).toBe('include');
  });

  it('sends every write with the CSRF header naming the SDK version, and JSON bodies as JSON', async () => {
    gateway.queue(ok({ service: 'felanmalan', data: { a: 1 }, updatedAt: '2025-01-01T00:00:00.000Z' }), noContent(), noContent());
    await draftsFor(client).save('felanmalan', { data: { a: 1 } });
    await draftsFor(client).delete('felanmalan');
    await client.request('logout');
    expect(gateway.requests.map((request) => [request.method, request.headers['x-kommunkit-client']])).toEqual([
      ['PUT', `sdk/${sdkVersion}`],
      ['DELETE', `sdk/${sdkVersion}`],
      ['POST', `sdk/${sdkVersion}`],
    ]);
    const [put, del] = gateway.requests;
    expect(put?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(put?.body ?? '')).toEqual({ data: { a: 1 } });
    expect(del?.headers['content-type']).toBeUndefined();
    expect(del?.body).toBe('');
  });
});

describe('retries', () => {
  it('retries a GET after 503s with backoff, then succeeds', async () => {
    gateway.queue(unavailable(), unavailable(), ok(info));
    await expect(client.getKommun()).resolves.toEqual(info);
    expect(gateway.requests).toHaveLength(3);
  });

  it('gives up after the configured number of tries with the last error', async () => {
    gateway.handler = () => unavailable();
    const error = await client.getKommun().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).type).toBe(problemTypes.unavailable);
    expect(gateway.requests).toHaveLength(3);

    const once = createClient({ api: gateway.url, kommun, fetch, retry: false });
    await expect(once.getKommun()).rejects.toBeInstanceOf(ApiError);
    expect(gateway.requests).toHaveLength(4);

    const five = createClient({ api: gateway.url, kommun, fetch, retry: { ...fast, attempts: 5 } });
    await expect(five.getKommun()).rejects.toBeInstanceOf(ApiError);
    expect(gateway.requests).toHaveLength(9);
  });

  it.each([502, 504])('retries a GET after %i', async (status) => {
    gateway.queue({ status, text: '<html>Bad gateway</html>', headers: { 'content-type': 'text/html' } }, ok(info));
    await expect(client.getKommun()).resolves.toEqual(info);
    expect(gateway.requests).toHaveLength(2);
  });

  it('retries an idempotent POST with the same Idempotency-Key, and a new call gets a new key', async () => {
    gateway.queue(unavailable(), { status: 502, text: '' }, noContent(), noContent());
    await expect(client.request('logout', { idempotent: true })).resolves.toBeUndefined();
    expect(gateway.requests).toHaveLength(3);
    const keys = gateway.requests.map((request) => request.headers['idempotency-key']);
    expect(keys[0]).toMatch(uuid);
    expect(new Set(keys).size).toBe(1);

    await client.request('logout', { idempotent: true });
    expect(gateway.requests[3]?.headers['idempotency-key']).toMatch(uuid);
    expect(gateway.requests[3]?.headers['idempotency-key']).not.toBe(keys[0]);
  });

  it('does not retry a POST without an idempotency key', async () => {
    gateway.queue(unavailable(), noContent());
    await expect(client.request('logout')).rejects.toBeInstanceOf(ApiError);
    expect(gateway.requests).toHaveLength(1);
    expect(gateway.requests[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('retries PUT and DELETE of drafts, reusing the key', async () => {
    gateway.queue(unavailable(), noContent());
    await draftsFor(client).delete('felanmalan');
    expect(gateway.requests.map((request) => request.method)).toEqual(['DELETE', 'DELETE']);
    expect(gateway.requests[0]?.headers['idempotency-key']).toMatch(uuid);
    expect(gateway.requests[1]?.headers['idempotency-key']).toBe(gateway.requests[0]?.headers['idempotency-key']);
  });

  it.each([
    [400, problemTypes.validation],
    [401, problemTypes.unauthenticated],
    [403, problemTypes.forbidden],
    [404, problemTypes.notFound],
    [409, problemTypes.conflict],
  ])('never retries a %i', async (status, type) => {
    gateway.handler = () => problem(status, type, 'Fel');
    await expect(client.getKommun()).rejects.toMatchObject({ status, type });
    await expect(draftsFor(client).save('felanmalan', { data: {} })).rejects.toMatchObject({ status, type });
    expect(gateway.requests).toHaveLength(2);
  });

  it('honours Retry-After before retrying a 429', async () => {
    const patient = createClient({ api: gateway.url, kommun, fetch, retry: { baseDelayMs: 5, maxDelayMs: 2000 } });
    gateway.queue(problem(429, problemTypes.rateLimited, 'För många försök', {}, { 'retry-after': '1' }), ok(info));
    const started = performance.now();
    await expect(patient.getKommun()).resolves.toEqual(info);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(gateway.requests).toHaveLength(2);
  });

  it('does not wait for a Retry-After longer than the cap, and tells how long it was', async () => {
    gateway.queue(problem(503, problemTypes.unavailable, 'Tjänsten är inte tillgänglig just nu', {}, { 'retry-after': '120' }), ok(info));
    const error = await client.getKommun().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).retryAfterMs).toBe(120_000);
    expect(gateway.requests).toHaveLength(1);
  });

  it('grows the backoff exponentially with jitter, up to the cap', () => {
    const retry = { attempts: 5, baseDelayMs: 300, maxDelayMs: 1000 };
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, retry, () => 0))).toEqual([150, 300, 500, 500]);
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, retry, () => 1))).toEqual([300, 600, 1000, 1000]);
    for (let i = 0; i < 20; i++) {
      const delay = backoffDelay(2, retry);
      expect(delay).toBeGreaterThanOrEqual(300);
      expect(delay).toBeLessThanOrEqual(600);
    }
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2025-01-01T12:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 12:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('aborts', () => {
  it('stops during a wait before a retry and rejects with the abort reason itself', async () => {
    const slow = createClient({ api: gateway.url, kommun, fetch, retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 } });
    const controller = new AbortController();
    gateway.handler = () => {
      setTimeout(() => controller.abort(), 50);
      return unavailable();
    };
    const started = performance.now();
    const error = await slow.getKommun({ signal: controller.signal }).catch((caught: unknown) => caught);
    expect(error).toBe(controller.signal.reason);
    expect((error as Error).name).toBe('AbortError');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(gateway.requests).toHaveLength(1);
  });

  it('rethrows an abort during the request as it is, never as a NetworkError, and does not retry it', async () => {
    const controller = new AbortController();
    let release = (): void => undefined;
    gateway.handler = () => ({ ...ok(info), after: new Promise<void>((resolve) => (release = resolve)) });
    const pending = client.getKommun({ signal: controller.signal }).catch((caught: unknown) => caught);
    for (let i = 0; i < 200 && gateway.requests.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    const reason = new Error('widget removed');
    controller.abort(reason);
    const error = await pending;
    release();
    expect(error).toBe(reason);
    expect(error).not.toBeInstanceOf(NetworkError);
    expect(gateway.requests).toHaveLength(1);
  });

  it('does not send anything when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(client.getKommun({ signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(gateway.requests).toHaveLength(0);
  });
});

describe('errors', () => {
  it('turns a problem+json 400 into an ApiError with its field errors', async () => {
    gateway.queue(
      problem(400, problemTypes.validation, 'Uppgifterna behöver rättas', {
        detail: 'Två uppgifter behöver rättas.',
        errors: [
          { pointer: '/body/data/beskrivning', detail: 'Uppgiften saknas' },
          { pointer: '/body/data/plats/gata', detail: 'Får vara högst 100 tecken' },
          { pointer: '/body/step', detail: 'Har fel format' },
        ],
      }),
    );
    const error = await draftsFor(client).save('felanmalan', { data: {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError).toMatchObject({
      name: 'ApiError',
      status: 400,
      type: problemTypes.validation,
      title: 'Uppgifterna behöver rättas',
      detail: 'Två uppgifter behöver rättas.',
      message: 'Två uppgifter behöver rättas.',
    });
    expect(apiError.problem.errors).toHaveLength(3);
    expect(apiError.fieldErrors.get('/body/data/beskrivning')).toBe('Uppgiften saknas');
    expect(apiError.fieldErrors.size).toBe(3);
    expect(apiError.fieldError('beskrivning')).toBe('Uppgiften saknas');
    expect(apiError.fieldError('/body/data/beskrivning')).toBe('Uppgiften saknas');
    expect(apiError.errorsFor('plats.gata')).toEqual(['Får vara högst 100 tecken']);
    expect(apiError.errorsFor('gata')).toEqual(['Får vara högst 100 tecken']);
    expect(apiError.fieldError('namn')).toBeUndefined();
    expect(apiError.errorsFor('/body/data')).toEqual([]);
    expect(gateway.requests).toHaveLength(1);
  });

  it('synthesizes a problem with a Swedish title when the answer is not problem+json', async () => {
    gateway.queue({ status: 500, text: '<h1>Internal Server Error</h1>', headers: { 'content-type': 'text/html' } });
    await expect(client.request('logout')).rejects.toMatchObject({ status: 500, type: problemTypes.internal, title: 'Något gick fel hos oss' });

    gateway.handler = () => ({ status: 503, text: 'Service Unavailable' });
    const error = (await client.getKommun().catch((caught: unknown) => caught)) as ApiError;
    expect(error.problem).toEqual({ type: problemTypes.unavailable, title: 'Tjänsten är inte tillgänglig just nu', status: 503 });
    expect(error.fieldErrors.size).toBe(0);
  });

  it('treats a success answer that is not JSON as an error, not as data', async () => {
    gateway.queue({ status: 200, text: '<html>Logga in på wifi</html>', headers: { 'content-type': 'text/html' } });
    await expect(client.getKommun()).rejects.toMatchObject({ name: 'ApiError', type: problemTypes.internal });
  });

  it('throws a NetworkError with the cause when the gateway cannot be reached, after retrying', async () => {
    const calls: string[] = [];
    const counting = createClient({
      api: gateway.url,
      kommun,
      retry: fast,
      fetch: (input, init) => {
        calls.push(new URL(input instanceof Request ? input.url : input).pathname);
        return fetch(input, init);
      },
    });
    await gateway.close();
    const error = await counting.getKommun().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).cause).toBeInstanceOf(TypeError);
    expect((error as NetworkError).offline).toBe(false);
    expect((error as NetworkError).message).toMatch(/nå tjänsten/);
    // After the first failure the embedding check was asked once (no answer either: an outage), then the retries.
    expect(calls).toEqual(['/api/v1/exempelstad', '/api/v1/embedding', '/api/v1/exempelstad', '/api/v1/exempelstad']);
    gateway = await startFakeGateway();
  });
});
