import { msg } from './localization.js';
import { css, html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { alert, button, spinner, statusTag, type Tone } from './feedback.js';
import { backLink } from './forms/step-flow.js';
import { heading, subLevel, type HeadingLevel } from './heading.js';

/** One row of the list: an application, an invoice, a booking. */
export interface ListDetailItem {
  id: string;
  title: string;
  /** A second line: a date, an amount, a place. */
  secondary?: unknown;
  status?: { label: string; tone?: Tone };
}

const listHeadingSelector = '[data-kk-list-heading] [data-kk-focus-target]';

export interface ListDetailControllerOptions {
  /** Called with the chosen id, or `undefined` back on the list (to load the detail, or track it). */
  onChange?: (id: string | undefined) => void;
}

/**
 * Which item of a list/detail view is open, and the focus moves that go with it: to the
 * detail's heading on open, back to the chosen row on return (or the list heading when that
 * row is gone), and to the list heading after a page change (`focusList()`).
 */
export class ListDetailController implements ReactiveController {
  private current: string | undefined;
  private pendingFocus: { kind: 'detail' } | { kind: 'row'; id: string } | { kind: 'list' } | undefined;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: ListDetailControllerOptions = {},
  ) {
    host.addController(this);
  }

  /** Id of the open item, `undefined` while the list shows. */
  get selected(): string | undefined {
    return this.current;
  }

  open(id: string): void {
    this.current = id;
    this.pendingFocus = { kind: 'detail' };
    this.options.onChange?.(id);
    this.host.requestUpdate();
  }

  back(): void {
    const id = this.current;
    this.current = undefined;
    this.pendingFocus = id === undefined ? { kind: 'list' } : { kind: 'row', id };
    this.options.onChange?.(undefined);
    this.host.requestUpdate();
  }

  /** Moves focus to the list heading after the next update, e.g. after `pager()` changed page. */
  focusList(): void {
    this.pendingFocus = { kind: 'list' };
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const pending = this.pendingFocus;
    if (!pending) return;
    this.pendingFocus = undefined;
    const root = this.host.renderRoot;
    const find = (selector: string) => root.querySelector<HTMLElement>(selector);
    const target =
      pending.kind === 'detail'
        ? find('[data-kk-detail-heading] [data-kk-focus-target]')
        : pending.kind === 'row'
          ? (find(`[data-kk-list-row="${CSS.escape(pending.id)}"]`) ?? find(listHeadingSelector))
          : find(listHeadingSelector);
    target?.focus();
  }
}

export interface ListDetailOptions<T extends ListDetailItem> {
  controller: ListDetailController;
  /** The list's heading, e.g. "Mina ansökningar". */
  title: string;
  headingLevel: HeadingLevel;
  /** Id prefix, unique within the shadow root; the list heading's id is `${id}-title`. */
  id?: string;
  /** The list's state: loading (spinner), error (alert with "Försök igen") or its items. */
  state: { status: 'loading'; label?: string } | { status: 'error'; message?: string; onRetry: () => void } | { status: 'ready'; items: readonly T[] };
  /** Shown when the list has no items, e.g. "Du har inga ansökningar". */
  emptyText: string;
  /** Content under the rows, such as `pager()`. */
  footer?: unknown;
  /** The open item's content, under its heading (the item's title). */
  detail: (item: T) => unknown;
  /** Text of the back button; "Tillbaka till listan" by default. */
  backLabel?: string;
}

/**
 * A list of a citizen's things ("Mina ansökningar", "Mina fakturor") where each row opens its
 * detail inside the widget. Rows are buttons, since opening one changes the view, not the URL;
 * each row's name is its title, secondary text and status, so a screen reader user can tell
 * the rows apart. The spinner and the error alert announce themselves; the loaded list is
 * not read out as a whole.
 *
 * The headings are focus targets inside a wrapper of their own: `heading()` marks them only
 * with the shared `data-kk-focus-target`, which a StepController in the same widget also uses.
 */
