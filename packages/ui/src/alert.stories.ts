import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../test/host.js';
import { alert } from './feedback.js';

interface Args {
  tone: 'info' | 'success' | 'warning' | 'error';
  title: string;
  text: string;
}

/** Rendered inside a widget-like shadow root, since the ui styles only apply there. */
const render = ({ tone, title, text }: Args) =>
  html`<kk-test-host .template=${() => alert({ tone, title, body: html`<p>${text}</p>` })}></kk-test-host>`;

/** `error` and `warning` interrupt (role=alert); `info` and `success` are polite (role=status). */
const meta: Meta<Args> = {
  title: 'ui/Alert',
  render,
  argTypes: { tone: { control: 'select', options: ['info', 'success', 'warning', 'error'] } },
};
export default meta;

type Story = StoryObj<Args>;

export const Info: Story = { args: { tone: 'info', title: 'Planerat arbete', text: 'Vattnet stängs av på Storgatan tisdag 9–12.' } };
export const Success: Story = { args: { tone: 'success', title: 'Sparat', text: 'Ditt utkast är sparat.' } };
export const Warning: Story = {
  args: { tone: 'warning', title: 'Kontrollera datumet', text: 'Startdatumet är tidigare än fyra månader från i dag.' },
};
export const ErrorTone: Story = {
  name: 'Error',
  args: { tone: 'error', title: 'Det gick inte att skicka', text: 'Försök igen om en stund. Det du skrivit finns kvar.' },
};
