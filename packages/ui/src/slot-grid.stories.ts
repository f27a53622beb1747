import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '../test/slot-grid-demo.js';
import type { KkSlotGridDemo } from '../test/slot-grid-demo.js';

/**
 * A week of slots on `GridController` and `slotGrid()` (lokalbokning): the WAI-ARIA grid
 * pattern, one tab stop, arrow keys, Home/End, Ctrl+Home/End, PageUp/PageDown, Enter/Space.
 */
const meta: Meta = {
  title: 'ui/Slot grid',
  render: () => html`<kk-slot-grid-demo></kk-slot-grid-demo>`,
};
export default meta;

type Story = StoryObj;

export const Week: Story = {};

export const Selected: Story = {
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector<KkSlotGridDemo>('kk-slot-grid-demo')!;
    await element.updateComplete;
    element.grid.select({ row: 2, column: 3 });
    element.grid.focus({ row: 2, column: 3 });
    await element.updateComplete;
    await expect(element.shadowRoot!.querySelector('[aria-selected=true]')?.getAttribute('data-kk-slot')).toBe('2026-12-10T12:00');
  },
};

export const English: Story = { render: () => html`<kk-slot-grid-demo lang="en"></kk-slot-grid-demo>` };
