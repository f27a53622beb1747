import type { Forening } from '@kommunkit/contract';
import type { LokalEntry } from './settings.js';
import type { StoredBooking } from './store.js';

/**
 * The kommun's booking system, as a port. The built-in adapter (`backends/builtin.ts`) is the
 * system itself: lokaler from the kommun's `lokalerFile`, bookings in this gateway's database,
 * where the exclusion constraint refuses any overlap. A kommun's own system (Interbook Go,
 * Rbok, …) is another adapter behind the same interface, given `fetch` and timeouts:
 *
 * - `lokaler()`: every bookable lokal with its rules, as the system has them now.
 * - `foreningarOf(subject)`: the föreningar the logged-in person (the session's subject) may
 *   book for; the gateway never takes a förening from the client's word alone.
 * - `accepted(booking)`: a booking was just stored or changed (created, cancelled, decided):
 *   hand it on. It must not throw for the system's sake; the booking stays stored here.
 */
export interface LokalbokningBackend {
  lokaler(): readonly LokalEntry[];
  foreningarOf(subject: string): Promise<Forening[]>;
  accepted(booking: StoredBooking): Promise<void>;
}
