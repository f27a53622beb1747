import type { Application, BarnomsorgOverview, BarnomsorgSettings, CaseWorkApplications, Children, Draft, Placement, Problem, UnitsPage } from '@kommunkit/contract';
import { addMonths, guaranteeDate, noticeEndDate, replyBy } from '@kommunkit/contract/barnomsorg-rules';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegisterUnavailable, type PopulationRegister } from '../src/services/barnomsorg/register.js';
import { api, call, caseWorker, children, daysAhead, post, read, resetBarnomsorg, sagaApplication, startWithRegister, today, withBarnomsorg } from './support/barnomsorg.js';
import { pages, startGateway, type TestGateway } from './support/gateway.js';
import { writeHeaders, type Browser } from './support/http.js';
import { loggedIn, persons } from './support/lokalbokning.js';

let gateway: TestGateway;
let anna: Browser;
let erik: Browser;
let johan: Browser;
beforeAll(async () => {
  gateway = await startGateway({ configure: withBarnomsorg() });
  await resetBarnomsorg(gateway.db);
  anna = await loggedIn(gateway.url, persons.anna);
  erik = await loggedIn(gateway.url, persons.erik);
  johan = await loggedIn(gateway.url, persons.johan);
}, 60_000);
afterAll(() => gateway.close());

type Answer = Application & Omit<Problem, 'status'>;
const apply = (browser: Browser, body: unknown, headers: Record<string, string> = {}) => call<Answer>(browser, '/applications', post(body, headers));
const statuses = (application: Application) => application.history.map((change) => change.status);
const work = async (path: string, body?: unknown) => read<Answer>(await caseWorker(gateway.url, path, body));

describe('public reads', () => {
  it('answers the kommun\'s rules with the issue\'s defaults, the maxtaxa ceiling, the areas and today', async () => {
    const settings = (await (await fetch(`${gateway.url}${api}/settings`)).json()) as BarnomsorgSettings;
    expect(settings).toEqual({ maxRankedUnits: 3, offerReplyDays: 14, otherGuardianMustConfirm: false, noticeMonths: 2, maxtaxa: { year: 2025, incomeCeilingMonthlyOre: 5_713_000 }, areas: ['Centrum', 'Norr', 'Söder'], today: today() });
    // Grannby has no barnomsorg.
    expect((await fetch(`${gateway.url}/api/v1/grannby/barnomsorg/settings`)).status).toBe(404);
  });

  it('lists the units by name, filtered by type, area and words, in numbered pages', async () => {
    const units = async (query: string) => (await (await fetch(`${gateway.url}${api}/units?${query}`)).json()) as UnitsPage;
    const all = await units('pageSize=50');
    expect(all.total).toBe(12);
    expect(all.items.map((unit) => unit.name)).toEqual([...all.items.map((unit) => unit.name)].sort((a, b) => a.localeCompare(b, 'sv')));
    expect((await units('type=fritidshem')).items.map((unit) => unit.id).sort()).toEqual(['centrumskolan-fritids', 'hagaskolan-fritids', 'norrskolan-fritids']);
    expect((await units('type=pedagogisk_omsorg')).total).toBe(2);
    expect((await units('type=forskola&area=Norr')).items.map((unit) => unit.id).sort()).toEqual(['lonnen', 'norrbacka']);
    expect((await units(`q=${encodeURIComponent('ur och skur')}`)).items.map((unit) => unit.id)).toEqual(['ekorren']);
    const paged = await units('pageSize=5&page=3');
    expect({ page: paged.page, total: paged.total, count: paged.items.length }).toEqual({ page: 3, total: 12, count: 2 });
    const solrosen = all.items.find((unit) => unit.id === 'solrosen')!;
    expect(solrosen).toMatchObject({ type: 'forskola', area: 'Centrum', ageFrom: 1, ageTo: 5, position: { lat: expect.any(Number) as number, lon: expect.any(Number) as number } });
    expect(solrosen.freePlaces.length).toBeGreaterThan(0);
    expect((await fetch(`${gateway.url}${api}/units?type=bastu`)).status).toBe(400);
  });
});

