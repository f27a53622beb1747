import { msg, str } from '@lit/localize';
import { alert, button, continueButton, errorSummary, getLocale, heading, spinner, statusTag, subLevel, textField } from '@kommunkit/ui';
import type { Open311ServiceRequest } from '@kommunkit/sdk/felanmalan';
import { html, nothing, type TemplateResult } from 'lit';
import type { KkFelanmalan } from '../felanmalan.js';
import { formatDate, pageForm, statusLabel, subHeading } from './common.js';

function report(host: KkFelanmalan, found: Open311ServiceRequest): TemplateResult {
  const lang = getLocale();
  const extended = found.extended_attributes;
  const current = extended ? statusLabel(extended.detailed_status) : { label: found.status === 'open' ? msg('Öppen') : msg('Stängd'), tone: 'neutral' as const };
  return html`<section aria-labelledby="kk-fel-report-title">
    ${heading({ level: subLevel(host.headingLevel), id: 'kk-fel-report-title', className: 'kk-heading kk-group-heading' }, msg(str`Ärende ${found.service_request_id}`))}
    <p>${statusTag(current)}</p>
    <dl class="kk-summary-list">
      <div class="kk-summary-list__row">
        <dt class="kk-summary-list__key">${msg('Kategori')}</dt>
        <dd class="kk-summary-list__value">${found.service_name}</dd>
      </div>
      ${found.address
        ? html`<div class="kk-summary-list__row">
            <dt class="kk-summary-list__key">${msg('Plats')}</dt>
            <dd class="kk-summary-list__value">${found.address}</dd>
          </div>`
        : nothing}
      <div class="kk-summary-list__row">
        <dt class="kk-summary-list__key">${msg('Anmält')}</dt>
        <dd class="kk-summary-list__value">${formatDate(found.requested_datetime, lang)}</dd>
      </div>
      ${found.expected_datetime
        ? html`<div class="kk-summary-list__row">
            <dt class="kk-summary-list__key">${msg('Beräknas klart')}</dt>
            <dd class="kk-summary-list__value">${formatDate(found.expected_datetime, lang)}</dd>
          </div>`
        : nothing}
    </dl>
    ${found.status_notes ? html`<p>${found.status_notes}</p>` : nothing}
    ${extended && extended.status_history.length > 0
      ? html`${subHeading(host, msg('Vad har hänt'))}
          <ol class="kk-history" part="history" reversed>
            ${[...extended.status_history].reverse().map((change) => {
              const label = statusLabel(change.status);
              return html`<li>
                <p>${statusTag(label)} <time datetime=${change.at}>${formatDate(change.at, lang)}</time></p>
                ${change.note ? html`<p>${change.note}</p>` : nothing}
              </li>`;
            })}
          </ol>`
      : nothing}
  </section>`;
}

/** "Följ ärende": a report looked up by its reference number, with its status history. */
export function renderFollow(host: KkFelanmalan): TemplateResult {
  const form = host.followForm;
  const result = host.lookup.render({
    pending: () => spinner({ label: msg('Hämtar ärendet…') }),
    error: () =>
      alert({
        tone: 'error',
        title: msg('Det gick inte att hämta ärendet'),
        headingLevel: host.headingLevel,
        body: msg('Tjänsten svarar inte just nu. Försök igen om en stund.'),
      }),
    complete: (found) =>
      found
        ? report(host, found)
        : alert({
            tone: 'warning',
            title: msg('Vi hittade inget ärende'),
            headingLevel: host.headingLevel,
            body: msg(str`Det finns inget ärende med numret ${host.lookupReference}. Kontrollera att du har skrivit numret rätt.`),
          }),
  });
  return html`${heading({ level: host.headingLevel, focusTarget: true }, msg('Följ ett ärende'))}
    ${pageForm(
      () => host.submitFollow(),
      html`${errorSummary({ errors: form.summary(), headingLevel: host.headingLevel })}
        ${textField({
          ...form.bind('reference'),
          label: msg('Ärendenummer'),
          hint: msg('Numret står i bekräftelsen du fick när du gjorde anmälan, till exempel EXS-2026-000042.'),
          width: 20,
          spellcheck: false,
          autocomplete: 'off',
          onInput: (value) => form.set('reference', value),
        })}
        ${continueButton({ label: msg('Visa ärendet') })}`,
    )}
    <div aria-live="polite">${result}</div>
    <p>${button({ label: msg('Gör en ny felanmälan'), variant: 'secondary', onClick: () => host.showView('anmal') })}</p>`;
}
