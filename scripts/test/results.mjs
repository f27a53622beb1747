// Each test layer records its counts here; scripts/test-all.mjs sums them into the one
// `N passed, N failed` line that CI reads.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const resultsDir = join(import.meta.dirname, '..', '..', '.test-results');

export function recordResults(layer, { passed, failed, skipped = 0 }) {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, `${layer}.json`), JSON.stringify({ passed, failed, skipped }));
}

export function clearResults() {
  rmSync(resultsDir, { recursive: true, force: true });
}

export function readResults() {
  let files = [];
  try {
    files = readdirSync(resultsDir).filter((name) => name.endsWith('.json'));
  } catch {
    return {};
  }
  return Object.fromEntries(
    files.map((name) => [name.replace(/\.json$/, ''), JSON.parse(readFileSync(join(resultsDir, name), 'utf8'))]),
  );
}

export const summaryLine = ({ passed, failed, skipped }) =>
  `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
