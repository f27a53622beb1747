import type { Booking, SlotTaken } from '@kommunkit/contract';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holidayOn } from '../src/services/lokalbokning/holidays.js';
import { addDays, instantAt, isoWeekday, localDateOf } from '../src/services/lokalbokning/time.js';
import { startGateway, type TestGateway } from './support/gateway.js';
import type { Browser } from './support/http.js';
import { api, json, loggedIn, persons, resetLokalbokning, withLokalbokning } from './support/lokalbokning.js';

/**
 * Collisions impossible by construction (issue 14): 50 bookings of one time at once, over real
 * HTTP from several logged-in test persons, give exactly one 201 and 49 409s, and the database
 * holds exactly one active booking. On PGlite, and on PostgreSQL with DATABASE_URL.
 */
let gateway: TestGateway;
const sessions: Browser[] = [];
beforeAll(async () => {
  gateway = await startGateway({ configure: withLokalbokning });
  await resetLokalbokning(gateway.db);
  // Two sessions for each of the five test persons.
  for (const person of Object.values(persons)) for (let count = 0; count < 2; count += 1) sessions.push(await loggedIn(gateway.url, person));
}, 60_000);
afterAll(() => gateway.close());

/** A weekday at least a week ahead on which Storhallen is open. */
function openWeekday(): string {
  let date = addDays(localDateOf(new Date()), 7);
  while (isoWeekday(date) > 5 || holidayOn(date) !== undefined) date = addDays(date, 1);
  return date;
}

describe('lokalbokning under a race', () => {
  it('50 concurrent bookings of one time: exactly one 201, 49 409s, one active booking stored', { timeout: 60_000 }, async () => {
    const date = openWeekday();
    const body = { lokalId: 'storhallen', start: instantAt(date, '18:00').toISOString(), end: instantAt(date, '19:00').toISOString(), purpose: 'Innebandy', acceptTerms: true };
    const responses = await Promise.all(Array.from({ length: 50 }, (_, index) => sessions[index % sessions.length]!.fetch(`${api}/bookings`, json(body))));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    const bodies = await Promise.all(responses.map((response) => response.json() as Promise<Booking | SlotTaken>));
    const winner = bodies.find((item): item is Booking => 'reference' in item)!;
    expect(winner.status).toBe('bekraftad');
    for (const item of bodies.filter((candidate): candidate is SlotTaken => 'alternatives' in candidate)) {
      expect(item.detail).toMatch(/bokades precis av någon annan/);
      expect(item.alternatives.length).toBeGreaterThan(0);
      expect(item.alternatives.every((slot) => slot.start !== winner.start)).toBe(true);
    }
    const stored = await sql<{ count: string }>`select count(*) as count from lokalbokning_booking where lokal_id = 'storhallen' and status in ('preliminar', 'bekraftad')`.execute(gateway.db);
    expect(Number(stored.rows[0]!.count)).toBe(1);
    // Numbers were used only by what was stored: the loser's transactions rolled back theirs too.
    const events = await sql<{ count: string }>`select count(*) as count from lokalbokning_booking_event`.execute(gateway.db);
    expect(Number(events.rows[0]!.count)).toBe(1);
  });
});
