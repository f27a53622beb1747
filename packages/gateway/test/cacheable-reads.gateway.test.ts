import type { KommunInfo, Lokal, LokalerPage, Open311Service, Open311ServiceDefinition, UnitsPage } from '@kommunkit/contract';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../src/config/load.js';
import { BodyCache, jsonBody, noneMatchHit } from '../src/http/cached-body.js';
import { serviceSettings } from '../src/http/guards.js';
import { toDefinition, toService } from '../src/services/felanmalan/mapping.js';
import { unitsFile, withBarnomsorg } from './support/barnomsorg.js';
import { pages, startGateway, type TestGateway } from './support/gateway.js';
import { lokalerFile, withLokalbokning } from './support/lokalbokning.js';

/**
 * Public reads that depend on configuration alone, sent as bytes made once per config: an
 * ETag and Cache-Control on each, 304 for a matching If-None-Match, a validator per locale and
 * per config, and every check of the request (jurisdiction, query) still made first.
 */

const dir = mkdtempSync(join(tmpdir(), 'kk-cacheable-'));
const withAll = (config: ResolvedConfig) => {
  withLokalbokning(config);
  withBarnomsorg()(config);
};

/** A second config that differs in one thing per read: a category, the name, a lokal, a unit. */
function changed(config: ResolvedConfig): void {
  withAll(config);
  const kommun = config.kommunById.get('exempelstad')!;
  kommun.name = 'Exempelstads kommun (ny)';
  const felanmalan = serviceSettings(kommun, 'felanmalan')!;
  const current = felanmalan.categories.find((category) => category.code === 'gatubelysning')!;
  const lamp = { ...current, attributes: current.attributes!.map((attribute, index) => (index === 0 ? { ...attribute, description: 'En ny fråga?' } : attribute)) };
  felanmalan.categories = [...felanmalan.categories.map((category) => (category.code === lamp.code ? lamp : category)), { ...lamp, code: 'parkbelysning', name: 'Parkbelysning' }];
  const lokaler = (JSON.parse(readFileSync(lokalerFile, 'utf8')) as { lokaler: { id: string; summary: string }[] }).lokaler;
  lokaler[0]!.summary = 'Nyrenoverad.';
  writeFileSync(join(dir, 'lokaler.json'), JSON.stringify({ lokaler }));
  kommun.services.lokalbokning!.lokalerFile = join(dir, 'lokaler.json');
  const units = (JSON.parse(readFileSync(unitsFile, 'utf8')) as { units: unknown[] }).units;
  writeFileSync(join(dir, 'units.json'), JSON.stringify({ units: units.slice(1) }));
  kommun.services.barnomsorg!.unitsFile = join(dir, 'units.json');
}

