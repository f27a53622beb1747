import { Lokal } from '@kommunkit/contract';
import { Type, type Static } from 'typebox';
import { defineSettings } from '../../config/service-settings.js';

const LokalbokningSettings = Type.Object(
  {
    adapter: Type.Literal('builtin', { description: '"builtin": lokaler from `lokalerFile`, bookings stored here (the kommun\'s own system is another adapter behind backend.ts).' }),
    referencePrefix: Type.String({ pattern: '^[A-Z]{2,5}$', description: 'Prefix of booking references, e.g. "EXS" → EXS-B-2026-000042 (season requests EXS-S-…).' }),
    caseWorkerApiKey: Type.String({ minLength: 16, description: 'Bearer key of the case workers\' API (decisions). Keep it out of the file: "${…}".' }),
    lokalerFile: Type.String({ minLength: 1, description: 'The kommun\'s lokaler and their booking rules, relative to this config file, e.g. "./exempelstad-lokaler.json".' }),
  },
  { additionalProperties: false },
);

export type LokalbokningSettings = Static<typeof LokalbokningSettings>;

/** `kommuner[].services.lokalbokning`; the lokaler file is read and checked at start (`readLokalerFile`). */
export const lokalbokningSettings = defineSettings({ schema: LokalbokningSettings });

const { timeZone: _zone, approval: _approval, ...lokalProperties } = Lokal.properties;
/** One lokal as the file describes it: the contract's `Lokal` without its (always Stockholm) time zone and `approval` (read from its rules). */
export const LokalEntry = Type.Object(
  {
    ...lokalProperties,
    id: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }),
    // A path (`/bilder/ekan.svg`) is on the gateway's own site, made absolute with `publicUrl` at start.
    images: Type.Array(Type.Object({ url: Type.String({ pattern: '^(https://|/[^/])', maxLength: 2048 }), alt: Type.String({ minLength: 1 }) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type LokalEntry = Static<typeof LokalEntry>;

/** The lokaler file: `{ "lokaler": [ … ] }`. */
export const LokalerFile = Type.Object({ lokaler: Type.Array(LokalEntry, { minItems: 1 }) }, { additionalProperties: false });
export type LokalerFile = Static<typeof LokalerFile>;
