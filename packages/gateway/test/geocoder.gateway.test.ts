import { metresBetween, problemMediaType, type AddressList, type NearestAddress, type Open311RequestCreated, type Open311ServiceRequest, type Problem } from '@kommunkit/contract';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config/load.js';
import { serviceSettings } from '../src/http/guards.js';
import { geocodersOf } from '../src/services/felanmalan/geocoder.js';
import { startGateway, testConfig, type TestGateway } from './support/gateway.js';
import { form, fromKommunPage, validReport } from './support/open311.js';

/**
 * The geocoder over real HTTP: Exempelstad's seeded address list (the demo's), read relative to
 * the config's directory; Grannby has none.
 */

const configDir = fileURLToPath(new URL('../config/', import.meta.url));
const { addresses } = JSON.parse(readFileSync(join(configDir, 'exempelstad-adresser.json'), 'utf8')) as { addresses: { label: string; lat: number; long: number }[] };
const storgatan12 = addresses.find((address) => address.label === 'Storgatan 12')!;
/** Stockholm: far from every address of Exempelstad. */
const farAway = { lat: 59.3293, long: 18.0686 };

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startGateway({
    configure: (config) => {
      config.configDir = configDir;
      serviceSettings(config.kommunById.get('exempelstad')!, 'felanmalan')!.geocoder = { adapter: 'list', file: './exempelstad-adresser.json' };
    },
  });
});
afterAll(() => gateway.close());
beforeEach(() => gateway.reset());

const api = (kommun: string, path: string) => fetch(`${gateway.url}/api/v1/${kommun}/felanmalan/${path}`);
const search = (q: string, kommun = 'exempelstad') => api(kommun, `addresses?q=${encodeURIComponent(q)}`);
const nearest = (lat: number | string, long: number | string) => api('exempelstad', `addresses/nearest?lat=${String(lat)}&long=${String(long)}`);

async function problemOf(response: Response, status: number): Promise<Problem> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain(problemMediaType);
  return (await response.json()) as Problem;
}

describe('searchAddresses', () => {
  it('finds addresses by the words typed, best first, cacheable', async () => {
    const response = await search('storgatan 1');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const { items } = (await response.json()) as AddressList;
    // Exact first, then those that begin with it, numbers in number order.
    expect(items.map((item) => item.label)).toEqual(['Storgatan 1', 'Storgatan 10', 'Storgatan 12', 'Storgatan 14', 'Storgatan 17']);
    expect(items[0]).toEqual(addresses.find((address) => address.label === 'Storgatan 1'));
  });

  it('ignores case, punctuation and spacing, and matches the beginnings of words', async () => {
    const exact = (await (await search('  STORGATAN,  12 ')).json()) as AddressList;
    expect(exact.items[0]).toEqual(storgatan12);
    const partial = (await (await search('drott 1')).json()) as AddressList;
    expect(partial.items.map((item) => item.label)).toEqual(['Drottninggatan 1', 'Drottninggatan 10', 'Drottninggatan 13', 'Drottninggatan 15']);
    const swedish = (await (await search('ågatan 12')).json()) as AddressList;
    expect(swedish.items.map((item) => item.label)).toEqual(['Ågatan 12']);
  });

  it('answers at most 10', async () => {
    const many = (await (await search('s')).json()) as AddressList;
    expect(many.items).toHaveLength(10);
  });

  it('answers an empty list when nothing matches', async () => {
    const response = await search('Okändvägen 99');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ items: [] });
  });

  it('refuses bad input with 400 naming q', async () => {
    for (const q of ['', '   ', 'a'.repeat(101)]) {
      const problem = await problemOf(await search(q), 400);
      expect(problem.errors?.[0]?.pointer, JSON.stringify(q)).toBe('/querystring/q');
    }
    expect((await problemOf(await api('exempelstad', 'addresses'), 400)).errors?.[0]?.pointer).toBe('/querystring/q');
    expect((await problemOf(await api('exempelstad', 'addresses?q=stor%01gatan'), 400)).errors?.[0]?.pointer).toBe('/querystring/q');
    expect((await problemOf(await api('exempelstad', 'addresses?q=stor%00'), 400)).errors?.[0]?.pointer).toBe('/querystring/q');
    expect((await problemOf(await api('exempelstad', 'addresses?q=a&q=b'), 400)).errors?.[0]?.pointer).toBe('/querystring/q');
    expect((await problemOf(await api('exempelstad', 'addresses?q=stor&extra=1'), 400)).errors?.[0]?.pointer).toBe('/querystring/extra');
    // 100 characters are fine.
    expect((await search('a'.repeat(100))).status).toBe(200);
  });

  it('is 404 for a kommun without an address register, and for an unknown kommun', async () => {
    const problem = await problemOf(await search('storgatan', 'grannby'), 404);
    expect(problem.detail).toContain('adressregister');
    await problemOf(await search('storgatan', 'ingenstans'), 404);
  });
});

