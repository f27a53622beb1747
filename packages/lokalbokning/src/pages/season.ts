import { msg, str } from '@kommunkit/ui';
import { alert, button, checkboxes, confirmationPanel, dateField, heading, loginGate, questionPage, select, spinner, statusTag, subLevel, textField } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import type { SeasonFormView, SeasonOccurrenceItem, SeasonPreviewView, SeasonRequestItem, SeasonView } from './types.js';

function occurrenceList(items: readonly SeasonOccurrenceItem[], id: string): TemplateResult {
  return html`<ul class="kk-lb-occurrences" id=${id}>
    ${items.map(
      (item) => html`<li class="kk-lb-occurrence ${item.free ? '' : 'kk-lb-occurrence--conflict'}">
        <span class="kk-lb-occurrence__when">${item.date}, ${item.time}</span>
        ${item.status ? statusTag(item.status) : nothing}
        <span class="kk-lb-occurrence__note">${item.note}</span>
      </li>`,
    )}
  </ul>`;
}

function previewSection(view: SeasonView, preview: SeasonPreviewView): TemplateResult {
  const total = preview.occurrences.length;
  const conflicts = total - preview.freeCount;
  return html`<section class="kk-lb-preview" aria-labelledby="kk-lb-preview-title" data-kk-preview>
    ${heading({ level: subLevel(view.headingLevel), id: 'kk-lb-preview-title', focusTarget: true }, msg('Tiderna du ansöker om'))}
    <p>
      ${conflicts === 0
        ? msg(str`Alla ${total} tider är lediga just nu.`)
        : msg(str`${preview.freeCount} av ${total} tider är lediga just nu. ${conflicts} krockar, se varför nedan.`)}
    </p>
    ${occurrenceList(preview.occurrences, 'kk-lb-preview-list')}
    <p>${msg(str`Pris per tillfälle: ${preview.price}.`)}</p>
    <p>${msg('Kommunen fördelar tiderna. Tider som krockar kan du få avslag på, eller en annan tid efter kontakt med kommunen.')}</p>
    ${preview.error ? alert({ tone: 'error', body: html`<p>${preview.error}</p>` }) : nothing}
    ${button({ label: msg('Skicka ansökan'), busy: preview.busy, onClick: preview.onSend })}
  </section>`;
}

function formFields(form: SeasonFormView): TemplateResult {
  return html`${form.message ? alert({ tone: 'error', body: html`<p>${form.message}</p>` }) : nothing}
    ${select({ ...form.lokal, label: msg('Lokal') })}
    ${select({ ...form.forening, label: msg('Förening'), hint: msg('Föreningen som ansöker. Du kan bara välja föreningar som du företräder.') })}
    ${select({ ...form.weekday, label: msg('Veckodag') })}
    ${textField({ ...form.startTime, label: msg('Från klockan'), hint: msg('Till exempel 18:00'), width: 5, inputmode: 'numeric', autocomplete: 'off' })}
    ${textField({ ...form.endTime, label: msg('Till klockan'), hint: msg('Till exempel 19:30'), width: 5, inputmode: 'numeric', autocomplete: 'off' })}
    ${dateField({ ...form.fromDate, label: msg('Första datum') })} ${dateField({ ...form.toDate, label: msg('Sista datum') })}
    ${textField({ ...form.purpose, label: msg('Vad ska lokalen användas till?'), hint: msg('Till exempel Innebandyträning för ungdomar') })}
    ${textField({ ...form.attendees, label: msg('Hur många kommer?'), optional: true, width: 5, inputmode: 'numeric', autocomplete: 'off' })}
    ${form.terms
      ? html`<details class="kk-lb-terms">
          <summary>${msg('Läs lokalens villkor')}</summary>
          <p>${form.terms}</p>
        </details>`
      : nothing}
    ${checkboxes({
      ...form.acceptTerms,
      label: msg('Villkor'),
      choices: [{ value: 'yes', label: msg('Jag har läst och godkänner villkoren för lokalen') }],
    })}
    ${button({ label: msg('Visa vilka tider som krockar'), type: 'submit', variant: 'secondary', busy: form.previewBusy })}`;
}

