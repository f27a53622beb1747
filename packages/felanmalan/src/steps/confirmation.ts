import { msg } from '@lit/localize';
import { button, confirmationPanel } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import type { KkFelanmalan } from '../felanmalan.js';

/** The report is filed: its reference number, the kommun's notice, and where to follow it. */
export function renderConfirmation(host: KkFelanmalan): TemplateResult {
  const submitted = host.submitted;
  return html`${confirmationPanel({
      title: msg('Tack! Din felanmälan är skickad'),
      headingLevel: host.headingLevel,
      referenceLabel: msg('Ditt ärendenummer'),
      ...(submitted ? { reference: submitted.reference } : {}),
      body: submitted?.notice ? html`<p class="kk-panel__body">${submitted.notice}</p>` : nothing,
    })}
    <p>${msg('Spara ärendenumret. Med det kan du följa vad som händer med ditt ärende.')}</p>
    <div class="kk-actions">
      ${button({ label: msg('Följ ärendet'), onClick: () => host.showView('folj', submitted?.reference ?? '') })}
      ${button({ label: msg('Gör en ny felanmälan'), variant: 'secondary', onClick: () => host.startOver() })}
    </div>`;
}
