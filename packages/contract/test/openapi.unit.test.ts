import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenApi, openApiPath, serialize } from '../scripts/openapi.js';

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
});
