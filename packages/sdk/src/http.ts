import { clientHeader, idempotencyHeader, pathFor, routes } from '@kommunkit/contract/routes';
import type { Problem } from '@kommunkit/contract';
import { ApiError, NetworkError, problemFrom, synthesizeProblem } from './errors.js';
import type { OperationId, Operations, Route } from './operations.js';
import { sdkVersion } from './version.js';

export interface RetryOptions {
  /** Tries in all, the first included; 1 turns retrying off. Default 3. */
  attempts: number;
  /** Wait before the first retry; doubles for each further one, with jitter. Default 300 ms. */
  baseDelayMs: number;
  /**
   * Longest wait before a retry. A `Retry-After` longer than this is not waited for: the
   * error is thrown at once, with `retryAfterMs` set. Default 5000 ms.
   */
  maxDelayMs: number;
}

export const defaultRetry: RetryOptions = { attempts: 3, baseDelayMs: 300, maxDelayMs: 5000 };

/** Retry settings from a caller's option: its values over the defaults, or a single try for `false`. */
export const retrySettings = (option: Partial<RetryOptions> | false | undefined): RetryOptions =>
  option === false ? { ...defaultRetry, attempts: 1 } : { ...defaultRetry, ...option };

/** Options every call takes. */
export interface CallOptions {
  /** Aborts the request, and any wait before a retry; the call then rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
}

export type QueryValue = string | number | boolean | readonly (string | number | boolean)[] | undefined;

type ParamsOf<K extends OperationId> = Operations[K] extends { params: infer P } ? { params: P } : { params?: undefined };
type QueryOf<K extends OperationId> = Operations[K] extends { query: infer Q } ? { query: Q } : { query?: undefined };
type BodyOf<K extends OperationId> = Operations[K] extends { body: infer B } ? { body: B } : { body?: undefined };

export type RequestOptions<K extends OperationId> = CallOptions &
  ParamsOf<K> &
  QueryOf<K> &
  BodyOf<K> & {
    /**
     * The call is safe to repeat: a write gets an `Idempotency-Key` (one per call, the same
     * on every retry) and is retried like a GET. GETs are always retried.
     */
    idempotent?: boolean;
  };

/** Options are optional only for operations without path parameters or a body. */
export type RequestArgs<K extends OperationId> = Operations[K] extends { params: unknown } | { body: unknown } | { query: unknown }
  ? [options: RequestOptions<K>]
  : [options?: RequestOptions<K>];

export type Result<K extends OperationId> = Operations[K]['result'];

/** Calls one contract operation: `request('getDraft', { params: { service: 'felanmalan' } })`. */
export type Request = <K extends OperationId>(operationId: K, ...args: RequestArgs<K>) => Promise<Result<K>>;

interface SendOptions extends CallOptions {
  params?: Record<string, string> | undefined;
  query?: Record<string, QueryValue> | undefined;
  body?: unknown;
  idempotent?: boolean | undefined;
}

export interface TransportConfig {
  /** Gateway base URL without a trailing slash. */
  api: string;
  kommun: string;
  fetch: typeof fetch;
  retry: RetryOptions;
  /** Why calls get no answer, when no retry can mend it (`ExchangeOptions.diagnose`). */
  diagnose?: () => Promise<Error | undefined>;
}

export interface Transport {
  request: Request;
  /** Absolute URL of an operation's path, for navigation (login). */
  url(route: Route, params?: Record<string, string>, query?: Record<string, QueryValue>): string;
  /** Called whenever the gateway answers 401: the session has ended or never existed. */
  onUnauthenticated(listener: () => void): void;
}

