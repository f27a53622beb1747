import type { StorybookConfig } from '@storybook/web-components-vite';

/** Storybook for every package: stories live next to their code as `*.stories.ts`. */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../packages/*/src/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  // Serves the MSW worker (mockServiceWorker.js) at the root.
  staticDirs: ['./public'],
  core: { disableTelemetry: true },
};

export default config;
