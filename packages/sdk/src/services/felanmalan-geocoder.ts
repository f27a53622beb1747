import type { Address, AddressList, NearestAddress } from '@kommunkit/contract';
import { felanmalanGeocoderRoutes } from '@kommunkit/contract/felanmalan-routes';
import { pathFor, problemTypes } from '@kommunkit/contract/routes';
import type { KommunkitClient } from '../client.js';
import { ApiError } from '../errors.js';
import { exchange, queryString, retrySettings, type CallOptions, type QueryValue } from '../http.js';

export type { Address, NearestAddress } from '@kommunkit/contract';

/*
 * Felanmälan's geocoder: the kommun's address register, so a citizen sees a place as an address
 * ("Nära Storgatan 12") and a typed address becomes a position. A module of its own, with routes
 * of its own (`@kommunkit/contract/felanmalan-routes`), so only the widget code that names a
 * place carries it.
 */

type Client = Pick<KommunkitClient, 'api' | 'kommun' | 'options'> & Partial<Pick<KommunkitClient, 'diagnose'>>;

/** A public read of the register: no cookie needed, retried like every GET. */
const read = (client: Client, route: { url: string }, query: Record<string, QueryValue>, signal: AbortSignal | undefined): Promise<unknown> =>
  exchange(
    client.options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    `${client.api}${pathFor(route.url, { kommun: client.kommun })}${queryString(query)}`,
    { method: 'GET', headers: { accept: 'application/json' }, credentials: 'omit' },
    { retry: retrySettings(client.options.retry), retryable: true, signal, diagnose: client.diagnose },
  );

/** Addresses that match what the citizen typed (1–100 characters), best first, at most 10. */
export async function searchAddresses(client: Client, text: string, { signal }: CallOptions = {}): Promise<Address[]> {
  const { items } = (await read(client, felanmalanGeocoderRoutes.searchAddresses, { q: text }, signal)) as AddressList;
  return items;
}

/**
 * The address nearest to a point, with its distance in metres; null when none is within 250 m
 * (or the kommun has no address register). Other failures throw, as every call does.
 */
export async function nearestAddress(client: Client, point: { lat: number; long: number }, { signal }: CallOptions = {}): Promise<NearestAddress | null> {
  try {
    return (await read(client, felanmalanGeocoderRoutes.nearestAddress, { lat: point.lat, long: point.long }, signal)) as NearestAddress;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && error.type === problemTypes.notFound) return null;
    throw error;
  }
}
