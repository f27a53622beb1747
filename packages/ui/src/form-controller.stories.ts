import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '../test/questions-demo.js';
import { lampQuestions, potholeQuestions, type KkQuestionsDemo } from '../test/questions-demo.js';

/**
 * `FormController.bind()` spread into field templates (no hand-written handlers), and
 * `setFields()` replacing the set of fields at run time: answers that fit are kept.
 */
const meta: Meta = {
  title: 'ui/Form controller',
  render: () => html`<kk-questions-demo></kk-questions-demo>`,
};
export default meta;

type Story = StoryObj;

export const Bound: Story = {
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector<KkQuestionsDemo>('kk-questions-demo')!;
    element.setQuestions(potholeQuestions);
    await element.updateComplete;
    element.form.bind('description').onInput('Stort hål i körbanan');
    await element.updateComplete;
    await expect(element.shadowRoot!.querySelector('textarea')?.value).toBe('Stort hål i körbanan');
  },
};

export const FieldsReplaced: Story = {
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector<KkQuestionsDemo>('kk-questions-demo')!;
    element.setQuestions(potholeQuestions);
    element.form.set('attr_depth', '4');
    element.form.submit();
    element.setQuestions(lampQuestions);
    await element.updateComplete;
    await expect(element.form.values.attr_depth).toBeUndefined();
  },
};
