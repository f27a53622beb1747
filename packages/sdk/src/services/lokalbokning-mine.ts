import type { Booking, CalendarFeed, MyBookings, NewSeasonRequest, SeasonPreview, SeasonRequest, SeasonRequests } from '@kommunkit/contract';
import { lokalbokningRoutes as routes } from '@kommunkit/contract/lokalbokning-routes';
import { idempotencyHeader } from '@kommunkit/contract/routes';
import type { KommunkitClient } from '../client.js';
import { idempotencyKey, type CallOptions } from '../http.js';
import { citizenCall } from './citizen-call.js';

export type { Booking, CalendarFeed, MyBookings, NewSeasonRequest, SeasonOccurrence, SeasonPreview, SeasonRequest, SeasonRequests } from '@kommunkit/contract';

/**
 * Lokalbokning for the logged-in citizen after booking: "Mina bokningar" (list, cancel, a
 * private calendar feed) and a förening's season requests. A module of its own beside
 * `./lokalbokning`, so that a widget downloads these only when the citizen opens those views.
 * Every call needs the session: without one it rejects with an `ApiError` 401, and the
 * client's login state learns that the session is gone.
 */

const visibleAscii = /^[\x21-\x7e]+$/;

export interface MyBookingsQuery {
  /** Page number, from 1. */
  page?: number;
  /** Bookings per page (the gateway's default when left out, at most 100). */
  pageSize?: number;
}

/**
 * One page of the logged-in citizen's bookings (`GET lokalbokning/bookings/mine`), upcoming
 * first, each with its price, status history and cancellation deadline (`cancellableUntil`,
 * null when the citizen cannot cancel it).
 */
export function myBookings(client: KommunkitClient, { page, pageSize }: MyBookingsQuery = {}, { signal }: CallOptions = {}): Promise<MyBookings> {
  return citizenCall<MyBookings>(client, routes.listMyBookings, { query: { page, pageSize }, signal });
}

/**
 * Cancels one of the citizen's bookings (status `avbokad`). Rejects with an `ApiError`: 409
 * after its deadline or when it is no longer active (the `detail` says which, in Swedish), 404
 * when it is not the caller's. Sent once: a repeat after a lost answer would be a 409.
 */
export function cancelBooking(client: KommunkitClient, id: string, { signal }: CallOptions = {}): Promise<Booking> {
  return citizenCall<Booking>(client, routes.cancelBooking, { params: { id }, signal });
}

/**
 * A private calendar feed address of the citizen's bookings for a calendar app. A new one
 * replaces the last (the old address stops working), so a retry after a lost answer is safe:
 * the address answered is the one that works.
 */
export function createCalendarFeed(client: KommunkitClient, { signal }: CallOptions = {}): Promise<CalendarFeed> {
  return citizenCall<CalendarFeed>(client, routes.createCalendarFeed, { retryable: true, signal });
}

/**
 * The occurrences a season request would ask for, each with its conflict (`bokad`, `stangt`,
 * `regel`, or null when free) and the price of one occurrence; nothing is stored. Rejects
 * with 403 when the citizen does not represent the förening, 400/422 for a request outside
 * the rules (`fieldError('toDate')` and the like).
 */
export function previewSeasonRequest(client: KommunkitClient, request: NewSeasonRequest, { signal }: CallOptions = {}): Promise<SeasonPreview> {
  return citizenCall<SeasonPreview>(client, routes.previewSeasonRequest, { json: request, retryable: true, signal });
}

export interface SeasonRequestOptions extends CallOptions {
  /** The key of this one request: the same on a resend means the same request (a fresh one per call by default). */
  idempotencyKey?: string;
}

/**
 * Sends a förening's season request for the kommun to decide, with an `Idempotency-Key` (the
 * caller's, or a fresh one per call, the same on every retry), so it is retried safely.
 */
export function createSeasonRequest(client: KommunkitClient, request: NewSeasonRequest, { idempotencyKey: key, signal }: SeasonRequestOptions = {}): Promise<SeasonRequest> {
  // Checked here: fetch would refuse such a header value, and that would look like no answer.
  if (key !== undefined && !visibleAscii.test(key)) return Promise.reject(new TypeError('createSeasonRequest: idempotencyKey must be visible ASCII characters, for example a UUID'));
  return citizenCall<SeasonRequest>(client, routes.createSeasonRequest, { json: request, headers: { [idempotencyHeader]: key ?? idempotencyKey() }, retryable: true, signal });
}

/** The season requests of the föreningar the citizen represents, with each occurrence's status. */
export async function mySeasonRequests(client: KommunkitClient, { signal }: CallOptions = {}): Promise<SeasonRequest[]> {
  return (await citizenCall<SeasonRequests>(client, routes.listMySeasonRequests, { signal })).items;
}
