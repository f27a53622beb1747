/**
 * Errors that mean "the database cannot serve right now" rather than "this request is wrong":
 * the gateway answers them 503 with Retry-After, and the client tries again later.
 */
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * SQLSTATE classes: 08 connection exception, 53 insufficient resources (too many connections),
 * 57 operator intervention (admin shutdown, crash, cannot connect now, statement timeout).
 */
const sqlStateClasses = ['08', '53', '57'];

/** What node-postgres says, without a code, when a connection is lost or cannot be had in time. */
const poolMessages = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Query read timeout',
  'Client was closed and is not queryable',
  'Cannot use a pool after calling end',
  'PGlite is closed',
];

/** Seconds a client should wait before trying again while the database is away. */
export const retryAfterSeconds = 5;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === 'string' && (networkCodes.has(code) || (code.length === 5 && sqlStateClasses.includes(code.slice(0, 2))))) return true;
  if (typeof message === 'string' && poolMessages.some((text) => message.includes(text))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
