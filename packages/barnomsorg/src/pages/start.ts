import { msg, str } from '@kommunkit/ui';
import { continueButton, dateField } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import { flowPage } from './common.js';
import type { StartView } from './types.js';

/**
 * Page: the wished start date, with the guarantee date (skollagen 8 kap. 14 §). An earlier date
 * is allowed: a warning says so, never an error; a date the child is not eligible on is an error.
 */
export function startPage(view: StartView): TemplateResult {
  const title = msg('När vill du att barnet ska börja?');
  const hint = [
    view.guarantee ? msg(str`Om du skickar ansökan i dag har barnet rätt till en plats från och med ${view.guarantee}. Kommunen har fyra månader på sig att erbjuda en plats.`) : '',
    msg('Skriv datumet som åååå-mm-dd, till exempel 2027-08-16.'),
  ]
    .filter(Boolean)
    .join(' ');
  return flowPage(
    view,
    title,
    html`${dateField({ ...view.date, label: msg(str`Önskat startdatum i ${view.typeLabel.toLowerCase()}`), hint, ...(view.earliest ? { min: view.earliest } : {}) })}
      <div role="status">
        ${view.warning ? html`<div class="kk-warning-text"><span class="kk-warning-text__icon" aria-hidden="true">!</span><strong><span class="kk-visually-hidden">${msg('Varning:')}</span> ${view.warning}</strong></div>` : nothing}
      </div>
      ${continueButton()}`,
    view.onSubmit,
  );
}
