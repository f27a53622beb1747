/**
 * The runtime values of the contract that clients need: paths, methods, headers and problem
 * types, free of TypeBox so that importing them adds bytes, not a schema library, to a widget
 * bundle (`@kommunkit/contract/routes`). The schemas live in the other modules and import these.
 */

/** Header that every state-changing request from the SDK carries (CSRF defence, forces CORS preflight). */
export const clientHeader = 'x-kommunkit-client';
/** Header that makes a write safe to retry: the gateway answers a repeat with the first result. */
export const idempotencyHeader = 'idempotency-key';
/** The longest Idempotency-Key the gateway takes (visible ASCII, for example a UUID). */
export const maxIdempotencyKeyLength = 200;
/** Query parameter the gateway adds to the page's URL after a login that did not finish (`cancelled`, `failed`). */
export const loginOutcomeParam = 'kk-login';

export const problemMediaType = 'application/problem+json';

/**
 * Stable problem types (RFC 9457 `type`). They are URNs so that they stay valid and unique
 * without a web page behind them; clients branch on `type`, never on `title`.
 */
export const problemTypes = {
  validation: 'urn:kommunkit:problem:validation',
  unauthenticated: 'urn:kommunkit:problem:unauthenticated',
  forbidden: 'urn:kommunkit:problem:forbidden',
  csrf: 'urn:kommunkit:problem:csrf',
  notFound: 'urn:kommunkit:problem:not-found',
  unknownKommun: 'urn:kommunkit:problem:unknown-kommun',
  serviceDisabled: 'urn:kommunkit:problem:service-disabled',
  methodNotAllowed: 'urn:kommunkit:problem:method-not-allowed',
  payloadTooLarge: 'urn:kommunkit:problem:payload-too-large',
  requestTimeout: 'urn:kommunkit:problem:request-timeout',
  unsupportedMediaType: 'urn:kommunkit:problem:unsupported-media-type',
  rateLimited: 'urn:kommunkit:problem:rate-limited',
  conflict: 'urn:kommunkit:problem:conflict',
  loginFailed: 'urn:kommunkit:problem:login-failed',
  unavailable: 'urn:kommunkit:problem:unavailable',
  internal: 'urn:kommunkit:problem:internal',
} as const;

export type ProblemType = (typeof problemTypes)[keyof typeof problemTypes];

/**
 * The Swedish title of each problem type: the one table the gateway answers with and the SDK
 * falls back on when an answer carried no problem (a proxy's page, an Open311 error list).
 */
export const problemTitles: Record<ProblemType, string> = {
  [problemTypes.validation]: 'Uppgifterna behöver rättas',
  [problemTypes.unauthenticated]: 'Du behöver logga in',
  [problemTypes.forbidden]: 'Du har inte behörighet',
  [problemTypes.csrf]: 'Begäran kom inte från en tillåten webbplats',
  [problemTypes.notFound]: 'Sidan eller uppgiften finns inte',
  [problemTypes.unknownKommun]: 'Kommunen finns inte i tjänsten',
  [problemTypes.serviceDisabled]: 'Tjänsten är inte aktiverad för kommunen',
  [problemTypes.methodNotAllowed]: 'Metoden stöds inte här',
  [problemTypes.payloadTooLarge]: 'Det du skickade är för stort',
  [problemTypes.requestTimeout]: 'Begäran tog för lång tid',
  [problemTypes.unsupportedMediaType]: 'Formatet stöds inte',
  [problemTypes.rateLimited]: 'För många försök',
  [problemTypes.conflict]: 'Uppgiften har ändrats under tiden',
  [problemTypes.loginFailed]: 'Inloggningen kunde inte slutföras',
  [problemTypes.unavailable]: 'Tjänsten är inte tillgänglig just nu',
  [problemTypes.internal]: 'Något gick fel hos oss',
};

/** Method and path of every contract route; `operations` adds the schemas. */
export const routes = {
  getKommun: { method: 'GET', url: '/api/v1/:kommun' },
  login: { method: 'GET', url: '/api/v1/:kommun/auth/login' },
  loginCallback: { method: 'GET', url: '/api/v1/:kommun/auth/callback' },
  me: { method: 'GET', url: '/api/v1/:kommun/auth/me' },
  logout: { method: 'POST', url: '/api/v1/:kommun/auth/logout' },
  getDraft: { method: 'GET', url: '/api/v1/:kommun/drafts/:service' },
  saveDraft: { method: 'PUT', url: '/api/v1/:kommun/drafts/:service' },
  deleteDraft: { method: 'DELETE', url: '/api/v1/:kommun/drafts/:service' },
  updateReportStatus: { method: 'POST', url: '/api/v1/:kommun/felanmalan/reports/:reference/status' },
  health: { method: 'GET', url: '/health' },
  ready: { method: 'GET', url: '/ready' },
} as const satisfies Record<string, { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string }>;

export type RouteId = keyof typeof routes;

/** Fills `:name` segments of a route's path, encoding each value. */
export function pathFor(url: string, params: Record<string, string>): string {
  return url.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter "${name}" for ${url}`);
    return encodeURIComponent(value);
  });
}
