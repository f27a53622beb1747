import { barnomsorgCaseWorkerRoutes, barnomsorgRoutes, problemMediaType, type Application, type Children, type Problem } from '@kommunkit/contract';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCases, type Case } from './support/bad-input-cases.js';
import { api, barnomsorgFixtures, call, caseWorker, daysAhead, familyRegister, post, read, resetBarnomsorg, sagaApplication, startWithRegister } from './support/barnomsorg.js';
import type { TestGateway } from './support/gateway.js';
import type { Browser } from './support/http.js';
import { loggedIn, persons } from './support/lokalbokning.js';
import { RawClient, type RawResponse } from './support/raw-http.js';

/**
 * Barnomsorg under bad input: the cases the issue names, each with its exact answer (400 naming
 * the field for what is malformed, 422 for what the rules refuse, nothing stored), then every
 * route through the bad-input generator (support/bad-input-cases.ts): a 4xx problem+json or a
 * success, never a 5xx, and every valid base succeeds.
 */
const family = familyRegister(12);
let gateway: TestGateway;
let anna: Browser;
let erik: Browser;
beforeAll(async () => {
  gateway = await startWithRegister(family.register, { otherGuardianMustConfirm: true }, 10_000_000);
  await gateway.reset();
  await resetBarnomsorg(gateway.db);
  anna = await loggedIn(gateway.url, persons.anna);
  erik = await loggedIn(gateway.url, persons.erik);
}, 60_000);
afterAll(() => gateway.close());

const child = () => family.children[9]!;
const application = (extra: Record<string, unknown> = {}) => ({ ...sagaApplication(), childId: child().id, ...extra });
const stored = async () => Number((await sql<{ count: string }>`select count(*) as count from barnomsorg_application`.execute(gateway.db)).rows[0]!.count);
const send = (body: unknown) => call<Problem>(anna, '/applications', post(body));
/** The raw JSON body: what a client's own serialiser might send. */
const sendRaw = async (text: string) => read<Problem>(await anna.fetch(`${api}/applications`, { ...post({}), body: text }));

