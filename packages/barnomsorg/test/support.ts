import { http, HttpResponse } from 'msw';
import type { KommunInfo } from '@kommunkit/sdk';
import type { Application, BarnomsorgSettings, Child, Children, NewApplication, Unit, UnitsPage } from '@kommunkit/contract';
import { guaranteeDate } from '@kommunkit/contract/barnomsorg-rules';

/** Test data and MSW handlers of barnomsorg's gateway API (applying), shared by component tests and stories. */
export const api = 'http://gateway.test';

export const testUser = { kommun: 'exempelstad', name: 'Anna Andersson', givenName: 'Anna', familyName: 'Andersson' };

export const kommunInfo = (kommun: string, withMap = false): KommunInfo => ({
  id: kommun,
  name: 'Exempelstads kommun',
  theme: {},
  services: ['barnomsorg'],
  ...(withMap ? { map: { tileUrl: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=#{z}/{x}/{y}', attribution: '© Exempelstads kommun', center: [58.4108, 15.6214] as [number, number], zoom: 13 } } : {}),
});

/** The gateway's "today" in every test: 2 December 2026, so the guarantee date is 2 April 2027. */
export const today = '2026-12-02';
export const guarantee = guaranteeDate(today);

export const settings: BarnomsorgSettings = {
  maxRankedUnits: 3,
  offerReplyDays: 14,
  otherGuardianMustConfirm: false,
  noticeMonths: 2,
  maxtaxa: { year: 2025, incomeCeilingMonthlyOre: 5_713_000 },
  areas: ['Centrum', 'Norr', 'Söder'],
  today,
};

/** Two years old: förskola and pedagogisk omsorg, not fritidshem. */
export const elsa: Child = { id: '5f0c6a2e-1b7d-4c3e-9a41-2f6d8b0e7c11', givenName: 'Elsa', familyName: 'Andersson', birthDate: '2024-05-10', otherGuardian: { name: 'Erik Andersson' } };
/** Eight years old (in school since 2024): fritidshem only. */
export const oskar: Child = { id: '7a3d9e41-5c2b-4f8a-b6d0-9e1c4a7f2b22', givenName: 'Oskar', familyName: 'Andersson', birthDate: '2018-03-01', otherGuardian: { name: 'Erik Andersson' } };

export const children = (someNotShown = false, list: Child[] = [elsa, oskar]): Children => ({ children: list, someNotShown });

const unit = (id: string, name: string, type: Unit['type'], area: string, profile: string, lat: number, lon: number, free: number): Unit => ({
  id,
  name,
  type,
  area,
  address: `${name.split(' ')[0]}vägen ${String(Math.round(lat * 10) % 30)}, Exempelstad`,
  position: { lat, lon },
  ageFrom: type === 'fritidshem' ? 6 : 1,
  ageTo: type === 'fritidshem' ? 12 : 5,
  profile,
  openingHours: '06.30–18.00',
  freePlaces: [
    { month: '2027-01', places: 0 },
    { month: '2027-04', places: free },
    { month: '2027-08', places: free + 2 },
  ],
});

export const units: Unit[] = [
  unit('solrosen', 'Solrosens förskola', 'forskola', 'Centrum', 'Musik och rörelse', 58.4112, 15.6201, 3),
  unit('ekorren', 'Ekorrens förskola', 'forskola', 'Norr', 'Ur och skur', 58.4231, 15.6188, 1),
  unit('humlan', 'Humlans förskola', 'forskola', 'Söder', 'Naturvetenskap och teknik', 58.3987, 15.6302, 0),
  unit('blaklockan', 'Blåklockans förskola', 'forskola', 'Centrum', 'Reggio Emilia', 58.4099, 15.6247, 2),
  unit('dagmamman-lind', 'Familjedaghemmet Lind', 'pedagogisk_omsorg', 'Norr', 'Liten grupp i hemmiljö', 58.4202, 15.6111, 1),
  unit('fritids-ekbacken', 'Ekbackens fritidshem', 'fritidshem', 'Söder', 'Idrott och friluftsliv', 58.3954, 15.6333, 5),
];

/** The application the gateway answers a send with. */
export const applicationOf = (body: NewApplication, extra: Partial<Application> = {}): Application => {
  const child = [elsa, oskar].find((candidate) => candidate.id === body.childId) ?? elsa;
  return {
    id: '3c9b2f71-8e4d-4a6b-9c1d-0f2e3a4b5c66',
    reference: 'EXS-F-2026-000123',
    type: body.type,
    child: { id: child.id, givenName: child.givenName, familyName: child.familyName, birthDate: child.birthDate },
    desiredStartDate: body.desiredStartDate,
    guaranteeDate: guarantee,
    units: body.units.map((id) => ({ id, name: units.find((u) => u.id === id)?.name ?? id })),
    ...(body.siblingUnitId ? { siblingUnitId: body.siblingUnitId } : {}),
    schedule: body.schedule,
    reason: body.reason,
    status: 'inskickad',
    sentByMe: true,
    sentBy: { name: testUser.name },
    otherGuardianConfirmation: 'behovs_inte',
    offer: null,
    placementId: null,
    history: [{ status: 'inskickad', at: `${today}T09:00:00+01:00` }],
    messages: [],
    createdAt: `${today}T09:00:00+01:00`,
    ...extra,
  };
};

const problem = (status: number, type: string, title: string, extra: Record<string, unknown> = {}) =>
  HttpResponse.json({ type, title, status, ...extra }, { status, headers: { 'content-type': 'application/problem+json' } });

/** What the fake gateway was last asked. */
export const received: { application?: NewApplication; keys: (string | null)[]; unitQueries: URLSearchParams[]; draftPuts: unknown[] } = { keys: [], unitQueries: [], draftPuts: [] };

export interface StoredDraft {
  data: unknown;
  step?: string;
  revision: number;
  updatedAt: string;
}
export type DraftStore = Map<string, StoredDraft>;

export interface HandlerOptions {
  base?: string;
  loggedIn?: boolean;
  someNotShown?: boolean;
  children?: Child[];
  map?: boolean;
  failUnits?: boolean;
  /** How the send is answered: created, a 409 (an active application), or a 422 on a field. */
  create?: 'ok' | 'active' | 'invalid-start' | 'invalid-schedule';
  /** The server drafts, shared by every "device" that uses the same store. */
  drafts?: DraftStore;
  /** Delay of each answer, for stories of the loading states. */
  delayMs?: number;
  settings?: Partial<BarnomsorgSettings>;
}

/** A working gateway: kommun info, a logged-in guardian, the settings, children and units, the drafts, the send. */
export function handlers(options: HandlerOptions = {}) {
  const base = options.base ?? api;
  const drafts: DraftStore = options.drafts ?? new Map<string, StoredDraft>();
  const loggedIn = options.loggedIn ?? true;
  const wait = () => new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 0));
  const unauthenticated = () => problem(401, 'urn:kommunkit:problem:unauthenticated', 'Inte inloggad');
  const draftKey = (kommun: unknown) => `${String(kommun)}/barnomsorg`;
  return [
    http.get(`${base}/api/v1/:kommun`, ({ params }) => HttpResponse.json(kommunInfo(String(params.kommun), options.map))),
    http.get(`${base}/api/v1/:kommun/auth/me`, () =>
      loggedIn ? HttpResponse.json({ ...testUser, expiresAt: new Date(Date.now() + 3600_000).toISOString() }) : new HttpResponse(null, { status: 204 }),
    ),
    http.get(`${base}/api/v1/:kommun/barnomsorg/settings`, async () => {
      await wait();
      return HttpResponse.json({ ...settings, ...options.settings });
    }),
    http.get(`${base}/api/v1/:kommun/barnomsorg/children`, async () => {
      await wait();
      return loggedIn ? HttpResponse.json(children(options.someNotShown, options.children)) : unauthenticated();
    }),
    http.get(`${base}/api/v1/:kommun/barnomsorg/units`, async ({ request }) => {
      await wait();
      const query = new URL(request.url).searchParams;
      received.unitQueries.push(query);
      if (options.failUnits) return problem(500, 'urn:kommunkit:problem:internal', 'Internt fel');
      const type = query.get('type');
      const items = units.filter((u) => !type || u.type === type);
      const page = Number(query.get('page') ?? 1);
      const pageSize = Number(query.get('pageSize') ?? 20);
      const result: UnitsPage = { items: items.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: items.length };
      return HttpResponse.json(result);
    }),
    http.post(`${base}/api/v1/:kommun/barnomsorg/applications`, async ({ params, request }) => {
      await wait();
      if (!loggedIn) return unauthenticated();
      received.keys.push(request.headers.get('idempotency-key'));
      const body = (await request.json()) as NewApplication;
      received.application = body;
      if (options.create === 'active') return problem(409, 'urn:kommunkit:problem:conflict', 'Konflikt', { detail: 'Elsa Andersson har redan en aktiv ansökan om förskola.' });
      if (options.create === 'invalid-start')
        return problem(422, 'urn:kommunkit:problem:validation', 'Uppgifterna behöver rättas', { errors: [{ pointer: '/body/desiredStartDate', detail: 'Barnet har inte fyllt 1 år det datumet.' }] });
      if (options.create === 'invalid-schedule')
        return problem(422, 'urn:kommunkit:problem:validation', 'Uppgifterna behöver rättas', { errors: [{ pointer: '/body/schedule/pickUp', detail: 'Enheten har stängt klockan 18.00.' }] });
      drafts.delete(draftKey(params.kommun));
      return HttpResponse.json(applicationOf(body), { status: 201 });
    }),
    http.get(`${base}/api/v1/:kommun/drafts/barnomsorg`, ({ params }) => {
      if (!loggedIn) return unauthenticated();
      const draft = drafts.get(draftKey(params.kommun));
      return draft ? HttpResponse.json({ service: 'barnomsorg', ...draft }) : problem(404, 'urn:kommunkit:problem:not-found', 'Sidan eller uppgiften finns inte');
    }),
    http.put(`${base}/api/v1/:kommun/drafts/barnomsorg`, async ({ params, request }) => {
      if (!loggedIn) return unauthenticated();
      const body = (await request.json()) as { data: unknown; step?: string; revision?: number };
      received.draftPuts.push(body.data);
      const current = drafts.get(draftKey(params.kommun));
      if (body.revision !== undefined && body.revision !== current?.revision) return problem(409, 'urn:kommunkit:problem:conflict', 'Uppgiften har ändrats under tiden');
      const saved = { data: body.data, ...(body.step ? { step: body.step } : {}), revision: (current?.revision ?? 0) + 1, updatedAt: new Date().toISOString() };
      drafts.set(draftKey(params.kommun), saved);
      return HttpResponse.json({ service: 'barnomsorg', ...saved });
    }),
    http.delete(`${base}/api/v1/:kommun/drafts/barnomsorg`, ({ params }) => {
      drafts.delete(draftKey(params.kommun));
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}

/** The answers of a guardian who has come as far as check answers (Elsa, förskola, two units). */
export const answeredUpToCheck = {
  childId: elsa.id,
  type: 'forskola',
  desiredStartDate: '2027-08-16',
  units: ['solrosen', 'ekorren'],
  hasSibling: 'nej',
  siblingUnitId: '',
  hoursPerWeek: '40',
  dropOff: '07:30',
  pickUp: '16:30',
  reason: 'arbete',
  specialNeeds: '',
  diet: 'Laktosfri kost',
  motherTongue: '',
  message: '',
};

const pages = ['child', 'type', 'start', 'units', 'sibling', 'schedule', 'other', 'fee', 'check'] as const;

/** A server draft that opens the form on `page` with `values` answered (for stories and tests of one page). */
export function draftAt(page: (typeof pages)[number], values: Record<string, unknown> = answeredUpToCheck, kommun = 'exempelstad'): DraftStore {
  const path = pages.slice(0, pages.indexOf(page) + 1);
  return new Map([[`${kommun}/barnomsorg`, { data: { version: 1, values, path, hadFiles: false }, step: page, revision: 1, updatedAt: new Date().toISOString() }]]);
}
