import { Type, type Static } from 'typebox';
import { KommunId } from '@kommunkit/contract';

const Origin = Type.String({
  pattern: '^https?://[^/?#]+$',
  description: 'A page origin: scheme, host and port, no path (e.g. "https://www.exempelstad.se").',
});

const ServiceSettings = Type.Object({ adapter: Type.String({ minLength: 1 }) }, { additionalProperties: false });

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
        felanmalan: Type.Optional(ServiceSettings),
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
    kommuner: Type.Array(Kommun, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export type GatewayConfig = Static<typeof GatewayConfig>;
export type KommunConfig = Static<typeof Kommun>;
