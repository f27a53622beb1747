import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '../test/add-another-demo.js';
import type { KkAddAnotherDemo } from '../test/add-another-demo.js';

/**
 * The "add another" pattern (`AddAnotherController`, `addAnother()`): a barnomsorg-like page
 * with one to three children, each its own fieldset and form, all errors in one summary.
 */
const meta: Meta = {
  title: 'ui/Add another',
  render: () => html`<kk-add-another-demo></kk-add-another-demo>`,
};
export default meta;

type Story = StoryObj;

const demo = async (canvasElement: HTMLElement) => {
  const element = canvasElement.querySelector<KkAddAnotherDemo>('kk-add-another-demo')!;
  await element.updateComplete;
  return element;
};

export const OneItem: Story = {};

export const TwoItems: Story = {
  play: async ({ canvasElement }) => {
    const element = await demo(canvasElement);
    element.childList.add();
    await element.updateComplete;
    await expect(element.shadowRoot!.activeElement?.id).toBe('child-2-name');
  },
};

export const Full: Story = {
  play: async ({ canvasElement }) => {
    const element = await demo(canvasElement);
    element.childList.add();
    element.childList.add();
    await element.updateComplete;
    await expect(element.childList.canAdd).toBe(false);
  },
};

export const Errors: Story = {
  play: async ({ canvasElement }) => {
    const element = await demo(canvasElement);
    element.childList.add();
    await element.updateComplete;
    element.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await element.updateComplete;
    await expect(element.shadowRoot!.querySelectorAll('[data-kk-error-summary] a').length).toBe(5);
  },
};

export const English: Story = { render: () => html`<kk-add-another-demo lang="en"></kk-add-another-demo>` };
