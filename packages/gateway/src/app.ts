import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { IdentityProviders } from './auth/oidc.js';
import { authRoutes, callbackUrl } from './auth/routes.js';
import { SessionStore } from './auth/sessions.js';
import type { ResolvedConfig } from './config/load.js';
import type { Db } from './db/database.js';
import { draftRoutes } from './drafts/routes.js';
import { embedRoutes } from './embed.js';
import { embeddingRoutes } from './embedding-routes.js';
import { healthRoutes } from './health.js';
import { installClientErrors, serverOptions } from './http/client-errors.js';
import { installSecurityHeaders } from './http/headers.js';
import { resolveKommun } from './http/kommun.js';
import { startHousekeeping } from './housekeeping.js';
import { installInputHygiene } from './http/hygiene.js';
import { installProblemHandlers } from './http/problem.js';
import { databaseRateLimitStore } from './http/rate-limit-store.js';
import { trackRouteMethods } from './http/route-methods.js';
import { installCors, installCsrf } from './http/security.js';
import { kommunRoutes } from './kommun-routes.js';
import { AccessLog, productionLogger } from './logging.js';
import { serviceMigrations, serviceSettings } from './services/catalog.js';
import { serviceModules } from './services/index.js';
import type { ServiceModule } from './services/module.js';
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
  /** Outgoing HTTP of the services (to kommun systems); the global fetch by default. */
  fetch?: typeof fetch;
  /** The service modules; all of `services/index.ts` by default. */
  services?: readonly ServiceModule[];
}

/** A module whose settings or migrations the config schema and migration runner do not know would half work: refuse it. */
function assertCatalogued(modules: readonly ServiceModule[]): void {
  for (const module of modules) {
    if (serviceSettings[module.id] !== module.settings || !serviceMigrations.includes(module.migrations)) {
      throw new Error(`service module ${module.id}: list its settings and migrations in services/catalog.ts`);
    }
  }
}

export const devIdpPath = '/dev-idp';

export async function buildGateway({
  config,
  db,
  logger = productionLogger(),
  siteRoot,
  embedRoot,
  fetch = globalThis.fetch,
  services = serviceModules,
}: GatewayOptions): Promise<Gateway> {
  assertCatalogued(services);
  const paths = services.flatMap((service) => service.paths ?? []);
  const app = Fastify({
    logger,
    // One access line per request, with method, route, URL, status and duration.
    logController: new AccessLog(),
    // Only the named proxies' X-Forwarded-For is believed; anyone else could claim any address.
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    // Time limits, and the router's and Node's own errors in the contract's shapes.
    ...serverOptions(config, paths),
    // Reject unknown fields instead of silently dropping them, and report every bad field at once.
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array' } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const methodsFor = trackRouteMethods(app);
  installProblemHandlers(app, methodsFor, paths);
  installSecurityHeaders(app, config);
  installClientErrors(app);
  // CORS before the kommun is resolved, so that the 404 for an unknown kommun is readable too.
  installCors(app, config, paths);
  resolveKommun(app, config);
  installCsrf(app);
  await app.register(cookie);
  installInputHygiene(app);
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(db) });

  const sessions = new SessionStore(db, config, app.log);
  healthRoutes(app, { db });
  kommunRoutes(app, services);
  embeddingRoutes(app, config);
  authRoutes(app, { config, db, sessions, providers: new IdentityProviders() });
  draftRoutes(app, { db, sessions });
  for (const service of services) await service.register(app, { config, db, sessions, fetch });

  if (config.devIdentityProvider) {
    const issuer = `${config.publicUrl}${devIdpPath}`;
    const clients = config.kommuner
      .filter((kommun) => kommun.identityProvider?.issuer === issuer)
      .map((kommun) => ({
        clientId: kommun.identityProvider!.clientId,
        clientSecret: kommun.identityProvider!.clientSecret,
        redirectUris: [callbackUrl(config, kommun.id)],
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
