import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { felanmalanCitizenRoutes } from '../src/felanmalan-routes.js';
import { operations } from '../src/operations.js';
import { routes } from '../src/routes.js';

describe('@kommunkit/contract/felanmalan-routes', () => {
  it('imports nothing, so the widget chunk that uses it gets no schema library', async () => {
    const source = await readFile(new URL('../src/felanmalan-routes.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
  });

  it('is what the operations register, and stays out of the shared `routes`', () => {
    for (const [id, route] of Object.entries(felanmalanCitizenRoutes)) {
      const operation = operations[id as keyof typeof felanmalanCitizenRoutes];
      expect({ method: operation.method, url: operation.url, operationId: operation.schema.operationId }).toEqual({ ...route, operationId: id });
      expect(route.url).toMatch(/^\/api\/v1\/:kommun\/felanmalan\/reports/);
      expect(routes).not.toHaveProperty(id);
    }
  });
});
