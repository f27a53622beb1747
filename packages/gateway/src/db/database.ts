import { Kysely, Migrator, PostgresDialect, sql, type Dialect } from 'kysely';
import { pino } from 'pino';
import { StartupError } from '../startup.js';
import { serviceMigrations } from '../services/catalog.js';
import { collectMigrations, sharedMigrations } from './migrations.js';
import { pgliteDialect } from './pglite.js';
import { postgresPool, postgresTarget } from './postgres.js';
import { countingDialect } from './statements.js';
import type { Database } from './schema.js';
import { defaultDatabaseTimeouts, type DatabaseLog, type DatabaseTimeouts } from './settings.js';

export type Db = Kysely<Database>;

export interface DatabaseOptions {
  /** A PostgreSQL server (`postgres://…`); when absent, PGlite runs in-process. */
  url?: string | undefined;
  /** PGlite data directory; when absent with no `url`, PGlite keeps its data in memory. */
  dataDir?: string | undefined;
  timeouts?: Partial<DatabaseTimeouts> | undefined;
  log?: DatabaseLog | undefined;
  /** Told of every statement requests send (not the migrations'): for counting round trips. */
  onStatement?: ((sql: string) => void) | undefined;
}

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
    const db = new Kysely<Database>({ dialect: counted(await pgliteDialect(options.dataDir), options) });
    await migrate(db, options);
    readiness.set(db, readinessBoundMs);
    return db;
  }
  // Migrations may rightly run longer than any request's statement (an index on a big table),
  // so they get a connection of their own without the statement timeout.
  const migrator = new Kysely<Database>({ dialect: new PostgresDialect({ pool: await postgresPool(options.url, timeouts, log, 'migrations') }) });
  await migrate(migrator, options);
  await migrator.destroy();
  const db = new Kysely<Database>({ dialect: counted(new PostgresDialect({ pool: await postgresPool(options.url, timeouts, log, 'requests') }), options) });
  readiness.set(db, Math.min(readinessBoundMs, timeouts.databaseConnectMs + timeouts.databaseStatementMs));
  return db;
}

const counted = (dialect: Dialect, { onStatement }: DatabaseOptions): Dialect => (onStatement ? countingDialect(dialect, onStatement) : dialect);

/** The shared tables' migrations and every service's, in one order. */
const migrations = collectMigrations(sharedMigrations, serviceMigrations);

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
