import { Type, type Static } from 'typebox';
import { maxDescriptionLength } from './felanmalan-rules.js';

/**
 * Felanmälan on Open311 GeoReport v2 (`/open311/v2/…`, `jurisdiction_id` = kommun id). Field
 * names follow the spec, snake_case included; kommunkit's additions are marked as extensions
 * and only appear with `extensions=true`, so a plain Open311 client sees a plain Open311 API.
 */

/** The status ladder a report climbs; Open311's `status` is its open/closed summary. */
export const reportStatuses = ['mottagen', 'under_utredning', 'atgard_planerad', 'atgardad', 'avslutad_utan_atgard', 'dubblett', 'aterkallad'] as const;
export type ReportStatus = (typeof reportStatuses)[number];
export const ReportStatus = Type.Union([
  Type.Literal('mottagen'),
  Type.Literal('under_utredning'),
  Type.Literal('atgard_planerad'),
  Type.Literal('atgardad'),
  Type.Literal('avslutad_utan_atgard'),
  Type.Literal('dubblett'),
  Type.Literal('aterkallad', { description: 'Withdrawn by the citizen who filed it (closed).' }),
]);
export const closedStatuses: readonly ReportStatus[] = ['atgardad', 'avslutad_utan_atgard', 'dubblett', 'aterkallad'];
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
    edit_token: Type.Optional(
      Type.String({ description: 'Extension, only to a page of the kommun (its `Origin` and the SDK\'s header): the secret for `x-kommunkit-edit-token`, given once.' }),
    ),
    editable_until: Type.Optional(Type.String({ format: 'date-time', description: 'Extension, with `edit_token`: until when the report can be edited or withdrawn.' })),
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
export * from './geo-rules.js';

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

/**
 * The geocoder: the kommun's address register (in development a seeded list). Citizens see a
 * place as an address, never as raw coordinates.
 */
export const Address = Type.Object(
  {
    label: Type.String({ description: 'The address as a citizen reads it, e.g. "Storgatan 12".' }),
    lat: Type.Number(),
    long: Type.Number(),
  },
  { $id: 'Address' },
);
export type Address = Static<typeof Address>;

export const AddressList = Type.Object({ items: Type.Array(Address, { maxItems: 10, description: 'Best first.' }) }, { $id: 'AddressList' });
export type AddressList = Static<typeof AddressList>;

export const NearestAddress = Type.Object(
  { ...Address.properties, distance: Type.Number({ minimum: 0, description: 'Metres from the point asked about.' }) },
  { $id: 'NearestAddress' },
);
export type NearestAddress = Static<typeof NearestAddress>;

export const AddressSearchQuery = Type.Object(
  { q: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description: 'What the citizen typed, e.g. "storgatan 1".' }) },
  { additionalProperties: false },
);

export const PointQuery = Type.Object(
  {
    lat: Type.Number({ minimum: -90, maximum: 90, description: 'WGS84 latitude.' }),
    long: Type.Number({ minimum: -180, maximum: 180, description: 'WGS84 longitude.' }),
  },
  { additionalProperties: false },
);

export const ReportParams = Type.Object({
  kommun: Type.String(),
  reference: Type.String({ pattern: '^[A-Z]{2,5}-\\d{4}-\\d{6}$' }),
});

/**
 * A citizen's own report, as the citizen API answers it (`getMyReport`, `listMyReports`): what
 * they filed, its status and history. Contact details stay with the kommun.
 */
export const MyReport = Type.Object(
  {
    reference: Type.String({ examples: ['EXS-2026-000123'] }),
    serviceCode: Type.String(),
    serviceName: Type.String(),
    status: ReportStatus,
    description: Type.String(),
    address: Type.Union([Type.String(), Type.Null()], { description: 'The place in words, when the citizen gave one.' }),
    lat: Type.Union([Type.Number(), Type.Null()]),
    long: Type.Union([Type.Number(), Type.Null()]),
    requestedAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    history: Type.Array(StatusChange, { description: 'Oldest first.' }),
    editableUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
      description: 'Until when the description can be changed or the report withdrawn; null once that is no longer possible.',
    }),
  },
  { $id: 'MyReport' },
);
export type MyReport = Static<typeof MyReport>;

export const MyReports = Type.Object({ items: Type.Array(MyReport, { description: 'Newest first.' }) }, { $id: 'MyReports' });
export type MyReports = Static<typeof MyReports>;

/** What filing through the citizen API answers: the reference number, the kommun's notice and, once, the secret for editing. */
export const MyReportCreated = Type.Object(
  {
    reference: Type.String({ examples: ['EXS-2026-000123'] }),
    notice: Type.String(),
    editableUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'Until when it can be edited or withdrawn; null when the kommun allows neither.' }),
    editToken: Type.Optional(
      Type.String({ description: 'The secret for `x-kommunkit-edit-token`, given only here (a repeat of the request gets none); absent when the kommun allows no edits.' }),
    ),
  },
  { $id: 'MyReportCreated' },
);
export type MyReportCreated = Static<typeof MyReportCreated>;

export const MyReportDescription = Type.Object(
  { description: Type.String({ maxLength: maxDescriptionLength, description: 'The corrected description, checked as when filing.' }) },
  { $id: 'MyReportDescription', additionalProperties: false },
);
export type MyReportDescription = Static<typeof MyReportDescription>;
