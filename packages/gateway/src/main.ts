import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { ConfigError, loadConfig } from './config/load.js';
import { openDatabase } from './db/database.js';
import { loggerOptions } from './logging.js';
import { listenFailure, StartupError } from './startup.js';

/**
 * Starts the gateway: config from KOMMUNKIT_CONFIG (default: the Exempelstad demo), PostgreSQL
 * from DATABASE_URL or PGlite under ./data, port from PORT (8080). SIGTERM closes gracefully:
 * no new requests, in-flight ones finish, then the database closes. A start-up failure prints
 * one line saying what failed, where and what to do, and exits 1.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const workingDir = process.env.INIT_CWD ?? process.cwd();

function fail(error: unknown): never {
  const known = error instanceof StartupError || error instanceof ConfigError;
  // An unforeseen error still gets one line: its stack could carry connection details.
  const line = known ? error.message : `gateway failed to start: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

async function start(): Promise<void> {
  const config = loadConfig(process.env.KOMMUNKIT_CONFIG ?? resolve(here, '../config/exempelstad.json'));
  const log = pino(loggerOptions());
  const url = process.env.DATABASE_URL || undefined;
  const db = await openDatabase({
    url,
    dataDir: url ? undefined : resolve(workingDir, process.env.KOMMUNKIT_DATA_DIR ?? 'data'),
    timeouts: config.timeouts,
    log,
  });
  // Loaded once the database is open, so a bad config or database is reported within a second.
  const { buildGateway } = await import('./app.js');
  const app = await buildGateway({
    config,
    db,
    siteRoot: process.env.KOMMUNKIT_SITE_ROOT ?? resolve(here, '../../demo/dist'),
    embedRoot: process.env.KOMMUNKIT_EMBED_ROOT ?? resolve(here, '../../embed/dist'),
  }).catch(async (error: unknown) => {
    await db.destroy();
    throw error;
  });

  let closing = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'shutting down');
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      void app
        .close()
        .then(() => db.destroy())
        .then(() => process.exit(0));
    });
  }

  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? 'localhost';
  try {
    await app.listen({ port, host });
  } catch (error) {
    await app.close().catch(() => undefined);
    await db.destroy().catch(() => undefined);
    throw listenFailure(error, host, port) ?? error;
  }
}

await start().catch(fail);
