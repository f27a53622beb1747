import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../test/host.js';
import { spinner } from './feedback.js';

/** A busy indicator whose text is announced (role=status); it stops spinning for reduced motion. */
const meta: Meta = { title: 'ui/Spinner' };
export default meta;

type Story = StoryObj;

/** The default label, "Laddar…". */
export const Default: Story = { render: () => html`<kk-test-host .template=${() => spinner()}></kk-test-host>` };

export const CustomLabel: Story = {
  render: () => html`<kk-test-host .template=${() => spinner({ label: 'Hämtar dina ärenden…' })}></kk-test-host>`,
};
