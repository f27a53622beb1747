import { msg } from './localization.js';
import { css, html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { statusTag, type Tone } from './feedback.js';
import { formatDate, formatDateTime, toDate, type DateInput } from './format.js';
import { heading, type HeadingLevel } from './heading.js';
import { getLocale } from './localization.js';

/** One change of a case's status: a report's "Mottagen", an application's "Beslut fattat". */
export interface StatusChange {
  label: string;
  tone?: Tone;
  /** When it happened: a `Date` or an ISO 8601 string (see `toDate` in format.ts). */
  at: DateInput;
  /** What the case worker wrote, shown under the status. */
  note?: string;
}

export interface StatusHistoryOptions {
  /** The changes in the order they happened, oldest first, as the APIs return a history. */
  changes: readonly StatusChange[];
  /** How the list reads; newest first (the default) puts the current status on top. */
  order?: 'newest-first' | 'oldest-first';
  /** Show the time of day too (default) or the date only. */
  precision?: 'dateTime' | 'date';
  /** A heading above the list, which also names it. Without it, name the list with `label`. */
  title?: string;
  headingLevel?: HeadingLevel;
  /** Accessible name of the list when there is no `title`. */
  label?: string;
  /** Id prefix, unique within the widget's shadow root. */
  id?: string;
  /** A `part` name for the list, for a widget that exposes it to page styles (semver API). */
  part?: string;
  /** The widget's locale; `getLocale()` by default. */
  lang?: string;
}

/**
 * What has happened to a case, as an ordered list: each change with its status tag, its time
 * and an optional note. The latest change is the current status and says so to screen reader
 * users ("Aktuell status"), whichever way the list is ordered. Newest first is an `<ol
 * reversed>`, so the item numbers still count in the order things happened.
 */
export function statusHistory(options: StatusHistoryOptions): TemplateResult {
  const lang = options.lang ?? getLocale();
  const id = options.id ?? 'kk-status-history';
  const newestFirst = (options.order ?? 'newest-first') === 'newest-first';
  const format = options.precision === 'date' ? formatDate : formatDateTime;
  const last = options.changes.length - 1;
  const entries = options.changes.map((change, index) => ({ change, current: index === last }));
  if (newestFirst) entries.reverse();
  if (entries.length === 0) return html``;
  const titleId = options.title ? `${id}-title` : undefined;
  return html`${options.title ? heading({ level: options.headingLevel ?? 3, id: titleId, className: 'kk-heading' }, options.title) : nothing}
    <ol
      class="kk-status-history"
      id=${id}
      part=${ifDefined(options.part)}
      ?reversed=${newestFirst}
      aria-labelledby=${ifDefined(titleId)}
      aria-label=${ifDefined(titleId ? undefined : (options.label ?? msg('Statushistorik')))}
    >
      ${entries.map(
        ({ change, current }) => html`<li class="kk-status-history__item ${current ? 'kk-status-history__item--current' : ''}">
          <p class="kk-status-history__status">
            ${current ? html`<span class="kk-visually-hidden">${msg('Aktuell status:')} </span>` : nothing}${statusTag(change)}
            <time class="kk-status-history__time" datetime=${ifDefined(isoOf(change.at))}>${format(change.at, lang)}</time>
          </p>
          ${change.note ? html`<p class="kk-status-history__note">${change.note}</p>` : nothing}
        </li>`,
      )}
    </ol>`;
}

/** A machine-readable `datetime`, or none when the value is not a date. */
function isoOf(value: DateInput): string | undefined {
  return toDate(value)?.toISOString();
}

/** The styles of `status-history`: add them to the styles of a widget that uses it. */
export const statusHistoryStyles = css`
  .kk-status-history {
    list-style: none;
    padding: 0;
    margin: 0 0 var(--_kk-space-5);
  }
  .kk-status-history__item {
    border-inline-start: 4px solid var(--_kk-color-border-subtle);
    padding-inline-start: var(--_kk-space-4);
    margin-block-end: var(--_kk-space-4);
  }
  .kk-status-history__item--current {
    border-inline-start-color: var(--_kk-color-primary);
  }
  .kk-status-history__status,
  .kk-status-history__note {
    margin: var(--_kk-space-1) 0;
  }
  .kk-status-history__time {
    margin-inline-start: var(--_kk-space-2);
    color: var(--_kk-color-text-secondary);
  }
  .kk-status-history__note {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
`;
