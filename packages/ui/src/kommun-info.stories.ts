import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type {} from 'msw-storybook-addon/csf3'; // types `msw` in the story context (else it is silently `any`)
import { expect, waitFor } from 'storybook/test';
import { freshApi, gatewayHandlers, gatewayState, type GatewayState } from '../test/controller-gateway.js';
import '../test/controller-hosts.js';

/**
 * `KommunController`: the kommun's name, theme and services, fetched once for every widget of
 * the kommun on the page (two widgets here, one request). The gateway is mocked (MSW).
 */
let state: GatewayState = gatewayState();

const meta: Meta = {
  title: 'ui/Kommun info',
  // States reached by a play function or a mocked gateway need a page each: on the Docs page every story is a frame of its own.
  parameters: { docs: { story: { inline: false, height: '300px' } } },
  beforeEach({ msw }) {
    msw.use(...gatewayHandlers(() => state));
  },
  render: () => {
    const api = freshApi();
    return html`<kk-kommun-test api=${api} kommun="exempelstad"></kk-kommun-test>
      <kk-kommun-test api=${api} kommun="exempelstad"></kk-kommun-test>`;
  },
};
export default meta;

type Story = StoryObj;

export const Ready: Story = {
  beforeEach() {
    state = gatewayState();
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('kk-kommun-test')!.shadowRoot!.textContent).toContain('Exempelstads kommun'), { timeout: 5000 });
    await expect(state.requests.filter((request) => request === 'GET /api/v1/exempelstad')).toHaveLength(1);
  },
};

export const Loading: Story = {
  beforeEach() {
    state = gatewayState({ kommun: 'hang' });
  },
};

export const Failed: Story = {
  beforeEach() {
    state = gatewayState({ kommun: 'error' });
  },
  play: ({ canvasElement }) =>
    waitFor(() => expect(canvasElement.querySelector('kk-kommun-test')!.shadowRoot!.textContent).toContain('Försök igen'), { timeout: 5000 }),
};
