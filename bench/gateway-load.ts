import autocannon from 'autocannon';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { resolve } from 'node:path';
import { buildGateway } from '../packages/gateway/src/app.js';
import { loadConfig } from '../packages/gateway/src/config/load.js';
import { openDatabase, type Db } from '../packages/gateway/src/db/database.js';
import { productionLogger } from '../packages/gateway/src/logging.js';
import type { FelanmalanTables } from '../packages/gateway/src/services/felanmalan/tables.js';
import type { Row } from './table.js';

const connections = 50;
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const origin = 'http://localhost:8181';

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** One bounded autocannon run against loopback. */
async function measure(url: string, options: Partial<autocannon.Options> = {}): Promise<Measured> {
  const result = await autocannon({ url, connections, duration: seconds, ...options });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** Production logging may cost at most this share of a route's throughput (issue 10). */
const maxLoggingCost = 10;

/** The run least disturbed by the rest of the machine. */
function best(runs: readonly Measured[]): Measured {
  return runs.reduce((top, run) => (run.rps > top.rps ? run : top));
}

async function seedReports(db: Db, count: number): Promise<void> {
  const values = Array.from({ length: count }, (_, index) => ({
    kommun_id: 'exempelstad',
    reference: `EXS-2000-${String(index).padStart(6, '0')}`,
    service_code: 'gatubelysning',
    status: 'mottagen',
    description: 'Lampan lyser inte.',
    lat: 58.40 + (index % 50) * 0.001,
    long: 15.60 + Math.floor(index / 50) * 0.001,
    attributes: '{}',
  }));
  for (let start = 0; start < values.length; start += 500) await db.withTables<FelanmalanTables>().insertInto('report').values(values.slice(start, start + 500)).execute();
}

/**
 * Gateway throughput and latency for felanmälan's main read and write, each beside its
 * ceiling on the same machine and database: a bare Fastify route for cacheable reads, and a
 * bare route doing one indexed query for the rest.
 */
export async function gatewayLoad(): Promise<Row[]> {
  process.env.PORT = '8181';
  const config = loadConfig(resolve(import.meta.dirname, '../packages/gateway/config/exempelstad.json'));
  config.limits.anonymousWritesPerMinute = 1_000_000;
  config.devIdentityProvider = false;
  const db = await openDatabase({ url: process.env.DATABASE_URL || undefined });
  await sql`truncate table report, report_event, report_photo, report_counter`.execute(db);
  await seedReports(db, 2000);
  const gateway = await buildGateway({ config, db, logger: false });
  const gatewayUrl = await gateway.listen({ port: 0, host: '127.0.0.1' });
  // The same gateway with the production logger (access lines at info, scrubbed, buffered
  // writes), writing to /dev/null instead of stdout so that no terminal or disk takes part.
  const logged = await buildGateway({ config, db, logger: productionLogger('/dev/null', 'info') });
  const loggedUrl = await logged.listen({ port: 0, host: '127.0.0.1' });

  const bare = Fastify({ logger: false });
  bare.get('/static', () => ({ ok: true }));
  bare.get('/one-query', async () =>
    db.withTables<FelanmalanTables>().selectFrom('report').select(['reference', 'status']).where('kommun_id', '=', 'exempelstad').where('reference', '=', 'EXS-2000-000042').executeTakeFirst(),
  );
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

  try {
    const ceilingStatic = await measure(`${bareUrl}/static`);
    const ceilingQuery = await measure(`${bareUrl}/one-query`);
    const services = await measure(`${gatewayUrl}/open311/v2/services.json?jurisdiction_id=exempelstad`);
    const nearby = await measure(
      `${gatewayUrl}/open311/v2/requests.json?jurisdiction_id=exempelstad&service_code=gatubelysning&lat=58.41&long=15.61&radius=200&status=open&extensions=true`,
    );
    // Logger on vs off on a cheap route that writes an access line (the kommun's settings, no
    // database), alternated, best of three each: the difference is a few microseconds per
    // request, smaller than what another process on the machine takes from one run.
    const kommunRoute = '/api/v1/exempelstad';
    const quietRuns: Measured[] = [];
    const loggedRuns: Measured[] = [];
    for (let run = 0; run < 3; run++) {
      quietRuns.push(await measure(`${gatewayUrl}${kommunRoute}`));
      loggedRuns.push(await measure(`${loggedUrl}${kommunRoute}`));
    }
    const quiet = best(quietRuns);
    const loggedFigures = best(loggedRuns);
    const create = await measure(`${gatewayUrl}/open311/v2/requests.json?jurisdiction_id=exempelstad`, {
      method: 'POST',
      headers: { origin, 'x-kommunkit-client': 'bench', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ service_code: 'klotter', address_string: 'Tunneln vid stationen', description: 'Klotter på väggen' }).toString(),
    });
    const row = (name: string, figures: Measured, ceiling: Measured, against: string): Row => ({
      group: `gateway load (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, ${String(connections)} connections, ${String(seconds)} s)`,
      name,
      value: `${figures.rps.toFixed(0)} req/s, p50 ${String(figures.p50)} ms, p99 ${String(figures.p99)} ms${figures.errors ? `, ${String(figures.errors)} errors` : ''}`,
      ratio: `${((figures.rps / ceiling.rps) * 100).toFixed(0)} % of ${against}`,
      numbers: { ...figures, ceilingRps: ceiling.rps },
    });
    const loggingRow: Row = {
      ...row('kommun settings, production logging (info, to /dev/null)', loggedFigures, quiet, 'logger off'),
      budget: `≥ ${String(100 - maxLoggingCost)} % of logger off`,
      ok: (loggedFigures.rps / quiet.rps) * 100 >= 100 - maxLoggingCost,
    };
    return [
      row('bare Fastify route (ceiling for cacheable reads)', ceilingStatic, ceilingStatic, 'itself'),
      row('bare route + one indexed query (ceiling for the rest)', ceilingQuery, ceilingQuery, 'itself'),
      row('Open311 services list', services, ceilingStatic, 'bare route'),
      row('nearby reports (200 m, with history)', nearby, ceilingQuery, 'one-query route'),
      row('create report (form-encoded, no photo)', create, ceilingQuery, 'one-query route'),
      row('kommun settings, logger off', quiet, ceilingStatic, 'bare route'),
      loggingRow,
    ];
  } finally {
    await bare.close();
    await gateway.close();
    await logged.close();
    await db.destroy();
  }
}
