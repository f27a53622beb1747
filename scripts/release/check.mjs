#!/usr/bin/env node
// `pnpm release:check`: what a developer gets from npm, checked before anything is published.
//  1. Packs every published package with `pnpm pack` (its `prepack` builds, analyses and checks
//     that package.json's files exist) into a temporary directory outside the workspace.
//  2. Lints each tarball with publint (strict: warnings count as errors; suggestions too) and
//     are-the-types-wrong (`--profile esm-only`, see ATTW_PROFILE).
//  3. Installs the tarballs with npm into three fresh apps made here, outside the workspace, with
//     pinned dependencies (scripts/release/fixtures.mjs): vanilla Vite + TypeScript, React 19 +
//     TypeScript with JSX, and Preact with JSX. The
//     other kommunkit packages resolve to their tarballs too (npm `overrides`), never to the
//     registry or the workspace. Each app is typechecked (`tsc --noEmit`, including the
//     packages' own .d.ts: `skipLibCheck` off) and built (`vite build`).
// Any failure fails the run. It needs the npm registry for the apps' own dependencies.
//   KEEP_RELEASE_CHECK=1 keeps the temporary directory (its path is printed).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { apps } from './fixtures.mjs';
import { publishedPackages, widgetPackages } from './packages.mjs';

const root = join(import.meta.dirname, '..', '..');
/**
 * The packages are ESM only (`"type": "module"`, `import`/`default` conditions, like Lit, which
 * they depend on), so CommonJS consumers are out of scope: attw's `esm-only` profile leaves out
 * the `node16` resolution from CommonJS (which would report ESM-only packages as "CJS cannot
 * require ESM"), and `node10`, which ignores `exports` altogether; it still checks `node16` from
 * ESM and `bundler`, which is how browsers' build tools and Node's `import` resolve them.
 */
const ATTW_PROFILE = 'esm-only';

const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const failures = [];

/**
 * Runs a command, streaming its output with a prefix (`quiet`: only when it fails); resolves to
 * its exit status and output.
 */
function run(label, command, args, { quiet = false, ...options } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options, env: options.env ?? process.env });
    let output = '';
    const print = (text) => {
      for (const line of String(text).split('\n')) if (line.trim()) process.stdout.write(`[${label}] ${line}\n`);
    };
    const prefix = (chunk) => {
      output += chunk;
      if (!quiet) print(chunk);
    };
    child.stdout.on('data', prefix);
    child.stderr.on('data', prefix);
    child.on('error', (error) => {
      prefix(String(error));
      resolve({ status: 1, output });
    });
    child.on('close', (status) => {
      if (quiet && status !== 0) print(output);
      resolve({ status: status ?? 1, output });
    });
  });
}

async function step(label, command, args, options) {
  const { status, output } = await run(label, command, args, options);
  if (status !== 0) failures.push(`${label}: \`${[command, ...args].join(' ')}\` exited ${status}`);
  return { status, output };
}

const work = mkdtempSync(join(tmpdir(), 'kommunkit-release-'));
if (!relative(root, work).startsWith('..')) throw new Error(`${work} is inside the workspace`);
const tarballs = join(work, 'tarballs');
mkdirSync(tarballs);
console.log(`release check in ${work}`);

// 1. Pack: contract, sdk and ui side by side, then the widgets, whose analysis reads the manifest
// that ui's prepack writes.
const pack = async (name) => {
  const { status, output } = await step(`pack ${name}`, 'pnpm', ['pack', '--pack-destination', tarballs], { cwd: join(root, 'packages', name), quiet: true });
  if (status === 0) console.log(`[pack ${name}] ${output.split('\n').filter((line) => /^(dist|src)\//.test(line)).length} files in dist/ and src/ (${seconds()})`);
};
await Promise.all(publishedPackages.filter((name) => !widgetPackages.includes(name)).map(pack));
for (const name of widgetPackages) await pack(name);

/** name → tarball path */
const tarballOf = new Map();
for (const file of readdirSync(tarballs)) {
  const name = publishedPackages.find((pkg) => file.startsWith(`kommunkit-${pkg}-`) && file.endsWith('.tgz'));
  if (name) tarballOf.set(`@kommunkit/${name}`, join(tarballs, file));
}
const missing = publishedPackages.filter((name) => !tarballOf.has(`@kommunkit/${name}`));
if (missing.length > 0) {
  console.error(`No tarball for ${missing.join(', ')}; stopping. (${seconds()})`);
  process.exit(1);
}
console.log(`packed ${tarballOf.size} packages (${seconds()})`);

// 2. Lint the tarballs: publint in this process, attw side by side, and start the apps' installs
// meanwhile (the slowest part, mostly waiting on the registry).
const appDirs = apps({ tarballOf }).map((app) => {
  const dir = join(work, app.name);
  for (const [file, text] of Object.entries(app.files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return { ...app, dir };
});
// The app is not a pnpm script of this workspace: none of pnpm's npm_* settings reach npm.
const outsideEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE_ENV'));
const installs = appDirs.map((app) =>
  step(`${app.name} install`, 'npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: app.dir,
    env: outsideEnv,
  }),
);

for (const [name, tarball] of tarballOf) {
  const bytes = readFileSync(tarball);
  const { messages, pkg } = await publint({
    pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
    strict: true,
    level: 'suggestion',
  });
  for (const message of messages) console.log(`[publint ${name}] ${message.type}: ${formatMessage(message, pkg, { color: false })}`);
  if (messages.length > 0) failures.push(`publint ${name}: ${messages.length} message(s)`);
  else console.log(`[publint ${name}] clean`);
}
const attw = join(root, 'node_modules', '.bin', 'attw');
await Promise.all([...tarballOf].map(([name, tarball]) => step(`attw ${name}`, attw, [tarball, '--profile', ATTW_PROFILE, '--format', 'table-flipped', '--no-color'])));
console.log(`linted (${seconds()})`);

// 3. The apps: typecheck and build each.
await Promise.all(
  appDirs.map(async (app, index) => {
    const { status } = await installs[index];
    if (status !== 0) return;
    const bin = (tool) => join(app.dir, 'node_modules', '.bin', tool);
    const typecheck = await step(`${app.name} tsc`, bin('tsc'), ['--noEmit', '-p', '.'], { cwd: app.dir, env: outsideEnv });
    if (typecheck.status === 0) console.log(`[${app.name} tsc] no errors`);
    const build = await step(`${app.name} vite build`, bin('vite'), ['build', '--logLevel', 'warn'], { cwd: app.dir, env: outsideEnv });
    if (build.status !== 0) return;
    const assets = join(app.dir, 'dist', 'assets');
    const bundle = readdirSync(assets)
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(assets, file), 'utf8'))
      .join('\n');
    for (const expected of app.bundleContains) {
      if (!bundle.includes(expected)) failures.push(`${app.name}: the build has no ${JSON.stringify(expected)}`);
    }
    console.log(`[${app.name}] built: ${readdirSync(assets).length} assets`);
  }),
);

console.log('');
if (failures.length > 0) {
  console.error(`release check failed (${seconds()}):\n${failures.map((failure) => `  - ${failure}`).join('\n')}\nThe files are in ${work}.`);
  process.exit(1);
}
console.log(`release check passed: ${[...tarballOf.keys()].join(', ')} pack, lint clean, and install, typecheck and build in ${appDirs.map((app) => app.name).join(' and ')} (${seconds()})`);
if (process.env.KEEP_RELEASE_CHECK) console.log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });
