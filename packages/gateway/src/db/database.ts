import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql, type Dialect, type Driver, type PostgresPool, type PostgresPoolClient } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { pino } from 'pino';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError } from '../startup.js';
import { migrations } from './migrations.js';
import { lockDataDir, lockFileName } from './pglite-lock.js';
import type { Database } from './schema.js';
import { isDatabaseUnavailable } from './unavailable.js';

export type Db = Kysely<Database>;

export interface DatabaseTimeouts {
  /** Waiting for a PostgreSQL connection (a new one, or a free one from the pool). */
  databaseConnectMs: number;
  /** Longest a statement may run: PostgreSQL's statement_timeout, and as long on the client. */
  databaseStatementMs: number;
}

/** Where the database layer reports lost connections; a pino or Fastify logger fits. */
export interface DatabaseLog {
  warn(details: object, message: string): void;
}

export interface DatabaseOptions {
  /** A PostgreSQL server (`postgres://…`); when absent, PGlite runs in-process. */
  url?: string | undefined;
  /** PGlite data directory; when absent with no `url`, PGlite keeps its data in memory. */
  dataDir?: string | undefined;
  timeouts?: Partial<DatabaseTimeouts> | undefined;
  log?: DatabaseLog | undefined;
}

/** The same defaults as the config's `timeouts`, for callers without a config (bench, tools). */
export const defaultDatabaseTimeouts: DatabaseTimeouts = { databaseConnectMs: 5_000, databaseStatementMs: 10_000 };

/** `/ready` answers within this even when the server accepts connections and never replies. */
const readinessBoundMs = 2_000;
const readiness = new WeakMap<Db, number>();

/**
 * Opens the database and brings it to the latest migration. Every failure an operator can fix
 * (bad URL, server unreachable, data dir in use, damaged or read-only) is a StartupError whose
 * message names the place and what to do, without the password.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Db> {
  const timeouts = { ...defaultDatabaseTimeouts, ...options.timeouts };
  const log = options.log ?? pino({ level: process.env.LOG_LEVEL ?? 'info' });
  if (!options.url) {
    const db = new Kysely<Database>({ dialect: await pgliteDialect(options.dataDir) });
    await migrate(db, options);
    readiness.set(db, readinessBoundMs);
    return db;
  }
  // Migrations may rightly run longer than any request's statement (an index on a big table),
  // so they get a connection of their own without the statement timeout.
  const migrator = new Kysely<Database>({ dialect: new PostgresDialect({ pool: await postgresPool(options.url, timeouts, log, 'migrations') }) });
  await migrate(migrator, options);
  await migrator.destroy();
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: await postgresPool(options.url, timeouts, log, 'requests') }) });
  readiness.set(db, Math.min(readinessBoundMs, timeouts.databaseConnectMs + timeouts.databaseStatementMs));
  return db;
}

async function migrate(db: Db, options: DatabaseOptions): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } }).migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error ?? failed) {
    await db.destroy();
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupError(`database migration ${failed?.migrationName ?? ''} failed on ${describeTarget(options)}: ${reason}`);
  }
}

const describeTarget = ({ url, dataDir }: DatabaseOptions): string =>
  url ? `PostgreSQL at ${postgresTarget(url).where}` : dataDir ? `PGlite data dir ${dataDir}` : 'PGlite in memory';

/** What the operator may see of a DATABASE_URL: host, port and database, never the password. */
function postgresTarget(url: string): { where: string; database: string; user: string; password: string } {
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

async function postgresPool(url: string, timeouts: DatabaseTimeouts, log: DatabaseLog, use: 'migrations' | 'requests'): Promise<PostgresPool> {
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

/**
 * Why PGlite would not start, from its own stderr (it throws only "failed to initialize"):
 * the first FATAL or PANIC line without its timestamp, else the first "postgres: …" line.
 */
function pgliteReason(lines: readonly string[], dir: string): string | undefined {
  const pick = (pattern: RegExp) => lines.map((line) => pattern.exec(line.trim())?.[1]).find((reason) => reason !== undefined);
  return (pick(/\b(?:FATAL|PANIC|ERROR):\s+(.*)$/) ?? pick(/^postgres:\s+(.*)$/))?.replaceAll('/pglite/data', dir);
}

/** Files a fresh data dir may hold before PGlite initialises it: the lock (and its leftovers), a mount's lost+found. */
const isIgnorable = (name: string): boolean => name.startsWith(lockFileName) || name === 'lost+found';

async function pgliteDialect(dataDir: string | undefined): Promise<Dialect> {
  if (!dataDir) return new PGliteDialect(await PGlite.create());
  const unusable = (what: string, error: unknown) =>
    new StartupError(
      `PGlite data dir ${dataDir} ${what} (${(error as NodeJS.ErrnoException).code ?? 'error'}): fix its permissions or set KOMMUNKIT_DATA_DIR to a directory this process can write`,
    );
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw unusable('cannot be created', error);
  }
  if (!statSync(dataDir).isDirectory()) throw new StartupError(`PGlite data dir ${dataDir} is not a directory: set KOMMUNKIT_DATA_DIR to a directory`);
  try {
    accessSync(dataDir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (error) {
    throw unusable('is not readable and writable by this process', error);
  }
  let release: () => void;
  try {
    release = lockDataDir(dataDir);
  } catch (error) {
    // root passes access() on a read-only mount; creating the lock file is the real test.
    throw error instanceof StartupError ? error : unusable('is not writable', error);
  }
  try {
    // PGlite initialises a new database wherever PG_VERSION is missing, even over other files:
    // over a database that lost that file it would start empty and say it is ready.
    const versionFile = join(dataDir, 'PG_VERSION');
    if (!existsSync(versionFile)) {
      const present = readdirSync(dataDir).filter((name) => !isIgnorable(name));
      if (present.length > 0) {
        throw new StartupError(
          `PGlite data dir ${dataDir} has files (${present.slice(0, 3).join(', ')}${present.length > 3 ? ', …' : ''}) but no PG_VERSION, so it is not a PGlite database or it is damaged: restore it from a backup, or set KOMMUNKIT_DATA_DIR to an empty directory`,
        );
      }
    }
    const stderr: string[] = [];
    let pglite: PGlite;
    try {
      pglite = await PGlite.create(dataDir, { onStderr: (line) => (stderr.push(line), false) });
    } catch (error) {
      const reason = pgliteReason(stderr, dataDir) ?? (error instanceof Error ? error.message : String(error));
      const version = existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim() : '';
      throw new StartupError(
        `PGlite could not open the database in ${dataDir}${version ? ` (PG_VERSION ${version.slice(0, 20)})` : ''}: ${reason}; check that the files are complete and writable, restore from a backup, or set KOMMUNKIT_DATA_DIR to an empty directory`,
      );
    }
    return new LockedPGliteDialect(pglite, release);
  } catch (error) {
    release();
    throw error;
  }
}

/** PGlite's dialect, releasing the data dir's lock once PGlite has closed. */
class LockedPGliteDialect extends PGliteDialect {
  constructor(
    pglite: PGlite,
    private readonly release: () => void,
  ) {
    super(pglite);
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const destroy = driver.destroy.bind(driver);
    driver.destroy = async () => {
      try {
        await destroy();
      } finally {
        this.release();
      }
    };
    return driver;
  }
}

/**
 * Whether the database answers `select 1` now. Bounded: while the server accepts connections
 * and never replies, the pool's own timeouts could take longer than a load balancer waits.
 */
export async function isReachable(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), readiness.get(db) ?? readinessBoundMs)));
  try {
    return await Promise.race([sql`select 1`.execute(db).then(() => true), bound]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
