import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { IdentityProviders } from './auth/oidc.js';
import { authRoutes } from './auth/routes.js';
import { SessionStore } from './auth/sessions.js';
import type { ResolvedConfig } from './config/load.js';
import type { Db } from './db/database.js';
import { draftRoutes } from './drafts/routes.js';
import { embedRoutes } from './embed.js';
import { caseWorkerRoutes } from './felanmalan/case-worker.js';
import { open311Routes } from './felanmalan/open311-routes.js';
import { ReportStore } from './felanmalan/store.js';
import { healthRoutes } from './health.js';
import { resolveKommun } from './http/kommun.js';
import { installProblemHandlers } from './http/problem.js';
import { trackRouteMethods } from './http/route-methods.js';
import { installSecurity } from './http/security.js';
import { kommunRoutes } from './kommun-routes.js';
import { loggerOptions } from './logging.js';
import { siteRoutes } from './site.js';
import type { Gateway } from './types.js';

export interface GatewayOptions {
  config: ResolvedConfig;
  db: Db;
  /** Fastify logger settings; by default pino with personal data scrubbed. */
  logger?: FastifyServerOptions['logger'];
  /** Static site served at `/` (the demo kommun site). */
  siteRoot?: string | undefined;
  /** The built embed bundle, served at `/kommunkit/v1/`. */
  embedRoot?: string | undefined;
}

export const devIdpPath = '/dev-idp';

export async function buildGateway({ config, db, logger = loggerOptions(), siteRoot, embedRoot }: GatewayOptions): Promise<Gateway> {
  const app = Fastify({
    logger,
    trustProxy: process.env.TRUST_PROXY === '1',
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    // Reject unknown fields instead of silently dropping them, and report every bad field at once.
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array' } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const methodsFor = trackRouteMethods(app);
  installProblemHandlers(app, methodsFor);
  resolveKommun(app, config);
  await installSecurity(app, config);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });

  const sessions = new SessionStore(db, config);
  healthRoutes(app, { db });
  kommunRoutes(app);
  authRoutes(app, { config, db, sessions, providers: new IdentityProviders() });
  draftRoutes(app, { db, sessions });
  const reports = new ReportStore(db);
  caseWorkerRoutes(app, { config, store: reports });
  await open311Routes(app, { config, store: reports });

  if (config.devIdentityProvider) {
    const issuer = `${config.publicUrl}${devIdpPath}`;
    const clients = config.kommuner
      .filter((kommun) => kommun.identityProvider?.issuer === issuer)
      .map((kommun) => ({
        clientId: kommun.identityProvider!.clientId,
        clientSecret: kommun.identityProvider!.clientSecret,
        redirectUris: [`${config.publicUrl}/api/v1/${kommun.id}/auth/callback`],
      }));
    // Loaded only when enabled, so a production gateway does not even contain the test persons.
    const { devIdp } = await import('./dev-idp/plugin.js');
    await app.register(devIdp, { issuer, clients });
  }

  await embedRoutes(app, embedRoot);
  await siteRoutes(app, { root: siteRoot, publicUrl: config.publicUrl });

  const purge = setInterval(() => void sessions.purgeExpired().catch((error: unknown) => app.log.warn({ err: error }, 'session purge failed')), 10 * 60_000);
  purge.unref();
  app.addHook('onClose', () => clearInterval(purge));
  return app;
}
