import { Type, type TSchema } from 'typebox';
import { Open311Errors, Open311RequestCreated, Open311Service, Open311ServiceDefinition, Open311ServiceRequest } from './felanmalan.js';
import {
  maxAddressLength,
  maxAttributeLength,
  maxDescriptionLength,
  maxEmailLength,
  maxNameLength,
  maxPhoneLength,
  maxPhotoBytes,
  maxPhotos,
} from './felanmalan-rules.js';
import { clientHeader, idempotencyHeader } from './routes.js';
import { open311Write, publicRoute, type SecurityRequirement } from './security.js';

/**
 * Felanmälan's Open311 GeoReport v2 routes (http://wiki.open311.org/GeoReport_v2), described
 * like `operations` but in a table of their own: the SDK and the contract's bad-input tests
 * build calls from `operations`, and Open311 is a public API with its own rules (a `.json` or
 * `.xml` suffix, `jurisdiction_id` naming the kommun, form bodies, `[{code, description}]` errors).
 *
 * Each operation has two parts:
 * - `schema`: what the gateway registers and validates before the handler runs (the suffix);
 * - `documentation`: what `openapi.json` shows besides, but Fastify never sees. The handler
 *   checks the query and the form itself and answers in Open311's words, and it sends
 *   pre-serialised JSON or XML, which a response schema would re-serialise.
 */

export const open311Base = '/open311/v2';

export interface Open311Operation {
  method: 'GET' | 'POST';
  /** Fastify-style path under `open311Base`: `:name` segments, also before a suffix (`:code.:format`). */
  url: string;
  schema: {
    operationId: string;
    summary: string;
    description?: string;
    tags: string[];
    /** Who may call it (see `security.ts`): the reads are public. */
    security: readonly SecurityRequirement[];
    params: TSchema;
  };
  documentation: {
    querystring?: TSchema;
    headers?: TSchema;
    /** By content type: `{ content: { 'application/x-www-form-urlencoded': { schema }, … } }`. */
    body?: { content: Record<string, { schema: TSchema }> };
    /** By status; each either a schema or `{ description, content: { type: { schema } } }`. */
    response: Record<number, TSchema | Open311Response>;
  };
}

export interface Open311Response {
  description: string;
  content: Record<string, { schema: TSchema }>;
}

/** The whole description of an Open311 operation, as `openapi.json` shows it. */
export const documentedSchema = (operation: Open311Operation): Record<string, unknown> => ({ ...operation.schema, ...operation.documentation });

/** The resource suffix. Validated by the gateway (the same `enum` as before the contract described it). */
const Format = Type.Unsafe<'json' | 'xml'>({
  type: 'string',
  enum: ['json', 'xml'],
  description: 'The answer\'s format: `json` (application/json) or `xml` (text/xml). Errors come in the same format.',
});

const jurisdictionId = Type.String({ description: 'The kommun\'s id (for example `exempelstad`). A kommun without felanmälan is a 404.', examples: ['exempelstad'] });
const extensions = Type.String({
  description: 'Extension: `true` adds `extended_attributes` (the detailed status, its history and every photo\'s URL). Any other value is the plain Open311 answer.',
  examples: ['true'],
});
const apiKeyText = 'One of the kommun\'s Open311 API keys; not needed from one of the kommun\'s pages (`Origin` and the SDK\'s header).';

const OnlyJurisdiction = Type.Object({ jurisdiction_id: jurisdictionId });

/** GET requests: every parameter is a string the handler reads itself; unknown ones (an `api_key`) are ignored, and so is one given empty (`status=`). */
const RequestsQuery = Type.Object({
  jurisdiction_id: jurisdictionId,
  service_request_id: Type.Optional(Type.String({ description: 'Comma-separated report numbers; the other filters are ignored by Open311 clients but applied here.' })),
  service_code: Type.Optional(Type.String({ description: 'Comma-separated service codes.' })),
  start_date: Type.Optional(Type.String({ description: 'ISO 8601, years 1970–9999, for example `2026-11-01T00:00:00+01:00`: reports filed then or later.' })),
  end_date: Type.Optional(Type.String({ description: 'ISO 8601: reports filed then or earlier. At most 90 days after `start_date`.' })),
  status: Type.Optional(Type.String({ description: 'Comma-separated `open` and/or `closed`.' })),
  lat: Type.Optional(Type.String({ description: 'Latitude (WGS84, −90 to 90); with `long`, reports within `radius` of the point.' })),
  long: Type.Optional(Type.String({ description: 'Longitude (WGS84, −180 to 180).' })),
  radius: Type.Optional(Type.String({ description: 'Metres around `lat`/`long`; 200 unless given, at most 5000.' })),
  page_size: Type.Optional(Type.String({ description: 'How many reports, newest first: 50 unless given, 1–200.' })),
  extensions: Type.Optional(extensions),
});

