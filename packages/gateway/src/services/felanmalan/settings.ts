import { Open311Attribute } from '@kommunkit/contract';
import { Type, type Static } from 'typebox';
import { defineSettings } from '../../config/service-settings.js';

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
    devApiKeys: Type.Optional(
      Type.Array(Type.String({ minLength: 16 }), {
        description: 'Open311 api_key values for trying the API in development. Public, so the gateway refuses to start with any when NODE_ENV=production.',
      }),
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

export type FelanmalanSettings = Static<typeof FelanmalanSettings>;
export type CategoryConfig = Static<typeof Category>;
export type ForwardSettings = NonNullable<FelanmalanSettings['forward']>;

/** `kommuner[].services.felanmalan`. */
export const felanmalanSettings = defineSettings({
  schema: FelanmalanSettings,
  check: (settings) => (settings.adapter === 'open311' && !settings.forward ? [{ key: 'forward', message: 'needed when adapter is "open311"' }] : []),
});
