import { problemTypes, type User } from '@kommunkit/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import type { ResolvedConfig } from '../config/load.js';
import type { Db } from '../db/database.js';
import type { SessionTable } from '../db/schema.js';
import { kommunOf } from '../http/kommun.js';
import { HttpProblem } from '../http/problem.js';

export const sessionCookie = 'kk_session';

export interface Citizen {
  subject: string;
  personnummer: string | null;
  givenName: string;
  familyName: string;
  name: string;
}

export type Session = Pick<SessionTable, 'kommun_id' | 'subject' | 'personnummer' | 'given_name' | 'family_name' | 'name'> & {
  id: string;
  expires_at: Date;
  created_at: Date;
  last_seen_at: Date;
};

const hash = (token: string): string => createHash('sha256').update(token).digest('base64url');
const minutes = (n: number): number => n * 60_000;

/** The cookie is scoped to one kommun's API path, so the browser never sends it to another kommun. */
const cookiePath = (kommunId: string): string => `/api/v1/${kommunId}`;

const isLoopback = (hostname: string): boolean => /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(hostname);

/**
 * Server-side sessions. The browser holds only a random token in an HttpOnly cookie; the
 * database keeps its hash with the citizen's identity, an idle timeout and an absolute end.
 */
export class SessionStore {
  constructor(
    private readonly db: Db,
    private readonly config: ResolvedConfig,
  ) {}

  private expiry(createdAt: Date, now: Date): Date {
    const idleEnd = now.getTime() + minutes(this.config.session.idleMinutes);
    const absoluteEnd = createdAt.getTime() + minutes(this.config.session.absoluteHours * 60);
    return new Date(Math.min(idleEnd, absoluteEnd));
  }

  async create(reply: FastifyReply, kommunId: string, citizen: Citizen): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = this.expiry(now, now);
    await this.db
      .insertInto('session')
      .values({
        id: hash(token),
        kommun_id: kommunId,
        subject: citizen.subject,
        personnummer: citizen.personnummer,
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
    const session = await this.db
      .selectFrom('session')
      .selectAll()
      .where('id', '=', hash(token))
      .where('kommun_id', '=', kommun.id)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (!session) return null;
    const expiresAt = this.expiry(session.created_at, now);
    // Renew at most once a minute, so reads do not turn into a write each.
    if (now.getTime() - session.last_seen_at.getTime() > 60_000) {
      await this.db.updateTable('session').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', session.id).execute();
      return { ...session, last_seen_at: now, expires_at: expiresAt };
    }
    return session;
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
