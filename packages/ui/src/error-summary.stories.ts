import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '../test/host.js';
import { errorSummary } from './forms/error-summary.js';
import { textField } from './forms/fields/text.js';

const errors = [
  { id: 'namn', message: 'Ange ditt namn' },
  { id: 'epost', message: 'Ange en e-postadress i rätt format, till exempel namn@exempel.se' },
];
const noop = () => {};

/**
 * The GOV.UK error summary above a form after a failed submit. In a shadow root a `#id` link
 * cannot navigate, so each link moves focus to its field itself.
 */
const meta: Meta = {
  title: 'ui/Error summary',
  // States reached by a play function or a mocked gateway need a page each: on the Docs page every story is a frame of its own.
  parameters: { docs: { story: { inline: false, height: '300px' } } },
  render: () =>
    html`<kk-test-host
      .template=${() => html`${errorSummary({ headingLevel: 2, errors })}
        ${textField({ id: 'namn', name: 'namn', label: 'Namn', value: '', error: errors[0]!.message, onInput: noop })}
        ${textField({ id: 'epost', name: 'epost', label: 'E-post', type: 'email', value: 'anna@', error: errors[1]!.message, onInput: noop })}`}
    ></kk-test-host>`,
};
export default meta;

type Story = StoryObj;

export const Default: Story = {};

export const LinkMovesFocus: Story = {
  play: async ({ canvasElement }) => {
    const host = canvasElement.querySelector('kk-test-host')!;
    await host.updateComplete;
    host.shadowRoot!.querySelector<HTMLAnchorElement>('a[href="#epost"]')!.click();
    await expect(host.shadowRoot!.activeElement).toBe(host.shadowRoot!.getElementById('epost'));
  },
};
