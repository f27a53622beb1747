import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenApi, openApiPath, serialize } from '../scripts/openapi.js';
import { open311Base, open311Operations } from '../src/open311.js';

describe('openapi.json', () => {
  it('is what the schemas generate (run `pnpm --filter @kommunkit/contract openapi` after changing them)', async () => {
    expect(readFileSync(openApiPath, 'utf8')).toBe(serialize(await buildOpenApi()));
  });

  it('is OpenAPI 3.1 with the kommun in every citizen-facing path', async () => {
    const document = (await buildOpenApi()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    const apiPaths = Object.keys(document.paths).filter((path) => path.startsWith('/api/'));
    expect(apiPaths.length).toBeGreaterThan(3);
    for (const path of apiPaths) expect(path).toMatch(/^\/api\/v1\/\{kommun\}/);
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
