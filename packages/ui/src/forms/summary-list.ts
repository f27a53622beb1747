import { msg } from '../localization.js';
import { html, nothing, type TemplateResult } from 'lit';

export interface SummaryRow {
  key: string;
  value: unknown;
  /** Makes the row changeable: "Ändra" goes back to the question. */
  onChange?: () => void;
}

/** The check-answers list: each answer with a change link that names what it changes. */
export function summaryList(rows: readonly SummaryRow[]): TemplateResult {
  return html`<dl class="kk-summary-list">
    ${rows.map(
      (row) => html`<div class="kk-summary-list__row">
        <dt class="kk-summary-list__key">${row.key}</dt>
        <dd class="kk-summary-list__value">${row.value}</dd>
        ${row.onChange
          ? html`<dd class="kk-summary-list__actions">
              <button type="button" class="kk-link-button" @click=${row.onChange}>
                ${msg('Ändra')}<span class="kk-visually-hidden"> ${row.key}</span>
              </button>
            </dd>`
          : nothing}
      </div>`,
    )}
  </dl>`;
}
