import { KommunId } from '@kommunkit/contract';
import { Type, type Static, type TOptional } from 'typebox';
import { serviceSettings } from '../services/catalog.js';

const Origin = Type.String({
  pattern: '^https?://[^/?#]+$',
  description: 'A page origin: scheme, host and port, no path (e.g. "https://www.exempelstad.se").',
});

/**
 * `kommuner[].services`: each service's own settings schema (`services/<id>/settings.ts`),
 * optional, so a kommun enables a service by naming it.
 */
type Services = { [Id in keyof typeof serviceSettings]: TOptional<(typeof serviceSettings)[Id]['schema']> };
const services = Object.fromEntries(Object.entries(serviceSettings).map(([id, settings]) => [id, Type.Optional(settings.schema)])) as Services;

const IdentityProvider = Type.Object(
  {
    issuer: Type.String({ format: 'uri', description: 'OIDC issuer URL of the kommun\'s identity provider.' }),
    clientId: Type.String({ minLength: 1 }),
    clientSecret: Type.String({ minLength: 1, description: 'Keep it out of the file: "${EXEMPELSTAD_OIDC_SECRET}".' }),
    scopes: Type.Optional(Type.Array(Type.String(), { default: ['openid', 'profile'] })),
  },
  { additionalProperties: false },
);

const Kommun = Type.Object(
  {
    id: KommunId,
    name: Type.String({ minLength: 1 }),
    origins: Type.Array(Origin, { minItems: 1, description: 'Page origins allowed to embed the widgets and call the API.' }),
    hostnames: Type.Optional(
      Type.Array(Type.String({ pattern: '^[a-z0-9.-]+$' }), {
        description: 'Gateway hostnames under the kommun\'s own domain (e.g. "e-tjanster.exempelstad.se").',
      }),
    ),
    theme: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z0-9-]+$' }), Type.String())),
    services: Type.Object(services, { additionalProperties: false, description: 'Enabled services and the adapter each uses.' }),
    identityProvider: Type.Optional(IdentityProvider),
  },
  { additionalProperties: false },
);

export const GatewayConfig = Type.Object(
  {
    publicUrl: Type.String({ pattern: '^https?://[^/?#]+$', description: 'Origin the gateway is reached at.' }),
    session: Type.Optional(
      Type.Object(
        {
          idleMinutes: Type.Integer({ minimum: 1, maximum: 24 * 60 }),
          absoluteHours: Type.Integer({ minimum: 1, maximum: 24 }),
        },
        { additionalProperties: false },
      ),
    ),
    devIdentityProvider: Type.Optional(Type.Boolean({ description: 'Serve the test identity provider at /dev-idp.' })),
    limits: Type.Optional(
      Type.Object(
        { anonymousWritesPerMinute: Type.Integer({ minimum: 1, description: 'Per client IP: logins started, reports filed.' }) },
        { additionalProperties: false },
      ),
    ),
    timeouts: Type.Optional(
      Type.Object(
        {
          requestMs: Type.Optional(Type.Integer({ minimum: 1000, maximum: 600_000, description: 'Whole request, body included (Node requestTimeout). Default 30000.' })),
          headersMs: Type.Optional(Type.Integer({ minimum: 1000, maximum: 120_000, description: 'Until the request headers are in (Node headersTimeout). Default 10000.' })),
          idleMs: Type.Optional(Type.Integer({ minimum: 1000, maximum: 600_000, description: 'A connection that sends nothing this long is closed (Fastify connectionTimeout). Default 10000.' })),
          databaseConnectMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 60_000, description: 'Waiting for a PostgreSQL connection. Default 5000.' })),
          databaseStatementMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 600_000, description: 'Longest a statement may run (PostgreSQL statement_timeout). Default 10000.' })),
        },
        { additionalProperties: false },
      ),
    ),
    trustProxy: Type.Optional(
      Type.Array(Type.String({ pattern: '^[0-9a-fA-F.:]+(?:/\\d{1,3})?$' }), {
        description: 'Addresses or CIDR ranges of the reverse proxies in front of the gateway; only their X-Forwarded-For is believed.',
      }),
    ),
    dataKey: Type.Optional(
      Type.String({
        minLength: 32,
        description: 'Secret the gateway derives its encryption keys from (personnummer in sessions). Keep it out of the file: "${KOMMUNKIT_DATA_KEY}". Required when NODE_ENV=production.',
      }),
    ),
    kommuner: Type.Array(Kommun, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export type GatewayConfig = Static<typeof GatewayConfig>;
export type KommunConfig = Static<typeof Kommun>;
