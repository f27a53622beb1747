import { Type, type Static } from 'typebox';

/**
 * Felanmälan on Open311 GeoReport v2 (`/open311/v2/…`, `jurisdiction_id` = kommun id). Field
 * names follow the spec, snake_case included; kommunkit's additions are marked as extensions
 * and only appear with `extensions=true`, so a plain Open311 client sees a plain Open311 API.
 */

/** The status ladder a report climbs; Open311's `status` is its open/closed summary. */
export const reportStatuses = ['mottagen', 'under_utredning', 'atgard_planerad', 'atgardad', 'avslutad_utan_atgard', 'dubblett'] as const;
export type ReportStatus = (typeof reportStatuses)[number];
export const ReportStatus = Type.Union([
  Type.Literal('mottagen'),
  Type.Literal('under_utredning'),
  Type.Literal('atgard_planerad'),
  Type.Literal('atgardad'),
  Type.Literal('avslutad_utan_atgard'),
  Type.Literal('dubblett'),
]);
export const closedStatuses: readonly ReportStatus[] = ['atgardad', 'avslutad_utan_atgard', 'dubblett'];
export const open311Status = (status: ReportStatus): 'open' | 'closed' => (closedStatuses.includes(status) ? 'closed' : 'open');

export const Open311Service = Type.Object(
  {
    service_code: Type.String(),
    service_name: Type.String(),
    description: Type.String(),
    metadata: Type.Boolean({ description: 'True when the service has attributes (GET services/{code}).' }),
    type: Type.Union([Type.Literal('realtime'), Type.Literal('batch'), Type.Literal('blackbox')]),
    keywords: Type.String({ description: 'Comma-separated search words.' }),
    group: Type.String(),
    handoff_note: Type.Optional(Type.String({ description: 'Extension: where to turn instead, when the kommun does not handle this.' })),
  },
  { $id: 'Open311Service' },
);
export type Open311Service = Static<typeof Open311Service>;

export const Open311Attribute = Type.Object({
  variable: Type.Boolean(),
  code: Type.String(),
  datatype: Type.Union([
    Type.Literal('string'),
    Type.Literal('number'),
    Type.Literal('datetime'),
    Type.Literal('text'),
    Type.Literal('singlevaluelist'),
    Type.Literal('multivaluelist'),
  ]),
  required: Type.Boolean(),
  datatype_description: Type.String(),
  order: Type.Integer(),
  description: Type.String(),
  values: Type.Optional(Type.Array(Type.Object({ key: Type.String(), name: Type.String() }))),
});
export type Open311Attribute = Static<typeof Open311Attribute>;

export const Open311ServiceDefinition = Type.Object(
  { service_code: Type.String(), attributes: Type.Array(Open311Attribute) },
  { $id: 'Open311ServiceDefinition' },
);
export type Open311ServiceDefinition = Static<typeof Open311ServiceDefinition>;

export const StatusChange = Type.Object({
  status: ReportStatus,
  note: Type.Optional(Type.String()),
  at: Type.String({ format: 'date-time' }),
});
export type StatusChange = Static<typeof StatusChange>;

export const Open311ServiceRequest = Type.Object(
  {
    service_request_id: Type.String(),
    status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
    status_notes: Type.Optional(Type.String()),
    service_name: Type.String(),
    service_code: Type.String(),
    description: Type.Optional(Type.String()),
    agency_responsible: Type.Optional(Type.String()),
    service_notice: Type.Optional(Type.String()),
    requested_datetime: Type.String({ format: 'date-time' }),
    updated_datetime: Type.String({ format: 'date-time' }),
    expected_datetime: Type.Optional(Type.String({ format: 'date-time' })),
    address: Type.Optional(Type.String()),
    address_id: Type.Optional(Type.String()),
    zipcode: Type.Optional(Type.String()),
    lat: Type.Optional(Type.Number()),
    long: Type.Optional(Type.Number()),
    media_url: Type.Optional(Type.String()),
    extended_attributes: Type.Optional(
      Type.Object({
        detailed_status: ReportStatus,
        status_history: Type.Array(StatusChange),
        media_urls: Type.Array(Type.String()),
      }),
    ),
  },
  { $id: 'Open311ServiceRequest' },
);
export type Open311ServiceRequest = Static<typeof Open311ServiceRequest>;

export const Open311RequestCreated = Type.Array(
  Type.Object({
    service_request_id: Type.Optional(Type.String()),
    token: Type.Optional(Type.String()),
    service_notice: Type.Optional(Type.String()),
    account_id: Type.Optional(Type.String()),
  }),
  { $id: 'Open311RequestCreated' },
);
export type Open311RequestCreated = Static<typeof Open311RequestCreated>;

/** Open311's error body. `field` is an extension naming the request field at fault. */
export const Open311Errors = Type.Array(
  Type.Object({ code: Type.Integer(), description: Type.String(), field: Type.Optional(Type.String()) }),
  { $id: 'Open311Errors' },
);
export type Open311Errors = Static<typeof Open311Errors>;

/** The input rules (lengths, photo limits, phone and e-mail) live in the TypeBox-free `felanmalan-rules.ts`. */
export * from './felanmalan-rules.js';

/** A case worker's change of a report: the new status and a note the citizen can read. */
export const StatusUpdate = Type.Object(
  {
    status: ReportStatus,
    note: Type.Optional(Type.String({ maxLength: 2000, description: 'Public note, shown in the report\'s history.' })),
    expectedAt: Type.Optional(Type.String({ format: 'date-time', description: 'When the kommun expects to have fixed it.' })),
  },
  { $id: 'StatusUpdate', additionalProperties: false },
);
export type StatusUpdate = Static<typeof StatusUpdate>;

export const ReportParams = Type.Object({
  kommun: Type.String(),
  reference: Type.String({ pattern: '^[A-Z]{2,5}-\\d{4}-\\d{6}$' }),
});
