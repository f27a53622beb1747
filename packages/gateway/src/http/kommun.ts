import { problemTypes } from '@kommunkit/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ResolvedConfig } from '../config/load.js';
import type { KommunConfig } from '../config/schema.js';
import { HttpProblem } from './problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The kommun this request is for, from `/api/v1/{kommun}/`; null outside the API. */
    kommun: KommunConfig | null;
  }
}

const apiPath = /^\/api\/v1\/([^/?#]+)/;

/** The kommun id in a request path, if it is an API path. */
export const kommunIdIn = (url: string): string | undefined => apiPath.exec(url)?.[1];

/**
 * Resolves the kommun of every API request before anything else runs. A kommun reached on a
 * hostname of its own (a CNAME under its domain) is the only kommun that hostname serves, so
 * no data crosses kommuner even when a path is edited by hand.
 */
export function resolveKommun(app: FastifyInstance, config: ResolvedConfig): void {
  const kommunByHost = new Map<string, string>();
  for (const kommun of config.kommuner) for (const host of kommun.hostnames ?? []) kommunByHost.set(host, kommun.id);

  app.decorateRequest('kommun', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const id = kommunIdIn(request.url);
    if (id === undefined) return;
    // Kommun ids are plain lower-case letters, digits and dashes: an encoded segment names none.
    const kommun = config.kommunById.get(id);
    const hostKommun = kommunByHost.get(request.hostname.replace(/:\d+$/, ''));
    if (!kommun || (hostKommun && hostKommun !== kommun.id)) {
      // Echo only what could be a kommun id: a path is the client's text, of any length.
      const named = /^[a-z0-9-]{1,64}$/.test(id) ? ` med id "${id}"` : '';
      throw new HttpProblem(404, problemTypes.unknownKommun, `Ingen kommun${named} finns i tjänsten.`);
    }
    request.kommun = kommun;
  });
}

/** The kommun of a request on a `/api/v1/{kommun}/` route (resolved, so never null there). */
export function kommunOf(request: FastifyRequest): KommunConfig {
  if (!request.kommun) throw new HttpProblem(404, problemTypes.unknownKommun);
  return request.kommun;
}
