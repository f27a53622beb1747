import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import manifest from './custom-elements.json';

// Generated from the packages' JSDoc (`pnpm analyze`), it gives the docs pages their tables.
setCustomElementsManifest(manifest);

const preview: Preview = {
  // Every story gets a mock service worker; stories that talk to the gateway add handlers in
  // `beforeEach({ msw }) { msw.use(...) }`, so nothing reaches a real network.
  loaders: [mswLoader()],
  parameters: {
    // Accessibility violations fail the story's test, not just show up in the panel.
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  tags: ['autodocs'],
};

export default preview;
