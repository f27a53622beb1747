import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatewayLoad } from './gateway-load.js';
import { startPostgres } from '../scripts/test/postgres.mjs';
import { renderTimes } from './render.js';
import { bundleSizes } from './sizes.js';
import { printTable, type Row } from './table.js';

/**
 * `pnpm bench`: bundle sizes against their budgets, render time and gateway load, in one
 * table and in bench/results.json. `--check` measures only the sizes (deterministic) and exits
 * non-zero when one is over its budget; CI runs that. `--only=<part>` (e.g. `--only=gateway`)
 * measures the parts whose name starts with it. The gateway rows run on PGlite and on PostgreSQL.
 */
const check = process.argv.includes('--check');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const parts: [string, () => Promise<Row[]>][] = [
  ['bundle sizes', bundleSizes],
  ...(check
    ? []
    : ([
        ['render time', renderTimes],
        ['gateway load on PGlite', () => gatewayLoad({ name: 'PGlite' })],
        ['gateway load on PostgreSQL', onPostgres],
      ] as [string, () => Promise<Row[]>][])),
];

/**
 * The gateway rows once more on PostgreSQL: DATABASE_URL's server, else a throwaway cluster of
 * Debian's package (as the gateway tests use). Without either, one row says why.
 */
async function onPostgres(): Promise<Row[]> {
  const group = 'gateway load (PostgreSQL)';
  if (process.env.DATABASE_URL) return gatewayLoad({ url: process.env.DATABASE_URL, name: 'PostgreSQL' });
  let server: { url: string; stop(): void };
  try {
    server = startPostgres(54339);
  } catch (error) {
    return [{ group, name: 'not measured', value: `no PostgreSQL: ${error instanceof Error ? error.message : String(error)}` }];
  }
  try {
    return await gatewayLoad({ url: server.url, name: 'PostgreSQL, a throwaway local cluster' });
  } finally {
    server.stop();
  }
}

const rows: Row[] = [];
for (const [name, measure] of parts) {
  if (only && !name.startsWith(only)) continue;
  console.error(`measuring ${name}…`);
  rows.push(...(await measure()));
}
printTable(rows);
writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify({ measuredAt: new Date().toISOString(), rows }, null, 2)}\n`);
const over = rows.filter((row) => row.ok === false);
if (over.length > 0) console.error(`\n${String(over.length)} over budget: ${over.map((row) => row.name).join(', ')}`);
const unmet = rows.filter((row) => row.met === false);
if (unmet.length > 0) console.error(`\n${String(unmet.length)} goals not met: ${unmet.map((row) => row.name).join(', ')}`);
process.exit(check && over.length > 0 ? 1 : 0);
