import { http, HttpResponse } from 'msw';
import type { KommunInfo } from '@kommunkit/sdk';
import type { Open311Service, Open311ServiceDefinition, Open311ServiceRequest } from '@kommunkit/sdk/felanmalan';
import type { MyReport } from '@kommunkit/contract';
import { metresBetween } from '@kommunkit/contract/geo-rules';

/** Test data and MSW handlers of the gateway's Open311 API, shared by component tests and stories. */
export const api = 'http://gateway.test';
export const open311 = `${api}/open311/v2`;

export const services: Open311Service[] = [
  {
    service_code: 'gatubelysning',
    service_name: 'Gatubelysning',
    description: 'Gatlampa som är trasig, blinkar eller lyser på dagen',
    metadata: true,
    type: 'realtime',
    keywords: 'lampa,gatlampa,lykta,belysning',
    group: 'Gata och trafik',
  },
  { service_code: 'hal-i-vagen', service_name: 'Hål i vägen', description: '', metadata: false, type: 'realtime', keywords: 'grop,asfalt', group: 'Gata och trafik' },
  {
    service_code: 'statlig-vag',
    service_name: 'Fel på E4 eller riksväg',
    description: '',
    metadata: false,
    type: 'realtime',
    keywords: 'e4,riksväg,motorväg',
    group: 'Gata och trafik',
    handoff_note: 'Statliga vägar sköts av Trafikverket. Ring Trafikverket på 0771-921 921.',
  },
  { service_code: 'klotter', service_name: 'Klotter', description: '', metadata: false, type: 'realtime', keywords: 'graffiti,tagg', group: 'Park och natur' },
];

export const lampDefinition: Open311ServiceDefinition = {
  service_code: 'gatubelysning',
  attributes: [
    {
      variable: true,
      code: 'lamp_number',
      datatype: 'string',
      required: false,
      datatype_description: 'Numret står på en skylt på stolpen',
      order: 1,
      description: 'Stolpens nummer',
    },
  ],
};

export const reportFound: Open311ServiceRequest = {
  service_request_id: 'EXS-2026-000042',
  status: 'open',
  service_name: 'Gatubelysning',
  service_code: 'gatubelysning',
  description: 'Lampan lyser inte',
  requested_datetime: '2026-11-20T10:00:00+01:00',
  updated_datetime: '2026-11-21T14:30:00+01:00',
  address: 'Storgatan 12',
  lat: 59.33,
  long: 18.06,
  extended_attributes: {
    detailed_status: 'atgard_planerad',
    status_history: [
      { status: 'mottagen', at: '2026-11-20T10:00:00+01:00' },
      { status: 'under_utredning', at: '2026-11-20T15:00:00+01:00' },
      { status: 'atgard_planerad', note: 'En elektriker byter lampan på torsdag.', at: '2026-11-21T14:30:00+01:00' },
    ],
    media_urls: [],
  },
};

export const kommunInfo = (kommun: string, map?: KommunInfo['map']): KommunInfo => ({
  id: kommun,
  name: 'Exempelstads kommun',
  theme: {},
  services: ['felanmalan'],
  ...(map ? { map } : {}),
});

/** What the fake gateway received in the last POST requests. */
export const received: { form?: FormData; headers?: Headers } = {};

/** A working gateway (at `base`, `api` by default): categories, definitions, no reports nearby unless `nearby` is given. */
export function gatewayHandlers(
  options: { nearby?: Open311ServiceRequest[]; services?: Open311Service[]; map?: KommunInfo['map']; base?: string; addresses?: readonly Address[] } = {},
) {
  const base = options.base ?? api;
  const open311At = `${base}/open311/v2`;
  return [
    ...geocoderHandlers(options.addresses ?? [], base),
    http.get(`${base}/api/v1/:kommun`, ({ params }) => HttpResponse.json(kommunInfo(String(params.kommun), options.map))),
    http.get(`${base}/api/v1/:kommun/auth/me`, () =>
      HttpResponse.json({ type: 'urn:kommunkit:problem:unauthenticated', title: 'Inte inloggad', status: 401 }, { status: 401, headers: { 'content-type': 'application/problem+json' } }),
    ),
    http.get(`${open311At}/services.json`, () => HttpResponse.json(options.services ?? services)),
    http.get(`${open311At}/services/gatubelysning.json`, () => HttpResponse.json(lampDefinition)),
    http.get(`${open311At}/requests.json`, () => HttpResponse.json(options.nearby ?? [])),
    http.get(`${open311At}/requests/:id.json`, ({ params }) =>
      String(params.id) === reportFound.service_request_id
        ? HttpResponse.json([reportFound])
        : HttpResponse.json([{ code: 404, description: 'Ärendet finns inte.' }], { status: 404 }),
    ),
    http.post(`${open311At}/requests.json`, async ({ request }) => {
      received.headers = request.headers;
      received.form = await request.formData();
      return HttpResponse.json([{ service_request_id: 'EXS-2026-000043', service_notice: 'Vi åtgärdar felet inom fem arbetsdagar.' }], { status: 201 });
    }),
  ];
}