const ExtensionsQuery = Type.Object({ jurisdiction_id: jurisdictionId, extensions: Type.Optional(extensions) });

/** A new report's `jurisdiction_id` and `api_key`: in the form, as GeoReport v2 lists them, or in the query. */
const inFormOrQuery =
  'in the form (as GeoReport v2 lists it) or in the query string; given in both, the two must be the same (otherwise a 400 naming the field). Empty is the same as not given.';
const postJurisdictionId = Type.String({
  description: `The kommun's id (for example \`exempelstad\`); a kommun without felanmälan is a 404. Required, ${inFormOrQuery}`,
  examples: ['exempelstad'],
});
const postApiKey = Type.String({ description: `${apiKeyText} Optional, ${inFormOrQuery}` });

const CreateQuery = Type.Object({ jurisdiction_id: Type.Optional(postJurisdictionId), api_key: Type.Optional(postApiKey) });

const CreateHeaders = Type.Object({
  [idempotencyHeader]: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'A retry with the same key and the same form answers with the report already filed; the same key with another form is a 422.',
    }),
  ),
  [clientHeader]: Type.Optional(Type.String({ description: 'Sent by @kommunkit/sdk: with an `Origin` of the kommun\'s, no `api_key` is needed.' })),
});

/** The fields of a new report (`report-input.ts` in the gateway reads them); every value is text, as in any form. */
const reportFields = {
  jurisdiction_id: Type.Optional(postJurisdictionId),
  service_code: Type.String({ description: 'The service (category) the problem is about.' }),
  description: Type.String({ maxLength: maxDescriptionLength, description: 'What is wrong.' }),
  lat: Type.Optional(Type.String({ description: 'Latitude (WGS84) in Sweden, with `long`. A place is required: `lat` and `long`, `address_string` or `address_id`.' })),
  long: Type.Optional(Type.String({ description: 'Longitude (WGS84) in Sweden, with `lat`.' })),
  address_string: Type.Optional(Type.String({ maxLength: maxAddressLength, description: 'The place in words.' })),
  address_id: Type.Optional(Type.String({ description: 'The place as an id in the kommun\'s address register.' })),
  first_name: Type.Optional(Type.String({ maxLength: maxNameLength })),
  last_name: Type.Optional(Type.String({ maxLength: maxNameLength })),
  email: Type.Optional(Type.String({ maxLength: maxEmailLength, description: 'An e-mail address, for example `namn@exempel.se`.' })),
  phone: Type.Optional(Type.String({ maxLength: maxPhoneLength, description: 'A phone number with digits, for example `070-123 45 67`.' })),
  device_id: Type.Optional(Type.String()),
  account_id: Type.Optional(Type.String()),
  api_key: Type.Optional(postApiKey),
};
/** `attribute[CODE]` answers a question of the service's (GET services/{service_code}); `attribute[CODE][]` once per value of a multivaluelist. */
const attributeFields = {
  patternProperties: {
    '^attribute\\[[^\\]]+\\](\\[\\])?$': Type.String({
      description: `\`attribute[CODE]\`: the answer to the service's question CODE (GET services/{service_code}), at most ${String(maxAttributeLength)} characters; \`attribute[CODE][]\`, repeated, for a multivaluelist. An unknown CODE is refused; other unknown fields are ignored.`,
    }),
  },
};

