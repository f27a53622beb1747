import { embeddingRoutes, problemMediaType, problemTypes, type EmbeddingCheck, type Problem } from '@kommunkit/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config/load.js';
import { pages, startGateway, testConfig, type TestGateway } from './support/gateway.js';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());

const check = (query: string, headers: Record<string, string> = {}) => fetch(`${gateway.url}${embeddingRoutes.checkEmbedding.url}?${query}`, { headers });
const answer = async (response: Response): Promise<EmbeddingCheck> => {
  expect(response.status).toBe(200);
  return (await response.json()) as EmbeddingCheck;
};

describe('the embedding check: may this page embed this kommun, and where is that set', () => {
  it('says yes for a page on the kommun\'s list, from the Origin header, with the kommun\'s name and config key', async () => {
    const response = await check('kommun=exempelstad', { origin: pages.exempelstad });
    expect(await answer(response)).toEqual({
      kommun: 'exempelstad',
      known: true,
      name: 'Exempelstads kommun',
      origin: pages.exempelstad,
      originAllowed: true,
      configKey: 'kommuner[0].origins',
    });
  });

  it('says no for a page that is not on the list, naming the origin and where to add it', async () => {
    expect(await answer(await check('kommun=exempelstad', { origin: 'http://127.0.0.1:8303' }))).toEqual({
      kommun: 'exempelstad',
      known: true,
      name: 'Exempelstads kommun',
      origin: 'http://127.0.0.1:8303',
      originAllowed: false,
      configKey: 'kommuner[0].origins',
    });
    // Another kommun's page is not this kommun's; its key points at its own entry.
    expect(await answer(await check('kommun=grannby', { origin: pages.exempelstad }))).toMatchObject({ originAllowed: false, configKey: 'kommuner[1].origins', name: 'Grannby kommun' });
  });

  it('checks the `origin` an editor typed instead of the page asking', async () => {
    const allowed = await answer(await check(`kommun=exempelstad&origin=${encodeURIComponent(pages.exempelstad)}`, { origin: 'http://evil.test' }));
    expect(allowed).toMatchObject({ origin: pages.exempelstad, originAllowed: true });
    const other = await answer(await check(`kommun=exempelstad&origin=${encodeURIComponent('https://www.exempelstad.se')}`, { origin: pages.exempelstad }));
    expect(other).toMatchObject({ origin: 'https://www.exempelstad.se', originAllowed: false, configKey: 'kommuner[0].origins' });
  });

  it('answers an unknown kommun id as unknown, not as an error', async () => {
    expect(await answer(await check('kommun=okand-kommun', { origin: pages.exempelstad }))).toEqual({
      kommun: 'okand-kommun',
      known: false,
      name: null,
      origin: pages.exempelstad,
      originAllowed: false,
      configKey: null,
    });
    // The reserved segment itself names no kommun either.
    expect(await answer(await check('kommun=embedding'))).toMatchObject({ known: false });
  });

  it('has no origin to check without an Origin header, or with an opaque one', async () => {
    expect(await answer(await check('kommun=exempelstad'))).toMatchObject({ known: true, origin: null, originAllowed: false });
    expect(await answer(await check('kommun=exempelstad', { origin: 'null' }))).toMatchObject({ origin: null, originAllowed: false });
  });

  it('is readable by any page without credentials, and never cached', async () => {
    for (const origin of [pages.exempelstad, 'http://evil.test']) {
      const response = await check('kommun=exempelstad', { origin });
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('vary')).toMatch(/\borigin\b/i);
    }
  });

  it.each([
    ['an origin with a path', `kommun=exempelstad&origin=${encodeURIComponent(`${pages.exempelstad}/e-tjanster`)}`, '/querystring/origin'],
    ['an origin with a trailing slash', `kommun=exempelstad&origin=${encodeURIComponent(`${pages.exempelstad}/`)}`, '/querystring/origin'],
    ['an origin in upper case', `kommun=exempelstad&origin=${encodeURIComponent('HTTPS://WWW.EXEMPELSTAD.SE')}`, '/querystring/origin'],
    ['a script URL', `kommun=exempelstad&origin=${encodeURIComponent('javascript:alert(1)')}`, '/querystring/origin'],
    ['an ftp origin', `kommun=exempelstad&origin=${encodeURIComponent('ftp://www.exempelstad.se')}`, '/querystring/origin'],
    ['an origin with a control character', `kommun=exempelstad&origin=${encodeURIComponent('https://www.exempelstad.se\u0007')}`, '/querystring/origin'],
    ['an over-long origin', `kommun=exempelstad&origin=${encodeURIComponent(`https://${'a'.repeat(2100)}.se`)}`, '/querystring/origin'],
    ['no kommun', `origin=${encodeURIComponent(pages.exempelstad)}`, '/querystring/kommun'],
    ['an empty kommun', 'kommun=', '/querystring/kommun'],
    ['markup as the kommun', `kommun=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`, '/querystring/kommun'],
    ['a kommun id in upper case', 'kommun=Exempelstad', '/querystring/kommun'],
    ['an over-long kommun id', `kommun=${'a'.repeat(65)}`, '/querystring/kommun'],
    ['a kommun with NUL', 'kommun=exempel%00stad', '/querystring/kommun'],
    ['the kommun twice', 'kommun=exempelstad&kommun=grannby', '/querystring/kommun'],
    ['an unknown parameter', 'kommun=exempelstad&list=all', '/querystring/list'],
  ])('refuses %s with 400 problem+json naming the parameter, still readable cross-origin', async (_, query, pointer) => {
    const response = await check(query, { origin: 'http://evil.test' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain(problemMediaType);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const problem = (await response.json()) as Problem;
    expect(problem.type).toBe(problemTypes.validation);
    expect(problem.errors?.map((error) => error.pointer)).toContain(pointer);
  });

  it('is a GET only, and `embedding` is no kommun id in a kommun\'s path', async () => {
    const post = await fetch(`${gateway.url}/api/v1/embedding?kommun=exempelstad`, { method: 'DELETE' });
    expect(post.status).toBe(405);
    const below = await fetch(`${gateway.url}/api/v1/embedding/auth/me`);
    expect(below.status).toBe(400);
    expect(((await below.json()) as Problem).errors?.map((error) => error.pointer)).toEqual(['/params/kommun']);
  });

  it('no kommun may be configured as `embedding`', () => {
    const config = testConfig('http://127.0.0.1:1');
    const raw = { publicUrl: config.publicUrl, kommuner: [{ ...config.kommuner[0]!, id: 'embedding' }] };
    expect(() => resolveConfig(raw)).toThrow(/kommuner\[0\]\.id/);
  });
});

describe('the 404 for an unknown kommun is readable by the page that asked', () => {
  it('carries a CORS grant for any origin, so the widget can say the kommun is unknown', async () => {
    for (const path of ['/api/v1/okand-kommun', '/api/v1/okand-kommun/auth/me']) {
      const response = await fetch(`${gateway.url}${path}`, { headers: { origin: 'http://127.0.0.1:8303' } });
      expect(response.status).toBe(404);
      expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:8303');
      // The widget's calls carry credentials; the answer holds nothing but the 404.
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
      expect(((await response.json()) as Problem).type).toBe(problemTypes.unknownKommun);
    }
  });

  it('still gives a known kommun\'s answers only to its own pages', async () => {
    const response = await fetch(`${gateway.url}/api/v1/exempelstad`, { headers: { origin: 'http://127.0.0.1:8303' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('a kommun reached on a hostname of its own', () => {
  let bound: TestGateway;
  beforeAll(async () => {
    // The test gateway listens on 127.0.0.1: make that grannby's own hostname.
    bound = await startGateway({ configure: (config) => void (config.kommunById.get('grannby')!.hostnames = ['127.0.0.1']) });
  });
  afterAll(() => bound.close());

  it('knows only that kommun there, as its API paths do', async () => {
    const ask = (kommun: string) => fetch(`${bound.url}${embeddingRoutes.checkEmbedding.url}?kommun=${kommun}`, { headers: { origin: pages.exempelstad } });
    expect(await answer(await ask('exempelstad'))).toMatchObject({ known: false, configKey: null });
    expect((await fetch(`${bound.url}/api/v1/exempelstad`)).status).toBe(404);
    expect(await answer(await ask('grannby'))).toMatchObject({ known: true, originAllowed: false, configKey: 'kommuner[1].origins' });
  });
});
