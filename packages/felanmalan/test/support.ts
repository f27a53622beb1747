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

/** A working gateway: categories, definitions, no reports nearby unless `nearby` is given. */
export function gatewayHandlers(options: { nearby?: Open311ServiceRequest[]; services?: Open311Service[]; map?: KommunInfo['map'] } = {}) {
  return [
    http.get(`${api}/api/v1/:kommun`, ({ params }) => HttpResponse.json(kommunInfo(String(params.kommun), options.map))),
    http.get(`${api}/api/v1/:kommun/auth/me`, () =>
      HttpResponse.json({ type: 'urn:kommunkit:problem:unauthenticated', title: 'Inte inloggad', status: 401 }, { status: 401, headers: { 'content-type': 'application/problem+json' } }),
    ),
    http.get(`${open311}/services.json`, () => HttpResponse.json(options.services ?? services)),
    http.get(`${open311}/services/gatubelysning.json`, () => HttpResponse.json(lampDefinition)),
    http.get(`${open311}/requests.json`, () => HttpResponse.json(options.nearby ?? [])),
    http.get(`${open311}/requests/:id.json`, ({ params }) =>
      String(params.id) === reportFound.service_request_id
        ? HttpResponse.json([reportFound])
        : HttpResponse.json([{ code: 404, description: 'Ärendet finns inte.' }], { status: 404 }),
    ),
    http.post(`${open311}/requests.json`, async ({ request }) => {
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
