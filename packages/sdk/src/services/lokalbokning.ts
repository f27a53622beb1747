import type { Availability, Booking, Lokal, LokalerPage, LokalType, MyForeningar, NewBooking, Problem, Slot } from '@kommunkit/contract';
import { lokalbokningRoutes as routes } from '@kommunkit/contract/lokalbokning-routes';
import { clientHeader, idempotencyHeader, pathFor, problemTypes } from '@kommunkit/contract/routes';
import type { KommunkitClient } from '../client.js';
import { ApiError, problemFrom } from '../errors.js';
import { exchange, idempotencyKey, queryString, retrySettings, type CallOptions, type QueryValue } from '../http.js';
import { sdkVersion } from '../version.js';

export type { AccessibilityFact, Availability, Booking, CustomerType, Forening, Lokal, LokalerPage, LokalPrice, LokalSummary, LokalType, NewBooking, Slot } from '@kommunkit/contract';

/**
 * Lokalbokning at the client's gateway: find lokaler, read one with its rules and free times,
 * and book (as the logged-in citizen, or for a förening they represent). Functions of their own
 * (`@kommunkit/sdk/lokalbokning`), so only a widget that books downloads them; "Mina bokningar"
 * and season requests are in `./lokalbokning-mine`.
 */

type Route = (typeof routes)[keyof typeof routes];

export interface LokalbokningCallInit extends CallOptions {
  /** The `:id` of the route. */
  id?: string;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  retryable?: boolean;
  problemOf?: (status: number, contentType: string | null, text: string) => Problem;
}

const visibleAscii = /^[\x21-\x7e]+$/;

/**
 * One call of lokalbokning's API under the SDK's rules (client header on writes, retries, the
 * gateway diagnosed when there is no answer); a 401 tells the client's login state that the
 * session is gone. Exported for `./lokalbokning-mine`.
 */
export function lokalbokningCall<T>(client: KommunkitClient, route: Route, { id, query, headers = {}, json, retryable = route.method === 'GET', problemOf, signal }: LokalbokningCallInit = {}): Promise<T> {
  const params: Record<string, string> = { kommun: client.kommun, ...(id === undefined ? {} : { id }) };
  const write = route.method !== 'GET';
  const init: RequestInit = {
    method: route.method,
    headers: {
      accept: 'application/json',
      ...(write ? { [clientHeader]: `sdk/${sdkVersion}` } : {}),
      ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    credentials: 'include',
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  };
  const { fetch = (input: RequestInfo | URL, options?: RequestInit) => globalThis.fetch(input, options), retry } = client.options;
  return exchange(fetch, `${client.api}${pathFor(route.url, params)}${queryString(query)}`, init, {
    retry: retrySettings(retry),
    retryable,
    signal,
    ...(problemOf ? { problemOf } : {}),
    onErrorStatus: (status) => {
      if (status === 401) client.auth.refresh().catch(() => undefined);
    },
    diagnose: client.diagnose,
  }) as Promise<T>;
}

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
  return lokalbokningCall<LokalerPage>(client, routes.listLokaler, {
    query: { ...rest, facts: facts && facts.length > 0 ? facts.join(',') : undefined, q: q?.trim() ? q.trim() : undefined },
    signal,
  });
}

/** One lokal with its facts, prices, terms and rules; null when the kommun has none with that id. */
export async function getLokal(client: KommunkitClient, id: string, { signal }: CallOptions = {}): Promise<Lokal | null> {
  try {
    return await lokalbokningCall<Lokal>(client, routes.getLokal, { id, signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && error.type === problemTypes.notFound) return null;
    throw error;
  }
}

/** A lokal's free slots from `from` to `to` (`YYYY-MM-DD`, inclusive, Europe/Stockholm, at most 31 days). */
export function getAvailability(client: KommunkitClient, id: string, { from, to }: { from: string; to: string }, { signal }: CallOptions = {}): Promise<Availability> {
  return lokalbokningCall<Availability>(client, routes.getAvailability, { id, query: { from, to }, signal });
}

/** The föreningar the logged-in citizen may book for (`ApiError` 401 without a session). */
export async function myForeningar(client: KommunkitClient, { signal }: CallOptions = {}): Promise<MyForeningar['foreningar']> {
  return (await lokalbokningCall<MyForeningar>(client, routes.listMyForeningar, { signal })).foreningar;
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
    return await lokalbokningCall<Booking>(client, routes.createBooking, {
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
    return await lokalbokningCall<Booking>(client, routes.getMyBooking, { id, signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && error.type === problemTypes.notFound) return null;
    throw error;
  }
}

/** The address of a booking's `.ics` file, for a download link (the session cookie goes along on the same site). */
export function bookingCalendarUrl(client: KommunkitClient, id: string): string {
  return `${client.api}${pathFor(routes.bookingCalendar.url, { kommun: client.kommun, id })}`;
}
