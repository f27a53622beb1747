import type { FastifyInstance } from 'fastify';
import type { ResolvedConfig } from '../config/load.js';

/** The headers every answer carries, error answers written straight to the socket included. */
export function securityHeaders(config: Pick<ResolvedConfig, 'publicUrl'>): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    // Only when the gateway is reached over https: on plain http a browser ignores it anyway,
    // and on a development host it would pin https on a name that has none.
    ...(config.publicUrl.startsWith('https:') ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  };
}

/**
 * Security headers on every response, and `Cache-Control: no-store` on every API answer that
 * does not say how it may be cached (sessions, drafts, the login redirect: personal data that
 * no shared or browser cache should keep). Answers that set their own (the kommun's public
 * info) keep it.
 *
 * The security headers go on the raw response in the first onRequest hook, so that answers
 * from later hooks that fail (CORS, rate limit, CSRF), error handlers and routes that write
 * the raw response themselves (the dev IdP) all carry them; Node merges them into whatever
 * the reply writes, and a reply's own value for the same header wins.
 */
export function installSecurityHeaders(app: FastifyInstance, config: Pick<ResolvedConfig, 'publicUrl'>): void {
  const headers = Object.entries(securityHeaders(config));
  app.addHook('onRequest', (request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control') && !reply.raw.hasHeader('cache-control')) {
      void reply.header('cache-control', 'no-store');
    }
    done(null, payload);
  });
}
