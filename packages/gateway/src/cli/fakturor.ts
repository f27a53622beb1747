import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataKeyFrom } from '../auth/seal.js';
import { ConfigError, loadConfig } from '../config/load.js';
import { serviceSettings } from '../http/guards.js';
import { StartupError } from '../startup.js';

/**
 * Mina fakturor for operators: imports a folder of Peppol BIS Billing 3.0 documents (UBL 2.1
 * `*.xml`) on the gateway's own database and config (the same KOMMUNKIT_CONFIG, DATABASE_URL
 * and KOMMUNKIT_DATA_DIR as `start`), as the finance endpoint would:
 *
 *   pnpm --filter @kommunkit/gateway fakturor import <kommun> <folder>
 *
 * Each file is reported: created, unchanged (imported before with the same bytes) or refused
 * with the elements that are wrong. On PGlite the data dir belongs to one process, so stop the
 * gateway first (or use the finance endpoint); on PostgreSQL it may run.
 * Exit codes: 0 all imported, 1 a file was refused or the database failed, 2 wrong use.
 */
const usage = `Usage:
  fakturor import <kommun> <folder>   import every *.xml in the folder (a repeat leaves a document as it is)`;

class UsageError extends Error {}
class Failure extends Error {}

const here = fileURLToPath(new URL('.', import.meta.url));
const workingDir = process.env.INIT_CWD ?? process.cwd();

async function run(args: readonly string[], out: (line: string) => void): Promise<void> {
  const [command, kommunId, folder, ...rest] = args;
  if (command !== 'import') throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  if (!kommunId || !folder || rest.length > 0) throw new UsageError('import takes 2 arguments: the kommun and the folder');
  const directory = resolve(workingDir, folder);
  if (!existsSync(directory) || !statSync(directory).isDirectory()) throw new UsageError(`${directory} is not a folder`);

  const configPath = process.env.KOMMUNKIT_CONFIG ?? resolve(here, '../../config/exempelstad.json');
  const config = loadConfig(configPath);
  const kommun = config.kommunById.get(kommunId);
  if (!kommun || !serviceSettings(kommun, 'fakturor')) {
    const known = config.kommuner.filter((candidate) => serviceSettings(candidate, 'fakturor')).map((candidate) => candidate.id);
    throw new UsageError(`no kommun with fakturor has id "${kommunId}" in ${configPath} (there: ${known.join(', ') || 'none'})`);
  }
  const [{ openDatabase }, { pino }, { Fakturor }, { InvoiceStore }, { RecipientKeys }, { importFolder }] = await Promise.all([
    import('../db/database.js'),
    import('pino'),
    import('../services/fakturor/domain.js'),
    import('../services/fakturor/store.js'),
    import('../services/fakturor/recipients.js'),
    import('../services/fakturor/folder.js'),
  ]);
  const url = process.env.DATABASE_URL || undefined;
  const db = await openDatabase({
    url,
    dataDir: url ? undefined : resolve(workingDir, process.env.KOMMUNKIT_DATA_DIR ?? 'data'),
    timeouts: config.timeouts,
    log: pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2)),
  });
  try {
    // The same key as the gateway's, so a citizen finds what the CLI imported.
    const fakturor = new Fakturor(new InvoiceStore(db), new RecipientKeys(dataKeyFrom(config.dataKey, (message) => process.stderr.write(`fakturor: ${message}\n`))));
    const results = await importFolder(fakturor, kommun.id, directory);
    if (results.length === 0) out(`No *.xml files in ${directory}.`);
    for (const result of results) {
      if (result.outcome === 'refused') out(`${result.file}: refused\n${result.reasons.map((reason) => `  ${reason}`).join('\n')}`);
      else out(`${result.file}: ${result.outcome} ${result.number} (${result.id}, ${result.recipient})`);
    }
    const refused = results.filter((result) => result.outcome === 'refused').length;
    if (refused > 0) throw new Failure(`${String(refused)} of ${String(results.length)} documents refused; the others are imported`);
  } finally {
    await db.destroy();
  }
}

try {
  await run(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`fakturor: ${error.message}\n${usage}\n`);
    process.exitCode = 2;
  } else {
    const known = error instanceof Failure || error instanceof StartupError || error instanceof ConfigError;
    process.stderr.write(`fakturor: ${known ? error.message : error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
    process.exitCode = 1;
  }
}
