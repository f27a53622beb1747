import { http, HttpResponse } from 'msw';
import type { KommunInfo } from '@kommunkit/sdk';
import type { Availability, Booking, Lokal, LokalerPage, LokalSummary } from '@kommunkit/contract';

/** Test data and MSW handlers of lokalbokning's gateway API, shared by component tests and stories. */
export const api = 'http://gateway.test';

export const kommunInfo = (kommun: string): KommunInfo => ({ id: kommun, name: 'Exempelstads kommun', theme: {}, services: ['lokalbokning'] });

const rules: Lokal['rules'] = {
  openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '22:00' })),
  exceptions: [],
  openOnPublicHolidays: false,
  startIntervalMinutes: 60,
  minMinutes: 60,
  maxMinutes: 180,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 15,
  bookAheadDays: 90,
  minNoticeMinutes: 120,
  cancelBeforeHours: 48,
  approval: 'instant',
  maxActiveBookings: 5,
};

export const sporthall: Lokal = {
  id: 'norrhallen',
  name: 'Norrhallen',
  type: 'idrottshall',
  summary: 'Fullstor idrottshall för bollsporter',
  address: 'Idrottsvägen 4, Exempelstad',
  capacity: 60,
  accessibility: ['stegfri_entre', 'tillganglig_toalett'],
  prices: [
    { customerType: 'privatperson', perHourOre: 40000, vatPercent: 6 },
    { customerType: 'forening', perHourOre: 15000, vatPercent: 6 },
  ],
  approval: 'instant',
  description: 'Hallen har plats för handboll, innebandy och basket.',
  equipment: ['Innebandymål', 'Basketkorgar'],
  images: [{ url: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=', alt: 'Norrhallen inifrån med linjer för handboll' }],
  terms: 'Lämna hallen som du fann den. Skor med ljusa sulor.',
  rules,
  timeZone: 'Europe/Stockholm',
};

export const meetingRoom: Lokal = {
  ...sporthall,
  id: 'motesrum-a',
  name: 'Mötesrum A, Medborgarhuset',
  type: 'motesrum',
  summary: 'Rum för tolv personer med skärm',
  capacity: 12,
  accessibility: ['horslinga'],
  prices: [{ customerType: 'privatperson', perHourOre: 0, vatPercent: 0 }],
  approval: 'needs_approval',
  rules: { ...rules, approval: 'needs_approval', cancelBeforeHours: null },
};

const summaryOf = ({ id, name, type, summary, address, capacity, accessibility, prices, approval }: Lokal): LokalSummary => ({
  id,
  name,
  type,
  summary,
  address,
  capacity,
  accessibility,
  prices,
  approval,
});

export const lokaler: Lokal[] = [sporthall, meetingRoom];

/** Monday 2026-12-07 to Sunday 2026-12-13: free 18–21 on weekdays. */
export const weekStart = '2026-12-07';

export function availabilityFor(lokalId: string, from: string, to: string): Availability {
  const slots: Availability['slots'] = [];
  for (let d = new Date(`${from}T12:00:00Z`); d <= new Date(`${to}T12:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    const date = d.toISOString().slice(0, 10);
    const weekday = d.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (const hour of [18, 19, 20]) slots.push({ start: `${date}T${String(hour)}:00:00+01:00`, end: `${date}T${String(hour + 1)}:00:00+01:00` });
  }
  return {
    lokalId,
    from,
    to,
    timeZone: 'Europe/Stockholm',
    slotMinutes: 60,
    slots,
    closedDates: [],
    nextFree: { start: `${weekStart}T18:00:00+01:00`, end: `${weekStart}T19:00:00+01:00` },
  };
}

export const booking: Booking = {
  id: '0d6c3f8e-4a55-4d61-9a3f-0a8a1c2b3d4e',
  reference: 'EXS-B-2026-000123',
  lokalId: 'norrhallen',
  lokalName: 'Norrhallen',
  start: `${weekStart}T18:00:00+01:00`,
  end: `${weekStart}T19:00:00+01:00`,
  status: 'bekraftad',
  purpose: 'Innebandyträning',
  price: { customerType: 'privatperson', perHourOre: 40000, netOre: 40000, vatOre: 2400, totalOre: 42400, vatPercent: 6 },
  cancellableUntil: `${weekStart.slice(0, 8)}05T18:00:00+01:00`,
  createdAt: '2026-12-01T10:00:00+01:00',
  history: [{ status: 'bekraftad', at: '2026-12-01T10:00:00+01:00' }],
};

const problem = (status: number, type: string, title: string, extra: Record<string, unknown> = {}) =>
  HttpResponse.json({ type, title, status, ...extra }, { status, headers: { 'content-type': 'application/problem+json' } });

/** What the fake gateway was last asked. */
export const received: { search?: URLSearchParams; availability?: URLSearchParams; booking?: Record<string, unknown> } = {};

/** A working gateway: kommun info, no session, the lokaler filtered by type, capacity and facts, their availability. */
export function handlers(options: { base?: string; lokaler?: Lokal[]; failSearch?: boolean; loggedIn?: boolean; book?: 'ok' | 'taken' | 'invalid' } = {}) {
  const base = options.base ?? api;
  const all = options.lokaler ?? lokaler;
  return [
    http.get(`${base}/api/v1/:kommun`, ({ params }) => HttpResponse.json(kommunInfo(String(params.kommun)))),
    http.get(`${base}/api/v1/:kommun/auth/me`, () =>
      options.loggedIn
        ? HttpResponse.json({ kommun: 'exempelstad', name: 'Anna Andersson', givenName: 'Anna', familyName: 'Andersson', expiresAt: new Date(Date.now() + 3600_000).toISOString() })
        : problem(401, 'urn:kommunkit:problem:unauthenticated', 'Inte inloggad'),
    ),
    http.get(`${base}/api/v1/:kommun/lokalbokning/foreningar`, () => HttpResponse.json({ foreningar: [{ organisationsnummer: '802000-1234', name: 'IK Exempel' }] })),
    http.post(`${base}/api/v1/:kommun/lokalbokning/bookings`, async ({ request }) => {
      received.booking = (await request.json()) as Record<string, unknown>;
      if (options.book === 'taken')
        return problem(409, 'urn:kommunkit:problem:conflict', 'Tiden är tagen', {
          detail: 'Tiden hann bokas av någon annan.',
          alternatives: [{ start: `${weekStart}T19:00:00+01:00`, end: `${weekStart}T20:00:00+01:00` }],
        });
      if (options.book === 'invalid')
        return problem(422, 'urn:kommunkit:problem:validation', 'Uppgifterna behöver rättas', { errors: [{ pointer: '/body/attendees', detail: 'Lokalen rymmer högst 60 personer.' }] });
      return HttpResponse.json({ ...booking, start: received.booking.start, end: received.booking.end }, { status: 201 });
    }),
    http.get(`${base}/api/v1/:kommun/lokalbokning/lokaler`, ({ request }) => {
      const query = new URL(request.url).searchParams;
      received.search = query;
      if (options.failSearch) return problem(500, 'urn:kommunkit:problem:internal', 'Internt fel');
      const type = query.get('type');
      const minCapacity = Number(query.get('minCapacity') ?? 0);
      const facts = (query.get('facts') ?? '').split(',').filter(Boolean);
      const items = all
        .filter((l) => (!type || l.type === type) && l.capacity >= minCapacity && facts.every((f) => (l.accessibility as string[]).includes(f)))
        .map(summaryOf);
      const page = Number(query.get('page') ?? 1);
      const pageSize = Number(query.get('pageSize') ?? 10);
      const result: LokalerPage = { items: items.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: items.length };
      return HttpResponse.json(result);
    }),
    http.get(`${base}/api/v1/:kommun/lokalbokning/lokaler/:id`, ({ params }) => {
      const lokal = all.find((l) => l.id === params.id);
      return lokal ? HttpResponse.json(lokal) : problem(404, 'urn:kommunkit:problem:not-found', 'Finns inte');
    }),
    http.get(`${base}/api/v1/:kommun/lokalbokning/lokaler/:id/availability`, ({ params, request }) => {
      const query = new URL(request.url).searchParams;
      received.availability = query;
      return HttpResponse.json(availabilityFor(String(params.id), query.get('from') ?? weekStart, query.get('to') ?? weekStart));
    }),
  ];
}
