import { msg, str } from './localization.js';
import { css, html, nothing, type ReactiveElement, type TemplateResult } from 'lit';

/**
 * Where to put focus after a page change: the list's heading (made with `heading({ id,
 * focusTarget: true })`), so keyboard and screen reader users start at the top of the new
 * page instead of on a button that may be gone.
 */
export interface PagerFocus {
  host: ReactiveElement;
  /** Id of the element in the host's shadow root that takes focus. */
  id: string;
}

interface PagerBase {
  /** Accessible name of the navigation; "Sidnumrering" by default. */
  label?: string;
  focus?: PagerFocus;
}

/** A page of a list whose size is known: `{ page, pageCount }`, pages counted from 1. */
export interface NumberedPagerOptions extends PagerBase {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
}

/**
 * How many pages a numbered page of the contract (`NumberedPage`: `{ page, pageSize, total }`)
 * has, at least 1: `pager({ page: p.page, pageCount: pageCountOf(p), onPage })`.
 */
export function pageCountOf(page: { total: number; pageSize: number }): number {
  return page.pageSize > 0 ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1;
}

/**
 * A page reached by a cursor: only "previous" and "next" are known. The contract's
 * `CursorPage` gives `nextCursor` only, so `hasNext` is `nextCursor !== undefined` and the
 * widget keeps the cursors of the pages it has shown for `hasPrevious` and going back.
 */
export interface CursorPagerOptions extends PagerBase {
  hasPrevious: boolean;
  hasNext: boolean;
  onPage: (direction: 'previous' | 'next') => void;
}

export type PagerOptions = NumberedPagerOptions | CursorPagerOptions;

/** The page numbers to show: first, last, the current one and its neighbours; gaps become `'…'`. */
export function pageItems(page: number, pageCount: number): (number | '…')[] {
  const wanted = [...new Set([1, page - 1, page, page + 1, pageCount])].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  const items: (number | '…')[] = [];
  for (const n of wanted) {
    const previous = items[items.length - 1];
    if (typeof previous === 'number' && n - previous === 2) items.push(previous + 1);
    else if (typeof previous === 'number' && n - previous > 2) items.push('…');
    items.push(n);
  }
  return items;
}

function moveFocus(focus: PagerFocus | undefined): void {
  if (!focus) return;
  const { host, id } = focus;
  void host.updateComplete.then(() => host.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus());
}

function directionButton(direction: 'previous' | 'next', onClick: () => void): TemplateResult {
  const previous = direction === 'previous';
  return html`<div class="kk-pager__${direction}">
    <button type="button" class="kk-link-button kk-pager__link" @click=${onClick}>
      ${previous ? html`<span aria-hidden="true">‹ </span>` : nothing}<span class="kk-pager__link-title"
        >${previous ? msg('Föregående') : msg('Nästa')}<span class="kk-visually-hidden"> ${msg('sida')}</span></span
      >${previous ? nothing : html`<span aria-hidden="true"> ›</span>`}
    </button>
  </div>`;
}

/**
 * Pagination after GOV.UK's: "Föregående", page numbers with ellipses, "Nästa". Buttons, not
 * links, since a page change happens inside the widget. Nothing is rendered when there is
 * only one page. Pass `focus` to move focus to the list heading after the change, or move it
 * yourself in `onPage`.
 */
// One signature per shape, so an inline `onPage` gets its parameter type from the shape.
/* eslint-disable @typescript-eslint/unified-signatures */
export function pager(options: NumberedPagerOptions): TemplateResult;
export function pager(options: CursorPagerOptions): TemplateResult;
export function pager(options: PagerOptions): TemplateResult;
/* eslint-enable @typescript-eslint/unified-signatures */
export function pager(options: PagerOptions): TemplateResult {
  const label = options.label ?? msg('Sidnumrering');
  if ('pageCount' in options) {
    const { page, pageCount } = options;
    if (pageCount <= 1) return html``;
    const go = (target: number) => () => {
      if (target === page) return;
      options.onPage(target);
      moveFocus(options.focus);
    };
    return html`<nav class="kk-pager" aria-label=${label}>
      ${page > 1 ? directionButton('previous', go(page - 1)) : nothing}
      <ul class="kk-pager__list">
        ${pageItems(page, pageCount).map((item) =>
          item === '…'
            ? html`<li class="kk-pager__item kk-pager__item--ellipsis">⋯</li>`
            : html`<li class="kk-pager__item ${item === page ? 'kk-pager__item--current' : ''}">
                <button
                  type="button"
                  class="kk-link-button kk-pager__link"
                  aria-label=${msg(str`Sida ${item}`)}
                  aria-current=${item === page ? 'page' : nothing}
                  @click=${go(item)}
                >
                  ${item}
                </button>
              </li>`,
        )}
      </ul>
      ${page < pageCount ? directionButton('next', go(page + 1)) : nothing}
    </nav>`;
  }
  if (!options.hasPrevious && !options.hasNext) return html``;
  const go = (direction: 'previous' | 'next') => () => {
    options.onPage(direction);
    moveFocus(options.focus);
  };
  return html`<nav class="kk-pager kk-pager--cursor" aria-label=${label}>
    ${options.hasPrevious ? directionButton('previous', go('previous')) : nothing}
    ${options.hasNext ? directionButton('next', go('next')) : nothing}
  </nav>`;
}

/** The styles of `pager`: add them to the styles of a widget that uses it. */
export const pagerStyles = css`
  .kk-pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_kk-space-2) var(--_kk-space-4);
    margin-block: var(--_kk-space-5);
  }
  .kk-pager__list {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kk-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .kk-pager__item {
    min-inline-size: 2.75em;
    text-align: center;
  }
  .kk-pager__link {
    min-block-size: 2.75em;
    min-inline-size: 2.75em;
    padding: var(--_kk-space-2);
    font-weight: 700;
  }
  .kk-pager__item--current .kk-pager__link {
    background: var(--_kk-color-primary);
    color: var(--_kk-color-on-primary);
    text-decoration: none;
  }
  .kk-pager__item--ellipsis {
    align-self: center;
    color: var(--_kk-color-text-secondary);
  }
  .kk-pager__next {
    margin-inline-start: auto;
  }
`;
