import { http, HttpResponse } from 'msw';
import type { Application, ApplicationMessage, BarnomsorgSettings, Children, Draft, OfferAnswer, Placement, PlacementNotice, UnitsPage } from '@kommunkit/contract';
import { addDays, guaranteeDate, noticeEndDate, swedishDate, withdrawableStatuses } from '@kommunkit/contract/barnomsorg-rules';

/**
 * The gateway's citizen side of barnomsorg after sending, as MSW handlers for the component
 * tests and stories of "Mina ansökningar och placeringar": a logged-in guardian, the overview,
 * one application (anyone else's answered 404), withdrawing, answering an offer by its reply-by
 * day, the other guardian's confirmation, messages, and a placement's notice with the last day
 * by the contract's own `noticeEndDate`. Built from the contract's types.
 */
export const overviewApi = 'http://gateway.test';

const problemJson = (status: number, type: string, title: string, extra: Record<string, unknown> = {}) =>
  HttpResponse.json({ type: `urn:kommunkit:problem:${type}`, title, status, ...extra }, { status, headers: { 'content-type': 'application/problem+json' } });
const notFound = () => problemJson(404, 'not-found', 'Sidan eller uppgiften finns inte');
const conflict = (detail: string) => problemJson(409, 'conflict', 'Uppgiften har ändrats under tiden', { detail });

export const guardian = { name: 'Anna Andersson', givenName: 'Anna', familyName: 'Andersson', kommun: 'exempelstad' };
export const otherGuardian = { name: 'Erik Andersson' };

/** Today in Sweden, and a date `days` from it. */
export const today = (): string => swedishDate(new Date());
export const inDays = (days: number): string => addDays(today(), days);
const at = (days: number, hour = 10): string => `${inDays(days)}T${String(hour).padStart(2, '0')}:00:00+01:00`;

let counter = 0;
const uuid = (): string => `3d6a1f0e-5b2c-4e8a-9c71-${String(++counter).padStart(12, '0')}`;

export const vera = { id: '9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c01', givenName: 'Vera', familyName: 'Andersson', birthDate: '2025-03-14' };
export const olle = { id: '9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c02', givenName: 'Olle', familyName: 'Andersson', birthDate: '2019-05-02' };

export const settings = (over: Partial<BarnomsorgSettings> = {}): BarnomsorgSettings => ({
  maxRankedUnits: 3,
  offerReplyDays: 14,
  otherGuardianMustConfirm: false,
  noticeMonths: 2,
  maxtaxa: { year: 2025, incomeCeilingMonthlyOre: 5_713_000 },
  areas: ['Centrum', 'Norra', 'Södra'],
  today: today(),
  ...over,
});

/** An application of the guardian for Vera, sent 20 days ago and received, unless `over` says otherwise. */
export function application(over: Partial<Application> = {}): Application {
  const sent = at(-20);
  const status = over.status ?? 'mottagen';
  const id = over.id ?? uuid();
  return {
    id,
    reference: `EXS-F-2026-${String(100 + counter).padStart(6, '0')}`,
    type: 'forskola',
    child: vera,
    desiredStartDate: inDays(60),
    guaranteeDate: guaranteeDate(inDays(-20)),
    units: [
      { id: 'solrosen', name: 'Solrosens förskola' },
      { id: 'ekbacken', name: 'Ekbackens förskola' },
    ],
    schedule: { hoursPerWeek: 40, dropOff: '07:30', pickUp: '16:00' },
    reason: 'arbete',
    status,
    sentByMe: true,
    sentBy: { name: guardian.name },
    otherGuardianConfirmation: 'behovs_inte',
    offer: null,
    placementId: null,
    history: [{ status: 'inskickad', at: sent }, ...(status === 'inskickad' ? [] : [{ status: 'mottagen' as const, at: at(-19) }])],
    messages: [],
    createdAt: sent,
    ...over,
  };
}

/** An application with an open offer at Solrosen, to be answered by `replyIn` days from today. */
export function offered(replyIn = 10, over: Partial<Application> = {}): Application {
  return application({
    status: 'erbjudande',
    offer: { unitId: 'solrosen', unitName: 'Solrosens förskola', startDate: inDays(40), replyBy: inDays(replyIn), answer: null, answeredAt: null },
    history: [
      { status: 'inskickad', at: at(-20) },
      { status: 'mottagen', at: at(-19) },
      { status: 'erbjudande', at: at(-2), note: 'Välkommen till Solrosen!' },
    ],
    ...over,
  });
}

