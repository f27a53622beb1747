import { Type, type Static } from 'typebox';
import { KommunId, Open311Attribute } from '@kommunkit/contract';

const Origin = Type.String({
  pattern: '^https?://[^/?#]+$',
  description: 'A page origin: scheme, host and port, no path (e.g. "https://www.exempelstad.se").',
});

const ServiceSettings = Type.Object({ adapter: Type.String({ minLength: 1 }) }, { additionalProperties: false });

const Category = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z0-9_-]{1,64}$' }),
    name: Type.String({ minLength: 1 }),
    description: Type.String(),
    group: Type.String({ minLength: 1 }),
    keywords: Type.Array(Type.String()),
    handoffNote: Type.Optional(Type.String({ description: 'Shown instead of the form when the kommun does not handle this.' })),
    attributes: Type.Optional(Type.Array(Open311Attribute)),
  },
  { additionalProperties: false },
);

const FelanmalanSettings = Type.Object(
  {
    adapter: Type.Union([Type.Literal('builtin'), Type.Literal('open311')], {
      description: '"builtin" stores reports here; "open311" forwards them to the kommun\'s own Open311 server.',
    }),
    referencePrefix: Type.String({ pattern: '^[A-Z]{2,5}$', description: 'Prefix of reference numbers, e.g. "EXS" → EXS-2026-000042.' }),
    caseWorkerApiKey: Type.String({ minLength: 16, description: 'Bearer key of the case-worker API. Keep it out of the file: "${…}".' }),
    categories: Type.Array(Category, { minItems: 1 }),
    apiKeys: Type.Optional(
      Type.Array(Type.String({ minLength: 16 }), { description: 'Open311 api_key values of apps and systems allowed to file reports.' }),
    ),
    map: Type.Optional(
      Type.Object(
        {
          tileUrl: Type.String(),
          attribution: Type.String(),
          center: Type.Tuple([Type.Number(), Type.Number()]),
          zoom: Type.Integer({ minimum: 1, maximum: 19 }),
        },
        { additionalProperties: false },
      ),
    ),
    forward: Type.Optional(
      Type.Object(
        {
          url: Type.String({ pattern: '^https?://', description: 'Base URL of the external Open311 GeoReport v2 endpoint.' }),
          apiKey: Type.String({ minLength: 1 }),
          jurisdictionId: Type.Optional(Type.String()),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

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
    services: Type.Object(
      {
        felanmalan: Type.Optional(FelanmalanSettings),
        lokalbokning: Type.Optional(ServiceSettings),
        barnomsorg: Type.Optional(ServiceSettings),
        fakturor: Type.Optional(ServiceSettings),
      },
      { additionalProperties: false, description: 'Enabled services and the adapter each uses.' },
    ),
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
export type FelanmalanSettings = Static<typeof FelanmalanSettings>;
export type CategoryConfig = Static<typeof Category>;
