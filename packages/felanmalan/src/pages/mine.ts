import { msg, str } from '@kommunkit/ui';
import { alert, button, listDetail, loginGate, statusHistory, subLevel } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import { editSection } from './edit.js';
import type { MineView, MyReportItem } from './types.js';

function detail(view: MineView, item: MyReportItem): TemplateResult {
  const level = subLevel(view.headingLevel);
  return html`<dl class="kk-summary-list">
      ${item.rows.map(
        (row) => html`<div class="kk-summary-list__row">
          <dt class="kk-summary-list__key">${row.key}</dt>
          <dd class="kk-summary-list__value">${row.value}</dd>
        </div>`,
      )}
    </dl>
    <p class="kk-fel-description">${item.description}</p>
    ${item.history.length > 0
      ? html`<div part="history">${statusHistory({ changes: item.history, title: msg('Vad har hänt'), headingLevel: level, id: 'kk-fel-mine-history' })}</div>`
      : nothing}
    ${item.edit ? editSection({ ...item.edit, headingLevel: level }) : nothing}`;
}

function reports(view: MineView): TemplateResult {
  const { reports, user } = view;
  const state =
    reports.state === 'ready'
      ? { status: 'ready' as const, items: reports.value }
      : reports.state === 'error'
        ? { status: 'error' as const, message: msg('Det gick inte att hämta dina anmälningar just nu. Försök igen om en stund.'), onRetry: reports.retry }
        : { status: 'loading' as const, label: msg('Hämtar dina anmälningar…') };
  return html`${listDetail({
      controller: view.list,
      title: msg('Mina anmälningar'),
      headingLevel: view.headingLevel,
      id: 'kk-fel-mine',
      state,
      emptyText: msg('Du har inga felanmälningar här ännu. Det du anmäler när du är inloggad visas här, med vad som händer med det.'),
      detail: (item) => detail(view, item),
      backLabel: msg('Tillbaka till Mina anmälningar'),
    })}
    ${user
      ? html`<div class="kk-fel-user">
          ${user.error ? alert({ tone: 'error', body: html`<p>${user.error}</p>` }) : nothing}
          <p>
            ${msg(str`Inloggad som ${user.name}.`)}
            <button type="button" class="kk-link-button" aria-disabled=${user.busy ? 'true' : 'false'} @click=${user.onLogout}>${msg('Logga ut')}</button>
          </p>
        </div>`
      : nothing}`;
}

/** "Mina anmälningar": the login gate, then the citizen's own reports with status and history. */
export function minePage(view: MineView): TemplateResult {
  return html`${loginGate(view.auth, {
      headingLevel: view.headingLevel,
      title: msg('Mina anmälningar'),
      reason: msg('Logga in med e-legitimation för att se de felanmälningar du har gjort som inloggad, och vad som händer med dem.'),
      returnTo: { step: 'mina' },
      content: () => reports(view),
    })}
    <div class="kk-actions">
      ${button({ label: msg('Gör en ny felanmälan'), variant: 'secondary', onClick: view.onNewReport })}
      ${button({ label: msg('Följ ett ärende med ärendenummer'), variant: 'secondary', onClick: view.onFollow })}
    </div>`;
}