const FormReport = Type.Object(reportFields, { ...attributeFields, description: 'A new report as a form.' });
const MultipartReport = Type.Object(
  {
    ...reportFields,
    media: Type.Optional(
      Type.Array(Type.String({ contentMediaType: 'application/octet-stream' }), {
        maxItems: maxPhotos,
        description: `Extension: up to ${String(maxPhotos)} photos in parts named \`media\`, JPEG, PNG, WebP or HEIC, at most ${String(maxPhotoBytes / 1024 / 1024)} MB each; stored as JPEG without metadata.`,
      }),
    ),
  },
  { ...attributeFields, description: 'A new report as multipart/form-data, with photos.' },
);

export const Open311Discovery = Type.Object(
  {
    changeset: Type.String({ format: 'date-time' }),
    contact: Type.String(),
    key_service: Type.String(),
    endpoints: Type.Array(
      Type.Object({
        specification: Type.String(),
        url: Type.String(),
        changeset: Type.String({ format: 'date-time' }),
        type: Type.Union([Type.Literal('production'), Type.Literal('test')]),
        formats: Type.Array(Type.String()),
      }),
    ),
  },
  { $id: 'Open311Discovery' },
);

/** An Open311 XML document as text, with its root element and an example. */
const xml = (root: string, example: string) =>
  Type.String({ description: `Open311 XML: \`<${root}>\`, one element per item, lists in their plural element.`, examples: [`<?xml version="1.0" encoding="utf-8"?>${example}`] });

/** A resource in both formats: the suffix chooses. */
const inBothFormats = (description: string, json: TSchema, xmlText: TSchema): Open311Response => ({
  description,
  content: { 'application/json': { schema: json }, 'text/xml': { schema: xmlText } },
});

const ErrorsXml = xml('errors', '<errors><error><code>400</code><description>Ange jurisdiction_id (kommunens id).</description><field>jurisdiction_id</field></error></errors>');
const errors = (...statuses: number[]): Record<number, Open311Response> =>
  Object.fromEntries(statuses.map((status) => [status, inBothFormats('Open311 errors: `[{code, description, field}]` (`field` is an extension)', Open311Errors, ErrorsXml)]));

const RequestsXml = xml(
  'service_requests',
  '<service_requests><request><service_request_id>EXS-2026-000123</service_request_id><status>open</status><service_name>Gatubelysning</service_name><service_code>gatubelysning</service_code>…</request></service_requests>',
);
const ServiceRequests = Type.Array(Open311ServiceRequest);

const tags = ['open311'];

