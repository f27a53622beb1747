import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent } from 'storybook/test';
import type { KkTestHost } from '../test/host.js';
import '../test/host.js';
import { textarea } from './forms/fields/text.js';

interface Args {
  value: string;
  max: number;
  error?: string;
}

/** A textarea with GOV.UK's character count; the value lives in the story, so typing counts. */
function render({ value: start, max, error }: Args, lang = 'sv') {
  let value = start;
  return html`<kk-test-host
    lang=${lang}
    .template=${(host: KkTestHost) =>
      textarea({
        id: 'beskrivning',
        name: 'beskrivning',
        label: lang === 'en' ? 'Describe the fault' : 'Beskriv felet',
        hint: lang === 'en' ? 'What is wrong, and where.' : 'Skriv vad som är fel och var.',
        value,
        error,
        count: { max },
        onInput: (next) => {
          value = next;
          host.requestUpdate();
        },
      })}
  ></kk-test-host>`;
}

/**
 * "Du har 12 tecken kvar" under the box, announced when typing pauses. No `maxlength`: a
 * longer text can be pasted, and the count says how much too long it is.
 */
const meta: Meta<Args> = {
  title: 'ui/Character count',
  // States reached by a play function or a mocked gateway need a page each: on the Docs page every story is a frame of its own.
  parameters: { docs: { story: { inline: false, height: '260px' } } },
  args: { value: '', max: 200 },
  render: (args) => render(args),
};
export default meta;

type Story = StoryObj<Args>;

export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const host = canvasElement.querySelector('kk-test-host')!;
    await host.updateComplete;
    await userEvent.type(host.shadowRoot!.querySelector('textarea')!, 'Trasig lampa');
    await host.updateComplete;
    await expect(host.shadowRoot!.querySelector('.kk-character-count')!.textContent).toBe('Du har 188 tecken kvar');
  },
};

export const NearTheLimit: Story = { args: { value: 'Lampan vid busshållplatsen på Storgatan lyser inte.', max: 52 } };

export const OverTheLimit: Story = { args: { value: 'Lampan vid busshållplatsen på Storgatan lyser inte sedan i måndags.', max: 50 } };

/** Over the limit after submitting: the form's error and the count together. */
export const WithError: Story = {
  args: {
    value: 'Lampan vid busshållplatsen på Storgatan lyser inte sedan i måndags.',
    max: 50,
    error: 'Beskrivningen får vara högst 50 tecken',
  },
};

export const English: Story = { args: { value: 'The street lamp is out.', max: 40 }, render: (args) => render(args, 'en') };
