import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../test/host.js';
import { confirmationPanel } from './forms/confirmation-panel.js';

/** The page a flow ends on; its heading takes focus when the step changes to it. */
const meta: Meta = { title: 'ui/Confirmation panel' };
export default meta;

type Story = StoryObj;

export const WithReference: Story = {
  render: () =>
    html`<kk-test-host
      .template=${() =>
        confirmationPanel({
          title: 'Din felanmälan är skickad',
          headingLevel: 2,
          reference: 'EXS-2026-00042',
          body: html`<p class="kk-panel__body">Du kan följa ärendet med referensnumret.</p>`,
        })}
    ></kk-test-host>`,
};

export const CustomReferenceLabel: Story = {
  render: () =>
    html`<kk-test-host
      .template=${() =>
        confirmationPanel({ title: 'Ansökan är mottagen', headingLevel: 2, referenceLabel: 'Ditt ärendenummer', reference: 'BN-2026-1187' })}
    ></kk-test-host>`,
};

export const WithoutReference: Story = {
  render: () =>
    html`<kk-test-host
      .template=${() =>
        confirmationPanel({
          title: 'Tack för ditt svar',
          headingLevel: 2,
          body: html`<p class="kk-panel__body">Vi hör av oss inom två veckor.</p>`,
        })}
    ></kk-test-host>`,
};
