import type { User } from '@kommunkit/contract';
import { ApiError } from './errors.js';
import { abortReason, type CallOptions, type Transport } from './http.js';
import { loginOutcomeParam, routes } from '@kommunkit/contract/routes';

export interface AuthEventMap {
  /** The known user changed: first loaded, logged in, logged out, session ended, or another person. */
  change: CustomEvent<User | null>;
}

type AuthListener<K extends keyof AuthEventMap> = ((this: Auth, event: AuthEventMap[K]) => void) | { handleEvent(event: AuthEventMap[K]): void };

/** Query parameter the gateway adds to the return URL when a login did not finish (one name, in the contract). */
export { loginOutcomeParam };

const samePerson = (a: User, b: User): boolean =>
  a.name === b.name && a.givenName === b.givenName && a.familyName === b.familyName && a.kommun === b.kommun;

/** How a login that did not finish came back: the gateway's `kk-login` value in the page URL. */
export type LoginOutcome = 'cancelled' | 'failed';

/** The outcome the gateway put in `href` (by default this page's URL) after a login that did not finish. */
export function loginOutcome(href: string = location.href): LoginOutcome | undefined {
  try {
    const value = new URL(href).searchParams.get(loginOutcomeParam);
    return value === 'cancelled' || value === 'failed' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Why the last known user is gone: the citizen logged out here, or the session ended by itself. */
export type AuthEndReason = 'logout' | 'session-ended';

/**
 * Resolves with `promise`, or rejects with the signal's reason as soon as it aborts; the
 * promise itself (a request shared with other callers) goes on.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      reject(abortReason(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => {
      signal.removeEventListener('abort', onAbort);
    });
  });
}

/**
 * The typed `change` event, as declarations only: overriding the methods just to narrow their
 * types would ship code that only calls `super` in every widget's runtime.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- adds overload signatures, no members
export interface Auth {
  addEventListener<K extends keyof AuthEventMap>(type: K, listener: AuthListener<K> | null, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof AuthEventMap>(type: K, listener: AuthListener<K> | null, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

/**
 * The citizen's login state for one kommun, shared by every widget using the same client.
 * The session itself is an HttpOnly cookie the gateway sets; this only mirrors who it belongs to.
 *
 * @fires change - `CustomEvent<User | null>` when the known user changes (not when a refresh
 *   finds the same person again, even if the session's `expiresAt` moved).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class Auth extends EventTarget {
  #user: User | null = null;
  #loaded = false;
  #endReason: AuthEndReason | undefined;
  #pending: Promise<User | null> | undefined;
  /** Bumped by every authoritative change, so that an older refresh cannot undo it. */
  #generation = 0;
  readonly #transport: Transport;
  readonly #navigate: (url: string) => void;

  constructor(transport: Transport, navigate: (url: string) => void) {
    super();
    this.#transport = transport;
    this.#navigate = navigate;
    transport.onUnauthenticated(() => {
      this.#generation++;
      this.#set(null, 'session-ended');
    });
  }

  /** The logged-in citizen, or null when nobody is logged in (or before {@link loaded}). */
  get user(): User | null {
    return this.#user;
  }

  /**
   * Why the last known user is gone, so every widget on the page can tell "you logged out"
   * from "your session ended" (expired, logged out in another tab, a 401 on a call).
   * Undefined while someone is logged in, and when nobody has been this page's lifetime.
   */
  get endReason(): AuthEndReason | undefined {
    return this.#endReason;
  }

  /** Whether the login state has been learnt from the gateway yet. */
  get loaded(): boolean {
    return this.#loaded;
  }

  /**
   * Asks the gateway who is logged in (`GET auth/me`): the user, or null when nobody is (204, or a 401).
   * Concurrent calls share one request; `signal` stops only this caller's wait.
   */
  refresh(options: CallOptions = {}): Promise<User | null> {
    if (options.signal?.aborted) return Promise.reject(abortReason(options.signal));
    if (!this.#pending) {
      const generation = this.#generation;
      const pending = this.#fetchUser().then((user) => {
        if (generation === this.#generation) this.#set(user, 'session-ended');
        return this.#user;
      });
      this.#pending = pending;
      const clear = (): void => {
        if (this.#pending === pending) this.#pending = undefined;
      };
      pending.then(clear, clear);
    }
    return abortable(this.#pending, options.signal);
  }

  /** The user as already known, or {@link refresh} when it has not been loaded yet. */
  load(options: CallOptions = {}): Promise<User | null> {
    return this.#loaded ? Promise.resolve(this.#user) : this.refresh(options);
  }

  /**
   * Leaves the page for the kommun's e-legitimation login, which comes back to `returnUrl`
   * (by default this page; it must be on one of the kommun's allowed origins).
   */
  login(returnUrl: string = location.href): void {
    let target = returnUrl;
    try {
      // A stale outcome from an earlier attempt would otherwise survive a successful login.
      const url = new URL(returnUrl);
      url.searchParams.delete(loginOutcomeParam);
      target = url.href;
    } catch {
      // Not an absolute URL: let the gateway refuse it with a proper problem.
    }
    this.#navigate(this.#transport.url(routes.login, {}, { return: target }));
  }

  /** Ends the session (`POST auth/logout`); the user is null afterwards. */
  async logout(options: CallOptions = {}): Promise<void> {
    try {
      await this.#transport.request('logout', { idempotent: true, signal: options.signal });
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    this.#generation++;
    this.#pending = undefined;
    this.#set(null, 'logout');
  }

  async #fetchUser(): Promise<User | null> {
    try {
      // 204 when nobody is logged in; an older gateway answered 401, which means the same.
      return (await this.#transport.request('me')) ?? null;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  }

  #set(user: User | null, endReason: AuthEndReason): void {
    const previous = this.#user;
    const wasLoaded = this.#loaded;
    this.#user = user;
    this.#loaded = true;
    if (user) this.#endReason = undefined;
    else if (previous) this.#endReason = endReason;
    const same = previous === null || user === null ? previous === user : samePerson(previous, user);
    if (wasLoaded && same) return;
    this.dispatchEvent(new CustomEvent('change', { detail: user }));
  }
}
