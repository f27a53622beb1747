import { defineConfig } from '@playwright/test';
import { launchOptions } from './scripts/test/chromium.mjs';

const port = Number(process.env.E2E_PORT ?? 8089);

/**
 * End-to-end tests: the real start command (`pnpm run demo`: gateway, demo site, dev identity
 * provider, PGlite in a fresh data directory) driven in Debian Chromium.
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['./scripts/test/playwright-count-reporter.mjs']],
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions,
    trace: 'off',
  },
  webServer: {
    command: 'pnpm run demo',
    url: `http://localhost:${port}/ready`,
    // The README promises /ready within 60 seconds of the install finishing.
    timeout: 60_000,
    reuseExistingServer: false,
    env: { PORT: String(port), KOMMUNKIT_DATA_DIR: `.test-results/e2e-data-${Date.now()}`, LOG_LEVEL: 'warn' },
  },
});
