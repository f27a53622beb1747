import { http, HttpResponse } from 'msw';
import type { KommunInfo } from '@kommunkit/sdk';
import type { Open311Service, Open311ServiceDefinition, Open311ServiceRequest } from '@kommunkit/sdk/felanmalan';

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
export function gatewayHandlers(options: { nearby?: Open311ServiceRequest[]; services?: Open311Service[]; map?: KommunInfo['map']; base?: string } = {}) {
  const base = options.base ?? api;
  const open311At = `${base}/open311/v2`;
  return [
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
