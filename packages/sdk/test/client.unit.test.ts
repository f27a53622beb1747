import type { KommunInfo } from '@kommunkit/contract';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, getClient, sdkVersion } from '../src/index.js';
import { ok, startFakeGateway, type FakeGateway } from './support/fake-gateway.js';

describe('getClient', () => {
  it('shares one client per gateway and kommun', () => {
    const a = getClient({ api: 'https://e-tjanster.exempelstad.se', kommun: 'exempelstad' });
    expect(getClient({ api: 'https://e-tjanster.exempelstad.se/', kommun: 'exempelstad' })).toBe(a);
    expect(getClient({ api: 'https://e-tjanster.exempelstad.se', kommun: 'grannby' })).not.toBe(a);
    expect(getClient({ api: 'http://localhost:8080', kommun: 'exempelstad' })).not.toBe(a);
    expect(a.auth).toBe(getClient({ api: 'https://e-tjanster.exempelstad.se', kommun: 'exempelstad' }).auth);
    expect(createClient({ api: 'https://e-tjanster.exempelstad.se', kommun: 'exempelstad' })).not.toBe(a);
  });

  it('keeps the base URL without a trailing slash, and requires a kommun', () => {
    expect(createClient({ api: 'https://gw.example//', kommun: 'exempelstad' }).api).toBe('https://gw.example');
    expect(() => createClient({ api: 'https://gw.example', kommun: '' })).toThrow(TypeError);
  });
});

describe('getKommun', () => {
  let gateway: FakeGateway;
  beforeEach(async () => {
    gateway = await startFakeGateway();
  });
  afterEach(() => gateway.close());

  it('returns the kommun info, looking up the global fetch when none is given', async () => {
    const info: KommunInfo = { id: 'exempelstad', name: 'Exempelstads kommun', theme: { 'color-primary': '#005a9c' }, services: ['felanmalan', 'fakturor'] };
    gateway.queue(ok(info));
    const client = createClient({ api: gateway.url, kommun: 'exempelstad' });
    await expect(client.getKommun()).resolves.toEqual(info);
  });

  it('asks the gateway once per client, for every caller at once and later', async () => {
    const info: KommunInfo = { id: 'exempelstad', name: 'Exempelstads kommun', theme: {}, services: ['felanmalan'] };
    gateway.queue(ok(info), ok(info));
    const client = createClient({ api: gateway.url, kommun: 'exempelstad' });
    const [a, b] = await Promise.all([client.getKommun(), client.getKommun()]);
    expect(a).toEqual(info);
    expect(b).toBe(a);
    await expect(client.getKommun()).resolves.toBe(a);
    expect(gateway.requests).toHaveLength(1);
    // Another client (another kommun or gateway) asks for itself.
    await createClient({ api: gateway.url, kommun: 'exempelstad' }).getKommun();
    expect(gateway.requests).toHaveLength(2);
  });

  it('does not keep a failure: the next call asks again', async () => {
    const info: KommunInfo = { id: 'exempelstad', name: 'Exempelstads kommun', theme: {}, services: [] };
    gateway.queue({ status: 500, json: {} }, ok(info));
    const client = createClient({ api: gateway.url, kommun: 'exempelstad', retry: false });
    await expect(client.getKommun()).rejects.toMatchObject({ status: 500 });
    await expect(client.getKommun()).resolves.toEqual(info);
    expect(gateway.requests).toHaveLength(2);
  });

  it('lets one caller stop waiting without cancelling the shared request', async () => {
    const info: KommunInfo = { id: 'exempelstad', name: 'Exempelstads kommun', theme: {}, services: [] };
    let release = (): void => undefined;
    gateway.queue({ ...ok(info), after: new Promise<void>((resolve) => (release = resolve)) });
    const client = createClient({ api: gateway.url, kommun: 'exempelstad' });
    const controller = new AbortController();
    const aborted = client.getKommun({ signal: controller.signal }).catch((caught: unknown) => caught);
    const other = client.getKommun();
    controller.abort();
    expect(await aborted).toMatchObject({ name: 'AbortError' });
    release();
    await expect(other).resolves.toEqual(info);
    const already = new AbortController();
    already.abort();
    await expect(client.getKommun({ signal: already.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(gateway.requests).toHaveLength(1);
  });

  it('encodes path parameters', async () => {
    gateway.queue(ok({}));
    await createClient({ api: gateway.url, kommun: 'a/b c' }).getKommun();
    expect(gateway.requests[0]?.url).toBe('/api/v1/a%2Fb%20c');
  });
});

describe('version', () => {
  it('names the package version in the client header', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(sdkVersion).toBe(pkg.version);
  });
});
