import type { Availability, Booking, CalendarFeed, Lokal, LokalerPage, MyBookings, MyForeningar, Problem, SeasonPreview, SeasonRequest, SeasonRequests, SlotTaken } from '@kommunkit/contract';
import { sql } from 'kysely';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holidayOn } from '../src/services/lokalbokning/holidays.js';
import { readLokalerFile } from '../src/services/lokalbokning/lokaler.js';
import { addDays, instantAt, isoWeekday, localDateOf } from '../src/services/lokalbokning/time.js';
import { pages, startGateway, type TestGateway } from './support/gateway.js';
import { writeHeaders, type Browser } from './support/http.js';
import { api, json, loggedIn, lokalbokningKey, lokalerFile, persons, resetLokalbokning, withLokalbokning } from './support/lokalbokning.js';

let gateway: TestGateway;
let anna: Browser;
let erik: Browser;
let karin: Browser;
let johan: Browser;
beforeAll(async () => {
  gateway = await startGateway({ configure: withLokalbokning });
  await resetLokalbokning(gateway.db);
  anna = await loggedIn(gateway.url, persons.anna);
  erik = await loggedIn(gateway.url, persons.erik);
  karin = await loggedIn(gateway.url, persons.karin);
  johan = await loggedIn(gateway.url, persons.johan);
}, 60_000);
afterAll(() => gateway.close());

const today = localDateOf(new Date());
/** The first date from `days` ahead on one of `weekdays` that is no public holiday. */
function dateAhead(days: number, weekdays: readonly number[] = [1, 2, 3, 4, 5]): string {
  let date = addDays(today, days);
  while (!weekdays.includes(isoWeekday(date)) || holidayOn(date) !== undefined || date === '2027-06-04') date = addDays(date, 1);
  return date;
}
const at = (date: string, time: string) => instantAt(date, time).toISOString();
const booking = (lokalId: string, date: string, from: string, to: string, extra: Record<string, unknown> = {}) => ({ lokalId, start: at(date, from), end: at(date, to), purpose: 'Träning', acceptTerms: true, ...extra });
const get = (path: string) => fetch(`${gateway.url}${api}${path}`);
async function book(browser: Browser, body: unknown, headers: Record<string, string> = {}) {
  const response = await browser.fetch(`${api}/bookings`, json(body, headers));
  return { status: response.status, body: (await response.json()) as Booking & Omit<Problem, 'status'> & Pick<SlotTaken, 'alternatives'> };
}
const caseWorker = (path: string, body: unknown) =>
  fetch(`${gateway.url}${api}${path}`, { method: 'POST', headers: { authorization: `Bearer ${lokalbokningKey}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('lokaler', () => {
  it('lists the seeded lokaler by name, filtered by type, capacity, facts and words', async () => {
    const all = (await (await get('/lokaler?pageSize=50')).json()) as LokalerPage;
    expect(all.total).toBe(8);
    expect(all.items.map((item) => item.name)).toEqual([...all.items.map((item) => item.name)].sort((a, b) => a.localeCompare(b, 'sv')));
    const halls = (await (await get('/lokaler?type=idrottshall')).json()) as LokalerPage;
    expect(halls.items.map((item) => item.id).sort()).toEqual(['lillhallen', 'storhallen']);
    const big = (await (await get('/lokaler?minCapacity=100')).json()) as LokalerPage;
    expect(big.items.map((item) => item.id).sort()).toEqual(['festsalen', 'storhallen']);
    const loop = (await (await get('/lokaler?facts=horslinga,stegfri_entre')).json()) as LokalerPage;
    expect(loop.items.map((item) => item.id).sort()).toEqual(['festsalen', 'motesrum-ekan', 'storhallen']);
    const words = (await (await get(`/lokaler?q=${encodeURIComponent('medborgarhuset')}`)).json()) as LokalerPage;
    expect(words.items.map((item) => item.id).sort()).toEqual(['festsalen', 'motesrum-linden']);
    const paged = (await (await get('/lokaler?pageSize=3&page=3')).json()) as LokalerPage;
    expect({ page: paged.page, total: paged.total, count: paged.items.length }).toEqual({ page: 3, total: 8, count: 2 });
  });

  it('answers one lokal with its rules, and 404 for an unknown one', async () => {
    const lokal = (await (await get('/lokaler/festsalen')).json()) as Lokal;
    expect(lokal).toMatchObject({ id: 'festsalen', timeZone: 'Europe/Stockholm', rules: { approval: 'needs_approval', cancelBeforeHours: null, openOnPublicHolidays: true } });
    expect((await get('/lokaler/finns-inte')).status).toBe(404);
  });

  it('refuses bad filters with 400 naming the field', async () => {
    for (const [query, pointer] of [
      ['facts=ramp', '/querystring/facts'],
      ['freeFrom=2026-12-10T10:00:00%2B01:00', '/querystring/freeTo'],
      ['type=bastu', '/querystring/type'],
      ['freeFrom=2026-12-10T10:00:00%2B01:00&freeTo=2026-12-10T09:00:00%2B01:00', '/querystring/freeTo'],
    ] as const) {
      const response = await get(`/lokaler?${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as Problem).errors?.map((error) => error.pointer), query).toContain(pointer);
    }
  });
});

