import { html, type TemplateResult } from 'lit';
import { KkElement } from '../src/base-element.js';
import { GridController, slotGrid, type Slot } from '../src/grid-controller.js';
import { formStyles } from '../src/forms/styles.js';
import { uiStyles } from '../src/styles.js';

export const days = [
  { id: '2026-12-07', label: 'mån 7 dec' },
  { id: '2026-12-08', label: 'tis 8 dec' },
  { id: '2026-12-09', label: 'ons 9 dec' },
  { id: '2026-12-10', label: 'tor 10 dec' },
  { id: '2026-12-11', label: 'fre 11 dec' },
  { id: '2026-12-12', label: 'lör 12 dec' },
  { id: '2026-12-13', label: 'sön 13 dec' },
];
export const times = ['08:00', '10:00', '12:00', '14:00', '16:00', '18:00'].map((start, index, all) => ({
  id: start,
  label: `${start}–${all[index + 1] ?? '20:00'}`,
}));

/** A week of a lokal: booked here and there, closed on Sunday morning. */
export function weekSlot(row: number, column: number): Slot | undefined {
  if (column === 6 && row < 2) return undefined;
  return { id: `${days[column]!.id}T${times[row]!.id}`, disabled: (row * 7 + column) % 5 === 1 };
}

/** A lokalbokning-like week picker on `GridController` and `slotGrid`. */
export class KkSlotGridDemo extends KkElement {
  static override styles = [uiStyles, formStyles];

  selected: string | undefined;
  slotAt: (row: number, column: number) => Slot | undefined = weekSlot;

  readonly grid = new GridController(this, {
    id: 'week',
    rows: () => times.length,
    columns: () => days.length,
    isDisabled: ({ row, column }) => this.slotAt(row, column)?.disabled ?? true,
    onSelect: ({ row, column }) => {
      this.selected = this.slotAt(row, column)?.id;
    },
  });

  override render(): TemplateResult {
    return html`<p><button type="button" class="kk-button kk-button--secondary">Föregående vecka</button></p>
      ${slotGrid(this.grid, {
        caption: 'Lediga tider vecka 50',
        columns: days,
        rows: times,
        slot: (row, column) => this.slotAt(row, column),
        selected: this.selected,
      })}
      <p><button type="button" class="kk-button kk-button--primary">Fortsätt</button></p>`;
  }
}

KkSlotGridDemo.define('kk-slot-grid-demo');

declare global {
  interface HTMLElementTagNameMap {
    'kk-slot-grid-demo': KkSlotGridDemo;
  }
}
