#!/usr/bin/env node
// Runs every test layer in turn (see README "Tests"), then prints one line summing their
// counts, `N passed, N failed`, which CI reads. Lint, typecheck, the bundle budgets and the
// Storybook build are checks: they do not add to the counts, but any failure fails the run.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './test/ensure-chromium.mjs';
import { startPostgres } from './test/postgres.mjs';
import { clearResults, readResults, summaryLine } from './test/results.mjs';

const steps = [
  { name: 'lint', script: 'lint' },
  { name: 'OpenAPI lint', script: 'lint:openapi' },
  { name: 'typecheck', script: 'typecheck' },
  // Packs the published packages, lints the tarballs, installs them into fresh apps (npm registry).
  { name: 'release check', script: 'release:check' },
  // Sizes only: they are deterministic, unlike bench's timings, which no test asserts.
  { name: 'bundle budgets', script: 'bench', args: ['--check'] },
  { name: 'unit', script: 'test:unit', layer: 'unit' },
  { name: 'gateway on PGlite', script: 'test:gateway', layer: 'gateway' },
  { name: 'gateway on PostgreSQL', script: 'test:gateway', layer: 'gateway-postgres', postgres: true },
  { name: 'components', script: 'test:components', layer: 'components', browser: true },
  { name: 'storybook build', script: 'build-storybook' },
  { name: 'built stories', script: 'test:storybook-static', layer: 'storybook-static', browser: true },
  { name: 'stories', script: 'test:stories', layer: 'stories', browser: true },
  { name: 'end to end', script: 'test:e2e', layer: 'e2e', browser: true },
];

/** Runs a step against a throwaway PostgreSQL server unless DATABASE_URL names one. */
function withDatabase(step, run) {
  if (!step.postgres) return run({ DATABASE_URL: '' });
  if (process.env.DATABASE_URL) return run({ DATABASE_URL: process.env.DATABASE_URL });
  const server = startPostgres();
  try {
    return run({ DATABASE_URL: server.url });
  } finally {
    server.stop();
  }
}

clearResults();
const failedSteps = [];
for (const step of steps) {
  if (step.browser) ensureChromium();
  console.log(`\n▶ ${step.name}`);
  const { status } = withDatabase(step, (env) =>
    spawnSync('pnpm', ['run', step.script, ...(step.args ?? [])], { stdio: 'inherit', env: { ...process.env, ...env, TEST_LAYER: step.layer ?? '' } }),
  );
  const recorded = step.layer ? readResults()[step.layer] : undefined;
  if (status !== 0 || (step.layer && !recorded)) failedSteps.push(step.name);
}

const results = Object.values(readResults());
const total = results.reduce(
  (sum, layer) => ({
    passed: sum.passed + layer.passed,
    failed: sum.failed + layer.failed,
    skipped: sum.skipped + layer.skipped,
  }),
  { passed: 0, failed: 0, skipped: 0 },
);

console.log('');
if (failedSteps.length > 0) console.log(`Failed: ${failedSteps.join(', ')}`);
// A step that crashed before reporting counts as one failed test, so the line never hides it.
const unreported = steps.filter((step) => step.layer && failedSteps.includes(step.name) && !readResults()[step.layer]).length;
console.log(summaryLine({ ...total, failed: total.failed + unreported }));
process.exit(failedSteps.length > 0 ? 1 : 0);