describe('an application with bad input', () => {
  it('refuses NUL, control characters and lone surrogates in any text with 400 naming the field', async () => {
    for (const [field, json] of [
      ['message', '"Hej\\u0000då"'],
      ['diet', '"Glutenfri\\u0007"'],
      ['specialNeeds', '"\\u001b[31mröd"'],
      ['motherTongue', '"\\ud800"'],
    ] as const) {
      const body = JSON.stringify(application()).replace(/}$/, `,"${field}":${json}}`);
      const { status, body: problem } = await sendRaw(body);
      expect(status, field).toBe(400);
      expect(problem.errors?.map((error) => error.pointer), field).toEqual([`/body/${field}`]);
    }
    const { status, body } = await sendRaw(JSON.stringify(application()).replace(/"arbete"/, '"arb\\u0000ete"'));
    expect(status).toBe(400);
    expect(body.errors?.[0]?.pointer).toBe('/body/reason');
    expect(await stored()).toBe(0);
  });

  it('refuses unknown fields (also the guardian\'s identity: it comes from the session only)', async () => {
    for (const field of ['personnummer', 'guardianId', 'status']) {
      const { status, body } = await send(application({ [field]: 'x' }));
      expect(status, field).toBe(400);
      expect(body.errors).toEqual([{ pointer: `/body/${field}`, detail: 'Okänt fält' }]);
    }
    const nested = await send(application({ schedule: { hoursPerWeek: 40, dropOff: '07:30', pickUp: '16:00', days: 5 } }));
    expect(nested.status).toBe(400);
    expect(nested.body.errors?.[0]?.pointer).toBe('/body/schedule/days');
  });

  it('refuses too many units: more than the kommun allows is 422 naming units, more than any kommun allows 400', async () => {
    const four = await send(application({ units: ['solrosen', 'ekorren', 'lonnen', 'norrbacka'] }));
    expect(four.status).toBe(422);
    expect(four.body.errors).toEqual([{ pointer: '/body/units', detail: 'Du kan rangordna högst 3 enheter.' }]);
    const eleven = await send(application({ units: Array.from({ length: 11 }, (_, index) => `enhet-${String(index)}`) }));
    expect(eleven.status).toBe(400);
    expect(eleven.body.errors?.[0]).toEqual({ pointer: '/body/units', detail: 'Får ha högst 10' });
    const none = await send(application({ units: [] }));
    expect(none.status).toBe(400);
    expect(none.body.errors?.[0]).toEqual({ pointer: '/body/units', detail: 'Ska ha minst 1' });
  });

  it('refuses the same unit twice, a unit that does not exist and a unit of another type, naming the unit', async () => {
    const twice = await send(application({ units: ['solrosen', 'solrosen'] }));
    expect(twice.status).toBe(400);
    expect(twice.body.errors?.[0]?.pointer).toBe('/body/units');
    const otherType = await send(application({ units: ['solrosen', 'hagaskolan-fritids'] }));
    expect(otherType.status).toBe(422);
    expect(otherType.body.errors).toEqual([{ pointer: '/body/units/1', detail: 'Fritidshemmet Hagaskolan är ett fritidshem. Välj bara enheter för förskola.' }]);
    const unknown = await send(application({ units: ['finns-inte'] }));
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ pointer: '/body/units/0', detail: 'Det finns ingen enhet med id finns-inte.' }]);
    const sibling = await send(application({ siblingUnitId: 'finns-inte' }));
    expect(sibling.status).toBe(422);
    expect(sibling.body.errors).toEqual([{ pointer: '/body/siblingUnitId', detail: 'Det finns ingen enhet med id finns-inte.' }]);
    const badId = await send(application({ units: ['Solrosen!'] }));
    expect(badId.status).toBe(400);
    expect(badId.body.errors?.[0]?.pointer).toBe('/body/units/0');
  });

  it('refuses a start date the child is not eligible for with 422 naming desiredStartDate', async () => {
    const fritids = await send(application({ type: 'fritidshem', units: ['centrumskolan-fritids'] }));
    expect(fritids.status).toBe(422);
    expect(fritids.body.errors).toEqual([{ pointer: '/body/desiredStartDate', detail: expect.stringMatching(/^Fritidshem är för barn som har börjat skolan\. Barn10 kan börja i fritidshem tidigast 1 augusti \d{4}\.$/) as string }]);
    const tooEarly = await send(application({ desiredStartDate: child().birthDate }));
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body.errors?.[0]?.pointer).toBe('/body/desiredStartDate');
    const school = await send(application({ desiredStartDate: `${String(Number(child().birthDate.slice(0, 4)) + 6)}-08-01` }));
    expect(school.status).toBe(422);
    expect(school.body.errors).toEqual([{ pointer: '/body/desiredStartDate', detail: expect.stringMatching(/^Barn10 börjar förskoleklass hösten \d{4} och kan då ha fritidshem i stället\./) as string }]);
    const past = await send(application({ desiredStartDate: daysAhead(-1) }));
    expect(past.status).toBe(422);
    expect(past.body.errors).toEqual([{ pointer: '/body/desiredStartDate', detail: 'Startdatumet kan inte vara före i dag.' }]);
  });

  it('refuses dates that do not exist or are malformed with 400 naming the field', async () => {
    for (const date of ['2026-02-30', '2027-02-29', '2026-13-01', '2026-00-10']) {
      const { status, body } = await send(application({ desiredStartDate: date }));
      expect(status, date).toBe(400);
      expect(body.errors, date).toEqual([{ pointer: '/body/desiredStartDate', detail: `${date} är inget datum som finns.` }]);
    }
    for (const date of ['2026-2-3', '3.5.2027', '2027-03-05T00:00:00Z', '']) {
      const { status, body } = await send(application({ desiredStartDate: date }));
      expect(status, date).toBe(400);
      expect(body.errors?.[0]?.pointer, date).toBe('/body/desiredStartDate');
    }
  });

  it('refuses a schedule that does not fit, and texts over their limits', async () => {
    const backwards = await send(application({ schedule: { hoursPerWeek: 40, dropOff: '16:00', pickUp: '07:30' } }));
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([{ pointer: '/body/schedule/pickUp', detail: 'Hämtningstiden måste vara efter lämningstiden.' }]);
    for (const [schedule, pointer] of [
      [{ hoursPerWeek: 61, dropOff: '07:30', pickUp: '16:00' }, '/body/schedule/hoursPerWeek'],
      [{ hoursPerWeek: 0, dropOff: '07:30', pickUp: '16:00' }, '/body/schedule/hoursPerWeek'],
      [{ hoursPerWeek: 40, dropOff: '24:00', pickUp: '16:00' }, '/body/schedule/dropOff'],
      [{ hoursPerWeek: 40, dropOff: '07:30' }, '/body/schedule/pickUp'],
    ] as const) {
      const { status, body } = await send(application({ schedule }));
      expect(status, pointer).toBe(400);
      expect(body.errors?.[0]?.pointer).toBe(pointer);
    }
    for (const [field, length] of [['message', 2001], ['specialNeeds', 2001], ['diet', 201], ['motherTongue', 201]] as const) {
      const { status, body } = await send(application({ [field]: 'x'.repeat(length) }));
      expect(status, field).toBe(400);
      expect(body.errors?.[0]?.pointer).toBe(`/body/${field}`);
    }
    for (const [field, value] of [['type', 'dagis'], ['reason', 'semester'], ['childId', 'saga'], ['childId', '123e4567-e89b-12d3-a456-426614174000']] as const) {
      const { status, body } = await send(application({ [field]: value }));
      expect(status, `${field}=${value}`).toBe(field === 'childId' && value !== 'saga' ? 404 : 400);
      if (status === 400) expect(body.errors?.[0]?.pointer).toBe(`/body/${field}`);
    }
    expect(await stored()).toBe(0);
  });

  it('accepts a samordningsnummer in the register: the child is listed with the real birth date', async () => {
    const last = family.children.at(-1)!;
    expect(Number(last.personnummer.slice(6, 8))).toBeGreaterThan(60);
    const { children } = (await call<Children>(anna, '/children')).body;
    expect(children.find((listed) => listed.id === last.id)?.birthDate).toBe(last.birthDate);
    const sent = await call<Application>(anna, '/applications', post({ ...sagaApplication(), childId: last.id }));
    expect(sent.status).toBe(201);
    expect(sent.body.child.birthDate).toBe(last.birthDate);
  });

  it('refuses bad dates and values on the other writes', async () => {
    const { body: sent } = await call<Application>(anna, '/applications', post(application()));
    await erik.fetch(`${api}/applications/${sent.id}/confirm`, post());
    await caseWorker(gateway.url, `/applications/${sent.id}/receive`);
    for (const [body, status, pointer] of [
      [{ unitId: 'solrosen', startDate: '2026-02-30' }, 400, '/body/startDate'],
      [{ unitId: 'solrosen', startDate: daysAhead(30), replyBy: '2027-02-29' }, 400, '/body/replyBy'],
      [{ unitId: 'solrosen', startDate: daysAhead(30), replyBy: daysAhead(-1) }, 422, '/body/replyBy'],
      [{ unitId: 'solrosen', startDate: daysAhead(-3) }, 422, '/body/startDate'],
      [{ unitId: 'finns-inte', startDate: daysAhead(30) }, 422, '/body/unitId'],
      [{ unitId: 'solrosen', startDate: daysAhead(30), note: 'x' }, 400, '/body/note'],
    ] as const) {
      const response = await read<Problem>(await caseWorker(gateway.url, `/applications/${sent.id}/offer`, body));
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(response.body.errors?.[0]?.pointer).toBe(pointer);
    }
    expect((await read<Problem>(await caseWorker(gateway.url, `/applications/${sent.id}/answer`, { answer: 'kanske' }))).status).toBe(400);
    expect((await call<Problem>(anna, `/applications/${sent.id}/messages`, post({ text: '' }))).status).toBe(400);
    expect((await call<Problem>(anna, `/applications/${sent.id}/messages`, post({ text: 'x'.repeat(2001) }))).status).toBe(400);
    expect((await call<Problem>(anna, '/applications/inte-ett-id')).status).toBe(400);
    expect((await call<Problem>(anna, '/placements/inte-ett-id/notice', post({}))).status).toBe(400);
    expect((await read<Problem>(await fetch(`${gateway.url}${api}/units?pageSize=1000`))).status).toBe(400);
    expect((await read<Problem>(await fetch(`${gateway.url}${api}/units?type=forskola&type=fritidshem`))).status).toBe(400);
  });
});

