import cors from '@fastify/cors';
import { clientHeader, editTokenHeader, embeddingRoutes, idempotencyHeader, problemTypes } from '@kommunkit/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ResolvedConfig } from '../config/load.js';
import type { KommunConfig } from '../config/schema.js';
import { kommunIdIn } from './kommun.js';
import { pathOf, rulesFor, type PathRules } from './paths.js';
import { HttpProblem } from './problem.js';
import { syncHook } from './sync-hook.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The method a request is about: a preflight's is the one it asks for. */
const intendedMethod = (request: FastifyRequest): string => {
  const asked = request.method === 'OPTIONS' ? request.headers['access-control-request-method'] : undefined;
  return typeof asked === 'string' && asked !== '' ? asked.toUpperCase() : request.method;
};

/**
 * For a write whose kommun its body named (`PathRules.kommunInBody`), once the route knows it:
 * the CORS answer stays only when the Origin is one of that kommun's, as if the URL had named it.
 */
export function narrowCors(request: FastifyRequest, reply: FastifyReply, kommun: KommunConfig): void {
  const origin = request.headers.origin;
  if (origin !== undefined && kommun.origins.includes(origin)) return;
  for (const header of ['access-control-allow-origin', 'access-control-allow-credentials', 'access-control-expose-headers']) reply.removeHeader(header);
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route authenticates by an API key alone and ignores the session cookie (system-to-system). */
    keyAuthenticated?: boolean;
  }
}

/**
 * CORS with credentials, only for the kommun's own page origins. Two kinds of answer are
 * readable from any page, because a widget on a page that is not set up must be able to say
 * why instead of seeing "no answer": the embedding check (public, without credentials), and the
 * 404 for a kommun id that no kommun has (it carries nothing but that; no cookie is scoped to
 * such a path). Installed before `resolveKommun`, so that its 404 has these headers too.
 */
export async function installCors(app: FastifyInstance, config: ResolvedConfig, rules: readonly PathRules[] = []): Promise<void> {
  const everyOrigin = [...new Set(config.kommuner.flatMap((kommun) => kommun.origins))];
  const embeddingCheck = embeddingRoutes.checkEmbedding.url;
  /**
   * The origins of the kommun a request is for: its API path, or what the rules of its prefix
   * say (Open311's `jurisdiction_id`). A write (or its preflight) that may name its kommun in
   * the body gets every kommun's, and its route narrows them (`narrowCors`).
   */
  const originsOf = (request: FastifyRequest): readonly string[] => {
    const rule = rulesFor(rules, request.url);
    // A path's kommun id is matched as written, as resolveKommun does.
    const id = kommunIdIn(request.url) ?? rule?.kommunIdOf?.(request.url) ?? null;
    if (id !== null) return config.kommunById.get(id)?.origins ?? [];
    return rule?.kommunInBody && !safeMethods.has(intendedMethod(request)) ? everyOrigin : [];
  };

  /** An API path whose kommun id no kommun has (as `resolveKommun` will answer it: 404). */
  const unknownKommun = (request: FastifyRequest): boolean => {
    const id = kommunIdIn(request.url);
    return id !== undefined && !config.kommunById.has(id);
  };

  // The three answers, made once rather than per request: the kommun's own origin (reflected,
  // with credentials), any site without credentials, or no CORS headers at all.
  const shared = {
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['content-type', clientHeader, idempotencyHeader, editTokenHeader],
    exposedHeaders: ['retry-after'],
    maxAge: 600,
  };
  const ownOrigin = { ...shared, origin: true, credentials: true };
  const anyOrigin = { ...shared, origin: '*', credentials: false };
  const noOrigin = { ...shared, origin: false, credentials: false };
  await app.register(cors, {
    hook: 'onRequest',
    delegator: (request, callback) => {
      const origin = request.headers.origin;
      const allowed = origin !== undefined && (originsOf(request).includes(origin) || unknownKommun(request));
      // Public data (Open311's reads, the embedding check): any site may show it, without credentials.
      const publicRead =
        !allowed && (pathOf(request.url) === embeddingCheck || (rulesFor(rules, request.url)?.publicReads === true && request.method !== 'POST'));
      callback(null, allowed ? ownOrigin : publicRead ? anyOrigin : noOrigin);
    },
  });
}

/**
 * CSRF defence for every state-changing API request: it must carry the SDK's custom header
 * (which a plain form or image cannot send, and which forces a CORS preflight) and an Origin
 * on the kommun's list. SameSite=Lax cookies are the third layer. Installed after
 * `resolveKommun`, whose kommun it checks against.
 */
export function installCsrf(app: FastifyInstance): void {
  app.addHook(
    'onRequest',
    syncHook((request) => {
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
    }),
  );
}
