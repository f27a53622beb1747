import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../config/load.js';
import { serviceSettings } from '../http/guards.js';
import { apiKeyIdPattern, ApiKeys, checkLabel, type LabelProblem } from '../services/felanmalan/api-keys/keys.js';
import { StartupError } from '../startup.js';

/**
 * Open311 api_keys for operators, on the gateway's own database and config (the same
 * KOMMUNKIT_CONFIG, DATABASE_URL and KOMMUNKIT_DATA_DIR as `start`):
 *
 *   pnpm --filter @kommunkit/gateway keys issue <kommun> "<label>"
 *   pnpm --filter @kommunkit/gateway keys list <kommun>
 *   pnpm --filter @kommunkit/gateway keys revoke <kommun> <id>
 *
 * `issue` prints the key once; only its hash is stored. On PGlite the data dir belongs to one
 * process, so stop the gateway first (or use the case workers' API); on PostgreSQL it may run.
 * Exit codes: 0 done, 1 failed (unknown id, database), 2 wrong use.
 */
const usage = `Usage:
  keys issue <kommun> "<label>"   issue an api_key to an app or system (the key is printed once)
  keys list <kommun>              the kommun's issued keys, revoked ones included (never the keys)
  keys revoke <kommun> <id>       revoke a key at once (it stays listed)`;

const labelProblems: Record<LabelProblem, string> = {
  empty: 'the label is empty: name the app or system that gets the key',
  long: 'the label is longer than 100 characters',
  control: 'the label has a line break, tab or other control character',
};

/** Wrong use: exit 2, with the usage. */
class UsageError extends Error {}
/** Asked right, and failed: exit 1. */
class Failure extends Error {}

const here = fileURLToPath(new URL('.', import.meta.url));
const workingDir = process.env.INIT_CWD ?? process.cwd();

async function run(args: readonly string[], out: (line: string) => void): Promise<void> {
  const [command, kommunId, argument, ...rest] = args;
  const arity = { issue: 3, list: 2, revoke: 3 } as Record<string, number>;
  if (!command || arity[command] === undefined) throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  if (args.length !== arity[command]) throw new UsageError(`${command} takes ${String(arity[command] - 1)} argument(s)${rest.length > 0 ? ' (quote a label with spaces)' : ''}`);

  let label = '';
  if (command === 'issue') {
    const checked = checkLabel(argument ?? '');
    if ('problem' in checked) throw new UsageError(labelProblems[checked.problem]);
    label = checked.label;
  }
  if (command === 'revoke' && !apiKeyIdPattern.test(argument ?? '')) throw new UsageError(`"${argument ?? ''}" is not a key id (16 hex digits, as "keys list" shows them)`);

  // As main.ts reads them, so the keys land where the gateway looks.
  const configPath = process.env.KOMMUNKIT_CONFIG ?? resolve(here, '../../config/exempelstad.json');
  const config = loadConfig(configPath);
  const kommun = config.kommunById.get(kommunId ?? '');
  if (!kommun || !serviceSettings(kommun, 'felanmalan')) {
    const known = config.kommuner.filter((candidate) => serviceSettings(candidate, 'felanmalan')).map((candidate) => candidate.id);
    throw new UsageError(`no kommun with felanmälan has id "${kommunId ?? ''}" in ${configPath} (there: ${known.join(', ') || 'none'})`);
  }
  // Loaded once the arguments are known to be right, so wrong use is told at once.
  const [{ openDatabase }, { pino }] = await Promise.all([import('../db/database.js'), import('pino')]);
  const url = process.env.DATABASE_URL || undefined;
  const db = await openDatabase({
    url,
    dataDir: url ? undefined : resolve(workingDir, process.env.KOMMUNKIT_DATA_DIR ?? 'data'),
    timeouts: config.timeouts,
    // stdout is for what was asked for; the database's warnings go to stderr.
    log: pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2)),
  });
  try {
    const keys = new ApiKeys(db);
    if (command === 'issue') {
      const issued = await keys.issue(kommun.id, label);
      out(`Issued api_key ${issued.id} for ${kommun.id}: ${issued.label}`);
      out(`api_key: ${issued.key}`);
      out('Shown this once: give it to the app now. The gateway keeps only its hash.');
    } else if (command === 'list') {
      const items = await keys.list(kommun.id);
      if (items.length === 0) out(`No api_keys issued for ${kommun.id}.`);
      else {
        out(['id'.padEnd(16), 'created'.padEnd(24), 'revoked'.padEnd(24), 'label'].join('  '));
        for (const item of items) out([item.id, item.createdAt, (item.revokedAt ?? '-').padEnd(24), item.label].join('  '));
      }
    } else {
      const revoked = await keys.revoke(kommun.id, argument ?? '');
      if (!revoked) throw new Failure(`${kommun.id} has no api_key with id ${argument ?? ''} (see "keys list ${kommun.id}")`);
      out(`Revoked api_key ${revoked.id} for ${kommun.id} (${revoked.label}) at ${revoked.revokedAt ?? ''}.`);
    }
  } finally {
    await db.destroy();
  }
}

try {
  await run(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`keys: ${error.message}\n${usage}\n`);
    process.exitCode = 2;
  } else {
    // One line, as the gateway's start prints it: a stack could carry connection details.
    const known = error instanceof Failure || error instanceof StartupError || error instanceof ConfigError;
    process.stderr.write(`keys: ${known ? error.message : error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
    process.exitCode = 1;
  }
}
