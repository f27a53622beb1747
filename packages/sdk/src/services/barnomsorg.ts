import type { Application, BarnomsorgSettings, Children, NewApplication, PlacementType, UnitsPage } from '@kommunkit/contract';
import { barnomsorgRoutes as routes } from '@kommunkit/contract/barnomsorg-routes';
import { idempotencyHeader } from '@kommunkit/contract/routes';
import type { KommunkitClient } from '../client.js';
import { idempotencyKey, type CallOptions } from '../http.js';
import { citizenCall } from './citizen-call.js';

export { idempotencyKey } from '../http.js';
export type { Application, BarnomsorgSettings, Child, Children, NewApplication, PlacementReason, PlacementType, Schedule, Unit, UnitsPage } from '@kommunkit/contract';

/**
 * Barnomsorg at the client's gateway, what applying needs: the kommun's rules, its units, the
 * logged-in guardian's children, and sending an application. Functions of their own
 * (`@kommunkit/sdk/barnomsorg`), so only the widget that applies downloads them; the overview
 * and what follows a send are in `./barnomsorg-mine`.
 */

const visibleAscii = /^[\x21-\x7e]+$/;

/** The kommun's rules a guardian needs before applying: ranked units, the maxtaxa ceiling, the areas, today's date in Sweden. */
export function getBarnomsorgSettings(client: KommunkitClient, { signal }: CallOptions = {}): Promise<BarnomsorgSettings> {
  return citizenCall<BarnomsorgSettings>(client, routes.getBarnomsorgSettings, { signal });
}

/** The search of `listUnits`; empty values are left out. */
export interface UnitsSearch {
  page?: number | undefined;
  pageSize?: number | undefined;
  type?: PlacementType | undefined;
  area?: string | undefined;
  /** Words in the name, address or profile. */
  q?: string | undefined;
}

/** The kommun's units (förskolor, pedagogisk omsorg, fritidshem) matching the search, a page at a time. */
export function listUnits(client: KommunkitClient, search: UnitsSearch = {}, { signal }: CallOptions = {}): Promise<UnitsPage> {
  const { q, area, ...rest } = search;
  return citizenCall<UnitsPage>(client, routes.listUnits, {
    query: { ...rest, area: area?.trim() ? area.trim() : undefined, q: q?.trim() ? q.trim() : undefined },
    signal,
  });
}

/**
 * The logged-in guardian's children from the population register, by opaque id (`ApiError` 401
 * without a session). A child with protected identity is never listed: `someNotShown` says one was left out.
 */
export function listChildren(client: KommunkitClient, { signal }: CallOptions = {}): Promise<Children> {
  return citizenCall<Children>(client, routes.listChildren, { signal });
}

export interface CreateApplicationOptions extends CallOptions {
  /** The key of this one logical application: the same on a retry after no answer, so it is sent once. A fresh one per call when left out. */
  idempotencyKey?: string | undefined;
}

/**
 * Sends an application (`POST barnomsorg/applications`) with an `Idempotency-Key`, so it is
 * retried safely. Rejects with an `ApiError`: 409 when the child already has an active
 * application of the type, 422 naming the field (`desiredStartDate`, `units`, …), 404 for a
 * child that is not the guardian's, 401 without a session.
 */
export function createApplication(client: KommunkitClient, body: NewApplication, { idempotencyKey: key, signal }: CreateApplicationOptions = {}): Promise<Application> {
  if (key !== undefined && !visibleAscii.test(key)) throw new TypeError('createApplication: idempotencyKey must be visible ASCII characters, for example a UUID');
  return citizenCall<Application>(client, routes.createApplication, {
    json: body,
    headers: { [idempotencyHeader]: key ?? idempotencyKey() },
    retryable: true,
    signal,
  });
}
