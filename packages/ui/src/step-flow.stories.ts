import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn } from 'storybook/test';
import '../test/host.js';
import { heading } from './heading.js';
import { backLink, continueButton, stepCounter } from './forms/step-flow.js';

interface Args {
  onBack: () => void;
}

/**
 * The navigation parts of a question page: "Tillbaka", "Steg 2 av 5" and "Fortsätt". The
 * whole flow with `StepController` is in ui/Question flow.
 */
const meta: Meta<Args> = {
  title: 'ui/Step flow',
  args: { onBack: fn() },
};
export default meta;

type Story = StoryObj<Args>;

export const QuestionPageNavigation: Story = {
  render: ({ onBack }) =>
    html`<kk-test-host
      .template=${() => html`${backLink({ onClick: onBack })} ${stepCounter(1, 5)}
        ${heading({ level: 2, focusTarget: true }, 'Var är felet?')}
        <form @submit=${(event: Event) => event.preventDefault()}>${continueButton()}</form>`}
    ></kk-test-host>`,
  play: async ({ canvasElement, args }) => {
    const host = canvasElement.querySelector('kk-test-host')!;
    await host.updateComplete;
    await expect(host.shadowRoot!.querySelector('.kk-step-counter')).toHaveTextContent('Steg 2 av 5');
    host.shadowRoot!.querySelector<HTMLButtonElement>('.kk-back-link')!.click();
    await expect(args.onBack).toHaveBeenCalledOnce();
  },
};

export const CustomLabels: Story = {
  render: ({ onBack }) =>
    html`<kk-test-host
      .template=${() => html`${backLink({ onClick: onBack, label: 'Tillbaka till kartan' })}
        <form @submit=${(event: Event) => event.preventDefault()}>${continueButton({ label: 'Gå vidare till granskning' })}</form>`}
    ></kk-test-host>`,
};
