import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn } from 'storybook/test';
import '../test/host.js';
import { button, type ButtonVariant } from './feedback.js';

interface Args {
  label: string;
  variant: ButtonVariant;
  disabled: boolean;
  busy: boolean;
  onClick: (event: Event) => void;
}

const meta: Meta<Args> = {
  title: 'ui/Button',
  render: (args) => html`<kk-test-host .template=${() => button(args)}></kk-test-host>`,
  argTypes: { variant: { control: 'select', options: ['primary', 'secondary', 'warning'] } },
  args: { disabled: false, busy: false, onClick: fn() },
};
export default meta;

type Story = StoryObj<Args>;

/** The button inside the host's shadow root, once the host has rendered. */
async function shadowButton(canvasElement: HTMLElement): Promise<HTMLButtonElement> {
  const host = canvasElement.querySelector('kk-test-host')!;
  await host.updateComplete;
  return host.shadowRoot!.querySelector('button')!;
}

export const Primary: Story = {
  args: { label: 'Skicka', variant: 'primary' },
  play: async ({ canvasElement, args }) => {
    (await shadowButton(canvasElement)).click();
    await expect(args.onClick).toHaveBeenCalledOnce();
  },
};
export const Secondary: Story = { args: { label: 'Avbryt', variant: 'secondary' } };
export const Warning: Story = { args: { label: 'Ta bort utkastet', variant: 'warning' } };
export const Disabled: Story = { args: { label: 'Inte tillgänglig', variant: 'primary', disabled: true } };

/** Busy stays focusable but ignores clicks, so a double click does not send twice. */
export const Busy: Story = {
  args: { label: 'Skickar…', variant: 'primary', busy: true },
  play: async ({ canvasElement, args }) => {
    const element = await shadowButton(canvasElement);
    element.click();
    await expect(element).toHaveAttribute('aria-disabled', 'true');
    await expect(args.onClick).not.toHaveBeenCalled();
  },
};
