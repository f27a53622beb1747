import { barnomsorgCaseWorkerRoutes, barnomsorgRoutes, type Application, type BarnomsorgOverview, type Problem } from '@kommunkit/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWorker, children, daysAhead, post, read, resetBarnomsorg, sagaApplication, withBarnomsorg } from './support/barnomsorg.js';
import { startGateway, type TestGateway } from './support/gateway.js';
import type { Browser } from './support/http.js';
import { loggedIn, persons } from './support/lokalbokning.js';

/**
 * Only the child's vårdnadshavare reach an application or a placement: a third test person gets
 * 404 on every route with an id (the same answer as for an id that does not exist, so nothing
 * tells that it does), changes nothing, and a request without a session is 401.
 */
let gateway: TestGateway;
let anna: Browser;
let erik: Browser;
let johan: Browser;
let sara: Browser;
let application: Application;
let placementId: string;
beforeAll(async () => {
  gateway = await startGateway({ configure: withBarnomsorg() });
  await resetBarnomsorg(gateway.db);
  [anna, erik, johan, sara] = [await loggedIn(gateway.url, persons.anna), await loggedIn(gateway.url, persons.erik), await loggedIn(gateway.url, persons.johan), await loggedIn(gateway.url, persons.sara)];
  // One application with an accepted offer (so a placement), and one still waiting for an answer.
  const accepted = await read<Application>(await anna.fetch('/api/v1/exempelstad/barnomsorg/applications', post(sagaApplication())));
  expect(accepted.status).toBe(201);
  await caseWorker(gateway.url, `/applications/${accepted.body.id}/receive`);
  await caseWorker(gateway.url, `/applications/${accepted.body.id}/offer`, { unitId: 'solrosen', startDate: daysAhead(60) });
  placementId = (await read<Application>(await erik.fetch(`/api/v1/exempelstad/barnomsorg/applications/${accepted.body.id}/answer`, post({ answer: 'accepterad' })))).body.placementId!;
  expect(placementId).toEqual(expect.any(String));
  const offered = await read<Application>(await anna.fetch('/api/v1/exempelstad/barnomsorg/applications', post(sagaApplication({ childId: children.elias.id, units: ['lonnen'] }))));
  await caseWorker(gateway.url, `/applications/${offered.body.id}/receive`);
  application = (await read<Application>(await caseWorker(gateway.url, `/applications/${offered.body.id}/offer`, { unitId: 'lonnen', startDate: daysAhead(30) }))).body;
  expect(application.status).toBe('erbjudande');
}, 90_000);
afterAll(() => gateway.close());

const bodies: Partial<Record<keyof typeof barnomsorgRoutes, unknown>> = {
  answerOffer: { answer: 'accepterad' },
  sendApplicationMessage: { text: 'Hej!' },
  givePlacementNotice: {},
};
/** Every citizen route with an id, as the contract lists them (a new one is covered without editing this file). */
const idRoutes = Object.entries(barnomsorgRoutes).filter(([, route]) => route.url.includes(':id')) as [keyof typeof barnomsorgRoutes, (typeof barnomsorgRoutes)[keyof typeof barnomsorgRoutes]][];
const pathOf = (url: string, id: string) => url.replace(':kommun', 'exempelstad').replace(':id', id);
const send = (browser: Browser, name: keyof typeof barnomsorgRoutes, url: string) => browser.fetch(url, barnomsorgRoutes[name].method === 'GET' ? {} : post(bodies[name]));

describe('another person', () => {
  it('covers every id route of the contract, placement notice included', () => {
    expect(idRoutes.map(([name]) => name).sort()).toEqual(['answerOffer', 'confirmApplication', 'getApplication', 'givePlacementNotice', 'sendApplicationMessage', 'withdrawApplication']);
  });

  for (const [name, route] of idRoutes) {
    it(`gets 404 on ${name}, worded as for an id that does not exist, for both a third person and one with protected identity`, async () => {
      const id = name === 'givePlacementNotice' ? placementId : application.id;
      const unknown = await read<Problem>(await send(anna, name, pathOf(route.url, crypto.randomUUID())));
      expect(unknown.status).toBe(404);
      for (const stranger of [johan, sara]) {
        const response = await read<Problem>(await send(stranger, name, pathOf(route.url, id)));
        expect(response.status, name).toBe(404);
        expect(response.body).toEqual(unknown.body);
      }
    });
  }

  it('changed nothing: the offer is still open, no message was written, the placement is still active', async () => {
    const after = (await read<Application>(await anna.fetch(`/api/v1/exempelstad/barnomsorg/applications/${application.id}`))).body;
    expect(after).toEqual({ ...application, sentByMe: true });
    const overview = (await read<BarnomsorgOverview>(await erik.fetch('/api/v1/exempelstad/barnomsorg/applications'))).body;
    expect(overview.placements.find((placement) => placement.id === placementId)?.status).toBe('aktiv');
    expect((await read<BarnomsorgOverview>(await johan.fetch('/api/v1/exempelstad/barnomsorg/applications'))).body).toEqual({ applications: [], placements: [] });
  });

  it('cannot reach the case workers\' routes with a session: 401 without the key', async () => {
    for (const [name, route] of Object.entries(barnomsorgCaseWorkerRoutes)) {
      const response = await johan.fetch(pathOf(route.url, application.id), route.method === 'GET' ? {} : post(name === 'offerPlacement' ? { unitId: 'lonnen', startDate: daysAhead(30) } : name === 'recordOfferAnswer' ? { answer: 'avbojd' } : name === 'replyToApplication' ? { text: 'x' } : undefined));
      expect(response.status, name).toBe(401);
    }
  });
});

describe('without a session', () => {
  it('gets 401 on every citizen route but the public reads', async () => {
    for (const [name, route] of Object.entries(barnomsorgRoutes) as [keyof typeof barnomsorgRoutes, (typeof barnomsorgRoutes)[keyof typeof barnomsorgRoutes]][]) {
      const url = `${gateway.url}${pathOf(route.url, name === 'givePlacementNotice' ? placementId : application.id)}`;
      const response = await fetch(url, route.method === 'GET' ? {} : post(name === 'createApplication' ? sagaApplication() : bodies[name]));
      expect(response.status, name).toBe(name === 'getBarnomsorgSettings' || name === 'listUnits' ? 200 : 401);
    }
  });
});
