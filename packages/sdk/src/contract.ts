/**
 * The few runtime values of `@kommunkit/contract` that the SDK needs, copied so that the browser
 * bundle does not pull in the contract's TypeBox schemas: every module of the contract builds
 * schemas when it loads, so importing even a constant from it adds about 80 kB (minified) of
 * TypeBox to a widget. Each copy is checked against the contract's own types at compile time
 * (`satisfies`), and a unit test compares the values, so they cannot drift apart silently.
 */
import type * as contract from '@kommunkit/contract';

/** Header that every state-changing request carries (CSRF defence; forces a CORS preflight). */
export const clientHeader = 'x-kommunkit-client' satisfies typeof contract.clientHeader;

/** Header that makes a write safe to retry: the gateway answers a repeat with the first result. */
export const idempotencyHeader = 'idempotency-key' satisfies typeof contract.idempotencyHeader;

/** Stable problem types (RFC 9457 `type`); branch on these, never on `title`. */
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
  unsupportedMediaType: 'urn:kommunkit:problem:unsupported-media-type',
  rateLimited: 'urn:kommunkit:problem:rate-limited',
  conflict: 'urn:kommunkit:problem:conflict',
  loginFailed: 'urn:kommunkit:problem:login-failed',
  unavailable: 'urn:kommunkit:problem:unavailable',
  internal: 'urn:kommunkit:problem:internal',
} as const satisfies typeof contract.problemTypes;

export const problemMediaType = 'application/problem+json' satisfies typeof contract.problemMediaType;

/** Fills `:name` segments of an operation's path, encoding each value (same as the contract's). */
export const pathFor = ((url: string, params: Record<string, string>): string =>
  url.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter "${name}" for ${url}`);
    return encodeURIComponent(value);
  })) satisfies typeof contract.pathFor;
