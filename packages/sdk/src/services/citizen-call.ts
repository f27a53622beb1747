import type { Problem } from '@kommunkit/contract';
import { clientHeader, pathFor } from '@kommunkit/contract/routes';
import type { KommunkitClient } from '../client.js';
import { exchange, queryString, retrySettings, type CallOptions, type QueryValue } from '../http.js';
import { sdkVersion } from '../version.js';

/*
 * The citizen APIs of the services (felanmälan's own reports, lokalbokning) call the gateway the
 * same way; this is that way, once. A module of its own among the service modules, not in
 * `http.ts`: only the widgets that call a citizen API download it, never the shared runtime.
 */

/** A route of a service's routes table (`lokalbokningRoutes.getLokal`). */
export interface CitizenRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly url: string;
}

export interface CitizenCallInit extends CallOptions {
  /** The route's path parameters but `:kommun` (the client's own), e.g. `{ id }`. */
  params?: Record<string, string> | undefined;
  query?: Record<string, QueryValue> | undefined;
  headers?: Record<string, string> | undefined;
  /** Sent as JSON, with its content type. */
  json?: unknown;
  /** Sent as it is (multipart form data); not with `json`. */
  body?: BodyInit | undefined;
  /** Safe to repeat: retried after no answer, 429 and 502–504. GETs are by default. */
  retryable?: boolean | undefined;
  /** The problem behind an error answer, for a call whose errors carry more (a 409's alternatives). */
  problemOf?: ((status: number, contentType: string | null, text: string) => Problem) | undefined;
}

/**
 * One call of a citizen API under the SDK's rules: the session cookie along, the client header
 * on writes (the gateway's CSRF check), retries for what is safe to repeat, the gateway asked
 * why when there is no answer (`client.diagnose`); a 401 tells the client's login state that the
 * session is gone. Resolves to the answer's JSON body.
 */
export function citizenCall<T>(client: KommunkitClient, route: CitizenRoute, { params, query, headers = {}, json, body, retryable = route.method === 'GET', problemOf, signal }: CitizenCallInit = {}): Promise<T> {
  const write = route.method !== 'GET';
  const request: RequestInit = {
    method: route.method,
    headers: {
      accept: 'application/json',
      ...(write ? { [clientHeader]: `sdk/${sdkVersion}` } : {}),
      ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    credentials: 'include',
    ...(json === undefined ? (body === undefined ? {} : { body }) : { body: JSON.stringify(json) }),
  };
  const { fetch = (input: RequestInfo | URL, options?: RequestInit) => globalThis.fetch(input, options), retry } = client.options;
  return exchange(fetch, `${client.api}${pathFor(route.url, { ...params, kommun: client.kommun })}${queryString(query)}`, request, {
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
