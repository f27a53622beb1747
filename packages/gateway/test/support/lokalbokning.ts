import { sql } from 'kysely';
import { holidayOn } from '../../src/services/lokalbokning/holidays.js';
import { addDays, instantAt, isoWeekday, localDateOf } from '../../src/services/lokalbokning/time.js';
import type { LokalbokningFixtures } from './bad-input-cases.js';
import { fileURLToPath } from 'node:url';
import type { ResolvedConfig } from '../../src/config/load.js';
import type { TestDb } from './gateway.js';
import { pages } from './gateway.js';
import { Browser, writeHeaders } from './http.js';
import { login } from './login.js';

/** The demo's lokaler file, absolute, so a test config finds it wherever its configDir points. */
export const lokalerFile = fileURLToPath(new URL('../../config/exempelstad-lokaler.json', import.meta.url));
export const lokalbokningKey = 'lokalbokning-key-exempelstad-0123';

/** Turns lokalbokning on for Exempelstad in a test config (grannby stays without it). */
export function withLokalbokning(config: ResolvedConfig): void {
  const kommun = config.kommunById.get('exempelstad')!;
  kommun.services.lokalbokning = { adapter: 'builtin', referencePrefix: 'EXS', caseWorkerApiKey: lokalbokningKey, lokalerFile };
}

/** Lokalbokning's tables emptied: on a PostgreSQL server they outlive the test files. */
export async function resetLokalbokning(db: TestDb): Promise<void> {
  await sql`truncate table lokalbokning_season_occurrence, lokalbokning_booking_event, lokalbokning_booking, lokalbokning_season_request, lokalbokning_calendar_feed, lokalbokning_counter`.execute(db);
}

/** The test persons by what the dev IdP's login page says of them. */
export const persons = {
  anna: /Vårdnadshavare med tre barn/,
  erik: /Barnens andra vårdnadshavare/,
  karin: /Ordförande i Exempelstads Bollklubb/,
  johan: /Invånare med fakturor/,
  sara: /skyddad identitet/,
} as const;

/** A browser logged in as a test person of Exempelstad. */
export async function loggedIn(url: string, person: RegExp): Promise<Browser> {
  const browser = new Browser(url);
  await login(browser, 'exempelstad', `${pages.exempelstad}/`, person);
  return browser;
}

export const api = '/api/v1/exempelstad/lokalbokning';
export const json = (body: unknown, extra: Record<string, string> = {}): RequestInit => ({ method: 'POST', headers: { ...writeHeaders(pages.exempelstad), ...extra }, body: JSON.stringify(body) });

/** The first date `days` ahead on one of `weekdays` that is no public holiday (and not Storhallen's closed 2027-06-04). */
export function openDate(days: number, weekdays: readonly number[] = [1, 2, 3, 4, 5]): string {
  let date = addDays(localDateOf(new Date()), days);
  while (!weekdays.includes(isoWeekday(date)) || holidayOn(date) !== undefined || date === '2027-06-04') date = addDays(date, 1);
  return date;
}

/**
 * The bad-input harness's lokalbokning fixtures (`LokalbokningFixtures`), made over HTTP on a
 * gateway with `withLokalbokning`: bookings of the session's citizen, and the förening
 * representative's session, season request and calendar feed.
 */
export async function lokalbokningFixtures(url: string, session: string): Promise<LokalbokningFixtures> {
  const as = (cookie: string, body: unknown) => ({ ...json(body), headers: { ...writeHeaders(pages.exempelstad), cookie: `kk_session=${cookie}` } });
  const create = async (cookie: string, path: string, body: unknown): Promise<string> => {
    const response = await fetch(`${url}${api}${path}`, as(cookie, body));
    const text = await response.text();
    if (response.status !== 201) throw new Error(`lokalbokning fixture ${path}: ${String(response.status)} ${text}`);
    return (JSON.parse(text) as { id: string }).id;
  };
  const slot = (date: string, from: string, to: string) => ({ start: instantAt(date, from).toISOString(), end: instantAt(date, to).toISOString() });
  const date = openDate(9);
  const bookingId = await create(session, '/bookings', { lokalId: 'konstgras-norr', ...slot(date, '18:00', '19:00'), purpose: 'Fotboll', acceptTerms: true });
  const cancelBookingId = await create(session, '/bookings', { lokalId: 'lillhallen', ...slot(date, '18:00', '19:00'), purpose: 'Dans', acceptTerms: true });
  const preliminaryBookingId = await create(session, '/bookings', { lokalId: 'motesrum-linden', ...slot(date, '18:00', '19:00'), purpose: 'Styrelsemöte', acceptTerms: true });
  const karin = await loggedIn(url, persons.karin);
  const foreningSession = karin.cookie('kk_session')!;
  const season = (startTime: string, endTime: string) => ({ lokalId: 'lillhallen', forening: '802471-3565', weekday: 2, startTime, endTime, fromDate: openDate(2, [2]), toDate: addDays(openDate(2, [2]), 21), purpose: 'Fotbollsträning', acceptTerms: true });
  const seasonRequestId = await create(foreningSession, '/season-requests', season('20:00', '21:00'));
  const feed = await fetch(`${url}${api}/calendar-feed`, as(foreningSession, {}));
  const feedToken = /calendar-feed\/([^/]+)\.ics$/.exec(((await feed.json()) as { url: string }).url)![1]!;
  return { caseWorkerKey: lokalbokningKey, foreningSession, bookingId, cancelBookingId, preliminaryBookingId, seasonRequestId, feedToken, free: slot(openDate(10), '10:00', '11:00'), season: season('18:00', '19:00') };
}