describe('availability', () => {
  it('has explicit offsets, a DST change each way, and refuses bad ranges', async () => {
    const week = (await (await get(`/lokaler/storhallen/availability?from=${dateAhead(3)}&to=${addDays(dateAhead(3), 6)}`)).json()) as Availability;
    expect(week.slotMinutes).toBe(60);
    expect(week.slots.length).toBeGreaterThan(20);
    for (const slot of week.slots) expect(slot.start).toMatch(/T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(week.nextFree).not.toBeNull();
    // Festsalen books a year ahead: the spring and autumn changes of 2027.
    const spring = (await (await get('/lokaler/festsalen/availability?from=2027-03-27&to=2027-03-29')).json()) as Availability;
    expect(spring.slots.find((slot) => slot.start.startsWith('2027-03-27T10:00'))?.start).toBe('2027-03-27T10:00:00+01:00');
    expect(spring.slots.find((slot) => slot.start.startsWith('2027-03-28T10:00'))?.start).toBe('2027-03-28T10:00:00+02:00');
    const autumn = (await (await get('/lokaler/festsalen/availability?from=2027-10-30&to=2027-10-31')).json()) as Availability;
    expect(autumn.slots.find((slot) => slot.start.startsWith('2027-10-30T10:00'))?.start).toBe('2027-10-30T10:00:00+02:00');
    expect(autumn.slots.find((slot) => slot.start.startsWith('2027-10-31T10:00'))?.start).toBe('2027-10-31T10:00:00+01:00');
    for (const slot of [...spring.slots, ...autumn.slots]) expect(new Date(slot.end).getTime() - new Date(slot.start).getTime()).toBe(3_600_000);

    for (const [query, pointer] of [
      ['from=2026-02-30&to=2026-03-01', '/querystring/from'],
      [`from=${today}&to=${addDays(today, -1)}`, '/querystring/to'],
      [`from=${today}&to=${addDays(today, 31)}`, '/querystring/to'],
      ['from=12-01-2026&to=2026-12-02', '/querystring/from'],
    ] as const) {
      const response = await get(`/lokaler/storhallen/availability?${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as Problem).errors?.map((error) => error.pointer), query).toContain(pointer);
    }
    expect((await get(`/lokaler/finns-inte/availability?from=${today}&to=${today}`)).status).toBe(404);
  });

  it('a closed public holiday is listed with its name', async () => {
    let holiday = addDays(today, 1);
    while (holidayOn(holiday) === undefined) holiday = addDays(holiday, 1);
    const response = (await (await get(`/lokaler/storhallen/availability?from=${holiday}&to=${holiday}`)).json()) as Availability;
    expect(response.slots).toEqual([]);
    expect(response.closedDates).toEqual([{ date: holiday, reason: holidayOn(holiday) }]);
  });
});

describe('booking', () => {
  it('creates a booking with the price the gateway computes; instant is bekräftad, needs_approval preliminär', async () => {
    const date = dateAhead(4);
    const created = await book(anna, booking('storhallen', date, '10:00', '12:00', { attendees: 20 }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ lokalId: 'storhallen', lokalName: 'Storhallen, Exempelstads sporthall', status: 'bekraftad', price: { customerType: 'privatperson', perHourOre: 45000, netOre: 90000, vatOre: 5400, totalOre: 95400, vatPercent: 6 } });
    expect(created.body.reference).toMatch(/^EXS-B-\d{4}-\d{6}$/);
    expect(created.body.start).toMatch(/\+0[12]:00$/);
    expect(created.body.history.map((event) => event.status)).toEqual(['bekraftad']);
    expect(new Date(created.body.cancellableUntil!).getTime()).toBe(instantAt(date, '10:00').getTime() - 48 * 3_600_000);
    // The booking's cells are gone from the availability.
    const free = (await (await get(`/lokaler/storhallen/availability?from=${date}&to=${date}`)).json()) as Availability;
    const starts = free.slots.map((slot) => new Date(slot.start).getTime());
    expect(starts).not.toContain(instantAt(date, '10:00').getTime());
    expect(starts).not.toContain(instantAt(date, '11:00').getTime());
    expect(starts).toContain(instantAt(date, '12:00').getTime());
    expect(starts).toContain(instantAt(date, '09:00').getTime());

    const preliminary = await book(anna, booking('motesrum-linden', dateAhead(5), '18:00', '19:30'));
    expect(preliminary.status, JSON.stringify(preliminary.body)).toBe(201);
    expect(preliminary.body.status).toBe('preliminar');
    expect(preliminary.body.price).toMatchObject({ netOre: 12000, vatOre: 3000, totalOre: 15000 });

    // The case workers confirm it, once.
    const decided = await caseWorker(`/bookings/${preliminary.body.id}/decision`, { decision: 'bekraftad', note: 'Välkommen!' });
    expect(decided.status).toBe(200);
    expect(((await decided.json()) as Booking).history.map((event) => event.status)).toEqual(['preliminar', 'bekraftad']);
    expect((await caseWorker(`/bookings/${preliminary.body.id}/decision`, { decision: 'avbojd' })).status).toBe(409);
    expect((await fetch(`${gateway.url}${api}/bookings/${preliminary.body.id}/decision`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"decision":"avbojd"}' })).status).toBe(401);

    // A förening's booking, by its representative, at the förening's price.
    const forening = await book(karin, booking('storhallen', dateAhead(4), '14:00', '15:00', { forening: '802471-3565' }));
    expect(forening.status, JSON.stringify(forening.body)).toBe(201);
    expect(forening.body).toMatchObject({ forening: { organisationsnummer: '802471-3565', name: 'Exempelstads Bollklubb' }, price: { customerType: 'forening', totalOre: 15000 } });
    const notHers = await book(anna, booking('storhallen', dateAhead(4), '16:00', '17:00', { forening: '802471-3565' }));
    expect(notHers.status).toBe(403);
  });

  it('refuses every broken rule with 422 naming the field', async () => {
    const date = dateAhead(6);
    let holiday = addDays(today, 1);
    while (holidayOn(holiday) === undefined || isoWeekday(holiday) > 5) holiday = addDays(holiday, 1);
    const yesterday = addDays(today, -1);
    const cases: [string, unknown][] = [
      ['too far ahead', booking('storhallen', dateAhead(120), '10:00', '11:00')],
      ['too late (in the past)', booking('storhallen', yesterday, '10:00', '11:00')],
      ['too short', booking('motesrum-linden', dateAhead(6), '10:00', '10:30')],
      ['too long', booking('storhallen', date, '10:00', '14:00')],
      ['outside opening hours', booking('storhallen', date, '06:00', '07:00')],
      ['off the start grid', booking('storhallen', date, '10:30', '11:30')],
      ['a public holiday', booking('storhallen', holiday, '10:00', '11:00')],
      ['an unknown lokal', booking('bastun', date, '10:00', '11:00')],
      ['more attendees than fit', booking('motesrum-ekan', date, '10:00', '11:00', { attendees: 13 })],
    ];
    for (const [label, body] of cases) {
      const refused = await book(johan, body);
      expect(refused.status, `${label}: ${JSON.stringify(refused.body)}`).toBe(422);
      expect(refused.body.errors?.[0]?.pointer, label).toMatch(/^\/body\//);
      expect(refused.body.errors?.[0]?.detail, label).toBeTruthy();
    }
    // Max active bookings: Ängens bollplan allows one upcoming booking per person.
    const first = await book(johan, booking('angens-bollplan', dateAhead(3, [6]), '10:00', '11:00'));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const second = await book(johan, booking('angens-bollplan', dateAhead(3, [6]), '12:00', '13:00'));
    expect(second.status).toBe(422);
    expect(second.body.errors?.[0]?.detail).toMatch(/redan 1 kommande bokning/);
  });

  it('refuses an overlap and a booking inside another\'s buffer with 409 and the nearest free times', async () => {
    const date = dateAhead(7);
    expect((await book(anna, booking('motesrum-ekan', date, '10:00', '11:00'))).status).toBe(201);
    const free = (await (await get(`/lokaler/motesrum-ekan/availability?from=${date}&to=${date}`)).json()) as Availability;
    const starts = free.slots.map((slot) => new Date(slot.start).getTime());
    // 15 minutes either side are kept free: the cells whose own buffers would touch it are gone.
    expect(starts).not.toContain(instantAt(date, '09:30').getTime());
    expect(starts).not.toContain(instantAt(date, '11:00').getTime());
    expect(starts).toContain(instantAt(date, '09:00').getTime());
    expect(starts).toContain(instantAt(date, '11:30').getTime());
    for (const [from, to] of [['10:30', '11:30'], ['11:00', '11:30'], ['09:30', '10:00']] as const) {
      const taken = await book(erik, booking('motesrum-ekan', date, from, to));
      expect(taken.status, `${from}–${to}`).toBe(409);
      expect(taken.body.detail).toMatch(/Tiden bokades precis av någon annan/);
      expect(taken.body.alternatives.length).toBeGreaterThan(0);
      for (const slot of taken.body.alternatives) expect(new Date(slot.end).getTime() - new Date(slot.start).getTime()).toBe(instantAt(date, to).getTime() - instantAt(date, from).getTime());
    }
  });

  it('a retry with the same Idempotency-Key gets the first booking; another body with it a 422', async () => {
    const body = booking('konstgras-norr', dateAhead(5), '19:00', '20:00');
    const first = await book(anna, body, { 'idempotency-key': 'lb-retry-1' });
    const again = await book(anna, body, { 'idempotency-key': 'lb-retry-1' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const other = await book(anna, { ...body, purpose: 'Något annat' }, { 'idempotency-key': 'lb-retry-1' });
    expect(other.status).toBe(422);
    const count = await sql<{ count: string }>`select count(*) as count from lokalbokning_booking where idempotency_key = 'lb-retry-1'`.execute(gateway.db);
    expect(Number(count.rows[0]!.count)).toBe(1);
  });
});

describe('my bookings', () => {
  it('lists the own bookings upcoming first; another person\'s are a 404 for get, cancel and .ics', async () => {
    const mine = (await (await anna.fetch(`${api}/bookings/mine`)).json()) as MyBookings;
    expect(mine.total).toBeGreaterThan(1);
    const starts = mine.items.map((item) => item.start);
    expect(starts).toEqual([...starts].sort((a, b) => new Date(a).getTime() - new Date(b).getTime()));
    const one = mine.items[0]!;
    expect((await anna.fetch(`${api}/bookings/${one.id}`)).status).toBe(200);
    expect((await erik.fetch(`${api}/bookings/${one.id}`)).status).toBe(404);
    expect((await erik.fetch(`${api}/bookings/${one.id}/calendar.ics`)).status).toBe(404);
    expect((await erik.fetch(`${api}/bookings/${one.id}/cancel`, json({}))).status).toBe(404);
    expect((await fetch(`${gateway.url}${api}/bookings/${one.id}`)).status).toBe(401);
    expect((await anna.fetch(`${api}/bookings/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('an .ics per booking, and a private feed that a new one replaces', async () => {
    const { body } = await book(erik, booking('lillhallen', dateAhead(8), '18:00', '19:00', { purpose: 'Yoga; för alla, nybörjare' }));
    const ics = await erik.fetch(`${api}/bookings/${body.id}/calendar.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await ics.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR/);
    expect(text).toContain(`UID:${body.id}@kommunkit.exempelstad`);
    expect(text).toContain('SUMMARY:Lillhallen\\, Norrskolan: Yoga\\; för alla\\, nybörjare');
    expect(text).toContain(`DTSTART:${instantAt(dateAhead(8), '18:00').toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
    expect(text).toContain('STATUS:CONFIRMED');

    const first = (await (await erik.fetch(`${api}/calendar-feed`, json({}))).json()) as CalendarFeed;
    expect(first.url).toMatch(new RegExp(`^${gateway.url}${api}/calendar-feed/[A-Za-z0-9_-]{43}\\.ics$`));
    const feed = await fetch(first.url);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain(`UID:${body.id}@kommunkit.exempelstad`);
    const second = (await (await erik.fetch(`${api}/calendar-feed`, json({}))).json()) as CalendarFeed;
    expect((await fetch(first.url)).status).toBe(404);
    expect((await fetch(second.url)).status).toBe(200);
    expect((await fetch(`${gateway.url}${api}/calendar-feed/${'A'.repeat(43)}.ics`)).status).toBe(404);
  });

  it('cancels before the deadline; after it, or once cancelled, a 409 that says why', async () => {
    const { body } = await book(erik, booking('storhallen', dateAhead(5), '19:00', '20:00'));
    const cancelled = await erik.fetch(`${api}/bookings/${body.id}/cancel`, json({}));
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as Booking).history.map((event) => event.status)).toEqual(['bekraftad', 'avbokad']);
    const again = await erik.fetch(`${api}/bookings/${body.id}/cancel`, json({}));
    expect(again.status).toBe(409);
    expect(((await again.json()) as Problem).detail).toMatch(/redan avbokad/);
    // The freed time can be booked again.
    expect((await book(anna, booking('storhallen', dateAhead(5), '19:00', '20:00'))).status).toBe(201);

    // Tomorrow's booking of Storhallen is past its 48-hour deadline already.
    const tomorrow = dateAhead(1, [1, 2, 3, 4, 5, 6, 7]);
    const late = await book(erik, booking('storhallen', tomorrow, '12:00', '13:00'));
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    const refused = await erik.fetch(`${api}/bookings/${late.body.id}/cancel`, json({}));
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as Problem).detail).toMatch(/^Sista tid att avboka var \p{L}+ \d{1,2} \p{L}+ \d{4} kl\. \d{2}:\d{2}/u);
  });
});

describe('season requests', () => {
  const wednesdays = (from: string) => ({ lokalId: 'lillhallen', forening: '802471-3565', weekday: 3, startTime: '18:00', endTime: '19:00', fromDate: from, toDate: addDays(from, 5 * 7), purpose: 'Fotbollsträning', acceptTerms: true });

  it('previews the occurrences with their conflicts, stores the request, and the kommun approves all free ones', async () => {
    const from = dateAhead(2, [3]);
    const request = wednesdays(from);
    // One Wednesday is taken by someone else already.
    const takenDate = addDays(from, 7);
    expect(holidayOn(takenDate)).toBeUndefined();
    expect((await book(anna, booking('lillhallen', takenDate, '18:00', '19:00'))).status).toBe(201);
    const preview = await karin.fetch(`${api}/season-requests/preview`, json(request));
    expect(preview.status).toBe(200);
    const { occurrences, price } = (await preview.json()) as SeasonPreview;
    expect(occurrences).toHaveLength(6);
    expect(price).toMatchObject({ customerType: 'forening', totalOre: 8000 });
    const taken = occurrences.find((occurrence) => new Date(occurrence.start).getTime() === instantAt(takenDate, '18:00').getTime());
    expect(taken).toMatchObject({ conflict: 'bokad' });
    expect(taken?.reason).toBeTruthy();
    expect(occurrences.filter((occurrence) => occurrence.conflict === null).length).toBeGreaterThan(2);

    const created = await karin.fetch(`${api}/season-requests`, json(request, { 'idempotency-key': 'season-1' }));
    expect(created.status).toBe(201);
    const stored = (await created.json()) as SeasonRequest;
    expect(stored).toMatchObject({ status: 'inskickad', forening: { organisationsnummer: '802471-3565' }, lokalName: 'Lillhallen, Norrskolan' });
    expect(stored.reference).toMatch(/^EXS-S-\d{4}-\d{6}$/);
    expect(stored.occurrences.every((occurrence) => occurrence.status === 'begard')).toBe(true);
    const mine = (await (await karin.fetch(`${api}/season-requests/mine`)).json()) as SeasonRequests;
    expect(mine.items.map((item) => item.id)).toContain(stored.id);
    const queue = (await (await fetch(`${gateway.url}${api}/season-requests`, { headers: { authorization: `Bearer ${lokalbokningKey}` } })).json()) as SeasonRequests;
    expect(queue.items.map((item) => item.id)).toContain(stored.id);

    const decided = await caseWorker(`/season-requests/${stored.id}/decision`, { approve: 'all' });
    expect(decided.status).toBe(200);
    const result = (await decided.json()) as SeasonRequest;
    expect(result.status).toBe('beslutad');
    for (const occurrence of result.occurrences) {
      expect(occurrence.status).toBe(occurrence.conflict === null ? 'beviljad' : 'avslagen');
      expect(occurrence.bookingId !== undefined).toBe(occurrence.conflict === null);
    }
    const bookings = (await (await karin.fetch(`${api}/bookings/mine?pageSize=50`)).json()) as MyBookings;
    const seasonal = bookings.items.filter((item) => item.seasonRequestId === stored.id);
    expect(seasonal).toHaveLength(result.occurrences.filter((occurrence) => occurrence.status === 'beviljad').length);
    expect(seasonal.every((item) => item.status === 'bekraftad' && item.price.customerType === 'forening')).toBe(true);
    expect((await caseWorker(`/season-requests/${stored.id}/decision`, { approve: 'all' })).status).toBe(409);
  });

  it('approves atomically: one occurrence taken meanwhile books nothing and names its date; a list then approves the rest', async () => {
    const request = { ...wednesdays(dateAhead(2, [4])), weekday: 4, startTime: '20:00', endTime: '21:00' };
    const created = (await (await karin.fetch(`${api}/season-requests`, json(request))).json()) as SeasonRequest;
    const free = created.occurrences.filter((occurrence) => occurrence.conflict === null);
    expect(free.length).toBeGreaterThan(2);
    const snatched = free[1]!;
    const date = localDateOf(new Date(snatched.start));
    expect((await book(johan, booking('lillhallen', date, '20:00', '21:00'))).status).toBe(201);
    const refused = await caseWorker(`/season-requests/${created.id}/decision`, { approve: 'all' });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as Problem).detail).toMatch(/redan bokade?:/);
    const after = await sql<{ count: string }>`select count(*) as count from lokalbokning_booking where season_request_id = ${created.id}`.execute(gateway.db);
    expect(Number(after.rows[0]!.count)).toBe(0);
    const still = (await (await fetch(`${gateway.url}${api}/season-requests`, { headers: { authorization: `Bearer ${lokalbokningKey}` } })).json()) as SeasonRequests;
    expect(still.items.find((item) => item.id === created.id)?.status).toBe('inskickad');

    const some = free.filter((occurrence) => occurrence !== snatched).map((occurrence) => occurrence.start);
    const approved = await caseWorker(`/season-requests/${created.id}/decision`, { approve: some });
    expect(approved.status).toBe(200);
    const result = (await approved.json()) as SeasonRequest;
    expect(result.occurrences.filter((occurrence) => occurrence.status === 'beviljad').map((occurrence) => occurrence.start)).toEqual(some);
  });

  it('refuses a förening the citizen does not represent (403) and a season over 45 weeks (422)', async () => {
    const request = wednesdays(dateAhead(2, [3]));
    expect((await anna.fetch(`${api}/season-requests/preview`, json(request))).status).toBe(403);
    expect((await anna.fetch(`${api}/season-requests`, json(request))).status).toBe(403);
    const long = await karin.fetch(`${api}/season-requests/preview`, json({ ...request, toDate: addDays(request.fromDate, 46 * 7) }));
    expect(long.status).toBe(422);
    const foreningar = (await (await karin.fetch(`${api}/foreningar`)).json()) as MyForeningar;
    expect(foreningar.foreningar).toEqual([{ organisationsnummer: '802471-3565', name: 'Exempelstads Bollklubb', role: 'Ordförande' }]);
    expect(((await (await anna.fetch(`${api}/foreningar`)).json()) as MyForeningar).foreningar).toEqual([]);
  });
});

describe('without lokalbokning', () => {
  it('a kommun without the service answers 404 service-disabled', async () => {
    const response = await fetch(`${gateway.url}/api/v1/grannby/lokalbokning/lokaler`, { headers: writeHeaders(pages.grannby) });
    expect(response.status).toBe(404);
  });
});

describe('the lokaler file', () => {
  const seeded = (JSON.parse(readFileSync(lokalerFile, 'utf8')) as { lokaler: Record<string, unknown>[] }).lokaler;
  const dir = mkdtempSync(join(tmpdir(), 'kk-lokaler-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const read = (lokaler: unknown) => {
    const file = join(dir, 'lokaler.json');
    writeFileSync(file, JSON.stringify({ lokaler }));
    return () => readLokalerFile('./lokaler.json', dir, 'kommuner[0].services.lokalbokning.lokalerFile', 'https://e-tjanster.exempelstad.se');
  };
  const withRules = (rules: Record<string, unknown>) => [{ ...seeded[0]!, rules: { ...(seeded[0]!.rules as object), ...rules } }];

  it('is read and checked at start, each problem one line naming the key and the file', () => {
    expect(read(seeded)()).toHaveLength(8);
    expect(() => readLokalerFile('./saknas.json', dir, 'kommuner[0].services.lokalbokning.lokalerFile', 'https://e-tjanster.exempelstad.se')).toThrow(/lokalerFile: cannot read .*saknas\.json/);
    expect(read([{ ...seeded[0]!, capacity: 0 }])).toThrow(/lokalerFile: .*lokaler\.json\/lokaler\/0\/capacity/);
    expect(read([seeded[0], seeded[0]])).toThrow(/lokaler\[1\]\.id: "storhallen" is used twice/);
    expect(read(withRules({ minMinutes: 240, maxMinutes: 120 }))).toThrow(/minMinutes: more than maxMinutes/);
    expect(read(withRules({ minMinutes: 90 }))).toThrow(/minMinutes: not a multiple of startIntervalMinutes/);
    expect(read(withRules({ openingHours: [{ weekday: 1, open: '18:00', close: '08:00' }] }))).toThrow(/openingHours\[0\]: open must be before close/);
    expect(read(withRules({ exceptions: [{ date: '2027-02-30' }] }))).toThrow(/is not a date/);
    expect(read([{ ...seeded[0]!, prices: [{ customerType: 'privatperson', perHourOre: 100, vatPercent: 6 }] }])).toThrow(/no price for forening/);
  });

  it("makes an image path an address on the gateway's site, and refuses an image over plain http", () => {
    const [lokal] = read([{ ...seeded[0]!, images: [{ url: '/bilder/lokaler/storhallen.svg', alt: 'Storhallen' }] }])();
    expect(lokal!.images).toEqual([{ url: 'https://e-tjanster.exempelstad.se/bilder/lokaler/storhallen.svg', alt: 'Storhallen' }]);
    expect(read([{ ...seeded[0]!, images: [{ url: 'http://example.com/a.jpg', alt: 'A' }] }])).toThrow(/images\/0\/url/);
  });
});
