#!/usr/bin/env node
// `prepack` of every published package (run in the package's directory by `pnpm pack` and
// `pnpm publish`): builds dist/ afresh, writes the custom elements manifest and what is made from
// it where the package has an `analyze` script, then fails when a file that package.json points
// to is missing, so a tarball never names a file it does not carry.
//
// Releases use pnpm: only pnpm applies `publishConfig.exports` (dist/ instead of ./src/*.ts) and
// turns `workspace:*` into versions. npm would pack the workspace's package.json as it is, so
// under npm this refuses.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const agent = process.env.npm_config_user_agent ?? '';
if (!agent.startsWith('pnpm/')) {
  console.error(
    `${process.cwd()}: pack and publish kommunkit's packages with pnpm (\`pnpm pack\`, \`pnpm publish\`, \`pnpm changeset publish\`), not ${agent.split(' ')[0] || 'this tool'}: ` +
      'only pnpm applies publishConfig.exports and replaces workspace:* with versions.',
  );
  process.exit(1);
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

function run(script) {
  console.log(`${pkg.name}: ${script}`);
  const { status } = spawnSync('pnpm', ['run', '--silent', script], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}

rmSync('dist', { recursive: true, force: true });
run('build');
if (pkg.scripts?.analyze) run('analyze');

/** Every file the published package.json names (pnpm puts publishConfig's fields over the rest). */
function* pointedTo(manifest) {
  const published = { ...manifest, ...manifest.publishConfig };
  function* targets(value) {
    if (typeof value === 'string') yield value;
    else if (Array.isArray(value)) for (const item of value) yield* targets(item);
    else if (value && typeof value === 'object') for (const item of Object.values(value)) yield* targets(item);
  }
  yield* targets(published.exports);
  for (const field of ['main', 'module', 'types', 'typings', 'browser', 'customElements', 'web-types']) {
    if (typeof published[field] === 'string') yield published[field];
  }
  if (Array.isArray(published.sideEffects)) yield* published.sideEffects.filter((file) => !file.includes('*'));
  yield 'README.md';
  yield 'LICENSE';
}

const missing = [...new Set(pointedTo(pkg))].filter((file) => !file.includes('*') && !existsSync(join(file)));
if (missing.length > 0) {
  console.error(`${pkg.name}: package.json points to files that the build did not make: ${missing.join(', ')}`);
  process.exit(1);
}
