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

/** The CORS headers of each kind of answer, written once. */
const corsAnswers = {
  /** The kommun's own page: its origin reflected, with credentials. */
  own: { 'access-control-allow-credentials': 'true', 'access-control-expose-headers': 'retry-after' },
  /** Public data: any site may read it, without credentials. */
  any: { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'retry-after' },
} as const;
const preflightHeaders = {
  'access-control-allow-methods': 'GET, POST, PUT, DELETE',
  'access-control-allow-headers': ['content-type', clientHeader, idempotencyHeader, editTokenHeader].join(', '),
  'access-control-max-age': '600',
  'content-length': '0',
};

/**
 * CORS with credentials, only for the kommun's own page origins. Two kinds of answer are
 * readable from any page, because a widget on a page that is not set up must be able to say
 * why instead of seeing "no answer": the embedding check (public, without credentials), and the
 * 404 for a kommun id that no kommun has (it carries nothing but that; no cookie is scoped to
 * such a path). Installed before `resolveKommun`, so that its 404 has these headers too.
 *
 * Written here rather than with @fastify/cors: its per-request form (a delegator, which the
 * per-kommun origins need) rebuilds and merges its whole options object on every request,
 * which cost a cacheable read about a sixth of its throughput; these answers are fixed, so one
 * hook that picks among them does the same work. A preflight without Origin or
 * Access-Control-Request-Method never gets here (`installClientErrors` answers it 400).
 */
export function installCors(app: FastifyInstance, config: ResolvedConfig, rules: readonly PathRules[] = []): void {
  const everyOrigin = new Set(config.kommuner.flatMap((kommun) => kommun.origins));
  const embeddingCheck = embeddingRoutes.checkEmbedding.url;

  const publicRead = (request: FastifyRequest, rule: PathRules | undefined): boolean =>
    (rule?.publicReads === true && request.method !== 'POST') || pathOf(request.url) === embeddingCheck;

  /** Which answer a request gets; undefined for none. */
  const answerFor = (request: FastifyRequest, origin: string | undefined): keyof typeof corsAnswers | undefined => {
    const rule = rulesFor(rules, request.url);
    if (origin === undefined) return publicRead(request, rule) ? 'any' : undefined;
    // A path's kommun id is matched as written, as resolveKommun does.
    const pathId = kommunIdIn(request.url);
    const id = pathId ?? rule?.kommunIdOf?.(request.url) ?? null;
    if (id !== null) {
      const kommun = config.kommunById.get(id);
      // An API path whose kommun id no kommun has: its 404 is readable from any page.
      if (kommun ? kommun.origins.includes(origin) : pathId !== undefined) return 'own';
    } else if (rule?.kommunInBody && !safeMethods.has(intendedMethod(request)) && everyOrigin.has(origin)) {
      // A write (or its preflight) that may name its kommun in the body: every kommun's origins, narrowed by the route (`narrowCors`).
      return 'own';
    }
    return publicRead(request, rule) ? 'any' : undefined;
  };

  app.addHook('onRequest', (request, reply, done) => {
    // The answer depends on the Origin: a cache must keep one per origin.
    void reply.header('vary', 'Origin');
    const origin = request.headers.origin;
    const answer = answerFor(request, origin);
    if (answer === undefined) {
      done();
      return;
    }
    void reply.headers(corsAnswers[answer]);
    if (answer === 'own') void reply.header('access-control-allow-origin', origin!);
    if (request.method !== 'OPTIONS') {
      done();
      return;
    }
    // A preflight is answered here, before any hook that could refuse it for lack of what a
    // browser never sends on one (a cookie, the client header).
    void reply.code(204).headers(preflightHeaders).send();
  });
  // Lets the router accept every preflight; one this hook did not answer asks about a path no page may use.
  app.options('*', (_request, reply) => {
    reply.callNotFound();
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
