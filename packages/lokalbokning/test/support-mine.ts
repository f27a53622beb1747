import { http, HttpResponse } from 'msw';
import type { Booking, Forening, LokalSummary, NewSeasonRequest, SeasonOccurrence, SeasonPreview, SeasonRequest } from '@kommunkit/contract';

/**
 * The gateway's citizen side of lokalbokning after booking, as MSW handlers for the component
 * tests and stories of "Mina bokningar" and the season request: a logged-in test person, their
 * bookings (paged, anyone else's never answered), cancelling by the deadline, the calendar
 * feed, their föreningar, the preview and the requests. Built from the contract's types.
 */
export const mineApi = 'http://gateway.test';

const problemJson = (status: number, type: string, title: string, extra: Record<string, unknown> = {}) =>
  HttpResponse.json({ type: `urn:kommunkit:problem:${type}`, title, status, ...extra }, { status, headers: { 'content-type': 'application/problem+json' } });

export const mineUser = { name: 'Anna Andersson', givenName: 'Anna', familyName: 'Andersson', kommun: 'exempelstad' };

const hour = 3_600_000;
const day = 24 * hour;
/** An instant `ms` from now, as the gateway writes it (UTC with its offset). */
export const fromNow = (ms: number): string => new Date(Math.round((Date.now() + ms) / 60_000) * 60_000).toISOString().replace('.000Z', '+00:00');

let counter = 0;
const uuid = (): string => `6f1c2a7e-3b7d-4c7e-9a51-${String(++counter).padStart(12, '0')}`;

const price = { customerType: 'privatperson' as const, perHourOre: 25000, netOre: 50000, vatOre: 12500, totalOre: 62500, vatPercent: 25 };

/** A booking of the test person, upcoming in three days and cancellable until a day before, unless `over` says otherwise. */
export function booking(over: Partial<Booking> = {}): Booking {
  const start = over.start ?? fromNow(3 * day);
  const end = over.end ?? new Date(Date.parse(start) + 2 * hour).toISOString().replace('.000Z', '+00:00');
  return {
    id: uuid(),
    reference: `EXS-B-2026-${String(100 + counter).padStart(6, '0')}`,
    lokalId: 'sporthallen',
    lokalName: 'Sporthallen Centrum',
    start,
    end,
    status: 'bekraftad',
    purpose: 'Innebandy med vänner',
    attendees: 12,
    price,
    cancellableUntil: new Date(Date.parse(start) - day).toISOString().replace('.000Z', '+00:00'),
    createdAt: fromNow(-2 * day),
    history: [{ status: 'bekraftad', at: fromNow(-2 * day) }],
    ...over,
  };
}

export const foreningar: Forening[] = [{ organisationsnummer: '802345-6789', name: 'IK Exempel', role: 'Ordförande' }];

export const mineLokaler: LokalSummary[] = [
  {
    id: 'sporthallen',
    name: 'Sporthallen Centrum',
    type: 'idrottshall',
    summary: 'Fullstor hall för bollsporter',
    address: 'Idrottsvägen 1',
    capacity: 200,
    accessibility: ['stegfri_entre', 'tillganglig_toalett'],
    prices: [{ customerType: 'forening', perHourOre: 20000, vatPercent: 0 }],
    approval: 'needs_approval',
  },
  {
    id: 'motesrum-a',
    name: 'Mötesrum A, Stadshuset',
    type: 'motesrum',
    summary: 'Mötesrum för tolv',
    address: 'Stadshustorget 1',
    capacity: 12,
    accessibility: ['horslinga'],
    prices: [{ customerType: 'forening', perHourOre: 10000, vatPercent: 0 }],
    approval: 'instant',
  },
];

const seasonPrice = { customerType: 'forening' as const, perHourOre: 20000, netOre: 30000, vatOre: 0, totalOre: 30000, vatPercent: 0 };

