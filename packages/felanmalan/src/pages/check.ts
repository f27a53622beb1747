import { msg } from '@lit/localize';
import { alert, button, summaryList } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import { flowPage } from './common.js';
import type { CheckView } from './types.js';

/** Check answers, then file the report. A failed submit keeps every answer. */
export function checkPage(view: CheckView): TemplateResult {
  return flowPage(
    view,
    msg('Kontrollera din anmälan'),
    html`<div role="alert">
        ${view.submitError ? alert({ tone: 'error', title: msg('Anmälan kunde inte skickas'), headingLevel: view.headingLevel, body: view.submitError }) : nothing}
      </div>
      ${summaryList(view.rows)}
      <p class="kk-privacy">${msg('Kategori, plats, beskrivning och bilder visas öppet. Namn, e-postadress och telefonnummer ser bara kommunen.')}</p>
      ${button({ label: msg('Skicka anmälan'), busy: view.busy, onClick: view.onSubmit })}`,
  );
}
