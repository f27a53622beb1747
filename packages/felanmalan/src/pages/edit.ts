import { msg, str } from '@kommunkit/ui';
import { alert, button, heading, questionPage, textarea } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import type { EditView } from './types.js';

const title = (view: EditView, text: string): TemplateResult => heading({ level: view.headingLevel, focusTarget: true }, text);

const failure = (view: EditView): unknown => (view.message ? alert({ tone: 'error', body: html`<p>${view.message}</p>` }) : nothing);

function choices(view: EditView): TemplateResult {
  return html`<p>${msg(str`Du kan ändra beskrivningen eller återkalla anmälan fram till ${view.until}.`)}</p>
    <div class="kk-actions">
      ${button({ label: msg('Ändra beskrivningen'), variant: 'secondary', onClick: view.onEdit })}
      ${button({ label: msg('Återkalla anmälan'), variant: 'secondary', onClick: view.onWithdraw })}
    </div>`;
}

function content(view: EditView): TemplateResult {
  switch (view.state) {
    case 'editing':
      return questionPage({
        headingLevel: view.headingLevel,
        title: msg('Ändra beskrivningen'),
        errors: view.errors,
        onSubmit: view.onSave,
        content: html`${failure(view)}
          ${textarea({
            ...view.description,
            label: msg('Vad är fel?'),
            hint: msg('Beskrivningen visas öppet för alla, så skriv inte namn eller andra personuppgifter här.'),
            rows: 6,
            count: { max: view.descriptionMax },
          })}
          <div class="kk-actions">
            ${button({ label: msg('Spara ändringen'), type: 'submit', busy: view.busy })}
            ${button({ label: msg('Avbryt'), variant: 'secondary', onClick: view.onCancel })}
          </div>`,
      });
    case 'withdrawing':
      return html`${title(view, msg('Vill du återkalla anmälan?'))} ${failure(view)}
        <p>${msg('Kommunen slutar då att arbeta med felet. Det går inte att ångra.')}</p>
        <div class="kk-actions">
          ${button({ label: msg('Ja, återkalla anmälan'), variant: 'warning', busy: view.busy, onClick: view.onConfirmWithdraw })}
          ${button({ label: msg('Nej, behåll anmälan'), variant: 'secondary', onClick: view.onCancel })}
        </div>`;
    case 'withdrawn':
      return html`${title(view, msg('Anmälan är återkallad'))}
        <p>${msg('Kommunen kommer inte att arbeta med felet. Gör en ny felanmälan om felet finns kvar.')}</p>`;
    case 'too-late':
      return html`${title(view, msg('Det går inte längre att ändra anmälan'))}
        ${view.message ? html`<p>${view.message}</p>` : nothing}
        <p>${msg('Kontakta kommunen om något i anmälan behöver rättas.')}</p>`;
    case 'edited':
      return html`${title(view, msg('Beskrivningen är ändrad'))} ${failure(view)} ${view.until ? choices(view) : nothing}`;
    case 'closed':
      return html`${title(view, msg('Ändra eller återkalla anmälan'))} ${failure(view)} ${choices(view)}`;
  }
}

/** Correcting or withdrawing a report, under the report it belongs to. */
export const editSection = (view: EditView): TemplateResult => html`<div class="kk-edit" data-kk-edit>${content(view)}</div>`;