/** An address of the kommun's register, as the geocoder answers it. */
export interface Address {
  label: string;
  lat: number;
  long: number;
}

/** A few of Exempelstad's addresses (as in the gateway's dev list), around the map's centre. */
export const exempelstad = {
  center: [58.4108, 15.6214] as [number, number],
  addresses: [
    { label: 'Storgatan 12', lat: 58.41069, long: 15.6212 },
    { label: 'Storgatan 14', lat: 58.41069, long: 15.6224 },
    { label: 'Kungsgatan 5', lat: 58.4093, long: 15.6190 },
    { label: 'Torggatan 2', lat: 58.4094, long: 15.6178 },
  ] satisfies Address[],
};

/**
 * The geocoder over `addresses`, as the gateway answers: `addresses?q=` every address whose
 * label contains the text (case ignored), `addresses/nearest` the nearest within 250 m or 404.
 * `asked` lists every query, in order.
 */
export function geocoderHandlers(addresses: readonly Address[], base = api, asked: string[] = []) {
  return [
    http.get(`${base}/api/v1/:kommun/felanmalan/addresses/nearest`, ({ request }) => {
      const url = new URL(request.url);
      asked.push(url.search);
      const at = { lat: Number(url.searchParams.get('lat')), long: Number(url.searchParams.get('long')) };
      const [nearest] = addresses.map((address) => ({ ...address, distance: Math.round(metresBetween(at, address)) })).filter((address) => address.distance <= 250).sort((a, b) => a.distance - b.distance);
      return nearest
        ? HttpResponse.json(nearest)
        : HttpResponse.json({ type: 'urn:kommunkit:problem:not-found', title: 'Sidan eller uppgiften finns inte', status: 404 }, { status: 404, headers: { 'content-type': 'application/problem+json' } });
    }),
    http.get(`${base}/api/v1/:kommun/felanmalan/addresses`, ({ request }) => {
      const url = new URL(request.url);
      asked.push(url.search);
      const q = (url.searchParams.get('q') ?? '').toLowerCase();
      return HttpResponse.json({ items: addresses.filter((address) => address.label.toLowerCase().includes(q)).slice(0, 10) });
    }),
  ];
}

/** The gateway does not answer at all. */
export const gatewayDown = [http.all(`${api}/*`, () => HttpResponse.error())];

/** The gateway answers 503 to everything. */
export const gatewayUnavailable = [
  http.all(`${api}/*`, () =>
    HttpResponse.json(
      { type: 'urn:kommunkit:problem:unavailable', title: 'Tjänsten är inte tillgänglig just nu', status: 503 },
      { status: 503, headers: { 'content-type': 'application/problem+json', 'retry-after': '60' } },
    ),
  ),
];

/** The gateway refuses the report with Open311 field errors. */
export const submitRejected = [
  http.post(`${open311}/requests.json`, () => HttpResponse.json([{ code: 400, description: 'Beskrivningen innehåller otillåtna tecken.', field: 'description' }], { status: 400 })),
];

/** sessionStorage key of the widget's draft (ui's `DraftController`: `kommunkit:<service>:<kommun>`). */
export const draftKey = (kommun: string): string => `kommunkit:felanmalan:${kommun}`;

/**
 * A draft as a reload finds it, for tests and stories that start on a later page: the answers
 * given and the pages taken, in the shape `DraftController` keeps (version 1 of felanmälan's answers).
 */
export function seedDraft(kommun: string, answers: Record<string, unknown>, path: string[], hadFiles = false): void {
  const values = { serviceCode: '', address: '', description: '', attributes: {}, firstName: '', lastName: '', email: '', phone: '', ...answers };
  sessionStorage.setItem(draftKey(kommun), JSON.stringify({ version: 1, values, path, hadFiles, savedAt: Date.now() }));
}

export const testUser = { name: 'Anna Andersson', givenName: 'Anna', familyName: 'Andersson', kommun: 'exempelstad' };

