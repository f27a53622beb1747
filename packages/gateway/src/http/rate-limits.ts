import type { ResolvedConfig } from '../config/load.js';

/**
 * Limits for requests that anyone can make and that write something (a login starts a row,
 * a report creates one). Per client IP; behind proxies name them in `trustProxy` (or
 * TRUST_PROXY) so the IP is the citizen's and not the proxy's. Counted in the database, so
 * the limit holds across instances.
 */
export const anonymousWrite = (config: ResolvedConfig) => ({ max: config.limits.anonymousWritesPerMinute, timeWindow: '1 minute' });
