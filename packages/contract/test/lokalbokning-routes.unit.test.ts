import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { lokalbokningCaseWorkerRoutes, lokalbokningRoutes } from '../src/lokalbokning-routes.js';
import { cancellableUntil, priceFor } from '../src/lokalbokning-rules.js';
import { operations } from '../src/operations.js';
import { routes } from '../src/routes.js';

describe('@kommunkit/contract/lokalbokning-routes and -rules', () => {
  it('import nothing, so the widget chunks that use them get no schema library', async () => {
    for (const file of ['lokalbokning-routes.ts', 'lokalbokning-rules.ts']) {
      const source = await readFile(new URL(`../src/${file}`, import.meta.url), 'utf8');
      expect(source, file).not.toMatch(/^\s*import\s/m);
    }
  });

  it('are what the operations register, and stay out of the shared `routes`', () => {
    for (const [id, route] of Object.entries({ ...lokalbokningRoutes, ...lokalbokningCaseWorkerRoutes })) {
      const operation = operations[id as keyof typeof lokalbokningRoutes];
      expect({ method: operation.method, url: operation.url, operationId: operation.schema.operationId }).toEqual({ ...route, operationId: id });
      expect(route.url).toMatch(/^\/api\/v1\/:kommun\/lokalbokning\//);
      expect(routes).not.toHaveProperty(id);
    }
  });

  it('prices whole öre: the net first, then the VAT on the net', () => {
    // 250 kr/h for 90 minutes = 375 kr, 6 % VAT on it = 22.50 kr.
    expect(priceFor(25_000, 90, 6)).toEqual({ netOre: 37_500, vatOre: 2250, totalOre: 39_750, vatPercent: 6 });
    // 333.33 kr/h for 20 minutes: 111.11 kr, 25 % = 27.78 kr (27.7775 rounded).
    expect(priceFor(33_333, 20, 25)).toEqual({ netOre: 11_111, vatOre: 2778, totalOre: 13_889, vatPercent: 25 });
    expect(priceFor(0, 120, 25)).toEqual({ netOre: 0, vatOre: 0, totalOre: 0, vatPercent: 25 });
  });

  it('gives the cancellation deadline, or none when a booking cannot be cancelled', () => {
    const start = new Date('2026-12-10T18:00:00+01:00');
    expect(cancellableUntil(start, 48)?.toISOString()).toBe('2026-12-08T17:00:00.000Z');
    expect(cancellableUntil(start, 0)?.toISOString()).toBe(start.toISOString());
    expect(cancellableUntil(start, null)).toBeNull();
  });
});