describe('children from the population register', () => {
  it('lists the guardian\'s children by opaque id with the other guardian, never the one with protected identity, never a personnummer', async () => {
    const response = await anna.fetch(`${api}/children`);
    const text = await response.text();
    const { children: listed, someNotShown } = JSON.parse(text) as Children;
    expect(listed.map((child) => child.id).sort()).toEqual([children.saga.id, children.elias.id, children.maja.id].sort());
    expect(someNotShown).toBe(true);
    expect(listed.find((child) => child.id === children.saga.id)).toEqual({ id: children.saga.id, givenName: 'Saga', familyName: 'Andersson', birthDate: children.saga.birthDate, otherGuardian: { name: 'Erik Andersson' } });
    for (const child of Object.values(children)) expect(text).not.toContain(child.personnummer.slice(2));
    expect(text).not.toContain('Leo');
    // The other guardian sees the same children, with Anna as the other.
    const other = (await (await erik.fetch(`${api}/children`)).json()) as Children;
    expect(other.children.map((child) => child.otherGuardian?.name)).toEqual(['Anna Andersson', 'Anna Andersson', 'Anna Andersson']);
    // Someone without children: none, and nothing hidden.
    expect(await (await johan.fetch(`${api}/children`)).json()).toEqual({ children: [], someNotShown: false });
  });

  it('answers 401 without a session', async () => {
    const response = await fetch(`${gateway.url}${api}/children`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as Problem).type).toMatch(/unauthenticated/);
  });
});

