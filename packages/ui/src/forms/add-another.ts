import { msg, str } from '../localization.js';
import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import type { ErrorSummaryItem } from './error-summary.js';
import { FormController, type FormRules } from './form-controller.js';

type Values = Record<string, unknown>;

/** One repeated item: its own form, so its fields bind with their types, and a stable key. */
export interface AddAnotherItem<Item extends Values> {
  /** Stable for the item's life and never reused, so ids stay unique after a removal. */
  readonly key: string;
  readonly form: FormController<Item>;
}

export interface AddAnotherOptions<Item extends Values> {
  /** Starts the ids: item fields get `${idPrefix}-${n}-${field}`, the add button `${idPrefix}-add`. */
  idPrefix: string;
  /** Values of a new, empty item. */
  empty: () => Item;
  rules: FormRules<Item>;
  /** The item's name by its position from 1, e.g. `(n) => msg(str\`Barn ${n}\`)`: legend, summary, announcements. */
  itemLabel: (position: number) => string;
  /** Fewest items; the last ones cannot be removed. Default 1. */
  min?: number;
  /** Most items; the add button goes when there are this many. Default no limit. */
  max?: number;
  /** Items to start with (a restored draft); else `min` empty ones. */
  items?: readonly Item[];
  /** After every change of a value and every add or remove, e.g. to save a draft. */
  onChange?: (items: Item[]) => void;
}

/**
 * The GOV.UK "add another" pattern as a controller: a list of items, each with its own
 * `FormController` whose ids are unique (`${idPrefix}-${key}-${field}`), so all errors go into
 * the page's one error summary (`[...form.summary(), ...list.summary()]`). Adding moves focus to
 * the new item's first field, removing to the first field of the item that took its place (or
 * to the add button), and both are announced politely.
 */
export class AddAnotherController<Item extends Values> implements ReactiveController {
  items: readonly AddAnotherItem<Item>[] = [];
  /** The last add or remove, in words, for the polite live region. */
  announcement = '';
  private readonly host: ReactiveElement;
  private readonly options: AddAnotherOptions<Item>;
  private sequence = 0;
  /** What to focus after the next render: an item's key, or the add button. */
  private focusTarget: string | undefined;

  constructor(host: ReactiveElement, options: AddAnotherOptions<Item>) {
    this.host = host;
    this.options = options;
    host.addController(this);
    this.setValues(options.items ?? []);
  }

  get min(): number {
    return Math.max(0, this.options.min ?? 1);
  }

  get max(): number {
    return this.options.max ?? Number.POSITIVE_INFINITY;
  }

  get canAdd(): boolean {
    return this.items.length < this.max;
  }

  get canRemove(): boolean {
    return this.items.length > this.min;
  }

  get idPrefix(): string {
    return this.options.idPrefix;
  }

  get addButtonId(): string {
    return `${this.options.idPrefix}-add`;
  }

  itemLabel(position: number): string {
    return this.options.itemLabel(position);
  }

  /** The values of every item, in order. */
  get values(): Item[] {
    return this.items.map((item) => item.form.values);
  }

  hostUpdated(): void {
    const target = this.focusTarget;
    if (target === undefined) return;
    this.focusTarget = undefined;
    const root = this.host.renderRoot;
    const element =
      target === this.addButtonId
        ? root.querySelector<HTMLElement>(`#${CSS.escape(target)}`)
        : root.querySelector<HTMLElement>(`[data-kk-item="${CSS.escape(target)}"] :is(input, select, textarea, button)`);
    element?.focus();
  }

  /** Replaces every item, e.g. with a restored draft; never fewer than `min`. Focus is not moved. */
  setValues(values: readonly Item[]): void {
    for (const item of this.items) this.host.removeController(item.form);
    const list = [...values.slice(0, this.max)];
    while (list.length < this.min) list.push(this.options.empty());
    this.items = list.map((value) => this.createItem(value));
    this.host.requestUpdate();
  }

