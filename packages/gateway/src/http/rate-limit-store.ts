import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A store for @fastify/rate-limit that keeps its counters in the database, so every gateway
 * instance on one PostgreSQL counts the same requests (the plugin's own store lives in one
 * process's memory, so two instances allowed twice the limit). One fixed window per key, counted
 * with a single atomic upsert on the database's clock; no package offers this for PostgreSQL.
 */
export function databaseRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    /** The plugin calls `new Store(globalOptions)`; `child()` passes the route's key prefix. */
    constructor(
      _options?: unknown,
      private readonly prefix = '',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      sql<{ count: number | string; ttl: number | string }>`
        insert into rate_limit (key, count, reset_at)
        values (${this.prefix + key}, 1, now() + ${timeWindow} * interval '1 millisecond')
        on conflict (key) do update set
          count = case when rate_limit.reset_at <= now() then 1 else rate_limit.count + 1 end,
          reset_at = case when rate_limit.reset_at <= now() then excluded.reset_at else rate_limit.reset_at end
        returning count, (extract(epoch from reset_at - now()) * 1000)::float8 as ttl`
        .execute(db)
        .then(({ rows: [row] }) => {
          callback(null, { current: Number(row?.count ?? 1), ttl: Math.max(0, Math.round(Number(row?.ttl ?? timeWindow))) });
        })
        .catch((error: unknown) => {
          callback(error instanceof Error ? error : new Error(String(error)));
        });
    }

    /** Each route counts on its own, as the plugin's memory store does. */
    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // The plugin passes its merged options with the route under `routeInfo` (its types say otherwise).
      const route = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      return new DatabaseRateLimitStore(undefined, `${[route?.method ?? ''].flat().join(',')} ${route?.url ?? ''}|`);
    }
  };
}