function requestList(view: SeasonView): TemplateResult {
  const { requests } = view;
  const level = subLevel(view.headingLevel);
  let body: unknown;
  if (requests.state === 'loading') body = spinner({ label: msg('Hämtar era ansökningar…') });
  else if (requests.state === 'error')
    body = alert({
      tone: 'error',
      body: html`<p>${msg('Det gick inte att hämta era ansökningar just nu.')}</p>
        ${button({ label: msg('Försök igen'), variant: 'secondary', onClick: requests.retry })}`,
    });
  else if (requests.value.length === 0) body = html`<p>${msg('Inga säsongsansökningar ännu.')}</p>`;
  else
    body = html`<ul class="kk-lb-requests">
      ${requests.value.map(
        (item: SeasonRequestItem) => html`<li class="kk-lb-request">
          ${heading({ level: subLevel(level) }, item.title)}
          <p>${statusTag(item.status)} ${item.outcome}</p>
          <dl class="kk-summary-list">
            ${item.rows.map(
              (row) => html`<div class="kk-summary-list__row">
                <dt class="kk-summary-list__key">${row.key}</dt>
                <dd class="kk-summary-list__value">${row.value}</dd>
              </div>`,
            )}
          </dl>
          <details>
            <summary>${msg(str`Alla tider (${item.occurrences.length})`)}</summary>
            ${occurrenceList(item.occurrences, `kk-lb-request-${item.id}`)}
          </details>
        </li>`,
      )}
    </ul>`;
  return html`<section class="kk-lb-season-requests" aria-labelledby="kk-lb-requests-title">
    ${heading({ level, id: 'kk-lb-requests-title' }, msg('Era säsongsansökningar'))} ${body}
  </section>`;
}

function content(view: SeasonView): TemplateResult {
  const { setup } = view;
  if (setup.state === 'loading') return spinner({ label: msg('Hämtar föreningar och lokaler…') });
  if (setup.state === 'error')
    return html`${heading({ level: view.headingLevel, focusTarget: true }, msg('Ansök om säsongstid'))}
    ${alert({
      tone: 'error',
      body: html`<p>${msg('Det gick inte att hämta dina föreningar och kommunens lokaler just nu. Försök igen om en stund.')}</p>
        ${button({ label: msg('Försök igen'), variant: 'secondary', onClick: setup.retry })}`,
    })}`;
  if (setup.value.none)
    return html`${heading({ level: view.headingLevel, focusTarget: true }, msg('Ansök om säsongstid'))}
      <p>${msg('Säsongstider är för föreningar: en fast tid varje vecka under en termin eller säsong, som föreningen ansöker om och kommunen fördelar.')}</p>
      <p>${msg('Vi hittar ingen förening som du företräder. Du kan ansöka för en förening där du är ordförande, kassör eller kontaktperson enligt föreningsregistret. Kontakta kommunen om det inte stämmer.')}</p>
      <p>${msg('Du kan fortfarande boka enstaka tider själv.')}</p>`;
  if (view.receipt)
    return html`${confirmationPanel({
        title: msg('Ansökan är skickad'),
        headingLevel: view.headingLevel,
        referenceLabel: msg('Ansökans referensnummer'),
        reference: view.receipt.reference,
      })}
      ${heading({ level: subLevel(view.headingLevel) }, msg('Vad händer nu?'))}
      <p>${msg('Kommunen fördelar tiderna mellan föreningarna och du får besked om vilka tider ni har fått. Besluten syns också här, under Era säsongsansökningar.')}</p>
      <p>${button({ label: msg('Gör en ny ansökan'), variant: 'secondary', onClick: view.receipt.onNew })}</p>
      ${requestList(view)}`;
  const form = view.form;
  return html`${form
      ? questionPage({
          headingLevel: view.headingLevel,
          title: msg('Ansök om säsongstid'),
          errors: form.errors,
          onSubmit: form.onPreview,
          content: html`<p>${msg('Ansök om en fast tid varje vecka för din förening. Du ser vilka tider som krockar innan du skickar ansökan.')}</p>
            ${formFields(form)}`,
        })
      : nothing}
    ${view.preview ? previewSection(view, view.preview) : nothing} ${requestList(view)}`;
}

/** The season request of a förening: the login gate, the form, the conflicts before sending, the receipt and earlier requests. */
export function seasonPage(view: SeasonView): TemplateResult {
  return html`${loginGate(view.auth, {
      headingLevel: view.headingLevel,
      title: msg('Ansök om säsongstid'),
      reason: msg('Logga in med e-legitimation för att ansöka om säsongstid för en förening som du företräder.'),
      returnTo: { step: 'sasong' },
      content: () => content(view),
    })}
    <div class="kk-actions">${button({ label: msg('Boka en enstaka tid'), variant: 'secondary', onClick: view.onFind })}</div>`;
}
