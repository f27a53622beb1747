import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { getClient } from '@kommunkit/sdk';
import { html } from 'lit';
import type {} from 'msw-storybook-addon/csf3'; // types `msw` in the story context (else it is silently `any`)
import { expect, waitFor } from 'storybook/test';
import { anna, freshApi, gatewayHandlers, gatewayState, type GatewayState } from '../test/controller-gateway.js';
import type { KkAuthTest } from '../test/controller-hosts.js';
import '../test/controller-hosts.js';

/**
 * `AuthController` and `loginGate()`: a step (here "Mina ärenden") that needs e-legitimation.
 * The gateway is mocked (MSW); "Logga in" stays on the page instead of leaving for the login.
 */
let state: GatewayState = gatewayState();

/** A client of its own per story (the login state must not carry over), whose login stays on the page. */
function storyApi(): string {
  const api = freshApi();
  getClient({ api, kommun: 'exempelstad', navigate: (url) => console.info('login →', url) });
  return api;
}

const meta: Meta = {
  title: 'ui/Login gate',
  // States reached by a play function or a mocked gateway need a page each: on the Docs page every story is a frame of its own.
  parameters: { docs: { story: { inline: false, height: '360px' } } },
  beforeEach({ msw }) {
    sessionStorage.clear();
    msw.use(...gatewayHandlers(() => state));
  },
  render: () => html`<kk-auth-test api=${storyApi()} kommun="exempelstad"></kk-auth-test>`,
};
export default meta;

type Story = StoryObj;

const gate = (canvasElement: HTMLElement) => canvasElement.querySelector<KkAuthTest>('kk-auth-test')!;
const shows = (canvasElement: HTMLElement, text: string) =>
  waitFor(() => expect(gate(canvasElement).shadowRoot!.textContent).toContain(text), { timeout: 5000 });

export const Loading: Story = {
  beforeEach() {
    state = gatewayState({ user: 'hang' });
  },
  play: ({ canvasElement }) => shows(canvasElement, 'Kontrollerar inloggningen'),
};

export const Anonymous: Story = {
  beforeEach() {
    state = gatewayState();
  },
  play: async ({ canvasElement }) => {
    await shows(canvasElement, 'Logga in med e-legitimation');
    await expect(gate(canvasElement).auth.state).toBe('anonymous');
  },
};

export const LoggedIn: Story = {
  beforeEach() {
    state = gatewayState({ user: anna() });
  },
  play: ({ canvasElement }) => shows(canvasElement, 'Anna Andersson'),
};

/** The session ended under the citizen (expired, or logged out in another tab). */
export const LoggedOut: Story = {
  beforeEach() {
    state = gatewayState({ user: anna() });
  },
  play: async ({ canvasElement }) => {
    await shows(canvasElement, 'Anna Andersson');
    state.user = null;
    await gate(canvasElement).sdk!.auth.refresh();
    await shows(canvasElement, 'Du har blivit utloggad');
  },
};

export const CouldNotCheck: Story = {
  beforeEach() {
    state = gatewayState({ user: 'error' });
  },
  play: ({ canvasElement }) => shows(canvasElement, 'Vi kunde inte kontrollera om du är inloggad'),
};

export const HeadingLevelThree: Story = {
  beforeEach() {
    state = gatewayState();
  },
  render: () => html`<kk-auth-test api=${storyApi()} kommun="exempelstad" heading-level="3"></kk-auth-test>`,
};