  /** Adds an empty item at the end and moves focus to its first field. */
  add(): void {
    if (!this.canAdd) return;
    const item = this.createItem(this.options.empty());
    this.items = [...this.items, item];
    this.focusTarget = item.key;
    this.announce(msg(str`${this.itemLabel(this.items.length)} har lagts till.`));
    this.changed();
  }

  /** Removes an item; focus goes to the item that took its place, or to the add button. */
  remove(key: string): void {
    const index = this.items.findIndex((item) => item.key === key);
    if (index < 0 || !this.canRemove) return;
    const removed = this.items[index]!;
    this.host.removeController(removed.form);
    this.items = this.items.filter((item) => item !== removed);
    this.focusTarget = this.items[index]?.key ?? this.addButtonId;
    this.announce(msg(str`${this.itemLabel(index + 1)} har tagits bort.`));
    this.changed();
  }

  /** Checks every item, required fields included. True when all are valid. */
  submit(): boolean {
    return this.items.map((item) => item.form.submit()).every(Boolean);
  }

  /** Errors of every item, in order, each message prefixed with the item's label. */
  summary(): ErrorSummaryItem[] {
    return this.items.flatMap((item, index) =>
      item.form.summary().map((error) => ({ id: error.id, message: `${this.itemLabel(index + 1)}: ${error.message}` })),
    );
  }

  private createItem(values: Item): AddAnotherItem<Item> {
    this.sequence += 1;
    const key = `${this.options.idPrefix}-${String(this.sequence)}`;
    const form = new FormController<Item>(this.host, {
      initial: { ...this.options.empty(), ...values },
      rules: this.options.rules,
      idFor: (name) => `${key}-${name}`,
      onChange: () => this.options.onChange?.(this.values),
    });
    return { key, form };
  }

  /** A live region does not repeat unchanged text, so the same news twice gets a trailing no-break space. */
  private announce(text: string): void {
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  private changed(): void {
    this.options.onChange?.(this.values);
    this.host.requestUpdate();
  }
}

export interface AddAnotherTemplateOptions<Item extends Values> {
  /** The fields of one item, bound to `item.form`. */
  renderItem: (item: AddAnotherItem<Item>, position: number) => TemplateResult;
  /** Text of the add button, e.g. "Lägg till ett barn till". */
  addLabel: string;
  /** Shown instead of the add button when the list is full, e.g. "Du kan lägga till högst 6 barn." */
  fullMessage?: string;
}

/**
 * The repeated fieldsets, one per item with its label as legend, a "Ta bort" button on each
 * while more than `min` remain, the add button while fewer than `max`, and a polite live region
 * that tells screen reader users what was added or removed.
 */
export function addAnother<Item extends Values>(list: AddAnotherController<Item>, options: AddAnotherTemplateOptions<Item>): TemplateResult {
  return html`<div class="kk-add-another">
    ${list.items.map(
      (item, index) => html`<fieldset class="kk-fieldset kk-add-another__item" data-kk-item=${item.key}>
        <legend class="kk-legend kk-add-another__legend">${list.itemLabel(index + 1)}</legend>
        ${options.renderItem(item, index + 1)}
        ${list.canRemove
          ? html`<button type="button" class="kk-button kk-button--secondary kk-add-another__remove" @click=${() => list.remove(item.key)}>
              ${msg('Ta bort')}<span class="kk-visually-hidden"> ${list.itemLabel(index + 1)}</span>
            </button>`
          : nothing}
      </fieldset>`,
    )}
    ${list.canAdd
      ? html`<button type="button" class="kk-button kk-button--secondary kk-add-another__add" id=${list.addButtonId} @click=${() => list.add()}>
          ${options.addLabel}
        </button>`
      : options.fullMessage
        ? html`<p class="kk-hint">${options.fullMessage}</p>`
        : nothing}
    <div class="kk-visually-hidden" role="status">${list.announcement}</div>
  </div>`;
}
