import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGateway } from './app.js';
import { loadConfig } from './config/load.js';
import { openDatabase } from './db/database.js';

/**
 * Starts the gateway: config from KOMMUNKIT_CONFIG (default: the Exempelstad demo), PostgreSQL
 * from DATABASE_URL or PGlite under ./data, port from PORT (8080). SIGTERM closes gracefully:
 * no new requests, in-flight ones finish, then the database closes.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const workingDir = process.env.INIT_CWD ?? process.cwd();

const config = loadConfig(process.env.KOMMUNKIT_CONFIG ?? resolve(here, '../config/exempelstad.json'));
const db = await openDatabase({
  url: process.env.DATABASE_URL,
  dataDir: process.env.DATABASE_URL ? undefined : resolve(workingDir, process.env.KOMMUNKIT_DATA_DIR ?? 'data'),
});
const app = await buildGateway({
  config,
  db,
  siteRoot: process.env.KOMMUNKIT_SITE_ROOT ?? resolve(here, '../../demo/dist'),
  embedRoot: process.env.KOMMUNKIT_EMBED_ROOT ?? resolve(here, '../../embed/dist'),
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

await app.listen({ port: Number(process.env.PORT ?? 8080), host: process.env.HOST ?? 'localhost' });
