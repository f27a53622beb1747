import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { SessionStore } from './auth/sessions.js';
import type { Db } from './db/database.js';
import { purgeDevIdp } from './dev-idp/db-adapter.js';

const everyMs = 10 * 60_000;

/**
 * Deletes what has expired: sessions, logins in progress, rate-limit windows, the dev IdP's
 * entries. Every instance runs it; that is safe because each statement only deletes rows past
 * their end, so two instances at once delete each row once between them and nothing else.
 */
export async function housekeep(db: Db, sessions: SessionStore): Promise<void> {
  await sessions.purgeExpired();
  await sql`delete from rate_limit where reset_at <= now()`.execute(db);
  await purgeDevIdp(db);
}

export function startHousekeeping(app: FastifyInstance, db: Db, sessions: SessionStore): void {
  const timer = setInterval(() => void housekeep(db, sessions).catch((error: unknown) => app.log.warn({ err: error }, 'housekeeping failed; it runs again later')), everyMs);
  timer.unref();
  app.addHook('onClose', () => clearInterval(timer));
}
