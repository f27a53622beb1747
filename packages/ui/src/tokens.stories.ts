import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../test/host.js';
import { button } from './feedback.js';
import { textField } from './fields/text.js';
import { tokenDefaults } from './tokens.js';

/**
 * Design tokens: every `--kk-*` custom property with its default. A kommun overrides them on
 * the widget element or any ancestor, and the page's value wins.
 */
const meta: Meta = { title: 'ui/Tokens' };
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
