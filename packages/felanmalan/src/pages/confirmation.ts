import { msg } from '@kommunkit/ui';
import { button, confirmationPanel, subLevel } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import { editSection } from './edit.js';
import type { ConfirmationView } from './types.js';

/** The report is filed: its reference number, the kommun's notice, editing for a while, and where to follow it. */
export function confirmationPage(view: ConfirmationView): TemplateResult {
  return html`${confirmationPanel({
      title: msg('Tack! Din felanmälan är skickad'),
      headingLevel: view.headingLevel,
      referenceLabel: msg('Ditt ärendenummer'),
      ...(view.reference ? { reference: view.reference } : {}),
      body: view.notice ? html`<p class="kk-panel__body">${view.notice}</p>` : nothing,
    })}
    <p>${msg('Spara ärendenumret. Med det kan du följa vad som händer med ditt ärende.')}</p>
    <div class="kk-actions">
      ${button({ label: msg('Följ ärendet'), onClick: view.onFollow })}
      ${button({ label: msg('Gör en ny felanmälan'), variant: 'secondary', onClick: view.onStartOver })}
    </div>
    ${view.onMine
      ? html`<p><button type="button" class="kk-link-button" @click=${view.onMine}>${msg('Se alla dina anmälningar under Mina anmälningar')}</button></p>`
      : nothing}
    ${view.edit ? editSection({ ...view.edit, headingLevel: subLevel(view.headingLevel) }) : nothing}`;
}
