import { embeddingRoutes } from '@kommunkit/contract/embedding-routes';
import type { EmbeddingCheck } from '@kommunkit/contract';
import { exchange, queryString, retrySettings, type CallOptions, type RetryOptions } from './http.js';

/**
 * The gateway's embedding check, and the diagnosis the client asks for when its calls get no
 * answer. A module of its own (`@kommunkit/sdk/embedding`), loaded only then, or by a tool such
 * as the snippet builder: a page whose widgets work never downloads it.
 */

export type { EmbeddingCheck };

/** Why the widgets of a kommun cannot work on this page, as the embedding check found it. */
export type EmbeddingProblem = 'origin-not-allowed' | 'unknown-kommun';

/**
 * The gateway answered, and the page cannot use it: its origin is not on the kommun's list
 * (the browser refused the answers, CORS), or no kommun has this id. No retry can mend either;
 * the gateway's operator can (`check.configKey` says where in its config). `message` is a
 * Swedish text fit to show the citizen; the rest is for the editor and the developer.
 */
export class EmbeddingError extends Error {
  override readonly name = 'EmbeddingError';
  readonly problem: EmbeddingProblem;

  constructor(
    /** The embedding check's answer. */
    readonly check: EmbeddingCheck,
    /** The gateway's base URL the check was asked at. */
    readonly api: string,
  ) {
    const problem: EmbeddingProblem = check.known ? 'origin-not-allowed' : 'unknown-kommun';
    super(problem === 'unknown-kommun' ? 'Tjänsten är inte inställd för den här kommunen.' : 'Tjänsten är inte inställd för den här webbsidan.');
    this.problem = problem;
  }
}

export interface CheckEmbeddingOptions extends CallOptions {
  /** Retry settings, or false for a single try; the client's own when a client is given. */
  retry?: Partial<RetryOptions> | false | undefined;
}

/**
 * Asks the gateway whether `origin` (by default the page calling, from its `Origin` header) may
 * embed the kommun's widgets. Resolves to the answer also for an unknown kommun (`known: false`);
 * rejects with an `ApiError` (400) for a malformed id or origin, a `NetworkError` without an answer.
 * Sent without credentials: the answer is public.
 */
export function checkEmbedding(
  target: { api: string; options?: { fetch?: typeof fetch | undefined; retry?: Partial<RetryOptions> | false | undefined } },
  kommun: string,
  origin?: string,
  { signal, retry = target.options?.retry }: CheckEmbeddingOptions = {},
): Promise<EmbeddingCheck> {
  const doFetch = target.options?.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const url = `${target.api.replace(/\/+$/, '')}${embeddingRoutes.checkEmbedding.url}${queryString({ kommun, origin })}`;
  return exchange(doFetch, url, { method: 'GET', headers: { accept: 'application/json' }, credentials: 'omit' }, { retry: retrySettings(retry), retryable: true, signal }) as Promise<EmbeddingCheck>;
}

/** One diagnosis per gateway and kommun on the page: the answer holds for the page's lifetime. */
const diagnoses = new Map<string, Promise<EmbeddingError | undefined>>();

/** Longest wait for the check: the call it explains goes on (to its retries) after this. */
export const diagnosisTimeoutMs = 5000;

/** An answer that is the check's, about this kommun: anything else (a proxy's, an older gateway's route) says nothing. */
const isCheckOf = (kommun: string, body: unknown): body is EmbeddingCheck => {
  const check = body as Partial<EmbeddingCheck> | null;
  return typeof check === 'object' && check !== null && check.kommun === kommun && typeof check.known === 'boolean' && typeof check.originAllowed === 'boolean';
};

/**
 * What the client asks after a call got no answer (`KommunkitClient.diagnose`): an
 * `EmbeddingError` when the gateway says this page cannot use it, else undefined (all in
 * order: the failure was the network's). Never rejects, and waits at most
 * {@link diagnosisTimeoutMs}; when the check gets no answer either (or one that is not the
 * check's), nothing is learnt, and the next failure asks again.
 */
export function diagnose(api: string, kommun: string, doFetch: typeof fetch): Promise<EmbeddingError | undefined> {
  const key = `${api} ${kommun}`;
  let pending = diagnoses.get(key);
  if (!pending) {
    const forget = (): undefined => {
      diagnoses.delete(key);
      return undefined;
    };
    pending = checkEmbedding({ api, options: { fetch: doFetch } }, kommun, undefined, { retry: false, signal: AbortSignal.timeout(diagnosisTimeoutMs) }).then(
      (check) => (!isCheckOf(kommun, check) ? forget() : check.known && check.originAllowed ? undefined : new EmbeddingError(check, api)),
      forget,
    );
    diagnoses.set(key, pending);
  }
  return pending;
}