export function listDetail<T extends ListDetailItem>(options: ListDetailOptions<T>): TemplateResult {
  const id = options.id ?? 'kk-list';
  const { controller, state } = options;
  const open = state.status === 'ready' && controller.selected !== undefined ? state.items.find((item) => item.id === controller.selected) : undefined;
  if (open) {
    return html`<div class="kk-detail" id=${`${id}-detail`}>
      ${backLink({ label: options.backLabel ?? msg('Tillbaka till listan'), onClick: () => controller.back() })}
      <div data-kk-detail-heading>${heading({ level: options.headingLevel, id: `${id}-detail-title`, focusTarget: true }, open.title)}</div>
      ${open.status ? html`<p>${statusTag(open.status)}</p>` : nothing} ${options.detail(open)}
    </div>`;
  }
  return html`<section class="kk-list" aria-labelledby=${`${id}-title`}>
    <div data-kk-list-heading>${heading({ level: options.headingLevel, id: `${id}-title`, focusTarget: true }, options.title)}</div>
    <div class="kk-list__body">${body(options, id)}</div>
    ${state.status === 'ready' && state.items.length > 0 ? (options.footer ?? nothing) : nothing}
  </section>`;
}

function body<T extends ListDetailItem>(options: ListDetailOptions<T>, id: string): unknown {
  const { state, controller } = options;
  if (state.status === 'loading') return spinner(state.label ? { label: state.label } : {});
  if (state.status === 'error')
    return alert({
      tone: 'error',
      title: msg('Det gick inte att hämta listan'),
      headingLevel: subLevel(options.headingLevel),
      body: html`<p>${state.message ?? msg('Tjänsten svarar inte just nu. Försök igen om en stund.')}</p>
        ${button({ label: msg('Försök igen'), variant: 'secondary', onClick: state.onRetry })}`,
    });
  if (state.items.length === 0) return html`<p class="kk-list__empty">${options.emptyText}</p>`;
  return html`<ul class="kk-list__items" id=${`${id}-items`}>
    ${state.items.map(
      (item) => html`<li class="kk-list__item">
        <button type="button" class="kk-list__row" data-kk-list-row=${item.id} @click=${() => controller.open(item.id)}>
          <span class="kk-list__title">${item.title}</span>
          ${item.secondary !== undefined ? html`<span class="kk-list__secondary">${item.secondary}</span>` : nothing}
          ${item.status ? html`<span class="kk-list__status">${statusTag(item.status)}</span>` : nothing}
        </button>
      </li>`,
    )}
  </ul>`;
}

/** The styles of `list-detail`: add them to the styles of a widget that uses it. */
export const listDetailStyles = css`
  .kk-list__items {
    list-style: none;
    margin: 0 0 var(--_kk-space-5);
    padding: 0;
    border-block-start: 1px solid var(--_kk-color-border-subtle);
  }
  .kk-list__item {
    border-block-end: 1px solid var(--_kk-color-border-subtle);
  }
  .kk-list__row {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: var(--_kk-space-1) var(--_kk-space-4);
    inline-size: 100%;
    padding: var(--_kk-space-3) var(--_kk-space-2);
    border: 0;
    background: none;
    color: var(--_kk-color-text);
    text-align: start;
    cursor: pointer;
  }
  .kk-list__row:hover {
    background: var(--_kk-color-surface);
  }
  .kk-list__row:focus-visible {
    outline: var(--_kk-focus-width) solid var(--_kk-color-focus);
    outline-offset: 0;
    background: var(--_kk-color-focus);
    color: var(--_kk-color-focus-text);
  }
  .kk-list__title {
    grid-column: 1;
    color: var(--_kk-color-link);
    font-weight: 700;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .kk-list__row:focus-visible .kk-list__title {
    color: inherit;
    text-decoration: none;
  }
  .kk-list__secondary {
    grid-column: 1;
    color: var(--_kk-color-text-secondary);
  }
  .kk-list__row:focus-visible .kk-list__secondary {
    color: inherit;
  }
  .kk-list__status {
    grid-column: 2;
    grid-row: 1 / span 2;
    align-self: center;
  }
  @media (max-width: 30em) {
    .kk-list__row {
      grid-template-columns: 1fr;
    }
    .kk-list__status {
      grid-column: 1;
      grid-row: auto;
    }
  }
`;
