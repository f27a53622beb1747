/**
 * Limits for requests that anyone can make and that write something (a login starts a row,
 * a report creates one). Per client IP; behind a proxy set TRUST_PROXY so the IP is the
 * citizen's and not the proxy's.
 */
export const anonymousWrite = { max: 30, timeWindow: '1 minute' };
