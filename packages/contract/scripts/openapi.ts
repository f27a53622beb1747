import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Type, type TObject, type TSchema } from 'typebox';
import { Problem, problemMediaType } from '../src/problem.js';
import { SlotTaken } from '../src/lokalbokning.js';
import { documentedSchema, open311Operations, type Open311Operation } from '../src/open311.js';
import { operations, type Operation } from '../src/operations.js';
import { clientHeader, idempotencyHeader, maxIdempotencyKeyLength } from '../src/routes.js';
import { isKeyAuthenticated, securitySchemes, type SecurityRequirement } from '../src/security.js';

export const openApiPath = fileURLToPath(new URL('../openapi.json', import.meta.url));

/** What each error status means on this API; every error is a Problem. */
const problemDescriptions: Record<number, string> = {
  400: 'The request is invalid: `errors` names each field that is wrong.',
  401: 'Not authenticated: no valid session or key.',
  403: 'Refused: not allowed, or the request did not come from one of the kommun\'s pages (`x-kommunkit-client` and `Origin`).',
  404: 'No such kommun, service or resource (or not the caller\'s).',
  409: 'In conflict with the current state: `detail` says why.',
  413: 'The request is too large.',
  415: 'The request\'s media type is not accepted.',
  422: 'The request cannot be carried out as it stands: a rule refused it (`detail` and `errors` say which), or its `Idempotency-Key` was already used for another request.',
  429: 'Too many requests: try again after `Retry-After` seconds.',
  503: 'A dependency is unavailable: try again after `Retry-After` seconds.',
};

/** The `$id` under which the Problem schema is a component. */
const { $id: problemId } = Problem as { $id?: string };
/** Problem with `alternatives`: createBooking's 409. */
const { $id: slotTakenId } = SlotTaken as { $id?: string };

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The gateway's CSRF rule (`installSecurity`): a write to a kommun's API path must carry the SDK's
 * header, unless the route takes nothing but a system's key.
 */
const csrfChecked = (method: string, url: string, security: readonly SecurityRequirement[]): boolean =>
  !safeMethods.has(method) && /^\/api\/v1\/:kommun(\/|$)/.test(url) && !isKeyAuthenticated(security);

const ClientHeader = Type.String({
  minLength: 1,
  description: `Required on every write from a browser, with an \`Origin\` on the kommun's list (otherwise a 403): @kommunkit/sdk sends \`sdk/<version>\`. A plain form or image cannot send it, and it makes the browser ask first (CORS preflight).`,
  examples: ['sdk/1.0.0'],
});
const IdempotencyKey = Type.String({
  minLength: 1,
  maxLength: maxIdempotencyKeyLength,
  pattern: '^[\\x21-\\x7e]+$',
  description: 'Makes the request safe to retry: a retry with the same key and the same content answers with the first result; the same key with other content is a 422. Visible ASCII, for example a UUID.',
  examples: ['3f1c2d9e-8a4b-4c6d-9e0f-1a2b3c4d5e6f'],
});

/**
 * What `openapi.json` shows of a route besides what Fastify validates: the headers that the
 * gateway's hooks check (a route schema with them would validate them a second time), and each
 * error as a reference to the one Problem schema, served as application/problem+json.
 */
function documented(method: string, url: string, schema: object): object {
  const { idempotencyKey, ...rest } = schema as Partial<Operation['schema']>;
  const { security, response } = rest;
  // Every operation says who may call it: a missing `security` is no public route by default.
  if (security === undefined) throw new Error(`${method} ${url}: no \`security\` (use \`publicRoute\` for a public route)`);
  const headers: Record<string, TSchema> = {};
  if (csrfChecked(method, url, security)) {
    if (!response?.[403]) throw new Error(`${method} ${url}: the gateway answers a write without \`${clientHeader}\` with 403, which its responses must list`);
    headers[clientHeader] = ClientHeader;
  }
  if (idempotencyKey) headers[idempotencyHeader] = Type.Optional(IdempotencyKey);
  const existing = (rest as { headers?: TObject }).headers;
  return {
    ...rest,
    ...(Object.keys(headers).length > 0 ? { headers: Type.Object({ ...existing?.properties, ...headers }) } : {}),
    ...(response
      ? {
          response: Object.fromEntries(
            Object.entries(response).map(([status, value]) => {
              if (value === SlotTaken) return [status, { description: 'The time was just taken: `alternatives` lists the nearest free times.', content: { [problemMediaType]: { schema: { $ref: `${slotTakenId}#` } } } }];
              if (value !== Problem) return [status, value];
              const description = problemDescriptions[Number(status)];
              if (!description) throw new Error(`${method} ${url}: no description of a ${status} problem in scripts/openapi.ts`);
              return [status, { description, content: { [problemMediaType]: { schema: { $ref: `${problemId}#` } } } }];
            }),
          ),
        }
      : {}),
  };
}

/** The keywords of a JSON Schema whose values are schemas, lists of schemas, or maps of schemas. */
const subschema = ['items', 'additionalItems', 'contains', 'not', 'if', 'then', 'else', 'additionalProperties', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties'];
const subschemaLists = ['items', 'prefixItems', 'anyOf', 'oneOf', 'allOf'];
const subschemaMaps = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];

