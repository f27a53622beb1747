import { sql, type Kysely } from 'kysely';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { buildGateway, type GatewayOptions } from '../../src/app.js';
import { resolveConfig, type ResolvedConfig } from '../../src/config/load.js';
import { openDatabase } from '../../src/db/database.js';
import type { Database } from '../../src/db/schema.js';
import type { CategoryConfig } from '../../src/services/felanmalan/settings.js';
import type { FelanmalanTables } from '../../src/services/felanmalan/tables.js';
import type { Gateway } from '../../src/types.js';

/** The page origins of the two test kommuner. */
export const pages = {
  exempelstad: 'http://www.exempelstad.test',
  grannby: 'http://www.grannby.test',
} as const;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
  });
}

/** The demo kommun's categories, so tests use what citizens see. */
const categories = (JSON.parse(readFileSync(new URL('../../config/exempelstad.json', import.meta.url), 'utf8')) as {
  kommuner: [{ services: { felanmalan: { categories: CategoryConfig[] } } }];
}).kommuner[0].services.felanmalan.categories;

export function testConfig(publicUrl: string, anonymousWritesPerMinute = 1000): ResolvedConfig {
  const kommun = (id: keyof typeof pages, name: string) => ({
    id,
    name,
    origins: [pages[id], publicUrl],
    theme: { 'color-primary': '#00594c' },
    services: {
      felanmalan: {
        adapter: 'builtin' as const,
        referencePrefix: id === 'exempelstad' ? 'EXS' : 'GRB',
        caseWorkerApiKey: `caseworker-key-${id}-0123456789`,
        categories,
      },
    },
    identityProvider: { issuer: `${publicUrl}/dev-idp`, clientId: id, clientSecret: `secret-${id}` },
  });
  return resolveConfig({
    publicUrl,
    devIdentityProvider: true,
    limits: { anonymousWritesPerMinute },
    kommuner: [kommun('exempelstad', 'Exempelstads kommun'), kommun('grannby', 'Grannby kommun')],
  });
}

/** The database with every table, shared and the services', for tests that look at what was stored. */
export type TestDb = Kysely<Database & FelanmalanTables>;

export interface TestGateway {
  app: Gateway;
  db: TestDb;
  url: string;
  config: ResolvedConfig;
  reset(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real gateway on a loopback port with two kommuner and the dev identity provider, on
 * PGlite in memory, or on the PostgreSQL server named by DATABASE_URL. One per test file.
 */
export async function startGateway(
  options: {
    anonymousWritesPerMinute?: number;
    configure?: (config: ResolvedConfig) => void;
    siteRoot?: string;
    /** The embed bundle's directory, served at /kommunkit/v1/; none by default. */
    embedRoot?: string;
    /** Fastify's logger; none by default. */
    logger?: GatewayOptions['logger'];
    /** The services' outgoing HTTP; the global fetch by default. */
    fetch?: typeof fetch;
  } = {},
): Promise<TestGateway> {
  const port = await freePort();
  const url = `http://127.0.0.1:${String(port)}`;
  const config = testConfig(url, options.anonymousWritesPerMinute);
  options.configure?.(config);
  const opened = await openDatabase({ url: process.env.DATABASE_URL, timeouts: config.timeouts });
  const db: TestDb = opened.withTables<FelanmalanTables>();
  const app = await buildGateway({ config, db: opened, logger: options.logger ?? false, siteRoot: options.siteRoot, embedRoot: options.embedRoot, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const reset = async () => {
    await sql`truncate table session, auth_request, draft, report_counter, report, report_event, report_photo, felanmalan_api_key, rate_limit, dev_idp_entry`.execute(db);
  };
  // Every file starts from an empty database, on a PostgreSQL server shared by the files as on
  // PGlite: nothing an earlier file stored (reports, rate-limit counts) leaks into its answers.
  await reset();
  await app.listen({ port, host: '127.0.0.1' });
  return {
    app,
    db,
    url,
    config,
    reset,
    close: async () => {
      await app.close();
      await opened.destroy();
    },
  };
}
