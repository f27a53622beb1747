import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { launchOptions } from './scripts/test/chromium.mjs';
import { countReporter } from './scripts/test/wtr-count-reporter.mjs';

/** Component tests: @open-wc/testing in Debian Chromium, one file per page. */
export default {
  files: ['packages/*/test/**/*.test.ts', '!packages/*/test/**/*.unit.test.ts', '!packages/*/test/**/*.gateway.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.base.json', target: 'es2022' })],
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions })],
  concurrency: 2,
  // MSW's worker must be served from the root to control the test pages.
  middleware: [
    (context, next) => {
      if (context.url === '/mockServiceWorker.js') context.url = '/.storybook/public/mockServiceWorker.js';
      return next();
    },
  ],
  testFramework: { config: { timeout: 10000 } },
  reporters: [defaultReporter(), countReporter('components')],
};
