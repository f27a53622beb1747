import { editTokenHeader } from './felanmalan-routes.js';

/**
 * How a caller proves who it is, as the gateway checks it (`packages/gateway/src`): the OpenAPI
 * security schemes, and each operation's `security` (OpenAPI's Security Requirements: any one of
 * the listed objects suffices, `{}` among them means "also without credentials", and `[]` is a
 * public route).
 */
export const securitySchemes = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'kk_session',
    description: 'HttpOnly session cookie that the login callback sets after e-legitimation (`login`). The browser sends it; a script never sees it.',
  },
  editToken: {
    type: 'apiKey',
    in: 'header',
    name: editTokenHeader,
    description: 'The secret that the answer filing a report (`editToken`, Open311\'s `edit_token`) gives the page that filed it, so that it can correct or withdraw the report without a login.',
  },
  caseWorkerKey: {
    type: 'http',
    scheme: 'bearer',
    description: 'The kommun\'s key for its case workers\' system, from the gateway\'s config (`kommuner[i].services.<service>.caseWorkerApiKey`, one per service): `Authorization: Bearer <key>`.',
  },
  financeKey: {
    type: 'http',
    scheme: 'bearer',
    description: 'The kommun\'s key for its finance system (mina fakturor: import, payment status, messages), from the gateway\'s config (`kommuner[i].services.fakturor.financeApiKey`): `Authorization: Bearer <key>`.',
  },
  open311ApiKey: {
    type: 'apiKey',
    in: 'query',
    name: 'api_key',
    description: 'An Open311 api_key of the kommun\'s (from its config, or issued by its case workers with `issueApiKey`), in the query string or in the form.',
  },
} as const;

export type SecuritySchemeName = keyof typeof securitySchemes;
/** One way to be let in: every scheme named must hold (no scopes: none of the schemes has any). */
export type SecurityRequirement = Readonly<Partial<Record<SecuritySchemeName, readonly []>>>;

/** Anyone, without credentials. */
export const publicRoute: readonly SecurityRequirement[] = [];
/** A logged-in citizen. */
export const citizenSession: readonly SecurityRequirement[] = [{ session: [] }];
/** With or without a session (the answer depends on it, nothing is refused for the lack of one). */
export const optionalSession: readonly SecurityRequirement[] = [{ session: [] }, {}];
/** The owner of a report: their session, or the edit token the filing page was given. */
export const reportOwner: readonly SecurityRequirement[] = [{ session: [] }, { editToken: [] }];
/** A new Open311 report: with an api_key, or without one from one of the kommun's pages (its `Origin` and the SDK's `x-kommunkit-client`). */
export const open311Write: readonly SecurityRequirement[] = [{ open311ApiKey: [] }, {}];
/** The kommun's case workers' system: their key, and nothing else (a session cookie grants nothing). */
export const caseWorkers: readonly SecurityRequirement[] = [{ caseWorkerKey: [] }];

/** The kommun's finance system: its key, and nothing else. */
export const financeSystem: readonly SecurityRequirement[] = [{ financeKey: [] }];

/** Schemes whose holder is a system, not a browser: a write with only these skips the gateway's CSRF check. */
const keySchemes: readonly SecuritySchemeName[] = ['caseWorkerKey', 'financeKey'];

/** Whether an operation takes nothing but a system's key (the gateway's `keyAuthenticated` routes). */
export const isKeyAuthenticated = (security: readonly SecurityRequirement[]): boolean =>
  security.length > 0 && security.every((requirement) => Object.keys(requirement).length > 0 && Object.keys(requirement).every((name) => keySchemes.includes(name as SecuritySchemeName)));
