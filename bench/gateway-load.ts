import autocannon from 'autocannon';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { resolve } from 'node:path';
import { buildGateway } from '../packages/gateway/src/app.js';
import { loadConfig } from '../packages/gateway/src/config/load.js';
import { openDatabase, type Db } from '../packages/gateway/src/db/database.js';
import { productionLogger } from '../packages/gateway/src/logging.js';
import type { FelanmalanTables } from '../packages/gateway/src/services/felanmalan/tables.js';
import { createHash, randomBytes } from 'node:crypto';
import { addDays, instantAt, localDateOf } from '../packages/gateway/src/services/lokalbokning/time.js';
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
  // Lokalbokning: Storhallen with a week of bookings to read around, and a hall open round the
  // clock on a 15-minute grid for one citizen to book a new time in on every request.
  const exempelstad = config.kommunById.get('exempelstad')!;
  exempelstad.services.lokalbokning = { ...exempelstad.services.lokalbokning!, lokalerFile: resolve(import.meta.dirname, 'bench-lokaler.json') };
  await sql`truncate table lokalbokning_season_occurrence, lokalbokning_booking_event, lokalbokning_booking, lokalbokning_season_request, lokalbokning_calendar_feed, lokalbokning_counter`.execute(db);
  const week = addDays(localDateOf(new Date()), 7);
  for (let day = 0; day < 7; day++) {
    const date = addDays(week, day);
    for (const hour of ['10', '13', '16', '19']) {
      const start = instantAt(date, `${hour}:00`);
      const end = instantAt(date, `${hour}:00`).getTime() + 3_600_000;
      await sql`insert into lokalbokning_booking (kommun_id, lokal_id, reference, subject, customer_type, start_at, end_at, during, status, purpose, per_hour_ore, net_ore, vat_ore, total_ore, vat_percent)
        values ('exempelstad', 'storhallen', ${`EXS-B-2000-${date}-${hour}`}, 'bench', 'privatperson', ${start.toISOString()}::timestamptz, ${new Date(end).toISOString()}::timestamptz,
          tstzrange(${start.toISOString()}::timestamptz, ${new Date(end).toISOString()}::timestamptz), 'bekraftad', 'Innebandy', 45000, 45000, 2700, 47700, 6)`.execute(db);
    }
  }
  // A citizen's session, as the login would leave it (the token's hash is the row's id).
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await sql`insert into session (id, kommun_id, subject, given_name, family_name, name, created_at, last_seen_at, expires_at)
    values (${createHash('sha256').update(token).digest('base64url')}, 'exempelstad', 'bench-citizen', 'Bänk', 'Mätare', 'Bänk Mätare', ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz, ${new Date(now.getTime() + 3_600_000).toISOString()}::timestamptz)`.execute(db);
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
    const availability = await measure(`${gatewayUrl}/api/v1/exempelstad/lokalbokning/lokaler/storhallen/availability?from=${week}&to=${addDays(week, 6)}`);
    // Every request a new 15-minute time: a booking stored, never a collision.
    const firstSlot = instantAt(addDays(localDateOf(new Date()), 1), '00:00').getTime();
    let next = 0;
    const book = await measure(`${gatewayUrl}/api/v1/exempelstad/lokalbokning/bookings`, {
      method: 'POST',
      headers: { origin, 'x-kommunkit-client': 'bench', 'content-type': 'application/json', cookie: `kk_session=${token}` },
      requests: [
        {
          setupRequest: (request) => {
            const start = new Date(firstSlot + next++ * 15 * 60_000);
            return { ...request, body: JSON.stringify({ lokalId: 'bench-hallen', start: start.toISOString(), end: new Date(start.getTime() + 15 * 60_000).toISOString(), purpose: 'Mätning', acceptTerms: true }) };
          },
        },
      ],
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
      row('lokalbokning: availability for a week (28 bookings)', availability, ceilingQuery, 'one-query route'),
      row('lokalbokning: create a booking', book, ceilingQuery, 'one-query route'),
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