/** Exponential backoff with jitter: half the exponential delay, plus up to as much again at random. */
export function backoffDelay(attempt: number, retry: RetryOptions, random: () => number = Math.random): number {
  const exponential = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** What can go right on a retry: a timeout, a rate limit, a gateway or dependency away. No other 4xx ever will. */
const retryStatuses = new Set([408, 429, 502, 503, 504]);

/** How long to wait before retrying after `error`, or undefined when it must not be retried. */
function retryDelay(error: unknown, attempt: number, retry: RetryOptions): number | undefined {
  if (error instanceof NetworkError) return backoffDelay(attempt, retry);
  if (!(error instanceof ApiError) || !retryStatuses.has(error.status)) return undefined;
  if (error.retryAfterMs === undefined) return backoffDelay(attempt, retry);
  return error.retryAfterMs <= retry.maxDelayMs ? error.retryAfterMs : undefined;
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The signal's abort reason, as `fetch` itself rejects with it. */
export function abortReason(signal: AbortSignal | undefined): Error {
  try {
    signal?.throwIfAborted();
  } catch (reason) {
    return reason as Error;
  }
  return new DOMException('This operation was aborted', 'AbortError');
}

/** `?a=1&b=2` for the defined values (a list repeats its name), or '' when there are none. */
export function queryString(query: Record<string, QueryValue> | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A key for one logical write; crypto.randomUUID exists only in secure contexts. */
export function idempotencyKey(): string {
  const webCrypto: Pick<Crypto, 'getRandomValues'> & Partial<Pick<Crypto, 'randomUUID'>> = crypto;
  if (webCrypto.randomUUID) return webCrypto.randomUUID();
  const bytes = webCrypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface ExchangeOptions extends CallOptions {
  retry: RetryOptions;
  /** The call is safe to repeat: it is retried after no answer, 429 and 502–504. */
  retryable: boolean;
  /** The problem behind an error answer; problem+json (or a synthesized one) by default. */
  problemOf?: (status: number, contentType: string | null, text: string) => Problem;
  /** Sees the status of every error answer before it is thrown. */
  onErrorStatus?: (status: number) => void;
  /** A successful answer may have no body (204): it reads as undefined, not as unreadable. */
  emptyIsUndefined?: boolean;
  /**
   * Asked once, after a call's first failure without an answer: a browser cannot tell a CORS
   * refusal from a network outage, so this asks the gateway why (`KommunkitClient.diagnose`).
   * An error it resolves to (the page is not on the kommun's list, an unknown kommun) is thrown
   * instead of retrying; undefined means retry as for any failure.
   */
  diagnose?: (() => Promise<Error | undefined>) | undefined;
}

/**
 * One call under the SDK's rules, for the contract's routes and for service modules that
 * speak another protocol (Open311): no answer is a `NetworkError`, an error answer an
 * `ApiError`, an abort passes through as it is, and retryable calls are retried with backoff
 * and `Retry-After`. Resolves to the answer's JSON body.
 */
export async function exchange(doFetch: typeof fetch, target: string, init: RequestInit, options: ExchangeOptions): Promise<unknown> {
  const { signal, retry } = options;

  /** Reads `promise`; an abort passes through as it is, any other failure means no answer. */
  const settle = async <T>(promise: Promise<T>): Promise<T> => {
    try {
      return await promise;
    } catch (error) {
      throw signal?.aborted ? error : new NetworkError(error);
    }
  };

  const once = async (): Promise<unknown> => {
    signal?.throwIfAborted();
    const response = await settle(doFetch(target, { ...init, ...(signal ? { signal } : {}) }));
    const text = await settle(response.text());
    if (!response.ok) {
      options.onErrorStatus?.(response.status);
      const problem = (options.problemOf ?? problemFrom)(response.status, response.headers.get('content-type'), text);
      throw new ApiError(problem, { retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) });
    }
    if (text === '' && options.emptyIsUndefined) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ApiError(synthesizeProblem(502, `Svaret från tjänsten gick inte att tolka (HTTP ${response.status}).`));
    }
  };

  /** `once()`, with the failure explained by `diagnose` the first time there was no answer. */
  let diagnose = options.diagnose;
  const tryOnce = async (): Promise<unknown> => {
    try {
      return await once();
    } catch (error) {
      if (diagnose && error instanceof NetworkError && !error.offline && !signal?.aborted) {
        const cause = await diagnose();
        diagnose = undefined;
        if (cause) throw cause;
      }
      throw error;
    }
  };

  const attempts = options.retryable ? Math.max(1, Math.floor(retry.attempts)) : 1;
  for (let attempt = 1; attempt < attempts; attempt++) {
    try {
      return await tryOnce();
    } catch (error) {
      const delay = signal?.aborted ? undefined : retryDelay(error, attempt, retry);
      if (delay === undefined) throw error;
      await sleep(delay, signal);
    }
  }
  return tryOnce();
}

export function createTransport(config: TransportConfig): Transport {
  const unauthenticated = new Set<() => void>();

  const url = (route: Route, params: Record<string, string> = {}, query?: Record<string, QueryValue>): string =>
    `${config.api}${pathFor(route.url, { ...params, kommun: config.kommun })}${queryString(query)}`;

  function send(route: Route, options: SendOptions): Promise<unknown> {
    const write = route.method !== 'GET';
    const headers: Record<string, string> = { accept: 'application/json' };
    if (write) headers[clientHeader] = `sdk/${sdkVersion}`;
    if (write && options.idempotent) headers[idempotencyHeader] = idempotencyKey();
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const init: RequestInit = { method: route.method, headers, credentials: 'include', ...(body === undefined ? {} : { body }) };
    return exchange(config.fetch, url(route, options.params, options.query), init, {
      retry: config.retry,
      retryable: !write || options.idempotent === true,
      signal: options.signal,
      onErrorStatus: (status) => {
        if (status === 401) for (const listener of unauthenticated) listener();
      },
      emptyIsUndefined: true,
      diagnose: config.diagnose,
    });
  }

  const request = (<K extends OperationId>(operationId: K, ...[options]: RequestArgs<K>): Promise<Result<K>> =>
    send(routes[operationId], (options ?? {}) as SendOptions) as Promise<Result<K>>) as Request;

  return {
    request,
    url,
    onUnauthenticated: (listener) => void unauthenticated.add(listener),
  };
}
