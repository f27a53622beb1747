import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildGateway } from '../src/app.js';
import type { Gateway } from '../src/types.js';
import { freePort, pages, startGateway, testConfig, type TestGateway } from './support/gateway.js';
import { form, fromKommunPage, validReport } from './support/open311.js';

const limit = 4;
let gateway: TestGateway;
/** A second instance on the same database, as behind a load balancer. */
let second: { app: Gateway; url: string };

beforeAll(async () => {
  gateway = await startGateway({ anonymousWritesPerMinute: limit });
  const port = await freePort();
  const url = `http://127.0.0.1:${String(port)}`;
  const app = await buildGateway({ config: testConfig(url, limit), db: gateway.db, logger: false });
  await app.listen({ port, host: '127.0.0.1' });
  second = { app, url };
});
afterAll(async () => {
  await second.app.close();
  await gateway.close();
});
beforeEach(() => gateway.reset());

const report = (base: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/open311/v2/requests.json?jurisdiction_id=exempelstad`, { method: 'POST', headers: { ...fromKommunPage(), ...headers }, body: form(validReport) });

describe('anonymous write limits are counted in the database', () => {
  it('hold across two instances: the limit is the sum, not twice it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < limit + 2; i += 1) statuses.push((await report(i % 2 === 0 ? gateway.url : second.url)).status);
    expect(statuses).toEqual([...Array<number>(limit).fill(201), 429, 429]);
    const limited = await report(second.url);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const errors = (await limited.json()) as { code: number }[];
    expect(errors[0]?.code).toBe(429);
  });

  it('count each route on its own', async () => {
    for (let i = 0; i < limit; i += 1) expect((await report(gateway.url)).status).toBe(201);
    const login = await fetch(`${second.url}/api/v1/exempelstad/auth/login?return=${encodeURIComponent(`${pages.exempelstad}/`)}`, { redirect: 'manual' });
    expect(login.status).toBe(302);
  });

  it('a client cannot escape them by sending its own X-Forwarded-For when no proxy is named', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < limit + 1; i += 1) statuses.push((await report(gateway.url, { 'x-forwarded-for': `203.0.113.${String(i)}` })).status);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('behind a named proxy', () => {
  let proxied: TestGateway;
  beforeAll(async () => {
    proxied = await startGateway({
      anonymousWritesPerMinute: limit,
      configure: (config) => {
        config.trustProxy = ['127.0.0.1'];
      },
    });
  });
  afterAll(() => proxied.close());

  it('counts per citizen address from X-Forwarded-For, so one citizen does not use up another\'s', async () => {
    await proxied.reset();
    for (let i = 0; i < limit; i += 1) expect((await report(proxied.url, { 'x-forwarded-for': '198.51.100.7' })).status).toBe(201);
    const limited = await report(proxied.url, { 'x-forwarded-for': '198.51.100.7' });
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { code: number }[])[0]?.code).toBe(429);
    expect((await report(proxied.url, { 'x-forwarded-for': '198.51.100.8' })).status).toBe(201);
  });
});
