import type { User } from '@kommunkit/contract';
import { ApiError } from './errors.js';
import { abortReason, type CallOptions, type Transport } from './http.js';
import { routes } from '@kommunkit/contract/routes';

export interface AuthEventMap {
  /** The known user changed: first loaded, logged in, logged out, session ended, or another person. */
  change: CustomEvent<User | null>;
}

type AuthListener<K extends keyof AuthEventMap> = ((this: Auth, event: AuthEventMap[K]) => void) | { handleEvent(event: AuthEventMap[K]): void };

/** Query parameter the gateway adds to the return URL when a login did not finish. */
export const loginOutcomeParam = 'kk-login';

const samePerson = (a: User, b: User): boolean =>
  a.name === b.name && a.givenName === b.givenName && a.familyName === b.familyName && a.kommun === b.kommun;

/** Resolves with `promise`, or rejects with the signal's reason as soon as it aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
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
 * The citizen's login state for one kommun, shared by every widget using the same client.
 * The session itself is an HttpOnly cookie the gateway sets; this only mirrors who it belongs to.
 *
 * @fires change - `CustomEvent<User | null>` when the known user changes (not when a refresh
 *   finds the same person again, even if the session's `expiresAt` moved).
 */
export class Auth extends EventTarget {
  #user: User | null = null;
  #loaded = false;
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
      this.#set(null);
    });
  }

  /** The logged-in citizen, or null when nobody is logged in (or before {@link loaded}). */
  get user(): User | null {
    return this.#user;
  }

  /** Whether the login state has been learnt from the gateway yet. */
  get loaded(): boolean {
    return this.#loaded;
  }

  /**
   * Asks the gateway who is logged in (`GET auth/me`): the user, or null after a 401.
   * Concurrent calls share one request; `signal` stops only this caller's wait.
   */
  refresh(options: CallOptions = {}): Promise<User | null> {
    if (options.signal?.aborted) return Promise.reject(abortReason(options.signal));
    if (!this.#pending) {
      const generation = this.#generation;
      const pending = this.#fetchUser().then((user) => {
        if (generation === this.#generation) this.#set(user);
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
    this.#set(null);
  }

  override addEventListener<K extends keyof AuthEventMap>(type: K, listener: AuthListener<K> | null, options?: boolean | AddEventListenerOptions): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void {
    super.addEventListener(type, listener, options);
  }

  override removeEventListener<K extends keyof AuthEventMap>(type: K, listener: AuthListener<K> | null, options?: boolean | EventListenerOptions): void;
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void {
    super.removeEventListener(type, listener, options);
  }

  async #fetchUser(): Promise<User | null> {
    try {
      return await this.#transport.request('me');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  }

  #set(user: User | null): void {
    const previous = this.#user;
    const wasLoaded = this.#loaded;
    this.#user = user;
    this.#loaded = true;
    const same = previous === null || user === null ? previous === user : samePerson(previous, user);
    if (wasLoaded && same) return;
    this.dispatchEvent(new CustomEvent('change', { detail: user }));
  }
}
