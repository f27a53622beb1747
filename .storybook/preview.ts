import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
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
  // own speaks: the toolbar's "Språk" sets it (Swedish by default, in the story tests as well;
  // their runner's page says `en`). Stories in one language only set `lang` on the element.
  globalTypes: {
    locale: {
      description: "The page's language (<html lang>), which a widget without its own `lang` speaks",
      toolbar: {
        title: 'Språk',
        icon: 'globe',
        items: [
          { value: 'sv', title: 'Svenska' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'sv' },
  beforeEach({ globals }) {
    document.documentElement.lang = globals.locale === 'en' ? 'en' : 'sv';
  },
  // A widget picks its language when it connects, so a new locale renders the story anew (its
  // loaders and `beforeEach` run again; a play function's steps can be run again in the panel).
  decorators: [(story, { globals }) => html`${keyed(globals.locale, story())}`],
  parameters: {
    // Accessibility violations fail the story's test, not just show up in the panel.
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  tags: ['autodocs'],
};

export default preview;
