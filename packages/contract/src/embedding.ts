import { Type, type Static } from 'typebox';

/**
 * The embedding check's question: a kommun id as an editor typed it (so not the strict
 * `KommunId`: an id that names no kommun is an answer, `known: false`, not a refusal) and,
 * optionally, the page origin to check instead of the request's own `Origin`.
 */
export const EmbeddingQuery = Type.Object(
  {
    kommun: Type.String({
      minLength: 1,
      maxLength: 64,
      pattern: '^[a-z0-9-]+$',
      description: 'Kommun id to check, e.g. `exempelstad` (lower-case letters, digits and dashes).',
    }),
    origin: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 2048,
        description: 'Page origin to check (scheme, host and port, no path), e.g. `https://www.exempelstad.se`; by default the request\'s `Origin` header.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type EmbeddingQuery = Static<typeof EmbeddingQuery>;

/** Whether a page origin may embed a kommun's widgets, and where an operator allows it. */
export const EmbeddingCheck = Type.Object(
  {
    kommun: Type.String({ description: 'The kommun id asked about, as given.' }),
    known: Type.Boolean({ description: 'A kommun with this id is configured at this gateway.' }),
    name: Type.Union([Type.String(), Type.Null()], { description: 'The kommun\'s display name; null when unknown.' }),
    origin: Type.Union([Type.String(), Type.Null()], {
      description: 'The origin checked: the `origin` parameter, else the request\'s `Origin`; null when there was none (or an opaque `null` origin: a file, a sandboxed frame).',
    }),
    originAllowed: Type.Boolean({ description: 'The origin is on the kommun\'s list, so its widgets can call the gateway from that page.' }),
    configKey: Type.Union([Type.String(), Type.Null()], {
      description: 'Where in the gateway\'s config the operator adds an origin for this kommun, e.g. `kommuner[0].origins`; null when the kommun is unknown.',
    }),
  },
  { $id: 'EmbeddingCheck', additionalProperties: false },
);
export type EmbeddingCheck = Static<typeof EmbeddingCheck>;
