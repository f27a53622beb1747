import { msg, str } from '@kommunkit/ui';
import { alert, button, continueButton, questionPage, statusHistory, statusTag, subLevel, textField } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import { loading, subHeading } from './common.js';
import { editSection } from './edit.js';
import type { FollowView, FoundReport } from './types.js';

function report(view: FollowView, found: FoundReport): TemplateResult {
  return html`<section aria-labelledby="kk-fel-report-title">
    ${subHeading(view, msg(str`Ärende ${found.reference}`), 'kk-fel-report-title')}
    <p>${statusTag(found.status)}</p>
    <dl class="kk-summary-list">
      ${found.rows.map(
        (row) => html`<div class="kk-summary-list__row">
          <dt class="kk-summary-list__key">${row.key}</dt>
          <dd class="kk-summary-list__value">${row.value}</dd>
        </div>`,
      )}
    </dl>
    ${found.notes ? html`<p>${found.notes}</p>` : nothing}
    ${found.history.length > 0
      ? html`<div part="history">
          ${statusHistory({ changes: found.history, title: msg('Vad har hänt'), headingLevel: subLevel(view.headingLevel), id: 'kk-fel-history' })}
        </div>`
      : nothing}
    ${view.edit ? editSection(view.edit) : nothing}
  </section>`;
}

function result(view: FollowView): unknown {
  const { result } = view;
  if (!result) return nothing;
  if (result.state === 'loading') return loading(msg('Hämtar ärendet…'));
  if (result.state === 'error')
    return alert({
      tone: 'error',
      title: msg('Det gick inte att hämta ärendet'),
      headingLevel: view.headingLevel,
      body: msg('Tjänsten svarar inte just nu. Försök igen om en stund.'),
    });
  const { found, asked } = result.value;
  return found
    ? report(view, found)
    : alert({
        tone: 'warning',
        title: msg('Vi hittade inget ärende'),
        headingLevel: view.headingLevel,
        body: msg(str`Det finns inget ärende med numret ${asked}. Kontrollera att du har skrivit numret rätt.`),
      });
}

/** "Följ ärende": a report looked up by its reference number, with its status history. */
export function followPage(view: FollowView): TemplateResult {
  return html`${questionPage({
      headingLevel: view.headingLevel,
      title: msg('Följ ett ärende'),
      errors: view.errors,
      onSubmit: view.onSubmit,
      content: html`${textField({
          ...view.reference,
          label: msg('Ärendenummer'),
          hint: msg('Numret står i bekräftelsen du fick när du gjorde anmälan, till exempel EXS-2026-000042.'),
          width: 20,
          spellcheck: false,
          autocomplete: 'off',
        })}
        ${continueButton({ label: msg('Visa ärendet') })}`,
    })}
    <div aria-live="polite">${result(view)}</div>
    <p>${button({ label: msg('Gör en ny felanmälan'), variant: 'secondary', onClick: view.onNewReport })}</p>`;
}
