#!/usr/bin/env node
// `pnpm lint:openapi`: Redocly's lint of packages/contract/openapi.json (rules in redocly.yaml),
// offline: no telemetry, no look-up of a newer Redocly version.
import { spawnSync } from 'node:child_process';

const result = spawnSync('redocly', ['lint', ...process.argv.slice(2)], {
  cwd: new URL('..', import.meta.url),
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
});
if (result.error) throw result.error;
process.exit(result.status ?? 1);
