import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '../test/questions-demo.js';
import { lampQuestions, potholeQuestions, type KkQuestionsDemo } from '../test/questions-demo.js';

/**
 * `questionForm` and `questionFields`: questions that arrive at run time (a felanmälan
 * category's Open311 attributes) rendered as fields of the page's one form, with
 * `FormController.setFields` when the category changes.
 */
const meta: Meta = {
  title: 'ui/Questions',
  // States reached by a play function or a mocked gateway need a page each: on the Docs page every story is a frame of its own.
  parameters: { docs: { story: { inline: false, height: '520px' } } },
  render: () => html`<kk-questions-demo></kk-questions-demo>`,
};
export default meta;

type Story = StoryObj;

const demo = async (canvasElement: HTMLElement, questions = potholeQuestions) => {
  const element = canvasElement.querySelector<KkQuestionsDemo>('kk-questions-demo')!;
  element.setQuestions(questions);
  await element.updateComplete;
  return element;
};

export const EveryKind: Story = {
  play: async ({ canvasElement }) => {
    await demo(canvasElement);
  },
};

export const Errors: Story = {
  play: async ({ canvasElement }) => {
    const element = await demo(canvasElement);
    element.form.set('attr_depth', '3,5');
    element.form.blur('attr_depth');
    element.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await element.updateComplete;
    await expect(element.shadowRoot!.querySelector('[data-kk-error-summary]')).not.toBeNull();
  },
};

export const CategoryChanged: Story = {
  play: async ({ canvasElement }) => {
    const element = await demo(canvasElement);
    element.form.set('attr_lane', 'road');
    element.setQuestions(lampQuestions);
    await element.updateComplete;
    await expect(element.form.values.attr_lane).toBe('road');
  },
};

export const English: Story = {
  render: () => html`<kk-questions-demo lang="en"></kk-questions-demo>`,
  play: async ({ canvasElement }) => {
    const element = await demo(canvasElement);
    element.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await element.updateComplete;
  },
};