describe('the application flow', () => {
  let saga: Application;

  it('sends an application: 201 with reference, guarantee date and history; the barnomsorg draft is deleted in the same transaction', async () => {
    const draft = await anna.fetch('/api/v1/exempelstad/drafts/barnomsorg', { method: 'PUT', headers: writeHeaders(pages.exempelstad), body: JSON.stringify({ data: { barn: children.saga.id }, step: 'enheter' }) });
    expect(draft.status).toBe(200);
    expect(((await draft.json()) as Draft).revision).toBe(1);
    const { status, body } = await apply(anna, sagaApplication({ siblingUnitId: 'ekorren', diet: ' Laktosfri ', message: 'Vi flyttar hit i februari.' }), { 'idempotency-key': 'saga-1' });
    expect(status, JSON.stringify(body)).toBe(201);
    saga = body;
    expect(body.reference).toMatch(/^EXS-F-\d{4}-\d{6}$/);
    expect(body).toMatchObject({
      type: 'forskola',
      child: { id: children.saga.id, givenName: 'Saga', familyName: 'Andersson', birthDate: children.saga.birthDate },
      desiredStartDate: daysAhead(60),
      guaranteeDate: guaranteeDate(today()),
      units: [{ id: 'solrosen', name: 'Solrosens förskola' }, { id: 'ekorren', name: 'Ekorrens förskola' }],
      siblingUnitId: 'ekorren',
      schedule: { hoursPerWeek: 40, dropOff: '07:30', pickUp: '16:00' },
      reason: 'arbete',
      diet: 'Laktosfri',
      message: 'Vi flyttar hit i februari.',
      status: 'inskickad',
      sentByMe: true,
      sentBy: { name: 'Anna Andersson' },
      otherGuardianConfirmation: 'behovs_inte',
      offer: null,
      placementId: null,
      messages: [],
    });
    expect(body.guaranteeDate).toBe(addMonths(today(), 4));
    expect(body.history).toEqual([{ status: 'inskickad', at: expect.any(String) as string, note: 'Skickad av Anna Andersson.' }]);
    expect((await anna.fetch('/api/v1/exempelstad/drafts/barnomsorg')).status).toBe(404);
  });

  it('answers a retry with the same Idempotency-Key with the same application, and another body under that key with 422', async () => {
    const again = await apply(anna, sagaApplication({ siblingUnitId: 'ekorren', diet: ' Laktosfri ', message: 'Vi flyttar hit i februari.' }), { 'idempotency-key': 'saga-1' });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(saga.id);
    const other = await apply(anna, sagaApplication({ reason: 'studier' }), { 'idempotency-key': 'saga-1' });
    expect(other.status).toBe(422);
    expect(other.body.errors?.[0]?.pointer).toBe('/headers/idempotency-key');
  });

  it('refuses a second active application for the same child and type with 409 naming the first; another type is fine', async () => {
    const second = await apply(anna, sagaApplication({ units: ['lonnen'] }));
    expect(second.status).toBe(409);
    expect(second.body.detail).toBe(`Saga har redan en ansökan om förskola som inte är avslutad (${saga.reference}). Återkalla den först, eller skriv ett meddelande på den om något har ändrats.`);
    // The other guardian cannot send one either: it is the child's, not the sender's.
    expect((await apply(erik, sagaApplication({ units: ['lonnen'] }))).status).toBe(409);
  });

  it('keeps the draft when the application is refused: nothing of it was stored', async () => {
    await anna.fetch('/api/v1/exempelstad/drafts/barnomsorg', { method: 'PUT', headers: writeHeaders(pages.exempelstad), body: JSON.stringify({ data: { barn: children.saga.id }, step: 'kontroll' }) });
    expect((await apply(anna, sagaApplication({ units: ['lonnen'] }))).status).toBe(409);
    expect((await anna.fetch('/api/v1/exempelstad/drafts/barnomsorg')).status).toBe(200);
    await anna.fetch('/api/v1/exempelstad/drafts/barnomsorg', { method: 'DELETE', headers: writeHeaders(pages.exempelstad) });
  });

  it('lets exactly one of many simultaneous applications for the same child and type through (the database decides)', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, index) => apply(index % 2 ? erik : anna, sagaApplication({ type: 'fritidshem', childId: children.maja.id, units: ['centrumskolan-fritids'], desiredStartDate: daysAhead(20) }))));
    expect(results.map((result) => result.status).sort()).toEqual([201, ...Array<number>(11).fill(409)]);
    const { count } = (await sql<{ count: string }>`select count(*) as count from barnomsorg_application where child_id = ${children.maja.id}`.execute(gateway.db)).rows[0]!;
    expect(Number(count)).toBe(1);
    // And one key sent many times at once is one application.
    const same = await Promise.all(Array.from({ length: 6 }, () => apply(anna, sagaApplication({ type: 'pedagogisk_omsorg', units: ['dagmamma-lind'] }), { 'idempotency-key': 'saga-po' })));
    expect(same.map((result) => result.status)).toEqual(Array<number>(6).fill(201));
    expect(new Set(same.map((result) => result.body.id)).size).toBe(1);
    const id = same[0]!.body.id;
    expect((await call(anna, `/applications/${id}/withdraw`, post())).status).toBe(200);
    const maja = results.find((result) => result.status === 201)!.body.id;
    expect((await call(anna, `/applications/${maja}/withdraw`, post())).status).toBe(200);
  });

  it('answers 404 for a child who is not the guardian\'s, and for the child with protected identity', async () => {
    const stranger = await apply(johan, sagaApplication());
    expect(stranger.status).toBe(404);
    expect(stranger.body.detail).toBe('Det finns inget barn med det id:t som du är vårdnadshavare för.');
    const hidden = await apply(anna, sagaApplication({ childId: children.leo.id }));
    expect(hidden.status).toBe(404);
  });

  it('refuses a type the child is not of the age for with 422 naming desiredStartDate', async () => {
    const maja = await apply(anna, sagaApplication({ childId: children.maja.id }));
    expect(maja.status).toBe(422);
    expect(maja.body.errors).toEqual([{ pointer: '/body/desiredStartDate', detail: expect.stringMatching(/^Maja börjar förskoleklass hösten \d{4} och kan då ha fritidshem i stället\./) as string }]);
    const fritids = await apply(anna, sagaApplication({ type: 'fritidshem', units: ['centrumskolan-fritids'] }));
    expect(fritids.status).toBe(422);
    expect(fritids.body.errors?.[0]).toEqual({ pointer: '/body/desiredStartDate', detail: expect.stringMatching(/^Fritidshem är för barn som har börjat skolan\. Saga kan börja i fritidshem tidigast \d+ augusti \d{4}\.$/) as string });
  });

  it('shows the application to the other guardian (sentByMe false), who may write; a stranger gets 404', async () => {
    const seen = await call<Application>(erik, `/applications/${saga.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ id: saga.id, sentByMe: false, sentBy: { name: 'Anna Andersson' } });
    const overview = await call<BarnomsorgOverview>(erik, '/applications');
    expect(overview.body.applications.map((application) => application.id)).toContain(saga.id);
    const written = await call<Application>(erik, `/applications/${saga.id}/messages`, post({ text: '  Saga är allergisk mot nötter.  ' }));
    expect(written.status).toBe(201);
    expect(written.body.messages).toEqual([{ id: expect.any(String) as string, from: 'vardnadshavare', author: 'Erik Andersson', text: 'Saga är allergisk mot nötter.', at: expect.any(String) as string }]);
    expect((await call(erik, `/applications/${saga.id}/messages`, post({ text: '   ' }))).status).toBe(422);
    expect((await call(johan, `/applications/${saga.id}`)).status).toBe(404);
    // Confirming is not asked for here: 409.
    const confirm = await call<Problem>(erik, `/applications/${saga.id}/confirm`, post());
    expect(confirm.status).toBe(409);
    expect(confirm.body.detail).toBe('Ansökan behöver ingen bekräftelse av den andra vårdnadshavaren.');
  });

  it('lets case workers list, receive, reply and offer with the key (401 without), each step in the history', async () => {
    expect((await fetch(`${gateway.url}${api}/case-work/applications`)).status).toBe(401);
    expect((await fetch(`${gateway.url}${api}/case-work/applications`, { headers: { authorization: 'Bearer not-the-key-at-all' } })).status).toBe(401);
    const incoming = await read<CaseWorkApplications>(await caseWorker(gateway.url, '/applications?status=inskickad', undefined, 'GET'));
    expect(incoming.status).toBe(200);
    expect(incoming.body.items.map((application) => application.id)).toContain(saga.id);
    expect(incoming.body.items.every((application) => !application.sentByMe)).toBe(true);

    // An offer before it is received: 409.
    expect((await work(`/applications/${saga.id}/offer`, { unitId: 'solrosen', startDate: daysAhead(60) })).status).toBe(409);
    const received = await work(`/applications/${saga.id}/receive`);
    expect(received.status).toBe(200);
    expect(received.body.status).toBe('mottagen');
    expect((await work(`/applications/${saga.id}/receive`)).status).toBe(409);
    const replied = await work(`/applications/${saga.id}/messages`, { text: 'Tack, vi har noterat allergin.' });
    expect(replied.status).toBe(201);
    expect(replied.body.messages.at(-1)).toMatchObject({ from: 'kommun', author: 'Exempelstads kommun, barnomsorgen', text: 'Tack, vi har noterat allergin.' });

    const wrongType = await work(`/applications/${saga.id}/offer`, { unitId: 'norrskolan-fritids', startDate: daysAhead(60) });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.errors?.[0]).toEqual({ pointer: '/body/unitId', detail: 'Fritidshemmet Norrskolan är ett fritidshem, och ansökan gäller förskola.' });
    const badDate = await work(`/applications/${saga.id}/offer`, { unitId: 'solrosen', startDate: '2027-02-30' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors?.[0]?.pointer).toBe('/body/startDate');
    expect((await work(`/applications/${crypto.randomUUID()}/offer`, { unitId: 'solrosen', startDate: daysAhead(60) })).status).toBe(404);

    const offered = await work(`/applications/${saga.id}/offer`, { unitId: 'solrosen', startDate: daysAhead(60) });
    expect(offered.status).toBe(200);
    expect(offered.body.status).toBe('erbjudande');
    expect(offered.body.offer).toEqual({ unitId: 'solrosen', unitName: 'Solrosens förskola', startDate: daysAhead(60), replyBy: replyBy(today(), { offerReplyDays: 14 }), answer: null, answeredAt: null });
    expect(statuses(offered.body)).toEqual(['inskickad', 'mottagen', 'erbjudande']);
  });

  it('refuses a withdrawal after the offer (409) and lets either guardian accept it, which makes the placement', async () => {
    const withdraw = await call<Problem>(anna, `/applications/${saga.id}/withdraw`, post());
    expect(withdraw.status).toBe(409);
    expect(withdraw.body.detail).toBe('Kommunen har redan erbjudit en plats, så ansökan kan inte återkallas. Tacka nej till erbjudandet i stället.');
    expect((await call(johan, `/applications/${saga.id}/answer`, post({ answer: 'accepterad' }))).status).toBe(404);
    const accepted = await call<Application>(erik, `/applications/${saga.id}/answer`, post({ answer: 'accepterad' }));
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepterad');
    expect(accepted.body.offer?.answer).toBe('accepterad');
    expect(accepted.body.offer?.answeredAt).toEqual(expect.any(String));
    expect(accepted.body.placementId).toEqual(expect.any(String));
    expect(statuses(accepted.body)).toEqual(['inskickad', 'mottagen', 'erbjudande', 'accepterad']);
    expect(accepted.body.history.at(-1)?.note).toBe('Erbjudandet accepterat av Erik Andersson.');
    expect((await call(anna, `/applications/${saga.id}/answer`, post({ answer: 'avbojd' }))).status).toBe(409);

    const overview = await call<BarnomsorgOverview>(anna, '/applications');
    expect(overview.body.placements).toEqual([
      { id: accepted.body.placementId, applicationId: saga.id, type: 'forskola', child: { id: children.saga.id, givenName: 'Saga', familyName: 'Andersson' }, unitId: 'solrosen', unitName: 'Solrosens förskola', startDate: daysAhead(60), endDate: null, status: 'aktiv', noticeGivenAt: null },
    ]);
    // Accepted is no longer active: a new application for Saga's förskola may be sent.
  });

  it('gives notice on the placement: the end date is never before the notice period has run; a second notice is 409', async () => {
    const placementId = (await call<Application>(anna, `/applications/${saga.id}`)).body.placementId!;
    const stranger = await call<Problem>(johan, `/placements/${placementId}/notice`, post({}));
    expect(stranger.status, JSON.stringify(stranger.body)).toBe(404);
    const early = await call<Problem>(anna, `/placements/${placementId}/notice`, post({ wishedEndDate: daysAhead(-1) }));
    expect(early.status).toBe(422);
    expect(early.body.errors?.[0]?.pointer).toBe('/body/wishedEndDate');
    // A wish inside the notice period: the period's end instead.
    const noticed = await call<Placement>(erik, `/placements/${placementId}/notice`, post({ wishedEndDate: daysAhead(10), reason: 'Vi flyttar' }));
    expect(noticed.status).toBe(200);
    expect(noticed.body).toMatchObject({ id: placementId, status: 'uppsagd', endDate: noticeEndDate(today(), daysAhead(10), { noticeMonths: 2 }), noticeGivenAt: expect.any(String) as string });
    expect(noticed.body.endDate).toBe(new Date(Date.parse(`${addMonths(today(), 2)}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10));
    const again = await call<Problem>(anna, `/placements/${placementId}/notice`, post({}));
    expect(again.status).toBe(409);
    const history = (await call<Application>(anna, `/applications/${saga.id}`)).body.history;
    expect(history.at(-1)).toMatchObject({ status: 'accepterad', note: `Platsen uppsagd av Erik Andersson, sista dag ${noticed.body.endDate!}.` });
  });

  it('withdraws before an offer (either guardian), once; the history says who', async () => {
    const { body: elias } = await apply(anna, sagaApplication({ childId: children.elias.id, units: ['lonnen'] }));
    expect(elias.status).toBe('inskickad');
    const withdrawn = await call<Application>(erik, `/applications/${elias.id}/withdraw`, post());
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('aterkallad');
    expect(withdrawn.body.history.map((change) => [change.status, change.note])).toEqual([
      ['inskickad', 'Skickad av Anna Andersson.'],
      ['aterkallad', 'Återkallad av Erik Andersson.'],
    ]);
    const again = await call<Problem>(anna, `/applications/${elias.id}/withdraw`, post());
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('Ansökan kan inte återkallas: den är återkallad.');
    expect((await work(`/applications/${elias.id}/receive`)).status).toBe(409);
  });

  it('declines an offer; an offer past its reply-by date cannot be answered (409), but a case worker may record the answer', async () => {
    const { body: first } = await apply(anna, sagaApplication({ type: 'pedagogisk_omsorg', childId: children.elias.id, units: ['dagmamma-lind', 'dagmamma-ekberg'] }));
    await work(`/applications/${first.id}/receive`);
    const offered = await work(`/applications/${first.id}/offer`, { unitId: 'dagmamma-ekberg', startDate: daysAhead(30), replyBy: daysAhead(5) });
    expect(offered.body.offer?.replyBy).toBe(daysAhead(5));
    const declined = await call<Application>(anna, `/applications/${first.id}/answer`, post({ answer: 'avbojd' }));
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'avbojd', placementId: null, offer: { answer: 'avbojd' } });

    const { body: second } = await apply(anna, sagaApplication({ type: 'pedagogisk_omsorg', childId: children.elias.id, units: ['dagmamma-lind'] }));
    expect(second.status).toBe('inskickad');
    await work(`/applications/${second.id}/receive`);
    await work(`/applications/${second.id}/offer`, { unitId: 'dagmamma-lind', startDate: daysAhead(30) });
    await sql`update barnomsorg_application set offer_reply_by = ${daysAhead(-1)} where id = ${second.id}`.execute(gateway.db);
    const late = await call<Problem>(anna, `/applications/${second.id}/answer`, post({ answer: 'accepterad' }));
    expect(late.status).toBe(409);
    expect(late.body.detail).toMatch(/^Sista dag att svara på erbjudandet var .+\. Kontakta kommunen och ange ansökans referens EXS-F-\d{4}-\d{6}\.$/);
    const recorded = await work(`/applications/${second.id}/answer`, { answer: 'accepterad' });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ status: 'accepterad', placementId: expect.any(String) as string });
    expect(recorded.body.history.at(-1)?.note).toBe('Erbjudandet accepterat, registrerat av kommunen.');
  });

  it('lists the overview newest first, for both guardians alike, and nothing for a stranger', async () => {
    const mine = (await call<BarnomsorgOverview>(anna, '/applications')).body;
    const theirs = (await call<BarnomsorgOverview>(erik, '/applications')).body;
    expect(mine.applications).toHaveLength(6);
    expect(theirs.applications.map((application) => application.id)).toEqual(mine.applications.map((application) => application.id));
    const created = mine.applications.map((application) => application.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    expect(mine.placements).toHaveLength(2);
    expect(await (await johan.fetch(`${api}/applications`)).json()).toEqual({ applications: [], placements: [] });
  });
});