let gateway: TestGateway;
let other: TestGateway;
beforeAll(async () => {
  gateway = await startGateway({ configure: withAll });
  other = await startGateway({ configure: changed });
}, 60_000);
afterAll(async () => {
  await gateway.close();
  await other.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (base: TestGateway, path: string, headers: Record<string, string> = {}) => fetch(`${base.url}${path}`, { headers });
/** `expect.objectContaining`, typed as the value it stands for. */
const containing = (shape: Record<string, unknown>): unknown => expect.objectContaining(shape) as unknown;
const varyOf = (response: Response) => (response.headers.get('vary') ?? '').split(',').map((name) => name.trim().toLowerCase());

const settings = () => serviceSettings(gateway.config.kommunById.get('exempelstad')!, 'felanmalan')!;
const lamp = () => settings().categories.find((category) => category.code === 'gatubelysning')!;
const firstLokal = () => (JSON.parse(readFileSync(lokalerFile, 'utf8')) as { lokaler: { id: string; name: string; capacity: number }[] }).lokaler[0]!;

interface Read {
  name: string;
  path: string;
  /** What the answer was before it was cached: the mapping of the config, or the same list through the uncached path. */
  expected: (language: string) => Promise<unknown>;
  /** The answer depends on Accept-Language. */
  localized: boolean;
  /** A bad request to the same read, and what it must still answer. */
  bad: { path: string; status: number; body: unknown };
}

const reads: Read[] = [
  {
    name: 'kommun info',
    path: '/api/v1/exempelstad',
    expected: () => Promise.resolve({ id: 'exempelstad', name: 'Exempelstads kommun', theme: { 'color-primary': '#00594c' }, services: ['felanmalan', 'lokalbokning', 'barnomsorg'] }),
    localized: true,
    bad: { path: '/api/v1/ingenstans', status: 404, body: containing({ status: 404, detail: 'Ingen kommun med id "ingenstans" finns i tjänsten.' }) },
  },
  {
    name: 'Open311 services (JSON)',
    path: '/open311/v2/services.json?jurisdiction_id=exempelstad',
    expected: (language) => Promise.resolve(JSON.parse(JSON.stringify(settings().categories.map((category) => toService(category, language === 'en' ? 'en' : 'sv'))))),
    localized: true,
    bad: { path: '/open311/v2/services.json?jurisdiction_id=ingenstans', status: 404, body: [{ code: 404, description: 'Ingen kommun med felanmälan har id "ingenstans".', field: 'jurisdiction_id' }] },
  },
  {
    name: 'Open311 service definition',
    path: '/open311/v2/services/gatubelysning.json?jurisdiction_id=exempelstad',
    expected: (language) => Promise.resolve(JSON.parse(JSON.stringify(toDefinition(lamp(), language === 'en' ? 'en' : 'sv')))),
    localized: true,
    bad: { path: '/open311/v2/services/finns-inte.json?jurisdiction_id=exempelstad', status: 404, body: [{ code: 404, description: 'Kategorin "finns-inte" finns inte.', field: 'service_code' }] },
  },
  {
    name: 'lokaler list',
    path: '/api/v1/exempelstad/lokalbokning/lokaler',
    // `q=` filters nothing but takes the uncached path: the answer as it was made before.
    expected: async () => (await get(gateway, '/api/v1/exempelstad/lokalbokning/lokaler?q=')).json(),
    localized: false,
    bad: { path: '/api/v1/exempelstad/lokalbokning/lokaler?facts=trappor', status: 400, body: containing({ errors: [containing({ pointer: '/querystring/facts' })] }) },
  },
  {
    name: 'lokal detail',
    path: `/api/v1/exempelstad/lokalbokning/lokaler/${firstLokal().id}`,
    expected: async () => {
      const summary = ((await (await get(gateway, '/api/v1/exempelstad/lokalbokning/lokaler?q=')).json()) as LokalerPage).items.find((item) => item.id === firstLokal().id)!;
      return containing({ ...summary, timeZone: 'Europe/Stockholm', description: expect.any(String) as unknown, rules: expect.any(Object) as unknown });
    },
    localized: false,
    bad: { path: '/api/v1/exempelstad/lokalbokning/lokaler/finns-inte', status: 404, body: containing({ detail: 'Det finns ingen lokal med id finns-inte.' }) },
  },
  {
    name: 'units',
    path: '/api/v1/exempelstad/barnomsorg/units',
    expected: async () => (await get(gateway, '/api/v1/exempelstad/barnomsorg/units?q=')).json(),
    localized: false,
    bad: { path: '/api/v1/exempelstad/barnomsorg/units?pageSize=0', status: 400, body: containing({ errors: [containing({ pointer: '/querystring/pageSize' })] }) },
  },
];

describe.each(reads)('$name', ({ path, expected, localized, bad }) => {
  it('is sent with a strong ETag and Cache-Control a CDN can use, the same answer as before', async () => {
    const response = await get(gateway, path, { 'accept-language': 'sv' });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual(await expected('sv'));
    // CORS varies by Origin on every answer, so a CDN never hands one site's CORS answer to another.
    expect(varyOf(response)).toContain('origin');
  });

  it('answers 304 without a body to a matching If-None-Match, weak, in a list, or *', async () => {
    const etag = (await get(gateway, path)).headers.get('etag')!;
    for (const condition of [etag, `W/${etag}`, `"something-else", ${etag}`, '*']) {
      const response = await get(gateway, path, { 'if-none-match': condition });
      expect(response.status, condition).toBe(304);
      expect(response.headers.get('etag')).toBe(etag);
      expect(response.headers.get('cache-control')).toBe('public, max-age=300');
      expect(await response.text()).toBe('');
    }
    const stale = await get(gateway, path, { 'if-none-match': '"an-older-version"' });
    expect(stale.status).toBe(200);
    expect(await stale.json()).toEqual(await expected('sv'));
  });

  it('keeps the security headers on 200 and 304', async () => {
    const etag = (await get(gateway, path)).headers.get('etag')!;
    for (const response of [await get(gateway, path), await get(gateway, path, { 'if-none-match': etag })]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });

  it.runIf(localized)('has another ETag in another language, and says it varies by language', async () => {
    const sv = await get(gateway, path, { 'accept-language': 'sv' });
    const en = await get(gateway, path, { 'accept-language': 'en' });
    expect(en.headers.get('etag')).not.toBe(sv.headers.get('etag'));
    expect(en.headers.get('content-language')).toBe('en');
    expect(varyOf(en)).toEqual(expect.arrayContaining(['accept-language', 'origin']));
    expect(await en.json()).toEqual(await expected('en'));
    // The Swedish validator does not revalidate the English answer.
    expect((await get(gateway, path, { 'accept-language': 'en', 'if-none-match': sv.headers.get('etag')! })).status).toBe(200);
  });

  it('has another ETag under another config', async () => {
    const mine = (await get(gateway, path)).headers.get('etag');
    const theirs = await get(other, path);
    expect(theirs.status).toBe(200);
    expect(theirs.headers.get('etag')).not.toBe(mine);
    expect((await get(other, path, { 'if-none-match': mine! })).status).toBe(200);
  });

  it('still checks the request first', async () => {
    const response = await get(gateway, bad.path, { 'if-none-match': '*' });
    expect(response.status).toBe(bad.status);
    expect(response.headers.get('etag')).toBeNull();
    expect(await response.json()).toEqual(bad.body);
  });
});

describe('what is cached and what is not', () => {
  it('gives a kommun page its CORS answer with credentials, and any other site the public one, on the same bytes', async () => {
    const path = '/open311/v2/services.json?jurisdiction_id=exempelstad';
    const own = await get(gateway, path, { origin: pages.exempelstad });
    const elsewhere = await get(gateway, path, { origin: 'https://elsewhere.example' });
    expect(own.headers.get('access-control-allow-origin')).toBe(pages.exempelstad);
    expect(own.headers.get('access-control-allow-credentials')).toBe('true');
    expect(elsewhere.headers.get('access-control-allow-origin')).toBe('*');
    expect(own.headers.get('etag')).toBe(elsewhere.headers.get('etag'));
    expect(varyOf(own)).toContain('origin');
    expect(varyOf(elsewhere)).toContain('origin');
  });

  it('serves XML with its own ETag', async () => {
    const json = await get(gateway, '/open311/v2/services.json?jurisdiction_id=exempelstad');
    const xml = await get(gateway, '/open311/v2/services.xml?jurisdiction_id=exempelstad');
    expect(xml.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(await xml.text()).toContain('<service_code>gatubelysning</service_code>');
    expect(xml.headers.get('etag')).not.toBe(json.headers.get('etag'));
    expect((await get(gateway, '/open311/v2/services.xml?jurisdiction_id=exempelstad', { 'if-none-match': xml.headers.get('etag')! })).status).toBe(304);
  });

  it('caches each page of a list on its own, and filtered lists not at all', async () => {
    const all = (await (await get(gateway, '/api/v1/exempelstad/lokalbokning/lokaler')).json()) as LokalerPage;
    const second = await get(gateway, '/api/v1/exempelstad/lokalbokning/lokaler?pageSize=2&page=2');
    expect(second.headers.get('etag')).toMatch(/^"/);
    expect(((await second.json()) as LokalerPage).items).toEqual(all.items.slice(2, 4));
    const filtered = await get(gateway, `/api/v1/exempelstad/lokalbokning/lokaler?minCapacity=${String(firstLokal().capacity)}`);
    expect(filtered.status).toBe(200);
    expect(filtered.headers.get('etag')).toBeNull();
    expect(filtered.headers.get('cache-control')).toBe('no-store');
    const units = await get(gateway, '/api/v1/exempelstad/barnomsorg/units?type=fritidshem');
    expect(units.headers.get('etag')).toBeNull();
    expect(((await units.json()) as UnitsPage).items.every((unit) => unit.type === 'fritidshem')).toBe(true);
    // A page past the end is answered, not kept.
    const beyond = await get(gateway, '/api/v1/exempelstad/barnomsorg/units?page=999');
    expect(beyond.headers.get('etag')).toBeNull();
    expect(((await beyond.json()) as UnitsPage).items).toEqual([]);
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await fetch(`${gateway.url}/api/v1/exempelstad`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toMatch(/^"/);
    expect(await response.text()).toBe('');
  });

  it('shows the new config in the other gateway', async () => {
    expect(((await (await get(other, '/api/v1/exempelstad')).json()) as KommunInfo).name).toBe('Exempelstads kommun (ny)');
    expect(((await (await get(other, '/open311/v2/services.json?jurisdiction_id=exempelstad')).json()) as Open311Service[]).map((service) => service.service_code)).toContain('parkbelysning');
    expect(((await (await get(other, `/api/v1/exempelstad/lokalbokning/lokaler/${firstLokal().id}`)).json()) as Lokal).summary).toBe('Nyrenoverad.');
    const definition = (await (await get(other, '/open311/v2/services/parkbelysning.json?jurisdiction_id=exempelstad')).json()) as Open311ServiceDefinition;
    expect(definition.service_code).toBe('parkbelysning');
  });
});

describe('If-None-Match (RFC 9110 §13.1.2)', () => {
  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", W/"abc" ,"y"', true],
    ['*', true],
    [' * ', true],
    ['"abcd"', false],
    ['abc', false],
    ['"ab"c"', false],
    ['', false],
  ])('%j matches "abc": %s', (header, hit) => {
    expect(noneMatchHit(header, '"abc"')).toBe(hit);
  });

  it('matches nothing when absent', () => {
    expect(noneMatchHit(undefined, '"abc"')).toBe(false);
  });
});

describe('BodyCache', () => {
  it('makes a body once per source object and variant, and again for a new object', () => {
    const cache = new BodyCache<object>();
    let made = 0;
    const make = () => jsonBody(JSON.stringify({ made: ++made }));
    const config = {};
    const first = cache.get(config, 'sv', make);
    expect(cache.get(config, 'sv', make)).toBe(first);
    expect(cache.get(config, 'en', make)).not.toBe(first);
    expect(cache.get({}, 'sv', make).bytes.toString()).toBe('{"made":3}');
    expect(made).toBe(3);
  });

  it('keeps at most its number of variants per object, and makes the rest per request', () => {
    const cache = new BodyCache<object>(2);
    let made = 0;
    const make = () => jsonBody(String(++made));
    const config = {};
    cache.get(config, 'a', make);
    cache.get(config, 'b', make);
    cache.get(config, 'c', make);
    cache.get(config, 'c', make);
    cache.get(config, 'a', make);
    expect(made).toBe(4);
  });

  it('shares a body being made, and makes one that failed again', async () => {
    const cache = new BodyCache<object>();
    const config = {};
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(new Error('not now'));
    };
    await expect(cache.get(config, 'x', failing)).rejects.toThrow('not now');
    const later = () => {
      calls++;
      return Promise.resolve(jsonBody('[]'));
    };
    const [one, two] = await Promise.all([cache.get(config, 'x', later), cache.get(config, 'x', later)]);
    expect(one).toBe(two);
    expect(calls).toBe(2);
    expect(one.etag).toBe(jsonBody('[]').etag);
  });
});