function judge(kase: Case, response: RawResponse): string | undefined {
  if (response.status === 0) return `no answer (${response.error ?? '?'})`;
  if (response.status >= 500) return `status ${String(response.status)}`;
  if (response.status < 400 || kase.request.method === 'HEAD') return undefined;
  if (!(response.headers['content-type'] ?? '').includes(problemMediaType)) return `${String(response.status)} not problem+json`;
  const body = JSON.parse(response.body.toString('utf8')) as { status?: unknown };
  return body.status === response.status ? undefined : 'problem with another status';
}

describe('barnomsorg under generated bad input', () => {
  it('no generated bad value gives a 5xx or an error outside problem+json; every base succeeds', { timeout: 300_000 }, async () => {
    const session = anna.cookie('kk_session')!;
    const barnomsorg = await barnomsorgFixtures(gateway.url, family.children, session, erik.cookie('kk_session')!);
    const fixtures = { session, logoutSession: session, reference: 'x', freshReference: () => 'x', mediaId: 'x', caseWorkerKey: 'x', ownReference: 'x', freshOwnReference: () => 'x', apiKeyId: 'x', barnomsorg };
    const { cases, missingBases } = generateCases(fixtures);
    const ours = new Set([...Object.keys(barnomsorgRoutes), ...Object.keys(barnomsorgCaseWorkerRoutes)]);
    expect(missingBases.filter((item) => ours.has(item.split(':')[0]!))).toEqual([]);
    const own = cases.filter((kase) => kase.route.includes('/barnomsorg/'));
    expect(new Set(own.map((kase) => kase.route)).size).toBe(16);
    const client = RawClient.for(gateway.url);
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
    try {
      await Promise.all(Array.from({ length: 6 }, worker));
    } finally {
      client.close();
    }
    console.log(`barnomsorg bad input: ${String(own.length)} cases`);
    expect(bases).toEqual([]);
    expect(failures).toEqual([]);
  });
});
