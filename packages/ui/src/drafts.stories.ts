import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { getClient } from '@kommunkit/sdk';
import { html } from 'lit';
import type {} from 'msw-storybook-addon/csf3'; // types `msw` in the story context (else it is silently `any`)
import { expect, waitFor } from 'storybook/test';
import { anna, freshApi, gatewayHandlers, gatewayState, storedDraft, type GatewayState } from '../test/controller-gateway.js';
import type { KkDraftTest } from '../test/controller-hosts.js';
import '../test/controller-hosts.js';

/**
 * `DraftController` and `draftNotices()`: answers kept in the tab (anonymous) and on the
 * server (logged in), with the notices a citizen may see. The gateway is mocked (MSW).
 */
let state: GatewayState = gatewayState();
const key = 'kommunkit:felanmalan:exempelstad';
const data = (description: string, hadFiles = false) => ({ version: 2, values: { description, topics: [] }, path: ['plats'], hadFiles });

const meta: Meta = {
  title: 'ui/Drafts',
  // States reached by a play function or a mocked gateway need a page each: on the Docs page every story is a frame of its own.
  parameters: { docs: { story: { inline: false, height: '360px' } } },
  beforeEach({ msw }) {
    sessionStorage.clear();
    msw.use(...gatewayHandlers(() => state));
  },
  render: () => {
    const api = freshApi();
    getClient({ api, kommun: 'exempelstad', retry: false });
    return html`<kk-draft-test api=${api} kommun="exempelstad"></kk-draft-test>`;
  },
};
export default meta;

type Story = StoryObj;

const widget = (canvasElement: HTMLElement) => canvasElement.querySelector<KkDraftTest>('kk-draft-test')!;
const restored = (canvasElement: HTMLElement) => waitFor(() => expect(widget(canvasElement).drafts.restored).toBe(true), { timeout: 5000 });
const shows = (canvasElement: HTMLElement, text: string) =>
  waitFor(() => expect(widget(canvasElement).shadowRoot!.textContent).toContain(text), { timeout: 5000 });

/** Anonymous, after a reload: the answers come back from sessionStorage. */
export const RestoredFromTab: Story = {
  beforeEach() {
    state = gatewayState();
    sessionStorage.setItem(key, JSON.stringify({ ...data('Lampan utanför nummer 12 lyser inte'), savedAt: Date.now() }));
  },
  play: async ({ canvasElement }) => {
    await restored(canvasElement);
    await expect(widget(canvasElement).restores[0]?.from).toBe('session');
  },
};

export const Restoring: Story = {
  beforeEach() {
    state = gatewayState({ user: 'hang' });
  },
};

/** Logged in: the server's draft, from another device. */
export const LoggedIn: Story = {
  beforeEach() {
    state = gatewayState({ user: anna() });
    state.drafts.set('felanmalan', storedDraft('felanmalan', data('Påbörjad på mobilen'), 3));
  },
  play: async ({ canvasElement }) => {
    await restored(canvasElement);
    await expect(widget(canvasElement).restores[0]?.from).toBe('server');
  },
};

/** The draft changed in another browser since this page last saved (the gateway answered 409). */
export const Conflict: Story = {
  beforeEach() {
    state = gatewayState({ user: anna() });
    state.drafts.set('felanmalan', storedDraft('felanmalan', data('Påbörjad här'), 1));
  },
  play: async ({ canvasElement }) => {
    await restored(canvasElement);
    state.drafts.set('felanmalan', storedDraft('felanmalan', data('Ändrad på datorn'), 2));
    widget(canvasElement).type('Påbörjad här, och ändrad');
    await shows(canvasElement, 'Dina svar har ändrats i en annan webbläsare');
  },
};

/** The server save failed (network, 503): the answers are kept in the tab and retried. */
export const Unsaved: Story = {
  beforeEach() {
    state = gatewayState({ user: anna(), failSaves: 100 });
  },
  play: async ({ canvasElement }) => {
    await restored(canvasElement);
    widget(canvasElement).type('Nedfallen gren över cykelbanan');
    await shows(canvasElement, 'kunde inte sparas på ditt konto');
  },
};

/** Photos had been added before the reload; they could not be kept. */
export const FilesLost: Story = {
  beforeEach() {
    state = gatewayState();
    sessionStorage.setItem(key, JSON.stringify({ ...data('Klotter på busskuren', true), savedAt: Date.now() }));
  },
  play: ({ canvasElement }) => shows(canvasElement, 'Lägg till filerna igen'),
};
