#!/usr/bin/env node
// Writes the SDK's version from packages/sdk/package.json into packages/sdk/src/version.ts.
// package.json is the one source (`changeset version` bumps it); the module holds the version
// as a plain string literal because the SDK core is in the embed's shared runtime chunk, where
// importing package.json would ship the whole file, and because the component tests' dev server
// cannot import JSON by name. Runs in the SDK's `build` (so dist and every build after a bump
// carry the new version) and in `pnpm version-packages` (so the committed module follows the bump).
//   node scripts/release/sdk-version.mjs [sdkDir]          write src/version.ts
//   node scripts/release/sdk-version.mjs --check [sdkDir]  exit 1 when it is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const defaultSdkDir = join(import.meta.dirname, '..', '..', 'packages', 'sdk');

/** The text of src/version.ts for a version. */
export function versionModule(version) {
  if (!/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(version)) {
    throw new Error(`packages/sdk/package.json: "${version}" is not a semver version`);
  }
  return [
    '// Generated from package.json by scripts/release/sdk-version.mjs (the SDK build and',
    '// `pnpm version-packages` run it): edit the version in package.json, not here.',
    '',
    '/** This package\'s version, sent as `x-kommunkit-client: sdk/<version>`. */',
    `export const sdkVersion = '${version}';`,
    '',
  ].join('\n');
}

/** Brings src/version.ts in line with package.json; says whether it had to change it. */
export function syncSdkVersion(sdkDir = defaultSdkDir, { check = false } = {}) {
  const { version } = JSON.parse(readFileSync(join(sdkDir, 'package.json'), 'utf8'));
  const file = join(sdkDir, 'src', 'version.ts');
  const wanted = versionModule(version);
  const current = readFileSync(file, 'utf8');
  const changed = current !== wanted;
  if (changed && !check) writeFileSync(file, wanted);
  return { version, changed };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const dir = args.find((arg) => !arg.startsWith('--'));
  const { version, changed } = syncSdkVersion(dir ? resolve(dir) : defaultSdkDir, { check });
  if (check && changed) {
    console.error(`packages/sdk/src/version.ts does not say ${version}: run \`node scripts/release/sdk-version.mjs\`.`);
    process.exit(1);
  }
  if (changed) console.log(`packages/sdk/src/version.ts: ${version}`);
}
