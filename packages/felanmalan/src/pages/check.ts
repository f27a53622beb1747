import { msg } from '@kommunkit/ui';
import { alert, button, summaryList } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import { flowPage } from './common.js';
import type { CheckView } from './types.js';

/**
 * Check answers, then file the report. A failed submit keeps every answer. While the report is
 * being sent, "Ändra" stays where it is but does nothing, and the status by the send button says
 * why (GOV.UK avoids disabled buttons: they are hard to see and do not explain themselves).
 */
export function checkPage(view: CheckView): TemplateResult {
  return flowPage(
    view,
    msg('Kontrollera din anmälan'),
    html`${view.submitError
        ? // The alert is role="alert" itself, announced when it appears: no live region around it.
          alert({ tone: 'error', title: msg('Det blev ett problem när anmälan skulle skickas'), headingLevel: view.headingLevel, body: view.submitError })
        : nothing}
      ${summaryList(view.rows)}
      <p class="kk-privacy">${msg('Kategori, plats, beskrivning och bilder visas öppet. Namn, e-postadress och telefonnummer ser bara kommunen.')}</p>
      <p class="kk-hint kk-sending" role="status">${view.busy ? msg('Anmälan skickas. Vänta tills den har skickats: under tiden går det inte att ändra svaren.') : nothing}</p>
      ${button({ label: msg('Skicka anmälan'), busy: view.busy, onClick: view.onSubmit })}`,
  );
}
