import type { EmbeddingCheck } from '@kommunkit/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkEmbedding, EmbeddingError } from '../src/embedding.js';
import { ApiError, createClient, NetworkError, problemTypes } from '../src/index.js';
import { felanmalanFor } from '../src/services/felanmalan.js';
import { ok, problem, startFakeGateway, type Answer, type FakeGateway, type Received } from './support/fake-gateway.js';

const kommun = 'exempelstad';
const fast = { baseDelayMs: 5, maxDelayMs: 50 };
const page = 'http://127.0.0.1:8303';

let gateway: FakeGateway;
beforeEach(async () => {
  gateway = await startFakeGateway();
});
afterEach(() => gateway.close());

const answerFor = (overrides: Partial<EmbeddingCheck>): EmbeddingCheck => ({
  kommun,
  known: true,
  name: 'Exempelstads kommun',
  origin: page,
  originAllowed: false,
  configKey: 'kommuner[0].origins',
  ...overrides,
});

const isCheck = (request: Received): boolean => request.url.startsWith('/api/v1/embedding');

/**
 * A browser on a page whose origin the gateway does not allow: every credentialed call reaches
 * the gateway but its answer is refused (fetch rejects with a TypeError, as for CORS), while the
 * embedding check, readable by any page, comes through. Counts what the page sent.
 */
function refusingBrowser(): { fetch: typeof fetch; sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    fetch: async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : input);
      sent.push(`${url.pathname}${url.search}`);
      if (url.pathname === '/api/v1/embedding') return fetch(input, init);
      await fetch(input, init);
      throw new TypeError('Failed to fetch');
    },
  };
}

describe('checkEmbedding', () => {
  it('asks the gateway about a kommun and an origin, without credentials, and resolves to the answer', async () => {
    const inits: RequestInit[] = [];
    const answer = answerFor({ origin: 'https://www.exempelstad.se' });
    gateway.queue(ok(answer));
    const doFetch: typeof fetch = (input, init) => {
      inits.push(init ?? {});
      return fetch(input, init);
    };
    await expect(checkEmbedding({ api: `${gateway.url}/`, options: { fetch: doFetch } }, kommun, 'https://www.exempelstad.se')).resolves.toEqual(answer);
    expect(gateway.requests.map((request) => request.url)).toEqual([`/api/v1/embedding?kommun=exempelstad&origin=${encodeURIComponent('https://www.exempelstad.se')}`]);
    expect(inits[0]?.credentials).toBe('omit');
  });

  it('takes a client, and rejects a malformed id with the gateway\'s 400', async () => {
    const client = createClient({ api: gateway.url, kommun, fetch, retry: fast });
    gateway.queue(problem(400, problemTypes.validation, 'Uppgifterna behöver rättas', { errors: [{ pointer: '/querystring/kommun', detail: 'Har fel format' }] }));
    const error = await checkEmbedding(client, '"><img>').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldError('kommun')).toBe('Har fel format');
    expect(gateway.requests).toHaveLength(1);
  });
});

