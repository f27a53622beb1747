import type { KommunInfo } from '@kommunkit/contract';
import { abortable, Auth } from './auth.js';
import { abortReason, createTransport, retrySettings, type CallOptions, type Request, type RetryOptions } from './http.js';

export interface ClientOptions {
  /** The gateway's base URL, e.g. `https://e-tjanster.exempelstad.se` (a trailing slash is dropped). */
  api: string;
  /** Kommun id, e.g. `exempelstad`. */
  kommun: string;
  /** The fetch to use; by default the global one, looked up on every call. */
  fetch?: typeof fetch;
  /** Retry settings, or false for a single try. */
  retry?: Partial<RetryOptions> | false;
  /** Full-page navigation for login; by default `window.location.assign`. */
  navigate?: (url: string) => void;
  /**
   * The language the kommun's own texts are asked for in (`Accept-Language`), read on every
   * call; a widget passes its locale. Without it the browser's own header is sent.
   */
  locale?: () => string;
}

export interface KommunkitClient {
  /** The gateway's base URL, without a trailing slash. */
  readonly api: string;
  readonly kommun: string;
  readonly auth: Auth;
  /** What the client was made with (its `fetch` sending `locale`), for service modules that call the gateway their own way. */
  readonly options: Readonly<ClientOptions>;
  /**
   * The kommun's name, theme tokens and enabled services. Asked for once per client: every
   * widget and the theme share the answer (a failure is not kept, so the next call asks again).
   * `signal` stops only this caller's wait.
   */
  getKommun(options?: CallOptions): Promise<KommunInfo>;
  /** One contract operation, for service modules; the other members are built on it. */
  readonly request: Request;
  /**
   * Why calls get no answer, when it is nothing a retry mends: an `EmbeddingError` (from
   * `@kommunkit/sdk/embedding`) when the gateway's embedding check says this page's origin is
   * not on the kommun's list, or that no kommun has this id; undefined when all is in order or
   * the gateway cannot be reached. Every call asks it after its first failure without an answer
   * (a browser shows a CORS refusal as one); service modules pass it to `exchange`.
   */
  readonly diagnose: () => Promise<Error | undefined>;
}

const normalizeApi = (api: string): string => api.replace(/\/+$/, '');

export function createClient(options: ClientOptions): KommunkitClient {
  if (!options.kommun) throw new TypeError('createClient: `kommun` is required');
  const api = normalizeApi(options.api);
  const given = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const { locale } = options;
  // Every call the client makes, service modules' included (`options.fetch`), asks in the widget's language.
  // The client's own callers (its transport, service modules) pass headers as a plain object.
  const doFetch: typeof fetch = locale
    ? (input, init) => given(input, { ...init, headers: { ...(init?.headers as Record<string, string> | undefined), 'accept-language': locale() } })
    : given;
  // Loaded only after a failure, and it remembers the gateway's answer for the page.
  const diagnose = (): Promise<Error | undefined> => import('./embedding.js').then((module) => module.diagnose(api, options.kommun, doFetch), () => undefined);
  const transport = createTransport({
    api,
    kommun: options.kommun,
    fetch: doFetch,
    retry: retrySettings(options.retry),
    diagnose,
  });
  const { request } = transport;
  let kommunInfo: Promise<KommunInfo> | undefined;
  const getKommun = ({ signal }: CallOptions = {}): Promise<KommunInfo> => {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (!kommunInfo) {
      const pending = request('getKommun');
      kommunInfo = pending;
      pending.catch(() => {
        if (kommunInfo === pending) kommunInfo = undefined;
      });
    }
    return abortable(kommunInfo, signal);
  };
  return {
    api,
    kommun: options.kommun,
    auth: new Auth(transport, options.navigate ?? ((url) => {
      window.location.assign(url);
    })),
    options: { ...options, fetch: doFetch },
    getKommun,
    request,
    diagnose,
  };
}

const clients = new Map<string, KommunkitClient>();

/**
 * The one client for this gateway and kommun on the page, created on first use, so every
 * widget shares its login state. Later calls return that client and ignore their other options.
 */
export function getClient(options: ClientOptions): KommunkitClient {
  const key = `${normalizeApi(options.api)} ${options.kommun}`;
  let client = clients.get(key);
  if (!client) {
    client = createClient(options);
    clients.set(key, client);
  }
  return client;
}