/**
 * A logged-in citizen at a gateway whose server drafts live in `store` (shared by every
 * "device" that uses it): `auth/me` answers the user, `drafts/felanmalan` reads and writes the
 * store with revisions and answers 409 to a stale write, as the gateway does.
 */
export function loggedInHandlers(base: string, store: Map<string, { data: unknown; step?: string; revision: number; updatedAt: string }>) {
  const key = (kommun: unknown) => `${String(kommun)}/felanmalan`;
  return [
    http.get(`${base}/api/v1/:kommun/auth/me`, () => HttpResponse.json({ ...testUser, expiresAt: new Date(Date.now() + 3600_000).toISOString() })),
    http.get(`${base}/api/v1/:kommun/drafts/felanmalan`, ({ params }) => {
      const draft = store.get(key(params.kommun));
      return draft
        ? HttpResponse.json({ service: 'felanmalan', ...draft })
        : HttpResponse.json({ type: 'urn:kommunkit:problem:not-found', title: 'Sidan eller uppgiften finns inte', status: 404 }, { status: 404, headers: { 'content-type': 'application/problem+json' } });
    }),
    http.put(`${base}/api/v1/:kommun/drafts/felanmalan`, async ({ params, request }) => {
      const body = (await request.json()) as { data: unknown; step?: string; revision?: number };
      const current = store.get(key(params.kommun));
      if (body.revision !== undefined && body.revision !== current?.revision) {
        return HttpResponse.json({ type: 'urn:kommunkit:problem:conflict', title: 'Uppgiften har ändrats under tiden', status: 409 }, { status: 409, headers: { 'content-type': 'application/problem+json' } });
      }
      const saved = { data: body.data, ...(body.step ? { step: body.step } : {}), revision: (current?.revision ?? 0) + 1, updatedAt: new Date().toISOString() };
      store.set(key(params.kommun), saved);
      return HttpResponse.json({ service: 'felanmalan', ...saved });
    }),
    http.delete(`${base}/api/v1/:kommun/drafts/felanmalan`, ({ params }) => {
      store.delete(key(params.kommun));
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}

/** A report as `storingGateway` keeps it: its reference number and the form it was sent with. */
export interface StoredReport {
  reference: string;
  form: FormData;
}

/**
 * A gateway that files each report under its Idempotency-Key, as the real one does
 * (`http/idempotency.ts`): a repeat of a key gets the first report's answer and stores nothing.
 * The replies to the first `loseReplies` POSTs are lost on the way back (the report is stored,
 * the browser sees no answer). `keys` lists the key of every POST, in order.
 */
export function storingGateway(options: { loseReplies?: number } = {}) {
  const store = new Map<string, StoredReport>();
  const keys: (string | null)[] = [];
  let lose = options.loseReplies ?? 0;
  const handlers = [
    http.post(`${open311}/requests.json`, async ({ request }) => {
      const key = request.headers.get('idempotency-key');
      keys.push(key);
      const form = await request.formData();
      if (!key) return HttpResponse.json([{ code: 400, description: 'Idempotency-Key saknas.' }], { status: 400 });
      let stored = store.get(key);
      if (!stored) {
        stored = { reference: `EXS-2026-${String(100 + store.size).padStart(6, '0')}`, form };
        store.set(key, stored);
      }
      if (lose > 0) {
        lose -= 1;
        return HttpResponse.error();
      }
      return HttpResponse.json([{ service_request_id: stored.reference }], { status: 201 });
    }),
  ];
  return { handlers, store, keys };
}

/** A gateway that takes reports and never answers (the browser waits until it gives up); `keys` as in `storingGateway`. */
export function hangingGateway() {
  const keys: (string | null)[] = [];
  const handlers = [
    http.post(`${open311}/requests.json`, ({ request }) => {
      keys.push(request.headers.get('idempotency-key'));
      return new Promise<never>(() => {});
    }),
  ];
  return { handlers, keys };
}

/** A report as `citizenGateway` keeps it: the citizen API's `MyReport`, the form it was filed with, and who may change it. */
export interface CitizenReport {
  report: MyReport;
  form: FormData;
  /** The test person it is linked to; undefined when filed anonymously over Open311. */
  owner: string | undefined;
  editToken: string;
}

const problem = (status: number, type: string, title: string, detail?: string) =>
  HttpResponse.json({ type: `urn:kommunkit:problem:${type}`, title, status, ...(detail ? { detail } : {}) }, { status, headers: { 'content-type': 'application/problem+json' } });

/**
 * The gateway's citizen API (`/api/v1/:kommun/felanmalan/reports…`) and Open311's POST with the
 * edit extensions, as the real one answers them: each report filed once per Idempotency-Key
 * (`posts` counts every POST, `store` holds one entry per report); a logged-in citizen
 * (`signedIn()`, the person's name) sees only their own reports (404 for anyone else's); edits
 * and withdrawals need the owner's session or the report's edit token, within `editMinutes`,
 * while the status is `mottagen` (otherwise 409). The replies to the first `loseReplies` POSTs
 * are lost on the way back.
 */
export function citizenGateway(options: { base?: string; signedIn?: () => string | undefined; editMinutes?: number; loseReplies?: number } = {}) {
  const base = options.base ?? api;
  const signedIn = options.signedIn ?? (() => testUser.name);
  const store = new Map<string, CitizenReport>();
  const byKey = new Map<string, string>();
  const posts: { path: string; key: string | null }[] = [];
  let lose = options.loseReplies ?? 0;
  const editMinutes = options.editMinutes ?? 60;
  let next = 200;

  const file = async (request: Request, owner: string | undefined): Promise<CitizenReport> => {
    const key = request.headers.get('idempotency-key') ?? '';
    posts.push({ path: new URL(request.url).pathname, key });
    const form = await request.formData();
    const field = (name: string): string => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const known = byKey.get(key);
    if (known) return store.get(known)!;
    const now = new Date();
    const reference = `EXS-2026-${String((next += 1)).padStart(6, '0')}`;
    const filed: CitizenReport = {
      form,
      owner,
      editToken: `token-${reference}`,
      report: {
        reference,
        serviceCode: field('service_code'),
        serviceName: services.find((service) => service.service_code === field('service_code'))?.service_name ?? field('service_code'),
        status: 'mottagen',
        description: field('description'),
        address: field('address_string') || null,
        lat: field('lat') ? Number(field('lat')) : null,
        long: field('long') ? Number(field('long')) : null,
        requestedAt: now.toISOString(),
        updatedAt: now.toISOString(),
        history: [{ status: 'mottagen', at: now.toISOString() }],
        editableUntil: new Date(now.getTime() + editMinutes * 60_000).toISOString(),
      },
    };
    store.set(reference, filed);
    byKey.set(key, reference);
    return filed;
  };

  /** The report `reference` if the caller may change it: its owner's session, or its token. */
  const mayChange = (request: Request, reference: string): CitizenReport | undefined => {
    const filed = store.get(reference);
    if (!filed) return undefined;
    const person = signedIn();
    return (person && filed.owner === person) || request.headers.get('x-kommunkit-edit-token') === filed.editToken ? filed : undefined;
  };
  const change = (request: Request, reference: string, apply: (filed: CitizenReport, at: string) => void) => {
    const filed = mayChange(request, reference);
    if (!filed) return problem(404, 'not-found', 'Sidan eller uppgiften finns inte');
    const until = filed.report.editableUntil;
    if (!until || Date.parse(until) <= Date.now() || filed.report.status !== 'mottagen') {
      return problem(409, 'conflict', 'Uppgiften har ändrats under tiden', 'Anmälan kan inte längre ändras: tiden för att ändra den har gått ut. Kontakta kommunen om något behöver rättas.');
    }
    const at = new Date().toISOString();
    apply(filed, at);
    filed.report.updatedAt = at;
    return HttpResponse.json(filed.report);
  };
  const answer = (_filed: CitizenReport) => {
    if (lose > 0) {
      lose -= 1;
      return HttpResponse.error();
    }
    return undefined;
  };

  const handlers = [
    http.post(`${base}/open311/v2/requests.json`, async ({ request }) => {
      const filed = await file(request, undefined);
      return (
        answer(filed) ??
        HttpResponse.json(
          [{ service_request_id: filed.report.reference, service_notice: `Tack! Din felanmälan har nummer ${filed.report.reference}.`, edit_token: filed.editToken, editable_until: filed.report.editableUntil }],
          { status: 201 },
        )
      );
    }),
    http.post(`${base}/api/v1/:kommun/felanmalan/reports`, async ({ request }) => {
      const person = signedIn();
      if (!person) return problem(401, 'unauthenticated', 'Inte inloggad');
      const filed = await file(request, person);
      return (
        answer(filed) ??
        HttpResponse.json(
          { reference: filed.report.reference, notice: `Tack! Din felanmälan har nummer ${filed.report.reference}.`, editableUntil: filed.report.editableUntil, editToken: filed.editToken },
          { status: 201 },
        )
      );
    }),
    http.get(`${base}/api/v1/:kommun/felanmalan/reports/mine`, () => {
      const person = signedIn();
      if (!person) return problem(401, 'unauthenticated', 'Inte inloggad');
      const items = [...store.values()].filter((filed) => filed.owner === person).map((filed) => filed.report);
      return HttpResponse.json({ items: items.reverse() });
    }),
    http.get(`${base}/api/v1/:kommun/felanmalan/reports/:reference`, ({ params }) => {
      const person = signedIn();
      if (!person) return problem(401, 'unauthenticated', 'Inte inloggad');
      const filed = store.get(String(params.reference));
      return filed && filed.owner === person ? HttpResponse.json(filed.report) : problem(404, 'not-found', 'Sidan eller uppgiften finns inte');
    }),
    http.put(`${base}/api/v1/:kommun/felanmalan/reports/:reference/description`, async ({ params, request }) => {
      const { description } = (await request.json()) as { description: string };
      return change(request, String(params.reference), (filed, at) => {
        filed.report.description = description;
        filed.report.history.push({ status: filed.report.status, at, note: 'Beskrivningen ändrades av den som anmälde.' });
      });
    }),
    http.post(`${base}/api/v1/:kommun/felanmalan/reports/:reference/withdraw`, ({ params, request }) =>
      change(request, String(params.reference), (filed, at) => {
        filed.report.status = 'aterkallad';
        filed.report.editableUntil = null;
        filed.report.history.push({ status: 'aterkallad', at, note: 'Anmälan återkallades av den som anmälde.' });
      }),
    ),
    // Open311's view of a report filed here: the public text, as changed.
    http.get(`${base}/open311/v2/requests/:id.json`, ({ params }) => {
      const filed = store.get(String(params.id));
      if (!filed) return HttpResponse.json([{ code: 404, description: 'Ärendet finns inte.' }], { status: 404 });
      const { report } = filed;
      return HttpResponse.json([
        {
          service_request_id: report.reference,
          status: report.status === 'aterkallad' ? 'closed' : 'open',
          service_name: report.serviceName,
          service_code: report.serviceCode,
          description: report.description,
          requested_datetime: report.requestedAt,
          updated_datetime: report.updatedAt,
          address: report.address ?? undefined,
          extended_attributes: { detailed_status: report.status, status_history: report.history, media_urls: [] },
        },
      ]);
    }),
  ];
  /** Lets the edit window of `reference` pass, as time would. */
  const expire = (reference: string): void => {
    const filed = store.get(reference);
    if (filed) filed.report.editableUntil = new Date(Date.now() - 1000).toISOString();
  };
  /** A report filed earlier (by `owner`, the test person by default), with the fields given. */
  const seed = (report: Partial<MyReport> & { reference: string }, owner: string | undefined = testUser.name): void => {
    const at = report.requestedAt ?? new Date().toISOString();
    store.set(report.reference, {
      form: new FormData(),
      owner,
      editToken: `token-${report.reference}`,
      report: {
        serviceCode: 'klotter',
        serviceName: 'Klotter',
        status: 'mottagen',
        description: 'Klotter på muren',
        address: 'Torget',
        lat: null,
        long: null,
        requestedAt: at,
        updatedAt: at,
        history: [{ status: 'mottagen', at }],
        editableUntil: null,
        ...report,
      },
    });
  };
  return { handlers, store, posts, expire, seed };
}

/**
 * A session at the gateway that can end: `auth/me` answers the test person while logged in,
 * `auth/logout` ends it (401 afterwards). `signedIn` is for `citizenGateway`; `drafts` are the
 * server drafts as `loggedInHandlers` keeps them, written only while logged in.
 */
export function sessionHandlers(base: string = api) {
  let person: string | undefined = testUser.name;
  const store = new Map<string, { data: unknown; step?: string; revision: number; updatedAt: string }>();
  const unauthenticated = () => problem(401, 'unauthenticated', 'Inte inloggad');
  const [, ...drafts] = loggedInHandlers(base, store);
  const handlers = [
    http.get(`${base}/api/v1/:kommun/auth/me`, () => (person ? HttpResponse.json({ ...testUser, expiresAt: new Date(Date.now() + 3600_000).toISOString() }) : unauthenticated())),
    http.post(`${base}/api/v1/:kommun/auth/logout`, () => {
      person = undefined;
      return new HttpResponse(null, { status: 204 });
    }),
    http.all(`${base}/api/v1/:kommun/drafts/:service`, () => (person ? undefined : unauthenticated())),
    ...drafts,
  ];
  return { handlers, store, signedIn: () => person, logIn: () => (person = testUser.name) };
}
