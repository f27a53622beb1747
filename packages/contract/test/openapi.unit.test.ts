import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApi, openApiPath, serialize, toJsonSchema2020 } from '../scripts/openapi.js';
import { embeddingRoutes } from '../src/embedding-routes.js';
import { open311Base, open311Operations } from '../src/open311.js';
import { operations, type Operation } from '../src/operations.js';

describe('openapi.json', () => {
  it('is what the schemas generate (run `pnpm --filter @kommunkit/contract openapi` after changing them)', async () => {
    expect(readFileSync(openApiPath, 'utf8')).toBe(serialize(await buildOpenApi()));
  });

  it('is OpenAPI 3.1 with the kommun in every citizen-facing path (the embedding check names it in its query)', async () => {
    type Parameter = { in: string; name: string; required: boolean };
    const document = (await buildOpenApi()) as { openapi: string; paths: Record<string, { get?: { parameters: Parameter[] } }> };
    expect(document.openapi).toBe('3.1.0');
    const check = embeddingRoutes.checkEmbedding.url;
    const apiPaths = Object.keys(document.paths).filter((path) => path.startsWith('/api/') && path !== check);
    expect(apiPaths.length).toBeGreaterThan(3);
    for (const path of apiPaths) expect(path).toMatch(/^\/api\/v1\/\{kommun\}/);
    expect(document.paths[check]?.get?.parameters).toContainEqual(expect.objectContaining({ in: 'query', name: 'kommun', required: true }));
  });

  it('has every Open311 GeoReport v2 route under /open311/v2/, in both formats', async () => {
    type Content = Record<string, { schema?: unknown }>;
    type Method = {
      operationId: string;
      parameters: { in: string; name: string; required: boolean; schema: { enum?: string[] } }[];
      requestBody?: { content: Content };
      responses: Record<string, { content?: Content }>;
    };
    const document = (await buildOpenApi()) as { paths: Record<string, Record<string, Method>> };
    const open311Paths = Object.keys(document.paths).filter((path) => path.startsWith(`${open311Base}/`));
    expect(open311Paths.sort()).toEqual(
      [
        '/open311/v2/discovery.{format}',
        '/open311/v2/services.{format}',
        '/open311/v2/services/{service_code}.{format}',
        '/open311/v2/requests.{format}',
        '/open311/v2/requests/{service_request_id}.{format}',
        '/open311/v2/tokens/{token}.{format}',
        '/open311/v2/media/{id}.jpg',
      ].sort(),
    );
    for (const operation of Object.values(open311Operations)) {
      const path = operation.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      const method = document.paths[path]?.[operation.method.toLowerCase()];
      expect(method?.operationId, `${operation.method} ${path}`).toBe(operation.schema.operationId);
      if (!path.includes('{format}')) continue;
      expect(method!.parameters.find((parameter) => parameter.in === 'path' && parameter.name === 'format')?.schema.enum).toEqual(['json', 'xml']);
      for (const [status, response] of Object.entries(method!.responses)) expect(Object.keys(response.content ?? {}), `${path} ${status}`).toEqual(['application/json', 'text/xml']);
      if (path !== '/open311/v2/discovery.{format}') {
        // A POST may carry it in its body instead, as GeoReport v2 lists it among the POST arguments.
        const post = operation.method === 'POST';
        expect(method!.parameters).toContainEqual(expect.objectContaining({ in: 'query', name: 'jurisdiction_id', required: !post }));
        if (post) for (const body of Object.values(method!.requestBody!.content)) expect(body.schema).toMatchObject({ properties: { jurisdiction_id: { type: 'string' } } });
      }
    }
    const list = document.paths['/open311/v2/requests.{format}']!;
    const query = list.get!.parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name);
    expect(query).toEqual(expect.arrayContaining(['service_request_id', 'service_code', 'start_date', 'end_date', 'status', 'lat', 'long', 'radius', 'page_size', 'extensions']));
    const bodies = list.post!.requestBody!.content;
    expect(Object.keys(bodies)).toEqual(['application/x-www-form-urlencoded', 'multipart/form-data']);
    expect(bodies['multipart/form-data']!.schema).toMatchObject({ properties: { media: { type: 'array', maxItems: 3 } } });
    expect(list.post!.responses['201']).toBeDefined();
  });
});

