import { Type, type Static } from 'typebox';

/**
 * Kommun ids appear in every citizen-facing path: lower-case letters, digits and dashes.
 * `embedding` is not one: `/api/v1/embedding` is the embedding check.
 */
export const KommunId = Type.String({
  pattern: '^(?!embedding$)[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$',
  description: 'Kommun id, e.g. `exempelstad` (`embedding` is reserved).',
});

export const serviceIds = ['felanmalan', 'lokalbokning', 'barnomsorg', 'fakturor'] as const;
export type ServiceId = (typeof serviceIds)[number];
export const ServiceId = Type.Union(
  [Type.Literal('felanmalan'), Type.Literal('lokalbokning'), Type.Literal('barnomsorg'), Type.Literal('fakturor')],
  { $id: 'ServiceId' },
);

export const KommunParams = Type.Object({ kommun: KommunId });
export type KommunParams = Static<typeof KommunParams>;

/** What a widget needs to know about a kommun: its name, theme and enabled services. */
export const KommunInfo = Type.Object(
  {
    id: Type.String(),
    name: Type.String({ description: 'Display name, e.g. "Exempelstads kommun".' }),
    theme: Type.Record(Type.String({ pattern: '^[a-z0-9-]+$' }), Type.String(), {
      description: 'Design token overrides: token name without the `--kk-` prefix → CSS value.',
    }),
    services: Type.Array(ServiceId),
    map: Type.Optional(
      Type.Object({
        tileUrl: Type.String({ description: 'Leaflet tile URL template, e.g. "https://karta.exempelstad.se/{z}/{x}/{y}.png".' }),
        attribution: Type.String(),
        center: Type.Tuple([Type.Number(), Type.Number()], { description: '[lat, long] where the map opens.' }),
        zoom: Type.Integer({ minimum: 1, maximum: 19 }),
      }),
    ),
  },
  { $id: 'KommunInfo' },
);
export type KommunInfo = Static<typeof KommunInfo>;
