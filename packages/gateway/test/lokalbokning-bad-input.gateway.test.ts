import { problemMediaType } from '@kommunkit/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCases, type Case } from './support/bad-input-cases.js';
import { pages, startGateway, type TestGateway } from './support/gateway.js';
import { lokalbokningFixtures, loggedIn, persons, resetLokalbokning, withLokalbokning } from './support/lokalbokning.js';
import { RawClient, type RawResponse } from './support/raw-http.js';

/**
 * Lokalbokning's routes through the bad-input generator (support/bad-input-cases.ts), on their
 * own: every generated hostile value gets a 4xx problem+json or a success, never a 5xx, and
 * every valid base request succeeds. (The whole-gateway run is bad-input.gateway.test.ts.)
 */
let gateway: TestGateway;
let client: RawClient;
beforeAll(async () => {
  gateway = await startGateway({ anonymousWritesPerMinute: 10_000_000, configure: withLokalbokning });
  await resetLokalbokning(gateway.db);
  client = RawClient.for(gateway.url);
}, 60_000);
afterAll(async () => {
  client.close();
  await gateway.close();
});

function judge(kase: Case, response: RawResponse): string | undefined {
  if (response.status === 0) return `no answer (${response.error ?? '?'})`;
  if (response.status >= 500) return `status ${String(response.status)}`;
  if (response.status < 400 || kase.request.method === 'HEAD') return undefined;
  if (!(response.headers['content-type'] ?? '').includes(problemMediaType)) return `${String(response.status)} not problem+json`;
  const body = JSON.parse(response.body.toString('utf8')) as { status?: unknown };
  return body.status === response.status ? undefined : 'problem with another status';
}

describe('lokalbokning under bad input', () => {
  it('no generated bad value gives a 5xx or an error outside problem+json; every base succeeds', { timeout: 240_000 }, async () => {
    const citizen = await loggedIn(gateway.url, persons.anna);
    const session = citizen.cookie('kk_session')!;
    const lokalbokning = await lokalbokningFixtures(gateway.url, session);
    const fixtures = { session, logoutSession: session, reference: 'x', freshReference: () => 'x', mediaId: 'x', caseWorkerKey: 'x', ownReference: 'x', freshOwnReference: () => 'x', apiKeyId: 'x', lokalbokning };
    const { cases, missingBases } = generateCases(fixtures);
    expect(missingBases.filter((item) => !/Report|ApiKey|Draft|logout/.test(item))).toEqual([]);
    const own = cases.filter((kase) => kase.route.includes('/lokalbokning/'));
    expect(new Set(own.map((kase) => kase.route)).size).toBe(17);
    const failures: string[] = [];
    const bases: string[] = [];
    const queue = [...own];
    const worker = async () => {
      for (let kase = queue.shift(); kase; kase = queue.shift()) {
        const response = await client.request(kase.request, 5000);
        if (kase.slot === 'base' && (response.status < 200 || response.status >= 300)) bases.push(`${kase.route}: ${String(response.status)} ${response.body.toString('utf8').slice(0, 200)}`);
        const kind = judge(kase, response);
        if (kind && failures.length < 50) failures.push(`${kase.route} | ${kase.slot} | ${kase.label}: ${kind} ${response.body.toString('utf8').slice(0, 160)}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    console.log(`lokalbokning bad input: ${String(own.length)} cases`);
    expect(bases).toEqual([]);
    expect(failures).toEqual([]);
    expect(pages.exempelstad).toBeTruthy();
  });
});
