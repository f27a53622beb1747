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
