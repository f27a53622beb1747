import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
// Generated from the packages' JSDoc (`pnpm analyze`, which the Storybook scripts run first),
// it gives the docs pages their tables. A glob, so that a checkout without it still loads.
const manifests = import.meta.glob<{ default: object }>('./custom-elements.json', { eager: true });
const manifest = manifests['./custom-elements.json']?.default;
if (manifest) setCustomElementsManifest(manifest);

const preview: Preview = {
  // Every story gets a mock service worker; stories that talk to the gateway add handlers in
  // `beforeEach({ msw }) { msw.use(...) }`, so nothing reaches a real network. msw-storybook-addon 3
  // has no `initialize()`: this loader starts the worker (served from ./public) on first use and
  // resets the handlers before each story.
  loaders: [mswLoader()],
  // Swedish is the widgets' source language, and the page's `lang` is what a widget without its
  // own speaks: the same in Storybook and in its test runner (whose page says `en`). Stories in
  // another language set `lang` on the element.
  beforeEach() {
    document.documentElement.lang = 'sv';
  },
  parameters: {
    // Accessibility violations fail the story's test, not just show up in the panel.
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  tags: ['autodocs'],
};

export default preview;
