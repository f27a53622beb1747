import cors from '@fastify/cors';
import { clientHeader, idempotencyHeader, problemTypes } from '@kommunkit/contract';
import type { FastifyInstance } from 'fastify';
import type { ResolvedConfig } from '../config/load.js';
import { kommunIdIn } from './kommun.js';
import { rulesFor, type PathRules } from './paths.js';
import { HttpProblem } from './problem.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route authenticates by an API key alone and ignores the session cookie (system-to-system). */
    keyAuthenticated?: boolean;
  }
}

/**
 * CORS with credentials, only for the kommun's own page origins, and CSRF defence for every
 * state-changing API request: it must carry the SDK's custom header (which a plain form or
 * image cannot send, and which forces a CORS preflight) and an Origin on the kommun's list.
 * SameSite=Lax cookies are the third layer.
 */
export async function installSecurity(app: FastifyInstance, config: ResolvedConfig, rules: readonly PathRules[] = []): Promise<void> {
  /** The kommun a URL is for: its API path, or what the rules of its prefix say (Open311's `jurisdiction_id`). */
  const originsOf = (url: string): readonly string[] => {
    // A path's kommun id is matched as written, as resolveKommun does.
    const id = kommunIdIn(url) ?? rulesFor(rules, url)?.kommunIdOf?.(url) ?? null;
    return id === null ? [] : (config.kommunById.get(id)?.origins ?? []);
  };

  await app.register(cors, {
    hook: 'onRequest',
    delegator: (request, callback) => {
      const origin = request.headers.origin;
      const allowed = origin !== undefined && originsOf(request.url).includes(origin);
      // Public data (Open311's reads): any site may show it, without credentials.
      const publicRead = !allowed && rulesFor(rules, request.url)?.publicReads === true && request.method !== 'POST';
      callback(null, {
        origin: allowed ? origin : publicRead ? '*' : false,
        credentials: allowed,
        methods: ['GET', 'POST', 'PUT', 'DELETE'],
        allowedHeaders: ['content-type', clientHeader, idempotencyHeader],
        exposedHeaders: ['retry-after'],
        maxAge: 600,
      });
    },
  });

  app.addHook('onRequest', async (request) => {
    // Only routes that take nothing but a key skip the check: there a cookie grants nothing. A
    // header alone proves nothing (any Authorization value used to let a cookie request through).
    if (safeMethods.has(request.method) || !request.kommun || request.routeOptions.config.keyAuthenticated) return;
    const origin = request.headers.origin;
    if (!request.headers[clientHeader]) {
      throw new HttpProblem(403, problemTypes.csrf, `Begäran saknar huvudet ${clientHeader}.`);
    }
    if (!origin || !request.kommun.origins.includes(origin)) {
      throw new HttpProblem(403, problemTypes.csrf, 'Begäran kom från en webbplats som kommunen inte har godkänt.');
    }
  });
}
