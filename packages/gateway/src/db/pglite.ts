import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { Dialect, Driver } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError } from '../startup.js';
import { lockDataDir, lockFileName } from './pglite-lock.js';

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

/** Extensions the migrations create: btree_gist lets an exclusion constraint mix `=` on text with `&&` on ranges (lokalbokning). */
const extensions = { btree_gist };

export async function pgliteDialect(dataDir: string | undefined): Promise<Dialect> {
  if (!dataDir) return new TurnTakingPGliteDialect(await PGlite.create({ extensions }));
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
      pglite = await PGlite.create(dataDir, { extensions, onStderr: (line) => (stderr.push(line), false) });
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

/**
 * PGlite's dialect, whose one connection passes to a waiting transaction only after the event
 * loop has turned. PGlite runs each query synchronously on the gateway's thread, and the
 * dialect's driver hands the connection to the next waiter by resolving a promise: a queue of
 * transactions then drained in one run of microtasks, and a request waiting on anything else
 * (a socket, a timer, a crypto callback) waited until the whole queue was empty. One turn of the
 * loop between waiting transactions keeps the queue first come, first served for every request.
 */
class TurnTakingPGliteDialect extends PGliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    const acquire = driver.acquireConnection.bind(driver);
    const release = driver.releaseConnection.bind(driver);
    // Callers that hold the connection or wait for it; a caller that finds none takes it at once.
    let callers = 0;
    driver.acquireConnection = async () => {
      const waited = callers++ > 0;
      try {
        const connection = await acquire();
        if (waited) await new Promise<void>((resolve) => setImmediate(resolve));
        return connection;
      } catch (error) {
        callers--;
        throw error;
      }
    };
    driver.releaseConnection = async (connection) => {
      callers--;
      await release(connection);
    };
    return driver;
  }
}

/** PGlite's dialect, releasing the data dir's lock once PGlite has closed. */
class LockedPGliteDialect extends TurnTakingPGliteDialect {
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

