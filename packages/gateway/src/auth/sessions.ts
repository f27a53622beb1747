import { problemTypes, type User } from '@kommunkit/contract';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import type { ResolvedConfig } from '../config/load.js';
import type { Db } from '../db/database.js';
import type { SessionTable } from '../db/schema.js';
import { kommunOf } from '../http/kommun.js';
import { HttpProblem } from '../http/problem.js';
import { dataKeyFrom, Sealer } from './seal.js';

export const sessionCookie = 'kk_session';

export interface Citizen {
  subject: string;
  personnummer: string | null;
  givenName: string;
  familyName: string;
  name: string;
}

/** A citizen's session as server code sees it; the personnummer is reached through `personnummerOf`. */
export type Session = Pick<SessionTable, 'kommun_id' | 'subject' | 'given_name' | 'family_name' | 'name'> & {
  id: string;
  expires_at: Date;
  created_at: Date;
  last_seen_at: Date;
};

/**
 * The personnummer of each session read in this process, opened from its sealed column. Kept
 * beside the session object rather than in it, so no spread, log line or JSON of a session can
 * carry it by accident.
 */
const personnummers = new WeakMap<Session, string | null>();

/**
 * The session's personnummer, for server code only (never sent to the browser: `toUser` leaves
 * it out). Services need it to look the citizen up in systems keyed by it: barnomsorg in the
 * population register, fakturor to find invoices by personnummer. That is why the session
 * keeps it encrypted instead of dropping it.
 */
export function personnummerOf(session: Session): string | null {
  return personnummers.get(session) ?? null;
}

const hash = (token: string): string => createHash('sha256').update(token).digest('base64url');
const minutes = (n: number): number => n * 60_000;

/** The cookie is scoped to one kommun's API path, so the browser never sends it to another kommun. */
const cookiePath = (kommunId: string): string => `/api/v1/${kommunId}`;

export const isLoopback = (hostname: string): boolean => /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(hostname);

/**
 * Server-side sessions. The browser holds only a random token in an HttpOnly cookie; the
 * database keeps its hash with the citizen's identity, an idle timeout and an absolute end.
 * The personnummer is stored sealed (AES-256-GCM under a key derived from config `dataKey`,
 * bound to the session's id), so a copy of the table does not hand out personnummer.
 * Building the store throws when NODE_ENV=production has no dataKey.
 */
export class SessionStore {
  private readonly sealer: Sealer;

  constructor(
    private readonly db: Db,
    private readonly config: ResolvedConfig,
    private readonly log: FastifyBaseLogger,
  ) {
    this.sealer = new Sealer(
      dataKeyFrom(config.dataKey, (message) => log.warn(message)),
      'session-personnummer',
    );
  }

  private expiry(createdAt: Date, now: Date): Date {
    const idleEnd = now.getTime() + minutes(this.config.session.idleMinutes);
    const absoluteEnd = createdAt.getTime() + minutes(this.config.session.absoluteHours * 60);
    return new Date(Math.min(idleEnd, absoluteEnd));
  }

  async create(reply: FastifyReply, kommunId: string, citizen: Citizen): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = this.expiry(now, now);
    const id = hash(token);
    await this.db
      .insertInto('session')
      .values({
        id,
        kommun_id: kommunId,
        subject: citizen.subject,
        personnummer_sealed: citizen.personnummer === null ? null : this.sealer.seal(citizen.personnummer, id),
        given_name: citizen.givenName,
        family_name: citizen.familyName,
        name: citizen.name,
        created_at: now,
        last_seen_at: now,
        expires_at: expiresAt,
      })
      .execute();
    reply.setCookie(sessionCookie, token, {
      path: cookiePath(kommunId),
      httpOnly: true,
      sameSite: 'lax',
      secure: !isLoopback(reply.request.hostname),
      expires: new Date(now.getTime() + minutes(this.config.session.absoluteHours * 60)),
    });
  }

  /**
   * The session of this request for its kommun, renewed, or null. A token from another
   * kommun's session is treated as no session at all.
   */
  async find(request: FastifyRequest): Promise<Session | null> {
    const token = request.cookies[sessionCookie];
    if (!token) return null;
    const kommun = kommunOf(request);
    const now = new Date();
    const row = await this.db
      .selectFrom('session')
      .selectAll()
      .where('id', '=', hash(token))
      .where('kommun_id', '=', kommun.id)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (!row) return null;
    const { personnummer_sealed: sealed, ...session } = row;
    const personnummer = sealed === null ? null : this.sealer.open(sealed, row.id);
    if (personnummer === undefined) {
      // Sealed under another key (dataKey changed) or altered: no session rather than one
      // without the identity the services rely on.
      this.log.warn({ kommun: kommun.id }, 'session personnummer could not be decrypted (was dataKey changed?); treated as no session');
      return null;
    }
    const expiresAt = this.expiry(session.created_at, now);
    // Renew at most once a minute, so reads do not turn into a write each.
    const renewed = now.getTime() - session.last_seen_at.getTime() > 60_000;
    if (renewed) await this.db.updateTable('session').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', session.id).execute();
    const found: Session = renewed ? { ...session, last_seen_at: now, expires_at: expiresAt } : session;
    personnummers.set(found, personnummer);
    return found;
  }

  async require(request: FastifyRequest): Promise<Session> {
    const session = await this.find(request);
    if (!session) throw new HttpProblem(401, problemTypes.unauthenticated, 'Logga in med e-legitimation för att fortsätta.');
    return session;
  }

  async destroy(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = request.cookies[sessionCookie];
    const kommun = kommunOf(request);
    if (token) await this.db.deleteFrom('session').where('id', '=', hash(token)).where('kommun_id', '=', kommun.id).execute();
    reply.clearCookie(sessionCookie, { path: cookiePath(kommun.id), httpOnly: true, sameSite: 'lax', secure: !isLoopback(request.hostname) });
  }

  async purgeExpired(): Promise<void> {
    const now = new Date();
    await this.db.deleteFrom('session').where('expires_at', '<=', now).execute();
    await this.db.deleteFrom('auth_request').where('expires_at', '<=', now).execute();
  }
}

export function toUser(session: Session): User {
  return {
    name: session.name,
    givenName: session.given_name,
    familyName: session.family_name,
    kommun: session.kommun_id,
    expiresAt: session.expires_at.toISOString(),
  };
}
