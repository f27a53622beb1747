import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { migrations } from './migrations.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export interface DatabaseOptions {
  /** A PostgreSQL server (`postgres://…`); when absent, PGlite runs in-process. */
  url?: string | undefined;
  /** PGlite data directory; when absent with no `url`, PGlite keeps its data in memory. */
  dataDir?: string | undefined;
}

/** Opens the database and brings it to the latest migration. */
export async function openDatabase(options: DatabaseOptions): Promise<Db> {
  const db = new Kysely<Database>({ dialect: await dialectFor(options) });
  const { error, results } = await new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } }).migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error ?? failed) {
    await db.destroy();
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
  return db;
}

async function dialectFor({ url, dataDir }: DatabaseOptions) {
  if (url) return new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 10 }) });
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  return new PGliteDialect(pglite);
}

export async function isReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
