import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '../test/example-form.js';
import type { KkExampleForm } from '../test/example-form.js';

/**
 * A question flow built from the ui parts, as a service builds one: question page, error
 * summary, check answers with change links, confirmation.
 */
const meta: Meta = {
  title: 'ui/Question flow',
  // States reached by a play function or a mocked gateway need a page each: on the Docs page every story is a frame of its own.
  parameters: { docs: { story: { inline: false, height: '420px' } } },
  render: () => html`<kk-example-form></kk-example-form>`,
};
export default meta;

type Story = StoryObj;

const form = (canvasElement: HTMLElement) => canvasElement.querySelector<KkExampleForm>('kk-example-form')!;

export const QuestionPage: Story = {};

export const ErrorSummary: Story = {
  play: async ({ canvasElement }) => {
    const element = form(canvasElement);
    await element.updateComplete;
    element.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await element.updateComplete;
    const summary = element.shadowRoot!.querySelector('[data-kk-error-summary]');
    await expect(summary).not.toBeNull();
    await expect(element.shadowRoot!.activeElement).toBe(summary);
  },
};

export const CheckAnswers: Story = {
  play: async ({ canvasElement }) => {
    const element = form(canvasElement);
    await element.updateComplete;
    element.form.set('name', 'Anna Andersson');
    element.form.set('message', 'Gatlampan utanför nummer 12 lyser inte.');
    element.form.set('contact', 'email');
    element.form.set('area', 'north');
    element.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await element.updateComplete;
    await expect(element.steps.current).toBe('check');
  },
};

export const HeadingLevelThree: Story = { render: () => html`<kk-example-form heading-level="3"></kk-example-form>` };
