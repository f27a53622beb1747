import { sql } from 'kysely';
import { buildGateway } from '../../src/app.js';
import { openDatabase } from '../../src/db/database.js';
import { productionLogger } from '../../src/logging.js';
import { freePort, testConfig, type TestGateway } from './gateway.js';

/**
 * Like `startGateway()`, but with the production logger (info level, scrubbing, access lines)
 * writing to /dev/null instead of no logger at all: the logger is part of what a hostile request
 * goes through (issue 10, finding 1: one long query froze the gateway in the scrubber).
 * BAD_INPUT_LOGGER=off falls back to no logger.
 */
export async function startLoggingGateway(options: { anonymousWritesPerMinute?: number } = {}): Promise<TestGateway> {
  const port = await freePort();
  const url = `http://127.0.0.1:${String(port)}`;
  const config = testConfig(url, options.anonymousWritesPerMinute);
  const db = await openDatabase({ url: process.env.DATABASE_URL });
  const logger = process.env.BAD_INPUT_LOGGER === 'off' ? false : productionLogger('/dev/null', 'info');
  const app = await buildGateway({ config, db, logger });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    app,
    db,
    url,
    config,
    // The same tables as startGateway()'s reset.
    reset: async () => {
      await sql`truncate table session, auth_request, draft, report_counter, report, report_event, report_photo, rate_limit, dev_idp_entry`.execute(db);
    },
    close: async () => {
      await app.close();
      await db.destroy();
    },
  };
}