/** Vera's placement at Solrosen, active since 30 days. */
export function placement(over: Partial<Placement> = {}): Placement {
  return {
    id: uuid(),
    applicationId: uuid(),
    type: 'forskola',
    child: { id: vera.id, givenName: vera.givenName, familyName: vera.familyName },
    unitId: 'solrosen',
    unitName: 'Solrosens förskola',
    startDate: inDays(-30),
    endDate: null,
    status: 'aktiv',
    noticeGivenAt: null,
    ...over,
  };
}

export const kommunMessage = (text: string, days = -1): ApplicationMessage => ({
  id: uuid(),
  from: 'kommun',
  author: 'Exempelstads kommun, förskoleantagningen',
  text,
  at: at(days, 9),
});

export interface OverviewGatewayOptions {
  applications?: Application[];
  placements?: Placement[];
  /** Logged in from the start (default true). */
  signedIn?: boolean;
  settings?: Partial<BarnomsorgSettings>;
  /** An unsent application the server keeps (`/drafts/barnomsorg`), as the form's draft stores it. */
  draft?: Record<string, unknown>;
}

/**
 * A gateway for one guardian: handlers plus what it received. Every kommun path parameter is
 * accepted, so each test may use a kommun of its own (its client then starts unknowing).
 */
export function overviewGateway(options: OverviewGatewayOptions = {}, base = overviewApi) {
  let person: string | undefined = options.signedIn === false ? undefined : guardian.name;
  const applications = [...(options.applications ?? [])];
  const placements = [...(options.placements ?? [])];
  const rules = settings(options.settings);
  const received = {
    overviews: 0,
    reads: [] as string[],
    answers: [] as { id: string; body: OfferAnswer }[],
    withdrawals: [] as string[],
    confirmations: [] as string[],
    messages: [] as { id: string; body: unknown }[],
    notices: [] as { id: string; body: PlacementNotice }[],
  };
  const session = () => (person ? undefined : problemJson(401, 'unauthenticated', 'Du behöver logga in'));
  const find = (id: unknown) => applications.findIndex((candidate) => candidate.id === id);
  const now = () => new Date().toISOString();
  const change = (index: number, next: Partial<Application>, status?: Application['status']): Application => {
    const current = applications[index]!;
    const updated: Application = { ...current, ...next, history: status ? [...current.history, { status, at: now() }] : current.history };
    applications[index] = updated;
    return updated;
  };
  const bo = `${base}/api/v1/:kommun/barnomsorg`;
  const children: Children = { children: [vera, olle].map((child) => ({ ...child, otherGuardian: otherGuardian })), someNotShown: false };
  const draft: Draft | undefined = options.draft
    ? { service: 'barnomsorg', data: { version: 1, values: options.draft, path: ['child', 'type'], hadFiles: false }, revision: 3, updatedAt: at(-1) }
    : undefined;
  const handlers = [
    http.get(`${base}/api/v1/:kommun`, ({ params }) => HttpResponse.json({ id: String(params.kommun), name: 'Exempelstads kommun', theme: {}, services: ['barnomsorg'] })),
    http.get(`${base}/api/v1/:kommun/auth/me`, () =>
      person ? HttpResponse.json({ ...guardian, expiresAt: new Date(Date.now() + 3_600_000).toISOString() }) : new HttpResponse(null, { status: 204 }),
    ),
    http.post(`${base}/api/v1/:kommun/auth/logout`, () => {
      person = undefined;
      return new HttpResponse(null, { status: 204 });
    }),
    http.get(`${base}/api/v1/:kommun/drafts/barnomsorg`, () => session() ?? (draft ? HttpResponse.json(draft) : notFound())),
    http.put(`${base}/api/v1/:kommun/drafts/barnomsorg`, () => session() ?? HttpResponse.json({ ...(draft ?? { service: 'barnomsorg', data: {} }), revision: 4, updatedAt: now() })),
    http.delete(`${base}/api/v1/:kommun/drafts/barnomsorg`, () => session() ?? new HttpResponse(null, { status: 204 })),
    http.get(`${bo}/settings`, () => HttpResponse.json(rules)),
    http.get(`${bo}/children`, () => session() ?? HttpResponse.json(children)),
    // The form's chunk, asked for ahead while a draft is shown, reads the units of the draft's type.
    http.get(`${bo}/units`, ({ request }) => {
      const query = new URL(request.url).searchParams;
      const page = Number(query.get('page') ?? 1);
      const pageSize = Number(query.get('pageSize') ?? 20);
      const result: UnitsPage = { items: [], page, pageSize, total: 0 };
      return HttpResponse.json(result);
    }),
    http.get(`${bo}/applications`, () => {
      const refused = session();
      if (refused) return refused;
      received.overviews += 1;
      return HttpResponse.json({ applications, placements });
    }),
    http.get(`${bo}/applications/:id`, ({ params }) => {
      const refused = session();
      if (refused) return refused;
      received.reads.push(String(params.id));
      const index = find(params.id);
      return index < 0 ? notFound() : HttpResponse.json(applications[index]);
    }),
    http.post(`${bo}/applications/:id/withdraw`, ({ params }) => {
      const refused = session();
      if (refused) return refused;
      const index = find(params.id);
      if (index < 0) return notFound();
      received.withdrawals.push(String(params.id));
      if (!withdrawableStatuses.includes(applications[index]!.status)) return conflict('Ansökan kan inte återkallas när kommunen har erbjudit en plats.');
      return HttpResponse.json(change(index, { status: 'aterkallad' }, 'aterkallad'));
    }),
    http.post(`${bo}/applications/:id/answer`, async ({ params, request }) => {
      const refused = session();
      if (refused) return refused;
      const index = find(params.id);
      if (index < 0) return notFound();
      const body = (await request.json()) as OfferAnswer;
      received.answers.push({ id: String(params.id), body });
      const current = applications[index]!;
      const offer = current.offer;
      if (current.status !== 'erbjudande' || !offer || offer.answer !== null) return conflict('Det finns inget erbjudande att svara på.');
      if (offer.replyBy < today()) return conflict(`Svarstiden gick ut ${offer.replyBy}.`);
      const placementId = body.answer === 'accepterad' ? uuid() : null;
      if (placementId)
        placements.push(placement({ id: placementId, applicationId: current.id, unitId: offer.unitId, unitName: offer.unitName, startDate: offer.startDate }));
      return HttpResponse.json(change(index, { status: body.answer, placementId, offer: { ...offer, answer: body.answer, answeredAt: now() } }, body.answer));
    }),
    http.post(`${bo}/applications/:id/confirm`, ({ params }) => {
      const refused = session();
      if (refused) return refused;
      const index = find(params.id);
      if (index < 0) return notFound();
      received.confirmations.push(String(params.id));
      const current = applications[index]!;
      if (current.sentByMe || current.otherGuardianConfirmation !== 'vantar') return conflict('Ansökan behöver inte bekräftas av dig.');
      return HttpResponse.json(change(index, { otherGuardianConfirmation: 'bekraftad' }));
    }),
    http.post(`${bo}/applications/:id/messages`, async ({ params, request }) => {
      const refused = session();
      if (refused) return refused;
      const index = find(params.id);
      if (index < 0) return notFound();
      const body = (await request.json()) as { text?: unknown };
      received.messages.push({ id: String(params.id), body });
      if (typeof body.text !== 'string' || body.text.trim() === '')
        return problemJson(400, 'validation', 'Uppgifterna behöver rättas', { errors: [{ pointer: '/body/text', detail: 'Skriv ett meddelande.' }] });
      const message: ApplicationMessage = { id: uuid(), from: 'vardnadshavare', author: guardian.name, text: body.text, at: now() };
      return HttpResponse.json(change(index, { messages: [...applications[index]!.messages, message] }), { status: 201 });
    }),
    http.post(`${bo}/placements/:id/notice`, async ({ params, request }) => {
      const refused = session();
      if (refused) return refused;
      const index = placements.findIndex((candidate) => candidate.id === params.id);
      if (index < 0) return notFound();
      const body = (await request.json()) as PlacementNotice;
      received.notices.push({ id: String(params.id), body });
      if (placements[index]!.status !== 'aktiv') return conflict('Platsen är redan uppsagd.');
      const endDate = noticeEndDate(today(), body.wishedEndDate, rules);
      const given: Placement = { ...placements[index]!, status: 'uppsagd', endDate, noticeGivenAt: now() };
      placements[index] = given;
      return HttpResponse.json(given);
    }),
  ];
  return { handlers, received, applications, placements, logIn: () => (person = guardian.name) };
}

/** The gateway answers every call of these barnomsorg paths with 503 (a retry gets the same). */
export const overviewUnavailable = (path: string, base = overviewApi) => [
  http.get(`${base}/api/v1/:kommun/barnomsorg/${path}`, () =>
    HttpResponse.json(
      { type: 'urn:kommunkit:problem:unavailable', title: 'Tjänsten är inte tillgänglig just nu', status: 503 },
      { status: 503, headers: { 'content-type': 'application/problem+json', 'retry-after': '0' } },
    ),
  ),
];

/** The notice's expected last day for a wish (or none), by the rule the gateway applies. */
export const expectedLastDay = (wished?: string, months = 2): string => noticeEndDate(today(), wished, { noticeMonths: months });
