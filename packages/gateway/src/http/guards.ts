import { problemTypes, type ServiceId } from '@kommunkit/contract';
import type { FastifyRequest } from 'fastify';
import type { Session, SessionStore } from '../auth/sessions.js';
import type { KommunConfig } from '../config/schema.js';
import { kommunOf } from './kommun.js';
import { HttpProblem } from './problem.js';
import { sameSecret } from './secrets.js';

/**
 * Guards every service's routes share: the kommun has the service, a citizen is logged in, a
 * system holds the right key. Each throws the contract's problem; protocol layers with their
 * own error shape (Open311) get it converted by their path's error rules.
 */

type Settings<Id extends ServiceId> = NonNullable<KommunConfig['services'][Id]>;

/** The one rule of "enabled": the kommun's config has settings for the service. Undefined otherwise. */
export function serviceSettings<Id extends ServiceId>(kommun: KommunConfig, id: Id): Settings<Id> | undefined {
  return kommun.services[id] as Settings<Id> | undefined;
}

/** The request's kommun and its settings of the service, or 404 service-disabled. */
export function requireService<Id extends ServiceId>(request: FastifyRequest, id: Id): { kommun: KommunConfig; settings: Settings<Id> } {
  const kommun = kommunOf(request);
  const settings = serviceSettings(kommun, id);
  if (settings === undefined) throw new HttpProblem(404, problemTypes.serviceDisabled);
  return { kommun, settings };
}

/** The logged-in citizen of this kommun, or 401. */
export const requireCitizen = (request: FastifyRequest, sessions: SessionStore): Promise<Session> => sessions.require(request);

/** A system-to-system call: `Authorization: Bearer <key>` with the configured key (compared in constant time), or 401. */
export function requireBearerKey(request: FastifyRequest, expected: string, detail: string): void {
  const key = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (!key || !sameSecret(expected, key)) throw new HttpProblem(401, problemTypes.unauthenticated, detail);
}
