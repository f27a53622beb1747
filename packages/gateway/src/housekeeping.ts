import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { SessionStore } from './auth/sessions.js';
import type { Db } from './db/database.js';

const everyMs = 10 * 60_000;

/**
 * Deletes what has expired: sessions, logins in progress, rate-limit windows, the dev IdP's
 * entries. Every instance runs it; that is safe because each statement only deletes rows past
 * their end, so two instances at once delete each row once between them and nothing else.
 */
export function startHousekeeping(app: FastifyInstance, db: Db, sessions: SessionStore): void {
  const run = async () => {
    await sessions.purgeExpired();
    await sql`delete from rate_limit where reset_at <= now()`.execute(db);
    await sql`delete from dev_idp_entry where expires_at <= now()`.execute(db);
  };
  const timer = setInterval(() => void run().catch((error: unknown) => app.log.warn({ err: error }, 'housekeeping failed; it runs again later')), everyMs);
  timer.unref();
  app.addHook('onClose', () => clearInterval(timer));
}
