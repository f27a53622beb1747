import { linkSync, readFileSync, realpathSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { StartupError } from '../startup.js';

/** The file in a PGlite data directory that says which process serves it. */
export const lockFileName = 'kommunkit-gateway.lock';

interface Holder {
  pid: number;
  host: string;
}

const readHolder = (path: string): Holder | undefined => {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? { pid: holder.pid, host: holder.host } : undefined;
  } catch {
    return undefined;
  }
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * A holder that is certainly gone: a dead pid on this host, or our own pid (a restarted
 * container is pid 1 again). A lock from another host cannot be checked, so it is never stale.
 */
const isStale = (holder: Holder | undefined): boolean =>
  holder === undefined || (holder.host === hostname() && (holder.pid === process.pid || !isAlive(holder.pid)));

/** Data dirs this process holds: its own pid in a lock file means stale only when not in here. */
const heldHere = new Set<string>();

/**
 * Creates the lock with its content in one step: written to a private file, then linked into
 * place, which fails with EEXIST when the lock exists. A reader never sees a half-written lock.
 */
function createLock(path: string): boolean {
  const draft = `${path}.${String(process.pid)}.new`;
  writeFileSync(draft, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }), { mode: 0o644 });
  try {
    linkSync(draft, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(draft);
  }
}

/**
 * Takes the data directory for this process, or throws a StartupError naming the holder.
 * PGlite is one PostgreSQL backend inside one process: a second process on the same files
 * would corrupt them (reference numbers handed out twice, acknowledged reports lost), and
 * PGlite itself does not stop it. Node has no flock, so this is a pid file: created atomically
 * (link, no overwrite), taken over when its process is dead, removed on close and at exit. Returns the release.
 */
export function lockDataDir(dir: string): () => void {
  const path = join(dir, lockFileName);
  const real = realpathSync(dir);
  for (let attempt = 0; !createLock(path); attempt += 1) {
    const holder = readHolder(path);
    if (heldHere.has(real) || !isStale(holder) || attempt > 2) {
      const who = heldHere.has(real) ? 'this process already' : holder ? `process ${String(holder.pid)}${holder.host === hostname() ? '' : ` on ${holder.host}`}` : 'another process';
      throw new StartupError(
        `PGlite data dir ${dir} is in use by ${who}: PGlite serves one gateway process only; stop the other gateway, use another KOMMUNKIT_DATA_DIR, or set DATABASE_URL to share PostgreSQL (if no gateway runs, delete ${path})`,
      );
    }
    // Move the stale lock aside rather than deleting it: a rename succeeds for one process
    // only, so two processes taking over at once cannot both win. If what was moved is not
    // the stale lock that was read (someone just took over), put it back and look again.
    const aside = `${path}.${String(process.pid)}.stale`;
    try {
      renameSync(path, aside);
    } catch {
      continue;
    }
    const moved = readHolder(aside);
    if (moved && holder && (moved.pid !== holder.pid || moved.host !== holder.host)) renameSync(aside, path);
    else unlinkSync(aside);
  }
  let held = true;
  heldHere.add(real);
  const release = (): void => {
    if (!held) return;
    held = false;
    heldHere.delete(real);
    process.off('exit', release);
    const holder = readHolder(path);
    if (holder?.pid === process.pid && holder.host === hostname()) unlinkSync(path);
  };
  // process.exit() skips close; a crash or kill -9 leaves a lock that the next start takes over.
  process.on('exit', release);
  return release;
}
