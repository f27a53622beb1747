import { msg } from './localization.js';
import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** A cell position; row and column count from 0 over the data cells (headers excluded). */
export interface GridPosition {
  row: number;
  column: number;
}

export interface GridControllerOptions {
  /** Unique within the host's shadow root; the grid element carries it as `data-kk-grid`. */
  id: string;
  rows: () => number;
  columns: () => number;
  /** A disabled cell can be focused (and is announced as unavailable) but not selected. */
  isDisabled?: (position: GridPosition) => boolean;
  /** Enter, Space or a click on a cell that is not disabled. */
  onSelect: (position: GridPosition) => void;
  /** The cell that is tabbable before the citizen has moved, e.g. the selected one. Default the first. */
  initial?: () => GridPosition | undefined;
  /** Rows that PageUp and PageDown move. Default 5. */
  pageRows?: number;
}

/**
 * Keyboard support of the WAI-ARIA grid pattern for a two-dimensional picker (days × times):
 * one cell is tabbable (roving tabindex), arrow keys move by cell, Home and End to the start and
 * end of the row, Ctrl+Home and Ctrl+End to the first and last cell, PageUp and PageDown by
 * `pageRows` rows, Enter and Space select. Each data cell carries `tabindex=${grid.tabIndex(p)}`,
 * `data-kk-row` and `data-kk-column`; the grid element carries `data-kk-grid=${grid.id}`,
 * `@keydown=${grid.onKeydown}` and `@focusin=${grid.onFocusin}` (see `slotGrid`).
 */
export class GridController implements ReactiveController {
  private readonly host: ReactiveElement;
  private readonly options: GridControllerOptions;
  private position: GridPosition | undefined;
  private focusPending = false;