describe('nearestAddress', () => {
  it('answers the nearest address within 250 m, with its distance in metres', async () => {
    // About 20 m north-east of Storgatan 12.
    const point = { lat: storgatan12.lat + 0.00015, long: storgatan12.long + 0.0001 };
    const response = await nearest(point.lat, point.long);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const body = (await response.json()) as NearestAddress;
    expect(body).toEqual({ ...storgatan12, distance: Math.round(metresBetween(point, storgatan12)) });
    expect(body.distance).toBeGreaterThan(10);
    expect(body.distance).toBeLessThan(30);
    // It is the nearest of all.
    for (const address of addresses) expect(metresBetween(point, address)).toBeGreaterThanOrEqual(body.distance - 0.5);
  });

  it('is 404 when no address is within 250 m', async () => {
    const problem = await problemOf(await nearest(farAway.lat, farAway.long), 404);
    expect(problem.detail).toContain('250 meter');
    // 300 m south of the southernmost address.
    const south = Math.min(...addresses.map((address) => address.lat));
    await problemOf(await nearest(south - 0.0027, 15.62), 404);
  });

  it('refuses positions out of range or not numbers with 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['lat=91&long=15.6', '/querystring/lat'],
      ['lat=-90.5&long=15.6', '/querystring/lat'],
      ['lat=58.4&long=181', '/querystring/long'],
      ['lat=58.4&long=-180.1', '/querystring/long'],
      ['lat=norr&long=15.6', '/querystring/lat'],
      ['lat=58.4&long=', '/querystring/long'],
      ['lat=58.4', '/querystring/long'],
      ['lat=58.4&lat=58.5&long=15.6', '/querystring/lat'],
    ];
    for (const [query, pointer] of cases) {
      const problem = await problemOf(await api('exempelstad', `addresses/nearest?${query}`), 400);
      expect(problem.errors?.map((error) => error.pointer), query).toContain(pointer);
    }
  });
});

describe('a report placed only by a pin', () => {
  const file = async (fields: Record<string, string>): Promise<Open311ServiceRequest> => {
    const response = await fetch(`${gateway.url}/open311/v2/requests.json?jurisdiction_id=exempelstad`, { method: 'POST', headers: fromKommunPage(), body: form(fields) });
    expect(response.status, await response.clone().text()).toBe(201);
    const [created] = (await response.json()) as Open311RequestCreated;
    const read = await fetch(`${gateway.url}/open311/v2/requests/${created!.service_request_id!}.json?jurisdiction_id=exempelstad`);
    expect(read.status).toBe(200);
    const [report] = (await read.json()) as Open311ServiceRequest[];
    return report!;
  };

  it('is stored with the nearest address as its place, shown to every Open311 client', async () => {
    const report = await file({ ...validReport, lat: String(storgatan12.lat + 0.0001), long: String(storgatan12.long) });
    expect(report.address).toBe('Storgatan 12');
    expect(report.lat).toBeCloseTo(storgatan12.lat + 0.0001, 6);
    const stored = await gateway.db.selectFrom('report').select(['address_string', 'lat', 'long']).executeTakeFirstOrThrow();
    expect(stored.address_string).toBe('Storgatan 12');
    // In the list too.
    const list = (await (await fetch(`${gateway.url}/open311/v2/requests.json?jurisdiction_id=exempelstad`)).json()) as Open311ServiceRequest[];
    expect(list.map((item) => item.address)).toEqual(['Storgatan 12']);
  });

  it("keeps the citizen's own words for the place", async () => {
    const report = await file({ ...validReport, address_string: 'Vid busskuren mitt emot biblioteket' });
    expect(report.address).toBe('Vid busskuren mitt emot biblioteket');
  });

  it('has no address when none is within 250 m, and its position stays', async () => {
    const report = await file({ ...validReport, lat: String(farAway.lat), long: String(farAway.long) });
    expect(report.address).toBeUndefined();
    expect(report).toMatchObject(farAway);
  });

  it('in a kommun without a register is filed with its position alone', async () => {
    const response = await fetch(`${gateway.url}/open311/v2/requests.json?jurisdiction_id=grannby`, {
      method: 'POST',
      headers: { ...fromKommunPage(), origin: 'http://www.grannby.test' },
      body: form(validReport),
    });
    expect(response.status).toBe(201);
    const stored = await gateway.db.selectFrom('report').select(['address_string', 'lat']).executeTakeFirstOrThrow();
    expect(stored).toEqual({ address_string: null, lat: 58.4109 });
  });
});

describe('the address file', () => {
  it('stops the start with one line naming the key and the file when it is missing or malformed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kk-geocoder-'));
    writeFileSync(join(dir, 'fel.json'), JSON.stringify({ addresses: [{ label: 'Storgatan 1', lat: 95, long: 15.6 }] }));
    for (const [file, expected] of [
      ['./saknas.json', /^Invalid gateway config:\n {2}kommuner\[0\]\.services\.felanmalan\.geocoder\.file: cannot read .*saknas\.json/],
      ['./fel.json', /^Invalid gateway config:\n {2}kommuner\[0\]\.services\.felanmalan\.geocoder\.file: .*fel\.json\/addresses\/0\/lat/],
    ] as const) {
      const config = testConfig('http://127.0.0.1:1');
      config.configDir = dir;
      serviceSettings(config.kommunById.get('exempelstad')!, 'felanmalan')!.geocoder = { adapter: 'list', file };
      const start = () => geocodersOf(config, (kommun) => serviceSettings(kommun, 'felanmalan'));
      expect(start).toThrow(ConfigError);
      expect(start).toThrow(expected);
    }
  });
});