/** The weekly occurrences of a request, the one on `conflictOn` (a date) taken by another booking. */
export function occurrencesOf(request: Pick<NewSeasonRequest, 'fromDate' | 'toDate' | 'weekday' | 'startTime' | 'endTime'>, conflicts: Record<string, SeasonOccurrence['conflict']> = {}): SeasonOccurrence[] {
  const found: SeasonOccurrence[] = [];
  const to = Date.parse(`${request.toDate}T00:00:00Z`);
  for (let at = Date.parse(`${request.fromDate}T00:00:00Z`); at <= to; at += day) {
    const date = new Date(at);
    const weekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
    if (weekday !== request.weekday) continue;
    const iso = date.toISOString().slice(0, 10);
    const conflict = conflicts[iso] ?? null;
    found.push({
      start: `${iso}T${request.startTime}:00+01:00`,
      end: `${iso}T${request.endTime}:00+01:00`,
      conflict,
      ...(conflict === 'bokad' ? { reason: 'Bokad av en annan förening' } : conflict === 'stangt' ? { reason: 'Trettondedag jul' } : {}),
      status: 'begard',
    });
  }
  return found;
}

export interface MineGatewayOptions {
  /** Bookings of the test person, in the order the gateway lists them. */
  bookings?: Booking[];
  /** Logged in from the start (default true). */
  signedIn?: boolean;
  /** The föreningar the person represents (default: IK Exempel). */
  foreningar?: Forening[];
  /** Conflicts by date for the preview and the request. */
  conflicts?: Record<string, SeasonOccurrence['conflict']>;
  /** Earlier season requests. */
  requests?: SeasonRequest[];
  /** A 409 with this detail on the next cancel. */
  refuseCancel?: string;
}

/**
 * A gateway for one test person: handlers plus what it received. Every kommun path parameter
 * is accepted, so each test may use a kommun of its own (its client then starts unknowing).
 */
