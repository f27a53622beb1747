import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../test/host.js';
import { statusTag, type Tone } from './feedback.js';

interface Args {
  label: string;
  tone: Tone;
}

const tones: Tone[] = ['neutral', 'info', 'success', 'warning', 'error'];

/** A short status label, such as a report's "Mottagen". */
const meta: Meta<Args> = {
  title: 'ui/Status tag',
  render: ({ label, tone }) => html`<kk-test-host .template=${() => statusTag({ label, tone })}></kk-test-host>`,
  argTypes: { tone: { control: 'select', options: tones } },
};
export default meta;

type Story = StoryObj<Args>;

export const Neutral: Story = { args: { label: 'Mottagen', tone: 'neutral' } };
export const Info: Story = { args: { label: 'Under utredning', tone: 'info' } };
export const Success: Story = { args: { label: 'Åtgärdad', tone: 'success' } };
export const Warning: Story = { args: { label: 'Påminnelse skickad', tone: 'warning' } };
export const ErrorTone: Story = { name: 'Error', args: { label: 'Avvisad', tone: 'error' } };

/** All tones side by side, as in a list of a citizen's cases. */
export const AllTones: Story = {
  // Every tone at once: the label and tone controls belong to the single-tag stories.
  parameters: { controls: { disable: true } },
  render: () =>
    html`<kk-test-host
      .template=${() => html`<p>
        ${statusTag({ label: 'Mottagen' })} ${statusTag({ label: 'Under utredning', tone: 'info' })}
        ${statusTag({ label: 'Åtgärdad', tone: 'success' })} ${statusTag({ label: 'Påminnelse skickad', tone: 'warning' })}
        ${statusTag({ label: 'Avvisad', tone: 'error' })}
      </p>`}
    ></kk-test-host>`,
};
