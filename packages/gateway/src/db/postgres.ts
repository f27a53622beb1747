import type { PostgresPool, PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { StartupError } from '../startup.js';
import type { DatabaseLog, DatabaseTimeouts } from './settings.js';
import { isDatabaseUnavailable } from './unavailable.js';

/** What the operator may see of a DATABASE_URL: host, port and database, never the password. */
export function postgresTarget(url: string): { where: string; database: string; user: string; password: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StartupError('DATABASE_URL is not a URL: expected postgres://user:password@host:5432/database');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new StartupError(`DATABASE_URL has the scheme "${parsed.protocol}": expected postgres://user:password@host:5432/database`);
  }
  const host = parsed.hostname || parsed.searchParams.get('host') || 'localhost';
  const port = parsed.port || parsed.searchParams.get('port') || '5432';
  const user = decodeURIComponent(parsed.username) || process.env.PGUSER || 'postgres';
  return {
    where: `${host}:${port}`,
    database: decodeURIComponent(parsed.pathname.slice(1)) || user,
    user,
    password: decodeURIComponent(parsed.password),
  };
}

/** A driver error in the operator's words. pg's messages hold no password, but be sure. */
function postgresFailure(error: unknown, url: string, timeouts: DatabaseTimeouts): StartupError {
  const { where, database, user, password } = postgresTarget(url);
  const { code, message = String(error) } = error as { code?: string; message?: string };
  const said = password ? message.split(password).join('***') : message;
  if (code === 'ECONNREFUSED') return new StartupError(`cannot reach PostgreSQL at ${where} (ECONNREFUSED): start it or fix DATABASE_URL`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new StartupError(`cannot resolve the PostgreSQL host in DATABASE_URL (${where}, ${code}): fix DATABASE_URL or DNS`);
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ECONNRESET' || code === 'ETIMEDOUT') {
    return new StartupError(`cannot reach PostgreSQL at ${where} (${code}): check the network or fix DATABASE_URL`);
  }
  if (/timeout/i.test(said)) {
    return new StartupError(
      `PostgreSQL at ${where} did not answer within ${String(timeouts.databaseConnectMs)} ms: check the server, or raise timeouts.databaseConnectMs`,
    );
  }
  if (code === '28P01' || code === '28000') return new StartupError(`PostgreSQL at ${where} refused user "${user}" (${code}: ${said}): fix the user or password in DATABASE_URL`);
  if (code === '3D000') return new StartupError(`PostgreSQL at ${where} has no database "${database}": create it (createdb ${database}) or fix DATABASE_URL`);
  return new StartupError(`cannot use PostgreSQL at ${where} (${code ?? 'error'}: ${said}): check the server and DATABASE_URL`);
}

export async function postgresPool(url: string, timeouts: DatabaseTimeouts, log: DatabaseLog, use: 'migrations' | 'requests'): Promise<PostgresPool> {
  postgresTarget(url);
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: timeouts.databaseConnectMs,
    // A server that vanished without a word (failover, a dropped NAT entry) is noticed.
    keepAlive: true,
    ...(use === 'requests'
      ? {
          max: 10,
          statement_timeout: timeouts.databaseStatementMs,
          query_timeout: timeouts.databaseStatementMs,
          // Shorter than most proxies' and firewalls' idle timeouts, so they rarely cut a pooled connection.
          idleTimeoutMillis: 30_000,
        }
      : { max: 1 }),
  });
  const lost = (error: Error): void => {
    // Only code and message: the error's `client` carries the connection parameters.
    const { code } = error as { code?: string };
    log.warn({ database: { code, message: error.message } }, 'database connection lost; the pool opens a new one when needed');
  };
  // Without this an idle client's error (pg_terminate_backend, restart, failover) is an
  // unhandled 'error' event and ends the process. The pool has already dropped the client.
  pool.on('error', lost);
  // A checked-out client has no pool listener; its error also fails its query, which answers 503.
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    (await pool.connect()).release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw postgresFailure(error, url, timeouts);
  }
  return discardBroken(pool);
}

/**
 * Kysely releases a client without saying how its queries went, so a client whose query timed
 * out on the client side (the server may be stuck on it) would go back to the pool and the next
 * request would queue behind it. Released with the error instead, the pool closes it.
 */
function discardBroken(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => {
      const client = await pool.connect();
      let broken: Error | undefined;
      const wrapped = {
        // Once broken, the rest of the work on this client (a transaction's ROLLBACK) fails at
        // once instead of queueing behind the stuck query for another timeout.
        query: (text: string, parameters: readonly unknown[]) =>
          broken
            ? Promise.reject(broken)
            : client.query(text, parameters as unknown[]).catch((error: unknown) => {
                if (isDatabaseUnavailable(error)) broken = error as Error;
                throw error;
              }),
        release: () => client.release(broken),
      };
      return wrapped as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}

