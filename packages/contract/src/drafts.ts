import { Type, type Static } from 'typebox';
import { KommunId, ServiceId } from './kommun.js';

/**
 * A logged-in citizen's unfinished form for one service, kept on the server so it survives a
 * new device or browser. Only its owner can read it.
 */
export const DraftParams = Type.Object({ kommun: KommunId, service: ServiceId });
export type DraftParams = Static<typeof DraftParams>;

export const DraftBody = Type.Object(
  {
    data: Type.Record(Type.String(), Type.Unknown(), { description: 'What the citizen has typed so far.' }),
    step: Type.Optional(Type.String({ maxLength: 64, description: 'The question page they were on.' })),
    revision: Type.Optional(
      Type.Integer({
        minimum: 1,
        description:
          'The revision of the saved draft this edit is based on. When it is not the stored revision any more (or the draft was deleted), the save is refused with 409 and changes nothing. Left out: an unconditional save (the first one).',
      }),
    ),
  },
  { $id: 'DraftBody', additionalProperties: false },
);
export type DraftBody = Static<typeof DraftBody>;

export const Draft = Type.Object(
  {
    service: ServiceId,
    data: Type.Record(Type.String(), Type.Unknown()),
    step: Type.Optional(Type.String()),
    revision: Type.Integer({ minimum: 1, description: '1 on the first save, one more on every save: send it back as `revision` with the next save.' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Draft' },
);
export type Draft = Static<typeof Draft>;

/** Largest draft the gateway stores, in bytes of JSON. */
export const maxDraftBytes = 64 * 1024;
