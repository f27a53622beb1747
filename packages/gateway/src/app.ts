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
import { installClientErrors, serverOptions } from './http/client-errors.js';
import { installSecurityHeaders } from './http/headers.js';
import { resolveKommun } from './http/kommun.js';
import { startHousekeeping } from './housekeeping.js';
import { installInputHygiene } from './http/hygiene.js';
import { installProblemHandlers } from './http/problem.js';
import { databaseRateLimitStore } from './http/rate-limit-store.js';
import { trackRouteMethods } from './http/route-methods.js';
import { installSecurity } from './http/security.js';
import { kommunRoutes } from './kommun-routes.js';
import { AccessLog, productionLogger } from './logging.js';
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

export async function buildGateway({ config, db, logger = productionLogger(), siteRoot, embedRoot }: GatewayOptions): Promise<Gateway> {
  const app = Fastify({
    logger,
    // One access line per request, with method, route, URL, status and duration.
    logController: new AccessLog(),
    // Only the named proxies' X-Forwarded-For is believed; anyone else could claim any address.
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    // Time limits, and the router's and Node's own errors in the contract's shapes.
    ...serverOptions(config),
    // Reject unknown fields instead of silently dropping them, and report every bad field at once.
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array' } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const methodsFor = trackRouteMethods(app);
  installProblemHandlers(app, methodsFor);
  installSecurityHeaders(app, config);
  installClientErrors(app);
  resolveKommun(app, config);
  await installSecurity(app, config);
  await app.register(cookie);
  installInputHygiene(app);
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(db) });

  const sessions = new SessionStore(db, config, app.log);
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
    await app.register(devIdp, { issuer, clients, db });
  }

  await embedRoutes(app, embedRoot);
  await siteRoutes(app, { root: siteRoot, publicUrl: config.publicUrl });

  startHousekeeping(app, db, sessions);
  return app;
}
