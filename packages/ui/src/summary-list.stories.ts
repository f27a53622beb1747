import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn } from 'storybook/test';
import '../test/host.js';
import { summaryList, type SummaryRow } from './forms/summary-list.js';

interface Args {
  onChange: () => void;
}

const rows = (onChange?: () => void): SummaryRow[] => [
  { key: 'Kategori', value: 'Gatubelysning', onChange },
  { key: 'Plats', value: 'Storgatan 12, Exempelstad', onChange },
  { key: 'Beskrivning', value: 'Lampan lyser inte.\nGäller sedan i måndags.', onChange },
];

/** The check-answers list: each answer with an "Ändra" button that names what it changes. */
const meta: Meta<Args> = {
  title: 'ui/Summary list',
  args: { onChange: fn() },
};
export default meta;

type Story = StoryObj<Args>;

export const WithChangeLinks: Story = {
  render: ({ onChange }) => html`<kk-test-host .template=${() => summaryList(rows(onChange))}></kk-test-host>`,
  play: async ({ canvasElement, args }) => {
    const host = canvasElement.querySelector('kk-test-host')!;
    await host.updateComplete;
    const change = host.shadowRoot!.querySelectorAll('button')[1]!;
    // The visually hidden key makes each button's name unique.
    await expect(change).toHaveAccessibleName('Ändra Plats');
    change.click();
    await expect(args.onChange).toHaveBeenCalledOnce();
  },
};

/** A receipt after sending: the same list, nothing to change. */
export const ReadOnly: Story = {
  render: () => html`<kk-test-host .template=${() => summaryList(rows())}></kk-test-host>`,
};
