import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../test/host.js';
import { textField } from './forms/fields/text.js';
import { questionPage } from './forms/question-page.js';
import { continueButton } from './forms/step-flow.js';

/** `questionPage()`: "Tillbaka", the caption, the heading that takes focus, the error summary and the form. */
const meta: Meta = { title: 'ui/Question page' };
export default meta;

type Story = StoryObj;

const page = (errors: { id: string; message: string }[]) => () =>
  questionPage({
    headingLevel: 2,
    title: 'Var är felet?',
    caption: 'Steg 2 av 5',
    back: () => undefined,
    errors,
    onSubmit: () => undefined,
    content: html`${textField({
        id: 'plats',
        name: 'plats',
        label: 'Adress eller plats',
        hint: 'Till exempel Storgatan 12, vid busshållplatsen',
        value: '',
        error: errors[0]?.message,
        onInput: () => undefined,
      })}
      ${continueButton()}`,
  });

export const Default: Story = { render: () => html`<kk-test-host .template=${page([])}></kk-test-host>` };

export const WithErrors: Story = {
  render: () => html`<kk-test-host .template=${page([{ id: 'plats', message: 'Ange var felet är' }])}></kk-test-host>`,
};