export function mineGateway(options: MineGatewayOptions = {}, base = mineApi) {
  let person: string | undefined = options.signedIn === false ? undefined : mineUser.name;
  const bookings = [...(options.bookings ?? [])];
  const requests = [...(options.requests ?? [])];
  const received = { cancels: [] as string[], feeds: 0, previews: [] as NewSeasonRequest[], sent: [] as { body: NewSeasonRequest; key: string | null }[], bookingPages: [] as string[] };
  let refuseCancel = options.refuseCancel;
  const session = () => (person ? undefined : problemJson(401, 'unauthenticated', 'Du behöver logga in'));
  const at = `${base}/api/v1/:kommun/lokalbokning`;
  const handlers = [
    http.get(`${base}/api/v1/:kommun`, ({ params }) => HttpResponse.json({ id: String(params.kommun), name: 'Exempelstads kommun', theme: {}, services: ['lokalbokning'] })),
    http.get(`${base}/api/v1/:kommun/auth/me`, () => (person ? HttpResponse.json({ ...mineUser, expiresAt: new Date(Date.now() + hour).toISOString() }) : new HttpResponse(null, { status: 204 }))),
    http.post(`${base}/api/v1/:kommun/auth/logout`, () => {
      person = undefined;
      return new HttpResponse(null, { status: 204 });
    }),
    http.get(`${at}/bookings/mine`, ({ request }) => {
      const refused = session();
      if (refused) return refused;
      const query = new URL(request.url).searchParams;
      received.bookingPages.push(query.toString());
      const page = Number(query.get('page') ?? 1);
      const pageSize = Number(query.get('pageSize') ?? 20);
      return HttpResponse.json({ items: bookings.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: bookings.length });
    }),
    http.post(`${at}/bookings/:id/cancel`, ({ params }) => {
      const refused = session();
      if (refused) return refused;
      const id = String(params.id);
      received.cancels.push(id);
      const index = bookings.findIndex((candidate) => candidate.id === id);
      if (index < 0) return problemJson(404, 'not-found', 'Sidan eller uppgiften finns inte');
      if (refuseCancel) {
        const detail = refuseCancel;
        refuseCancel = undefined;
        return problemJson(409, 'conflict', 'Uppgiften har ändrats under tiden', { detail });
      }
      const cancelled: Booking = { ...bookings[index]!, status: 'avbokad', cancellableUntil: null, history: [...bookings[index]!.history, { status: 'avbokad', at: new Date().toISOString() }] };
      bookings[index] = cancelled;
      return HttpResponse.json(cancelled);
    }),
    http.post(`${at}/calendar-feed`, () => {
      const refused = session();
      if (refused) return refused;
      received.feeds += 1;
      return HttpResponse.json({ url: `${base}/api/v1/exempelstad/lokalbokning/calendar-feed/hemlig${String(received.feeds).padStart(20, '0')}.ics` }, { status: 201 });
    }),
    http.get(`${at}/foreningar`, () => session() ?? HttpResponse.json({ foreningar: options.foreningar ?? foreningar })),
    http.get(`${at}/lokaler`, () => HttpResponse.json({ items: mineLokaler, page: 1, pageSize: 100, total: mineLokaler.length })),
    http.get(`${at}/lokaler/:id`, ({ params }) => {
      const found = mineLokaler.find((lokal) => lokal.id === params.id);
      if (!found) return problemJson(404, 'not-found', 'Sidan eller uppgiften finns inte');
      return HttpResponse.json({ ...found, description: '', equipment: [], images: [], terms: 'Lämna lokalen som ni fann den. Avboka senast 24 timmar före.', timeZone: 'Europe/Stockholm' });
    }),
    http.post(`${at}/season-requests/preview`, async ({ request }) => {
      const refused = session();
      if (refused) return refused;
      const body = (await request.json()) as NewSeasonRequest;
      received.previews.push(body);
      if (!(options.foreningar ?? foreningar).some((f) => f.organisationsnummer === body.forening)) return problemJson(403, 'forbidden', 'Du saknar behörighet');
      const preview: SeasonPreview = { occurrences: occurrencesOf(body, options.conflicts), price: seasonPrice };
      return HttpResponse.json(preview);
    }),
    http.post(`${at}/season-requests`, async ({ request }) => {
      const refused = session();
      if (refused) return refused;
      const body = (await request.json()) as NewSeasonRequest;
      received.sent.push({ body, key: request.headers.get('idempotency-key') });
      const forening = (options.foreningar ?? foreningar).find((f) => f.organisationsnummer === body.forening)!;
      const created: SeasonRequest = {
        id: uuid(),
        reference: `EXS-S-2026-${String(requests.length + 1).padStart(6, '0')}`,
        lokalId: body.lokalId,
        lokalName: mineLokaler.find((lokal) => lokal.id === body.lokalId)?.name ?? body.lokalId,
        forening,
        weekday: body.weekday,
        startTime: body.startTime,
        endTime: body.endTime,
        fromDate: body.fromDate,
        toDate: body.toDate,
        purpose: body.purpose,
        status: 'inskickad',
        occurrences: occurrencesOf(body, options.conflicts),
        price: seasonPrice,
        createdAt: new Date().toISOString(),
      };
      requests.unshift(created);
      return HttpResponse.json(created, { status: 201 });
    }),
    http.get(`${at}/season-requests/mine`, () => session() ?? HttpResponse.json({ items: requests })),
  ];
  return { handlers, received, bookings, requests, logIn: () => (person = mineUser.name), signedIn: () => person };
}

/** A decided season request of IK Exempel: three occurrences granted, one refused. */
export function decidedRequest(): SeasonRequest {
  const body = { fromDate: '2027-01-12', toDate: '2027-02-02', weekday: 2, startTime: '18:00', endTime: '19:30' };
  const occurrences = occurrencesOf(body, { '2027-01-19': 'bokad' }).map((o): SeasonOccurrence => ({ ...o, status: o.conflict ? 'avslagen' : 'beviljad' }));
  return {
    id: uuid(),
    reference: 'EXS-S-2026-000001',
    lokalId: 'sporthallen',
    lokalName: 'Sporthallen Centrum',
    forening: foreningar[0]!,
    ...body,
    purpose: 'Innebandyträning',
    status: 'beslutad',
    occurrences,
    price: seasonPrice,
    createdAt: '2026-11-01T10:00:00+01:00',
  };
}

/** The gateway answers every call of these paths with 503 (a retry gets the same). */
export const mineUnavailable = (path: string, base = mineApi) => [
  http.all(`${base}/api/v1/:kommun/lokalbokning/${path}`, () =>
    HttpResponse.json(
      { type: 'urn:kommunkit:problem:unavailable', title: 'Tjänsten är inte tillgänglig just nu', status: 503 },
      { status: 503, headers: { 'content-type': 'application/problem+json', 'retry-after': '0' } },
    ),
  ),
];
