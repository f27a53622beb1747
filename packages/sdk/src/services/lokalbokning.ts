import type { Availability, Booking, Lokal, LokalerPage, LokalType, MyForeningar, NewBooking, Problem, Slot } from '@kommunkit/contract';
import { lokalbokningRoutes as routes } from '@kommunkit/contract/lokalbokning-routes';
import { idempotencyHeader, pathFor, problemTypes } from '@kommunkit/contract/routes';
import type { KommunkitClient } from '../client.js';
import { ApiError, problemFrom } from '../errors.js';
import { idempotencyKey, type CallOptions } from '../http.js';
import { citizenCall } from './citizen-call.js';

export type { AccessibilityFact, Availability, Booking, CustomerType, Forening, Lokal, LokalerPage, LokalPrice, LokalSummary, LokalType, NewBooking, Slot } from '@kommunkit/contract';

/**
 * Lokalbokning at the client's gateway: find lokaler, read one with its rules and free times,
 * and book (as the logged-in citizen, or for a förening they represent). Functions of their own
 * (`@kommunkit/sdk/lokalbokning`), so only a widget that books downloads them; "Mina bokningar"
 * and season requests are in `./lokalbokning-mine`.
 */

const visibleAscii = /^[\x21-\x7e]+$/;

/** The search of `listLokaler`; `facts` as a list (sent comma-separated). */
export interface LokalerSearch {
  page?: number | undefined;
  pageSize?: number | undefined;
  type?: LokalType | undefined;
  minCapacity?: number | undefined;
  facts?: readonly string[] | undefined;
  q?: string | undefined;
  /** With `freeTo`: only lokaler bookable for this whole span (ISO 8601 with offset). */
  freeFrom?: string | undefined;
  freeTo?: string | undefined;
}

/** The kommun's bookable lokaler matching the search, a page at a time. */
export function listLokaler(client: KommunkitClient, search: LokalerSearch = {}, { signal }: CallOptions = {}): Promise<LokalerPage> {
  const { facts, q, ...rest } = search;
  return citizenCall<LokalerPage>(client, routes.listLokaler, {
    query: { ...rest, facts: facts && facts.length > 0 ? facts.join(',') : undefined, q: q?.trim() ? q.trim() : undefined },
    signal,
  });
}

/** One lokal with its facts, prices, terms and rules; null when the kommun has none with that id. */
export async function getLokal(client: KommunkitClient, id: string, { signal }: CallOptions = {}): Promise<Lokal | null> {
  try {
    return await citizenCall<Lokal>(client, routes.getLokal, { params: { id }, signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && error.type === problemTypes.notFound) return null;
    throw error;
  }
}

/** A lokal's free slots from `from` to `to` (`YYYY-MM-DD`, inclusive, Europe/Stockholm, at most 31 days). */
export function getAvailability(client: KommunkitClient, id: string, { from, to }: { from: string; to: string }, { signal }: CallOptions = {}): Promise<Availability> {
  return citizenCall<Availability>(client, routes.getAvailability, { params: { id }, query: { from, to }, signal });
}

/** The föreningar the logged-in citizen may book for (`ApiError` 401 without a session). */
export async function myForeningar(client: KommunkitClient, { signal }: CallOptions = {}): Promise<MyForeningar['foreningar']> {
  return (await citizenCall<MyForeningar>(client, routes.listMyForeningar, { signal })).foreningar;
}

/**
 * 409 from `createBooking`: the time was taken meanwhile. `alternatives` are the nearest free
 * times of the same length, earliest first (may be empty).
 */
export class SlotTakenError extends ApiError {
  readonly alternatives: Slot[];

  constructor(problem: Problem, alternatives: Slot[]) {
    super(problem);
    this.alternatives = alternatives;
  }
}

const isSlot = (value: unknown): value is Slot =>
  typeof value === 'object' && value !== null && typeof (value as Slot).start === 'string' && typeof (value as Slot).end === 'string';

export interface CreateBookingOptions extends CallOptions {
  /** The key of this one logical booking: the same on a retry after no answer, so it books once. A fresh one per call when left out. */
  idempotencyKey?: string | undefined;
}

/**
 * Books a time (`POST lokalbokning/bookings`) with an `Idempotency-Key`, so it is retried
 * safely. Rejects with `SlotTakenError` (409, with `alternatives`) when the time was just taken,
 * and an `ApiError` 422 naming the rule broken, 401 without a session.
 */
export async function createBooking(client: KommunkitClient, body: NewBooking, { idempotencyKey: key, signal }: CreateBookingOptions = {}): Promise<Booking> {
  if (key !== undefined && !visibleAscii.test(key)) throw new TypeError('createBooking: idempotencyKey must be visible ASCII characters, for example a UUID');
  let alternatives: Slot[] = [];
  try {
    return await citizenCall<Booking>(client, routes.createBooking, {
      json: body,
      headers: { [idempotencyHeader]: key ?? idempotencyKey() },
      retryable: true,
      signal,
      problemOf: (status, contentType, text) => {
        if (status === 409) {
          try {
            const parsed = (JSON.parse(text) as { alternatives?: unknown }).alternatives;
            alternatives = Array.isArray(parsed) ? parsed.filter(isSlot) : [];
          } catch {
            alternatives = [];
          }
        }
        return problemFrom(status, contentType, text);
      },
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) throw new SlotTakenError(error.problem, alternatives);
    throw error;
  }
}

/** One of the logged-in citizen's own bookings, or null when they have none with that id (anyone else's included). */
export async function getMyBooking(client: KommunkitClient, id: string, { signal }: CallOptions = {}): Promise<Booking | null> {
  try {
    return await citizenCall<Booking>(client, routes.getMyBooking, { params: { id }, signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && error.type === problemTypes.notFound) return null;
    throw error;
  }
}

/** The address of a booking's `.ics` file, for a download link (the session cookie goes along on the same site). */
export function bookingCalendarUrl(client: KommunkitClient, id: string): string {
  return `${client.api}${pathFor(routes.bookingCalendar.url, { kommun: client.kommun, id })}`;
}