/** Every Open311 route of the gateway; it registers its handlers on these, and `openapi.json` shows them. */
export const open311Operations = {
  discovery: {
    method: 'GET',
    url: `${open311Base}/discovery.:format`,
    schema: {
      operationId: 'open311Discovery',
      summary: 'Open311 discovery: the endpoint, its specification and formats',
      tags,
      security: publicRoute,
      params: Type.Object({ format: Format }),
    },
    documentation: {
      response: {
        200: inBothFormats(
          'The endpoints',
          Open311Discovery,
          xml('discovery', '<discovery><changeset>2026-11-23T00:00:00Z</changeset>…<endpoints><endpoint>…<formats><format>application/json</format><format>text/xml</format></formats></endpoint></endpoints></discovery>'),
        ),
        ...errors(400),
      },
    },
  },
  services: {
    method: 'GET',
    url: `${open311Base}/services.:format`,
    schema: {
      operationId: 'open311Services',
      summary: "The kommun's felanmälan categories as Open311 services",
      tags,
      security: publicRoute,
      params: Type.Object({ format: Format }),
    },
    documentation: {
      querystring: OnlyJurisdiction,
      response: {
        200: inBothFormats(
          'The services',
          Type.Array(Open311Service),
          xml('services', '<services><service><service_code>gatubelysning</service_code><service_name>Gatubelysning</service_name>…</service></services>'),
        ),
        ...errors(400, 404),
      },
    },
  },
  serviceDefinition: {
    method: 'GET',
    url: `${open311Base}/services/:service_code.:format`,
    schema: {
      operationId: 'open311ServiceDefinition',
      summary: "A service's questions (attributes)",
      tags,
      security: publicRoute,
      params: Type.Object({ service_code: Type.String(), format: Format }),
    },
    documentation: {
      querystring: OnlyJurisdiction,
      response: {
        200: inBothFormats(
          'The service definition',
          Open311ServiceDefinition,
          xml('service_definition', '<service_definition><service_code>gatubelysning</service_code><attributes><attribute><code>lamp_number</code>…<values><value>…</value></values></attribute></attributes></service_definition>'),
        ),
        ...errors(400, 404),
      },
    },
  },
  requests: {
    method: 'GET',
    url: `${open311Base}/requests.:format`,
    schema: {
      operationId: 'open311Requests',
      summary: 'Reports filed with the kommun, newest first',
      description: 'An optional parameter given empty (`status=`) is the same as one not given; `jurisdiction_id` given empty is a 400.',
      tags,
      security: publicRoute,
      params: Type.Object({ format: Format }),
    },
    documentation: {
      querystring: RequestsQuery,
      response: { 200: inBothFormats('The reports', ServiceRequests, RequestsXml), ...errors(400, 404) },
    },
  },
  request: {
    method: 'GET',
    url: `${open311Base}/requests/:service_request_id.:format`,
    schema: {
      operationId: 'open311Request',
      summary: 'One report (a list of one, as Open311 has it), its status brought up to date from a forwarding target',
      tags,
      security: publicRoute,
      params: Type.Object({ service_request_id: Type.String({ examples: ['EXS-2026-000123'] }), format: Format }),
    },
    documentation: {
      querystring: ExtensionsQuery,
      response: { 200: inBothFormats('The report', ServiceRequests, RequestsXml), ...errors(400, 404) },
    },
  },
  token: {
    method: 'GET',
    url: `${open311Base}/tokens/:token.:format`,
    schema: {
      operationId: 'open311Token',
      summary: 'Open311 tokens: always a 404, since every report gets its number at once',
      tags,
      security: publicRoute,
      params: Type.Object({ token: Type.String(), format: Format }),
    },
    documentation: {
      querystring: OnlyJurisdiction,
      response: errors(400, 404),
    },
  },
  media: {
    method: 'GET',
    url: `${open311Base}/media/:id.jpg`,
    schema: {
      operationId: 'open311Media',
      summary: "A report's photo (the `media_url`), as JPEG without metadata",
      tags,
      security: publicRoute,
      params: Type.Object({ id: Type.String() }),
    },
    documentation: {
      querystring: OnlyJurisdiction,
      response: {
        200: { description: 'The photo', content: { 'image/jpeg': { schema: Type.String({ contentMediaType: 'image/jpeg' }) } } },
        400: { description: 'Open311 errors', content: { 'application/json': { schema: Open311Errors } } },
        404: { description: 'Open311 errors', content: { 'application/json': { schema: Open311Errors } } },
      },
    },
  },
  createRequest: {
    method: 'POST',
    url: `${open311Base}/requests.:format`,
    schema: {
      operationId: 'open311CreateRequest',
      summary: 'File a report, from a page of the kommun (its `Origin` and the SDK\'s header) or with an `api_key`',
      description: `As a form (application/x-www-form-urlencoded, at most 64 kB) or as multipart/form-data with up to ${String(maxPhotos)} photos in \`media\`. Every problem with the form is answered at once, each naming its field. A report gets its number at once (no token).`,
      tags,
      security: open311Write,
      params: Type.Object({ format: Format }),
    },
    documentation: {
      querystring: CreateQuery,
      headers: CreateHeaders,
      body: { content: { 'application/x-www-form-urlencoded': { schema: FormReport }, 'multipart/form-data': { schema: MultipartReport } } },
      response: {
        201: inBothFormats(
          'The report was filed',
          Open311RequestCreated,
          xml('service_requests', '<service_requests><request><service_request_id>EXS-2026-000123</service_request_id><service_notice>Tack! Din felanmälan har nummer EXS-2026-000123.</service_notice></request></service_requests>'),
        ),
        ...errors(400, 403, 404, 413, 415, 422, 429),
      },
    },
  },
} as const satisfies Record<string, Open311Operation>;

export type Open311OperationId = keyof typeof open311Operations;