describe('when the kommun asks the other guardian to confirm', () => {
  let confirming: TestGateway;
  beforeAll(async () => {
    confirming = await startGateway({ configure: withBarnomsorg({ otherGuardianMustConfirm: true, maxRankedUnits: 1 }) });
    await resetBarnomsorg(confirming.db);
  }, 60_000);
  afterAll(() => confirming.close());

  it('waits for the other guardian: the sender cannot confirm (409), case workers cannot receive before (409), the other guardian confirms', async () => {
    const annaHere = await loggedIn(confirming.url, persons.anna);
    const erikHere = await loggedIn(confirming.url, persons.erik);
    const tooMany = await read<Problem>(await annaHere.fetch(`${api}/applications`, post(sagaApplication())));
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors?.[0]).toEqual({ pointer: '/body/units', detail: 'Du kan rangordna högst 1 enhet.' });
    const { status, body } = await read<Application>(await annaHere.fetch(`${api}/applications`, post(sagaApplication({ units: ['solrosen'] }))));
    expect(status).toBe(201);
    expect(body.otherGuardianConfirmation).toBe('vantar');
    const own = await read<Problem>(await annaHere.fetch(`${api}/applications/${body.id}/confirm`, post()));
    expect(own.status).toBe(409);
    expect(own.body.detail).toBe('Du skickade ansökan själv. Det är barnets andra vårdnadshavare som ska bekräfta den.');
    const early = await read<Problem>(await caseWorker(confirming.url, `/applications/${body.id}/receive`));
    expect(early.status).toBe(409);
    expect(early.body.detail).toBe('Barnets andra vårdnadshavare har inte bekräftat ansökan än. Den kan tas emot när den är bekräftad.');
    const confirmed = await read<Application>(await erikHere.fetch(`${api}/applications/${body.id}/confirm`, post()));
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.otherGuardianConfirmation).toBe('bekraftad');
    expect(confirmed.body.history.at(-1)).toMatchObject({ status: 'inskickad', note: 'Bekräftad av Erik Andersson, barnets andra vårdnadshavare.' });
    expect((await erikHere.fetch(`${api}/applications/${body.id}/confirm`, post())).status).toBe(409);
    expect((await caseWorker(confirming.url, `/applications/${body.id}/receive`)).status).toBe(200);
  });
});

