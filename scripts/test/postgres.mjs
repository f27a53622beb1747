// A throwaway PostgreSQL server from Debian's package for the gateway suite: a fresh cluster in
// a temporary directory on a loopback port, removed when the tests end.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDebianPackage } from './ensure-debian-package.mjs';

const root = '/usr/lib/postgresql';
const binDir = () =>
  existsSync(root)
    ? readdirSync(root)
        .sort((a, b) => Number(a) - Number(b))
        .map((version) => join(root, version, 'bin'))
        .filter((dir) => existsSync(join(dir, 'initdb')))
        .at(-1)
    : undefined;

export function startPostgres(port = 54329) {
  ensureDebianPackage('postgresql', () => Boolean(binDir()), 'Install Debian\'s package (apt-get install postgresql) or set DATABASE_URL.');
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'kk-pg-'));
  // PostgreSQL refuses to run as root, so the cluster belongs to the postgres user when we are root.
  const asRoot = process.getuid?.() === 0;
  const run = (command, args) => {
    if (asRoot) execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', [join(bin, command), ...args].map((a) => `'${a}'`).join(' ')], { stdio: 'pipe' });
    else execFileSync(join(bin, command), args, { stdio: 'pipe' });
  };
  if (asRoot) {
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'])), Number(execFileSync('id', ['-g', 'postgres'])));
  }
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  run('pg_ctl', ['-D', data, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-l', join(dir, 'log'), '-w', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
