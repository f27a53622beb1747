#!/usr/bin/env node
// `npm start` and `npm test` land here on a machine that may have only Node and npm: use the
// pnpm pinned in package.json (fetched through npx when it is not installed), install the
// workspace, then run the given pnpm script.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const { packageManager } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const wanted = packageManager.replace(/^pnpm@/, '');

function installedPnpm() {
  try {
    return execFileSync('pnpm', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

const version = installedPnpm();
const pnpm =
  version?.split('.')[0] === wanted.split('.')[0]
    ? ['pnpm']
    : ['npx', '--yes', `pnpm@${wanted}`];

function run(args) {
  const [command, ...rest] = [...pnpm, ...args];
  const result = spawnSync(command, rest, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(['install', '--frozen-lockfile', '--reporter=append-only']);
run(['run', ...process.argv.slice(2)]);
