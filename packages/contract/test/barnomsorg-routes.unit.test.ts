import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { barnomsorgCaseWorkerRoutes, barnomsorgRoutes } from '../src/barnomsorg-routes.js';
import { operations } from '../src/operations.js';
import { routes } from '../src/routes.js';
import { caseWorkers } from '../src/security.js';

describe('@kommunkit/contract/barnomsorg-routes', () => {
  it('and the rules import nothing, so the widget chunks that use them get no schema library', async () => {
    for (const file of ['barnomsorg-routes.ts', 'barnomsorg-rules.ts']) {
      const source = await readFile(new URL(`../src/${file}`, import.meta.url), 'utf8');
      expect(source, file).not.toMatch(/^\s*import\s/m);
    }
  });

  it('are what the operations register, and stay out of the shared `routes`', () => {
    for (const [id, route] of Object.entries({ ...barnomsorgRoutes, ...barnomsorgCaseWorkerRoutes })) {
      const operation = operations[id as keyof typeof operations];
      expect({ method: operation.method, url: operation.url, operationId: operation.schema.operationId }).toEqual({ ...route, operationId: id });
      expect(route.url).toMatch(/^\/api\/v1\/:kommun\/barnomsorg\//);
      expect(routes).not.toHaveProperty(id);
    }
  });

  it('keep the case workers under their own prefix, behind their key and nothing else', () => {
    for (const id of Object.keys(barnomsorgCaseWorkerRoutes)) {
      const operation = operations[id as keyof typeof barnomsorgCaseWorkerRoutes];
      expect(operation.url, id).toMatch(/^\/api\/v1\/:kommun\/barnomsorg\/case-work\//);
      expect(operation.schema.security, id).toBe(caseWorkers);
    }
  });

  it('never put a personnummer in a path: children and applications go by uuid', () => {
    for (const id of Object.keys(barnomsorgRoutes)) {
      const { params } = operations[id as keyof typeof barnomsorgRoutes].schema as { params?: { properties: Record<string, { format?: string; pattern?: string }> } };
      expect(params?.properties.id?.format ?? 'uuid', id).toBe('uuid');
    }
  });
});