describe('openapi.json says how to call each operation', () => {
  interface Parameter {
    in: string;
    name: string;
    required: boolean;
    schema: Record<string, unknown>;
  }
  interface Method {
    operationId: string;
    security?: Record<string, string[]>[];
    parameters?: Parameter[];
    responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
  }
  interface Document {
    servers: { url: string; variables?: Record<string, { default: string }> }[];
    components: { securitySchemes: Record<string, { type: string; in?: string; name?: string; scheme?: string }>; schemas: Record<string, unknown> };
    paths: Record<string, Record<string, Method>>;
  }
  let document: Document;
  beforeAll(async () => {
    document = (await buildOpenApi()) as Document;
  });
  const every = () => Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ path, method, operation })));
  const byId = (id: string) => every().find(({ operation }) => operation.operationId === id)!;
  const header = (id: string, name: string) => byId(id).operation.parameters?.find((parameter) => parameter.in === 'header' && parameter.name === name);

  it('names a server whose address the reader fills in', () => {
    expect(document.servers).toHaveLength(1);
    expect(document.servers[0]).toMatchObject({ url: '{gateway}', variables: { gateway: { default: 'http://localhost:8080' } } });
  });

  it('declares the credentials the gateway checks, and each operation names its own (public ones none)', () => {
    expect(document.components.securitySchemes).toMatchObject({
      session: { type: 'apiKey', in: 'cookie', name: 'kk_session' },
      editToken: { type: 'apiKey', in: 'header', name: 'x-kommunkit-edit-token' },
      caseWorkerKey: { type: 'http', scheme: 'bearer' },
      open311ApiKey: { type: 'apiKey', in: 'query', name: 'api_key' },
    });
    for (const { path, method, operation } of every()) {
      expect(operation.security, `${method} ${path}`).toBeInstanceOf(Array);
      for (const requirement of operation.security!) for (const name of Object.keys(requirement)) expect(document.components.securitySchemes, `${method} ${path}`).toHaveProperty(name);
    }
    expect(byId('getKommun').operation.security).toEqual([]);
    expect(byId('open311Requests').operation.security).toEqual([]);
    expect(byId('saveDraft').operation.security).toEqual([{ session: [] }]);
    expect(byId('editMyReport').operation.security).toEqual([{ session: [] }, { editToken: [] }]);
    expect(byId('updateReportStatus').operation.security).toEqual([{ caseWorkerKey: [] }]);
    expect(byId('open311CreateRequest').operation.security).toEqual([{ open311ApiKey: [] }, {}]);
  });

  it('requires x-kommunkit-client on every browser write to /api/, not on reads or on the case workers\' and finance system\'s key-only calls', () => {
    for (const { path, method, operation } of every().filter(({ path }) => path.startsWith('/api/'))) {
      const keyOnly = operation.security?.every((requirement) => ['caseWorkerKey', 'financeKey'].includes(Object.keys(requirement).join())) === true && operation.security.length > 0;
      const write = method !== 'get';
      expect(header(operation.operationId, 'x-kommunkit-client')?.required ?? false, `${method} ${path}`).toBe(write && !keyOnly);
      if (write && !keyOnly) expect(operation.responses, `${method} ${path}`).toHaveProperty('403');
    }
    expect(header('logout', 'x-kommunkit-client')).toMatchObject({ required: true, schema: { type: 'string', minLength: 1 } });
    expect(header('issueApiKey', 'x-kommunkit-client')).toBeUndefined();
  });

  it('documents the Idempotency-Key where the gateway honours it', () => {
    expect(header('createMyReport', 'idempotency-key')).toMatchObject({ required: false, schema: { maxLength: 200, pattern: '^[\\x21-\\x7e]+$' } });
    expect(header('open311CreateRequest', 'idempotency-key')).toMatchObject({ required: false });
    expect(header('saveDraft', 'idempotency-key')).toBeUndefined();
  });

  it('answers every error of the kommunkit API as application/problem+json, by reference to the one Problem schema', () => {
    let errors = 0;
    for (const { path, method, operation } of every().filter(({ path }) => !path.startsWith(`${open311Base}/`))) {
      for (const [status, response] of Object.entries(operation.responses).filter(([status]) => Number(status) >= 400)) {
        if (path === '/ready' && status === '503') continue; // the readiness report itself
        if (operation.operationId === 'createBooking' && status === '409') {
          // The one problem with more in it: the nearest free times.
          expect(response.content).toEqual({ 'application/problem+json': { schema: { $ref: '#/components/schemas/SlotTaken' } } });
          expect(document.components.schemas.SlotTaken).toMatchObject({ properties: { type: { type: 'string' }, alternatives: { type: 'array' } } });
          continue;
        }
        expect(response.content, `${method} ${path} ${status}`).toEqual({ 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } });
        errors += 1;
      }
    }
    expect(errors).toBeGreaterThan(40);
    expect(document.components.schemas.Problem).toMatchObject({ properties: { errors: { items: { $ref: '#/components/schemas/FieldError' } } } });
    expect(serialize(document)).not.toContain('"additionalItems"');
  });

  it('writes tuples as JSON Schema 2020-12 does (prefixItems)', () => {
    const kommun = byId('getKommun').operation.responses['200']!.content!['application/json']!.schema as { properties: { map: { properties: { center: unknown } } } };
    expect(kommun.properties.map.properties.center).toMatchObject({ type: 'array', prefixItems: [{ type: 'number' }, { type: 'number' }], items: false, minItems: 2 });
    expect(toJsonSchema2020({ type: 'array', items: [{ type: 'string' }], additionalItems: { type: 'number' } })).toEqual({ type: 'array', prefixItems: [{ type: 'string' }], items: { type: 'number' } });
    expect(toJsonSchema2020({ type: 'object', properties: { items: { type: 'array', items: { type: 'string' } } } })).toEqual({ type: 'object', properties: { items: { type: 'array', items: { type: 'string' } } } });
  });

  it('refuses an operation that does not say who may call it, or a browser write without its 403', async () => {
    const draft = operations.saveDraft as Operation;
    const sources = (extra: Operation) => ({ operations: { ...operations, extra } as Record<string, Operation>, open311Operations });
    const { security: _security, ...unsaid } = draft.schema;
    await expect(buildOpenApi(sources({ ...draft, url: '/api/v1/:kommun/extra', schema: { ...unsaid, operationId: 'extra' } as Operation['schema'] }))).rejects.toThrow(/no `security`/);
    await expect(buildOpenApi(sources({ ...draft, url: '/api/v1/:kommun/extra', schema: { ...draft.schema, operationId: 'extra', response: { 200: draft.schema.response[200]! } } }))).rejects.toThrow(/403/);
  });
});
