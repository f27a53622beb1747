import { Unit } from '@kommunkit/contract';
import { Type, type Static } from 'typebox';
import { defineSettings } from '../../config/service-settings.js';

const BarnomsorgSettings = Type.Object(
  {
    adapter: Type.Literal('builtin', {
      description: '"builtin": units from `unitsFile`, applications and placements stored here; children from the population register (the dev identity provider\'s test persons while it is on).',
    }),
    referencePrefix: Type.String({ pattern: '^[A-Z]{2,5}$', description: 'Prefix of application references, e.g. "EXS" → EXS-F-2026-000042.' }),
    caseWorkerApiKey: Type.String({ minLength: 16, description: 'Bearer key of the case workers\' API (receive, offer, answers, replies). Keep it out of the file: "${…}".' }),
    unitsFile: Type.String({ minLength: 1, description: 'The kommun\'s förskolor, pedagogisk omsorg and fritidshem, relative to this config file, e.g. "./exempelstad-forskolor.json".' }),
    maxRankedUnits: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, description: 'How many units a guardian may rank (3 unless set).' })),
    offerReplyDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60, description: 'Days to answer an offer (14 unless set).' })),
    otherGuardianMustConfirm: Type.Optional(Type.Boolean({ description: 'Whether the other vårdnadshavare must confirm before the kommun handles an application (false unless set).' })),
    noticeMonths: Type.Optional(Type.Integer({ minimum: 0, maximum: 12, description: 'Months of notice when a placement is terminated (2 unless set).' })),
    maxtaxa: Type.Object(
      {
        year: Type.Integer({ minimum: 2000, maximum: 2100 }),
        // Indexed every year by Skolverket (förordning 2001:160 § 8): update it with each new year's figure.
        incomeCeilingMonthlyOre: Type.Integer({ minimum: 1, description: 'The household income ceiling per month in öre (2025: 57 130 kr = 5713000).' }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export type BarnomsorgSettings = Static<typeof BarnomsorgSettings>;

/** `kommuner[].services.barnomsorg`; the units file is read and checked at start (`readUnitsFile`). */
export const barnomsorgSettings = defineSettings({ schema: BarnomsorgSettings });

/** One unit as the file describes it: the contract's `Unit`. */
export const UnitEntry = Type.Object({ ...Unit.properties }, { additionalProperties: false });
export type UnitEntry = Static<typeof UnitEntry>;

/** The units file: `{ "units": [ … ] }`. */
export const UnitsFile = Type.Object({ units: Type.Array(UnitEntry, { minItems: 1 }) }, { additionalProperties: false });
export type UnitsFile = Static<typeof UnitsFile>;
