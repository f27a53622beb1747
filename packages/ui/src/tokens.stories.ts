import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { KommunInfo } from '@kommunkit/sdk';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import type {} from 'msw-storybook-addon/csf3'; // types `msw` in the story context (else it is silently `any`)
import { expect, waitFor } from 'storybook/test';
import '../test/host.js';
import { button } from './feedback.js';
import { textField } from './forms/fields/text.js';
import { tokenDefaults } from './tokens.js';

/**
 * Design tokens: every `--kk-*` custom property with its default. A kommun overrides them on
 * the widget element or any ancestor, and the page's value wins.
 */
const meta: Meta = {
  title: 'ui/Tokens',
  // States reached by a play function or a mocked gateway need a page each: on the Docs page every story is a frame of its own.
  parameters: { docs: { story: { inline: false, height: '360px' } } },
};
export default meta;

type Story = StoryObj;

export const Defaults: Story = {
  render: () =>
    html`<table>
      <caption>
        Tokens och standardvärden
      </caption>
      <thead>
        <tr>
          <th scope="col">Egenskap</th>
          <th scope="col">Standard</th>
        </tr>
      </thead>
      <tbody>
        ${Object.entries(tokenDefaults).map(
          ([name, value]) => html`<tr>
            <td><code>--kk-${name}</code></td>
            <td><code>${value}</code></td>
          </tr>`,
        )}
      </tbody>
    </table>`,
};

export const KommunTheme: Story = {
  render: () =>
    html`<div class="kommun-theme">
      <style>
        .kommun-theme kk-test-host {
          --kk-color-primary: #00594c;
          --kk-color-primary-hover: #003f36;
          --kk-radius: 0;
          --kk-font-family: Georgia, serif;
        }
      </style>
      <kk-test-host
        .template=${() => html`${textField({ id: 'namn', name: 'namn', label: 'Namn', value: '', onInput: () => {} })}
        ${button({ label: 'Skicka' })}`}
      ></kk-test-host>
    </div>`,
};

const gatewayTheme = { 'color-primary': '#7a1f5c', 'color-primary-hover': '#5c1745', radius: '0' };

/**
 * A widget with `kommun` and `api` set fetches the kommun's theme from the gateway; here MSW
 * answers `GET /api/v1/:kommun`, so nothing reaches a network. The page's own `--kk-*` values
 * would still win over it (see KommunTheme).
 */
export const ThemeFromGateway: Story = {
  beforeEach({ msw }) {
    msw.use(
      http.get('https://gateway.exempelstad.se/api/v1/:kommun', ({ params }) =>
        HttpResponse.json({ id: String(params.kommun), name: 'Exempelstads kommun', theme: gatewayTheme, services: [] } satisfies KommunInfo),
      ),
    );
  },
  render: () =>
    html`<kk-test-host
      kommun="exempelstad"
      api="https://gateway.exempelstad.se"
      .template=${() => html`${button({ label: 'Skicka' })}`}
    ></kk-test-host>`,
  play: async ({ canvasElement }) => {
    const host = canvasElement.querySelector('kk-test-host')!;
    await waitFor(() => expect(host.style.getPropertyValue('--kk-config-color-primary')).toBe('#7a1f5c'));
    await expect(getComputedStyle(host.shadowRoot!.querySelector('button')!).backgroundColor).toBe('rgb(122, 31, 92)');
  },
};