describe('when the population register fails', () => {
  let failing: TestGateway;
  let calls = 0;
  const register: PopulationRegister = {
    childrenOf: () => {
      calls += 1;
      return Promise.reject(new RegisterUnavailable('Navet svarar inte'));
    },
    guardiansOf: () => {
      calls += 1;
      return Promise.reject(new Error('socket hang up'));
    },
  };
  beforeAll(async () => {
    failing = await startWithRegister(register);
    await failing.reset();
    await resetBarnomsorg(failing.db);
  }, 60_000);
  afterAll(() => failing.close());

  it('answers 503 with Retry-After and a Swedish detail on every route that asks it, and stores nothing', async () => {
    const annaHere = await loggedIn(failing.url, persons.anna);
    const expectUnavailable = async (response: Response) => {
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(((await response.json()) as Problem).detail).toBe('Folkbokföringen går inte att nå just nu, så dina barn kan inte hämtas. Försök igen om en liten stund.');
    };
    await expectUnavailable(await annaHere.fetch(`${api}/children`));
    await expectUnavailable(await annaHere.fetch(`${api}/applications`, post(sagaApplication())));
    await expectUnavailable(await annaHere.fetch(`${api}/applications`));
    // An id route asks the register only for an application that exists.
    const id = crypto.randomUUID();
    await failing.db.withTables<{ barnomsorg_application: Record<string, unknown> }>().insertInto('barnomsorg_application').values({
      id, kommun_id: 'exempelstad', reference: 'EXS-F-2026-999999', type: 'forskola', child_id: children.saga.id, child_given_name: 'Saga', child_family_name: 'Andersson', child_birth_date: children.saga.birthDate,
      desired_start_date: daysAhead(60), applied_on: today(), guarantee_date: guaranteeDate(today()), hours_per_week: 40, drop_off: '07:30', pick_up: '16:00', reason: 'arbete', status: 'inskickad',
      sent_by_subject: 'x', sent_by_name: 'Anna Andersson', other_guardian_confirmation: 'behovs_inte',
    }).execute();
    await expectUnavailable(await annaHere.fetch(`${api}/applications/${id}`));
    await expectUnavailable(await annaHere.fetch(`${api}/applications/${id}/withdraw`, post()));
    expect(calls).toBe(5);
    const { count } = await sql<{ count: string }>`select count(*) as count from barnomsorg_application`.execute(failing.db).then((result) => result.rows[0]!);
    expect(Number(count)).toBe(1);
    // The public reads do not need the register.
    expect((await fetch(`${failing.url}${api}/units`)).status).toBe(200);
  });
});
