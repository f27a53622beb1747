import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { launchOptions } from './scripts/test/chromium.mjs';

/**
 * Vitest layers: `unit` (pure Node), `gateway` (a real gateway over loopback HTTP on PGlite, or
 * on the PostgreSQL server in DATABASE_URL) and `storybook` (every story as a browser test).
 */
export default defineConfig({
  test: {
    reporters: ['default', './scripts/test/vitest-count-reporter.mjs'],
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['packages/*/test/**/*.unit.test.ts'],
          // A few unit files start PGlite (WebAssembly) in a hook: seconds on a busy 2-core machine.
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'gateway',
          environment: 'node',
          include: ['packages/*/test/**/*.gateway.test.ts'],
          // One database server for all files: they run one at a time and reset tables between tests.
          fileParallelism: false,
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        plugins: [storybookTest({ configDir: '.storybook' })],
        // The MSW worker must be served at the root, as Storybook serves it.
        publicDir: '.storybook/public',
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
