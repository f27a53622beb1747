import { embeddingSegment, problemTypes } from '@kommunkit/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ResolvedConfig } from '../config/load.js';
import type { KommunConfig } from '../config/schema.js';
import { HttpProblem } from './problem.js';
import { syncHook } from './sync-hook.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The kommun this request is for, from `/api/v1/{kommun}/`; null outside the API. */
    kommun: KommunConfig | null;
  }
}

const apiPath = /^\/api\/v1\/([^/?#]+)/;

/** The kommun id in a request path, if it is an API path; `/api/v1/embedding` (the embedding check) names none. */
export const kommunIdIn = (url: string): string | undefined => {
  const id = apiPath.exec(url)?.[1];
  return id === embeddingSegment ? undefined : id;
};

/**
 * Resolves the kommun of every API request before anything else runs. A kommun reached on a
 * hostname of its own (a CNAME under its domain) is the only kommun that hostname serves, so
 * no data crosses kommuner even when a path is edited by hand.
 */
export function resolveKommun(app: FastifyInstance, config: ResolvedConfig): void {
  const kommunAt = kommunLookup(config);
  app.decorateRequest('kommun', null);
  app.addHook(
    'onRequest',
    syncHook((request) => {
      const id = kommunIdIn(request.url);
      if (id === undefined) return;
      const kommun = kommunAt(id, request.hostname);
      if (!kommun) {
        // Echo only what could be a kommun id: a path is the client's text, of any length.
        const named = /^[a-z0-9-]{1,64}$/.test(id) ? ` med id "${id}"` : '';
        throw new HttpProblem(404, problemTypes.unknownKommun, `Ingen kommun${named} finns i tjänsten.`);
      }
      request.kommun = kommun;
    }),
  );
}

/**
 * The kommun that a request for `id` reaches at `hostname`: none when no kommun has that id, or
 * when the hostname is another kommun's own. Ids are matched as written (plain lower-case
 * letters, digits and dashes: an encoded segment names none).
 */
export function kommunLookup(config: ResolvedConfig): (id: string, hostname: string) => KommunConfig | undefined {
  const kommunByHost = new Map<string, string>();
  for (const kommun of config.kommuner) for (const host of kommun.hostnames ?? []) kommunByHost.set(host, kommun.id);
  return (id, hostname) => {
    const kommun = config.kommunById.get(id);
    const hostKommun = kommunByHost.get(hostname.replace(/:\d+$/, ''));
    return kommun && (!hostKommun || hostKommun === kommun.id) ? kommun : undefined;
  };
}

/** The kommun of a request on a `/api/v1/{kommun}/` route (resolved, so never null there). */
export function kommunOf(request: FastifyRequest): KommunConfig {
  if (!request.kommun) throw new HttpProblem(404, problemTypes.unknownKommun);
  return request.kommun;
}
