import { serviceIds } from '@kommunkit/contract';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGateway } from '../src/app.js';
import type { Db } from '../src/db/database.js';
import { serviceMigrations, serviceSettings } from '../src/services/catalog.js';
import { serviceModules } from '../src/services/index.js';
import { testConfig } from './support/gateway.js';

const src = join(import.meta.dirname, '..', 'src');
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));

describe('service modules', () => {
  it('are each listed in the catalog the config schema and migrations are built from', () => {
    for (const module of serviceModules) {
      expect(serviceSettings[module.id], module.id).toBe(module.settings);
      expect(serviceMigrations, module.id).toContain(module.migrations);
    }
    expect(Object.keys(serviceSettings).sort()).toEqual([...serviceIds].sort());
  });

  it('are refused by buildGateway when the catalog does not know their settings or migrations', async () => {
    const [felanmalan] = serviceModules;
    const uncatalogued = { ...felanmalan!, migrations: { '0009-elsewhere': { up: () => Promise.resolve() } } };
    // Refused before anything is built, so no database is needed.
    const db = null as unknown as Db;
    await expect(buildGateway({ config: testConfig('http://127.0.0.1:1'), db, logger: false, services: [uncatalogued] })).rejects.toThrow(
      'service module felanmalan: list its settings and migrations in services/catalog.ts',
    );
  });

  it('are never imported by the shared code: config/, db/, http/ and kommun-routes.ts know no service', () => {
    const shared = [...['config', 'db', 'http'].flatMap((dir) => filesUnder(join(src, dir))), join(src, 'kommun-routes.ts')];
    const offending = shared.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)]
        .map((match) => match[1]!)
        // The catalog (leaf parts, by service id) and the module interface are the only ways in.
        .filter((target) => /\/services\//.test(target) && !/\/services\/(catalog|module)\.js$/.test(target))
        .map((target) => `${relative(src, file)} → ${target}`),
    );
    expect(offending).toEqual([]);
    const named = shared.filter((file) => /felanmalan|open311-/.test(readFileSync(file, 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '')));
    expect(named.map((file) => relative(src, file))).toEqual([]);
  });
});