/** A copy of a schema with `convert` applied to each of its direct subschemas. */
function mapSubschemas(schema: Record<string, unknown>, convert: (subschema: unknown) => unknown): Record<string, unknown> {
  const result: Record<string, unknown> = { ...schema };
  for (const key of subschema) if (key in result && !Array.isArray(result[key])) result[key] = convert(result[key]);
  for (const key of subschemaLists) if (Array.isArray(result[key])) result[key] = (result[key] as unknown[]).map(convert);
  for (const key of subschemaMaps) {
    const map = result[key];
    if (typeof map === 'object' && map !== null) result[key] = Object.fromEntries(Object.entries(map).map(([name, value]) => [name, convert(value)]));
  }
  return result;
}

const isSchemaObject = (schema: unknown): schema is Record<string, unknown> => typeof schema === 'object' && schema !== null && !Array.isArray(schema);

/**
 * TypeBox writes tuples in draft 7's words (`items: [...]`, `additionalItems`), which is what
 * Fastify's Ajv validates; an OpenAPI 3.1 document speaks JSON Schema 2020-12 (`prefixItems`,
 * `items` for the rest). Rewrites a schema, and every schema in it, into the latter.
 */
export function toJsonSchema2020(schema: unknown): unknown {
  if (!isSchemaObject(schema)) return schema;
  const result = mapSubschemas(schema, toJsonSchema2020);
  if (!Array.isArray(result.items)) return result;
  const { items, additionalItems, ...others } = result;
  return { ...others, prefixItems: items, ...(additionalItems === undefined ? {} : { items: additionalItems }) };
}

/**
 * A schema that is a component (it has an `$id`) is referenced wherever it appears, not written
 * out again: @fastify/swagger inlines those nested in a component (FieldError in Problem).
 */
function referencingComponents(components: Record<string, unknown>): (schema: unknown) => unknown {
  const names = new Map(Object.entries(components).map(([name, schema]) => [JSON.stringify(schema), name]));
  const nested = (schema: unknown): unknown => {
    if (!isSchemaObject(schema)) return schema;
    const name = names.get(JSON.stringify(schema));
    return name === undefined ? mapSubschemas(schema, nested) : { $ref: `#/components/schemas/${name}` };
  };
  return nested;
}

interface Media {
  schema?: unknown;
}
interface OpenApiOperation {
  parameters?: { schema?: unknown }[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media>; headers?: Record<string, Media> }>;
}
interface OpenApiDocument {
  components: { schemas: Record<string, unknown> };
  paths: Record<string, Record<string, OpenApiOperation>>;
}

/**
 * Applies `convert` to every schema the document holds: parameters, bodies, responses, and the
 * components (to the schemas in each, with `inComponents`).
 */
function everySchema(document: OpenApiDocument, convert: (schema: unknown) => unknown, inComponents = convert): OpenApiDocument {
  const media = (content: Record<string, Media> | undefined) => {
    for (const entry of Object.values(content ?? {})) if (entry.schema !== undefined) entry.schema = convert(entry.schema);
  };
  for (const [name, schema] of Object.entries(document.components.schemas)) document.components.schemas[name] = inComponents(schema);
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      for (const parameter of operation.parameters ?? []) if (parameter.schema !== undefined) parameter.schema = convert(parameter.schema);
      media(operation.requestBody?.content);
      for (const response of Object.values(operation.responses)) {
        media(response.content);
        media(response.headers);
      }
    }
  }
  return document;
}

/**
 * Builds the OpenAPI 3.1 document with @fastify/swagger from the same operation definitions
 * the gateway registers, so the document describes exactly what the gateway validates (and, for
 * Open311, also what its handlers check themselves).
 */
export async function buildOpenApi(
  sources: { operations: Record<string, Operation>; open311Operations: Record<string, Open311Operation> } = { operations, open311Operations },
): Promise<unknown> {
  const app = Fastify({ logger: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'kommunkit gateway',
        version: '1',
        description:
          'Contract between kommunkit widgets (through @kommunkit/sdk) and a kommunkit gateway. Errors are RFC 9457 problem details (application/problem+json). A browser\'s state-changing requests must carry the `x-kommunkit-client` header and come from one of the kommun\'s allowed origins; systems authenticate with a key instead (each operation\'s `security` says how it is called).',
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      servers: [
        {
          url: '{gateway}',
          description: 'A kommun\'s kommunkit gateway: every kommun (or group of kommuner) runs its own.',
          variables: { gateway: { default: 'http://localhost:8080', description: 'The gateway\'s origin (the reference gateway listens on port 8080 unless `PORT` says otherwise).' } },
        },
      ],
      components: { securitySchemes: structuredClone(securitySchemes) },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${String(i)}`) },
    transform: ({ schema, url, route }) => ({ schema: documented(String(route.method), url, schema), url }),
  });
  app.addSchema(Problem);
  app.addSchema(SlotTaken);
  for (const operation of Object.values(sources.operations)) {
    app.route({ ...operation, handler: () => null });
  }
  // Open311's query, body and responses are documentation only: the gateway's handlers check them
  // and serialise themselves, so the gateway registers `schema` alone (see `open311.ts`).
  for (const operation of Object.values(sources.open311Operations)) {
    app.route({ method: operation.method, url: operation.url, schema: documentedSchema(operation), handler: () => null });
  }
  await app.ready();
  const document = app.swagger();
  await app.close();
  const converted = everySchema(JSON.parse(JSON.stringify(document)) as OpenApiDocument, toJsonSchema2020);
  const reference = referencingComponents(converted.components.schemas);
  return everySchema(converted, reference, (component) => (isSchemaObject(component) ? mapSubschemas(component, reference) : component));
}

export const serialize = (document: unknown): string => `${JSON.stringify(document, null, 2)}\n`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(openApiPath, serialize(await buildOpenApi()));
  console.log(`Wrote ${openApiPath}`);
}