describe('a page that is not set up: no retries, a typed error instead', () => {
  it('stops after the first failure when the check says the origin is not on the list', async () => {
    gateway.handler = (request) => (isCheck(request) ? ok(answerFor({})) : undefined);
    const browser = refusingBrowser();
    const client = createClient({ api: gateway.url, kommun, fetch: browser.fetch, retry: fast });
    const error = await client.getKommun().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EmbeddingError);
    const embedding = error as EmbeddingError;
    expect(embedding.problem).toBe('origin-not-allowed');
    expect(embedding.check).toEqual(answerFor({}));
    expect(embedding.api).toBe(gateway.url);
    expect(embedding.message).toBe('Tjänsten är inte inställd för den här webbsidan.');
    expect(browser.sent).toEqual(['/api/v1/exempelstad', '/api/v1/embedding?kommun=exempelstad']);
  });

  it('says the kommun is unknown when the check knows no such id', async () => {
    gateway.handler = (request) => (isCheck(request) ? ok(answerFor({ kommun: 'okand', known: false, name: null, configKey: null })) : undefined);
    const browser = refusingBrowser();
    const client = createClient({ api: gateway.url, kommun: 'okand', fetch: browser.fetch, retry: fast });
    await expect(client.getKommun()).rejects.toMatchObject({ name: 'EmbeddingError', problem: 'unknown-kommun' });
    expect(browser.sent).toHaveLength(2);
  });

  it('asks the check once for a page\'s many calls, the service modules\' too, and each call fails once', async () => {
    let checks = 0;
    gateway.handler = (request) => {
      if (!isCheck(request)) return undefined;
      checks++;
      return ok(answerFor({}));
    };
    const browser = refusingBrowser();
    const client = createClient({ api: gateway.url, kommun, fetch: browser.fetch, retry: fast });
    const results = await Promise.allSettled([client.getKommun(), client.auth.refresh(), felanmalanFor(client).services()]);
    expect(results.map((result) => (result.status === 'rejected' ? (result.reason as Error).name : 'fulfilled'))).toEqual(['EmbeddingError', 'EmbeddingError', 'EmbeddingError']);
    // A later call learns it from the same answer.
    await expect(client.getKommun()).rejects.toBeInstanceOf(EmbeddingError);
    expect(checks).toBe(1);
    expect(browser.sent.filter((sent) => !sent.startsWith('/api/v1/embedding'))).toHaveLength(4);
  });

  it('retries as before when the check says all is in order (the failure was the network\'s)', async () => {
    gateway.handler = (request) => (isCheck(request) ? ok(answerFor({ originAllowed: true })) : undefined);
    const browser = refusingBrowser();
    const client = createClient({ api: gateway.url, kommun, fetch: browser.fetch, retry: fast });
    await expect(client.getKommun()).rejects.toBeInstanceOf(NetworkError);
    expect(browser.sent.filter((sent) => sent === '/api/v1/exempelstad')).toHaveLength(3);
    expect(browser.sent.filter((sent) => sent.startsWith('/api/v1/embedding'))).toHaveLength(1);
  });

  it('retries as before when what answers is not the check (an older gateway took it for a kommun\'s path)', async () => {
    gateway.handler = (request) => (isCheck(request) ? ok({ id: 'embedding', name: 'Embedding', theme: {}, services: [] }) : undefined);
    const browser = refusingBrowser();
    const client = createClient({ api: gateway.url, kommun: 'aldre', fetch: browser.fetch, retry: fast });
    await expect(client.getKommun()).rejects.toBeInstanceOf(NetworkError);
    expect(browser.sent.filter((sent) => sent === '/api/v1/aldre')).toHaveLength(3);
  });

  it('retries as before when the check gets no answer either, and asks again on a later call', async () => {
    const browser = refusingBrowser();
    const failing: typeof fetch = (input, init) => (new URL(input instanceof Request ? input.url : input).pathname === '/api/v1/embedding' ? Promise.reject(new TypeError('Failed to fetch')) : browser.fetch(input, init));
    const client = createClient({ api: gateway.url, kommun: 'utan-svar', fetch: failing, retry: fast });
    await expect(client.getKommun()).rejects.toBeInstanceOf(NetworkError);
    expect(browser.sent).toHaveLength(3);
    gateway.handler = (request) => (isCheck(request) ? ok(answerFor({ kommun: 'utan-svar' })) : undefined);
    const answering = createClient({ api: gateway.url, kommun: 'utan-svar', fetch: browser.fetch, retry: fast });
    await expect(answering.getKommun()).rejects.toBeInstanceOf(EmbeddingError);
  });
});

describe('retries only what can succeed on a retry', () => {
  const answer = (status: number): Answer => problem(status, status === 408 ? problemTypes.requestTimeout : problemTypes.validation, 'Fel');

  it.each([400, 401, 403, 404, 409, 413, 422, 500])('does not retry a %i', async (status) => {
    const client = createClient({ api: gateway.url, kommun, fetch, retry: fast });
    gateway.handler = () => answer(status);
    await expect(client.getKommun()).rejects.toMatchObject({ name: 'ApiError', status });
    expect(gateway.requests).toHaveLength(1);
  });

  it('retries a 408 (the request timed out on its way) as it does a 429 or a 503', async () => {
    const client = createClient({ api: gateway.url, kommun, fetch, retry: fast });
    gateway.queue(answer(408), answer(408));
    gateway.handler = () => ok({ id: kommun, name: 'Exempelstads kommun', theme: {}, services: [] });
    await expect(client.getKommun()).resolves.toMatchObject({ id: kommun });
    expect(gateway.requests).toHaveLength(3);
  });
});