  constructor(host: ReactiveElement, options: GridControllerOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  get id(): string {
    return this.options.id;
  }

  /** The tabbable cell, kept inside the grid when it shrinks. */
  get active(): GridPosition {
    const rows = this.options.rows();
    const columns = this.options.columns();
    const position = this.position ?? this.options.initial?.() ?? { row: 0, column: 0 };
    return { row: clamp(position.row, rows), column: clamp(position.column, columns) };
  }

  tabIndex(position: GridPosition): 0 | -1 {
    const { row, column } = this.active;
    return position.row === row && position.column === column ? 0 : -1;
  }

  isDisabled(position: GridPosition): boolean {
    return this.options.isDisabled?.(position) ?? false;
  }

  /** Makes a cell the tabbable one and focuses it once the host has rendered. */
  focus(position: GridPosition): void {
    this.position = { row: clamp(position.row, this.options.rows()), column: clamp(position.column, this.options.columns()) };
    this.focusPending = true;
    this.host.requestUpdate();
  }

  /** Selects a cell unless it is disabled; true when it was selected. */
  select(position: GridPosition): boolean {
    this.position = position;
    if (this.isDisabled(position)) {
      this.host.requestUpdate();
      return false;
    }
    this.options.onSelect(position);
    this.host.requestUpdate();
    return true;
  }

  hostUpdated(): void {
    if (!this.focusPending) return;
    this.focusPending = false;
    const { row, column } = this.active;
    this.host.renderRoot
      .querySelector<HTMLElement>(`[data-kk-grid="${CSS.escape(this.options.id)}"] [data-kk-row="${String(row)}"][data-kk-column="${String(column)}"]`)
      ?.focus();
  }

  /** For `@keydown` on the grid element. */
  readonly onKeydown = (event: KeyboardEvent): void => {
    const target = this.positionOf(event.target);
    if (!target) return;
    const rows = this.options.rows();
    const columns = this.options.columns();
    const page = this.options.pageRows ?? 5;
    const control = event.ctrlKey || event.metaKey;
    let next: GridPosition | undefined;
    switch (event.key) {
      case 'ArrowRight':
        next = { ...target, column: target.column + 1 };
        break;
      case 'ArrowLeft':
        next = { ...target, column: target.column - 1 };
        break;
      case 'ArrowDown':
        next = { ...target, row: target.row + 1 };
        break;
      case 'ArrowUp':
        next = { ...target, row: target.row - 1 };
        break;
      case 'Home':
        next = control ? { row: 0, column: 0 } : { ...target, column: 0 };
        break;
      case 'End':
        next = control ? { row: rows - 1, column: columns - 1 } : { ...target, column: columns - 1 };
        break;
      case 'PageDown':
        next = { ...target, row: target.row + page };
        break;
      case 'PageUp':
        next = { ...target, row: target.row - page };
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.select(target);
        return;
      default:
        return;
    }
    event.preventDefault();
    this.focus(next);
  };

  /** For `@focusin` on the grid element: a cell focused by mouse or by script becomes the tabbable one. */
  readonly onFocusin = (event: FocusEvent): void => {
    const target = this.positionOf(event.target);
    if (!target) return;
    const { row, column } = this.active;
    if (target.row === row && target.column === column) return;
    this.position = target;
    this.host.requestUpdate();
  };

  private positionOf(target: EventTarget | null): GridPosition | undefined {
    const cell = target instanceof Element ? target.closest('[data-kk-row][data-kk-column]') : null;
    if (!cell) return undefined;
    return { row: Number(cell.getAttribute('data-kk-row')), column: Number(cell.getAttribute('data-kk-column')) };
  }
}

const clamp = (value: number, count: number): number => Math.max(0, Math.min(count - 1, value));

/** One bookable time in a slot grid. */
export interface Slot {
  id: string;
  /** Already booked or otherwise unavailable: focusable, announced, not selectable. */
  disabled?: boolean;
  /** Text in the cell, e.g. "Ledig" (default) or "Bokad" (default for a disabled slot). */
  text?: string;
}

export interface SlotGridOptions {
  /** The grid's caption, e.g. "Lediga tider vecka 50". */
  caption: string;
  /** Days, left to right: full label for screen readers and the header. */
  columns: readonly { id: string; label: string }[];
  /** Times, top to bottom, e.g. "08:00–09:00". */
  rows: readonly { id: string; label: string }[];
  /** Header of the time column. Default "Tid". */
  rowHeader?: string;
  /** The slot at a time on a day, or undefined when there is none. */
  slot: (row: number, column: number) => Slot | undefined;
  /** Id of the selected slot. */
  selected: string | undefined;
}

/**
 * A days × times slot picker on a `GridController` (whose `rows`, `columns`, `isDisabled` and
 * `onSelect` must describe the same slots): a table with `role="grid"`, column headers for the
 * days, row headers for the times, `aria-selected` on the chosen slot and `aria-disabled` on the
 * booked ones. The chosen slot also says "Vald" in words, so colour is not the only sign.
 */
export function slotGrid(grid: GridController, options: SlotGridOptions): TemplateResult {
  const captionId = `${grid.id}-caption`;
  return html`<div class="kk-slot-grid">
    <table role="grid" class="kk-slot-grid__table" aria-labelledby=${captionId} data-kk-grid=${grid.id} @keydown=${grid.onKeydown} @focusin=${grid.onFocusin}>
      <caption class="kk-slot-grid__caption" id=${captionId}>${options.caption}</caption>
      <thead>
        <tr role="row">
          <th role="columnheader" scope="col">${options.rowHeader ?? msg('Tid')}</th>
          ${options.columns.map((column) => html`<th role="columnheader" scope="col">${column.label}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${options.rows.map(
          (row, rowIndex) => html`<tr role="row">
            <th role="rowheader" scope="row">${row.label}</th>
            ${options.columns.map((_, columnIndex) => slotCell(grid, options, rowIndex, columnIndex))}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function slotCell(grid: GridController, options: SlotGridOptions, row: number, column: number): TemplateResult {
  const position = { row, column };
  const slot = options.slot(row, column);
  const selected = slot !== undefined && slot.id === options.selected;
  const disabled = slot === undefined || (slot.disabled ?? false);
  const text = slot === undefined ? msg('Ingen tid') : (slot.text ?? (disabled ? msg('Bokad') : msg('Ledig')));
  const state = selected ? 'selected' : slot === undefined ? 'none' : disabled ? 'booked' : 'free';
  return html`<td
    role="gridcell"
    class="kk-slot-grid__cell kk-slot-grid__cell--${state}"
    tabindex=${grid.tabIndex(position)}
    data-kk-row=${row}
    data-kk-column=${column}
    data-kk-slot=${ifDefined(slot?.id)}
    aria-selected=${selected ? 'true' : 'false'}
    aria-disabled=${disabled ? 'true' : nothing}
    @click=${() => grid.select(position)}
  >
    ${selected ? html`<span aria-hidden="true">✓ </span>${msg('Vald')}` : text}
  </td>`;
}
