import { msg, str } from '@kommunkit/ui';
import { alert, button, continueButton, radios, spinner } from '@kommunkit/ui';
import { html, type TemplateResult } from 'lit';
import { flowPage } from './common.js';
import type { TypeView } from './types.js';

/** Page: the type of place; only the types the child may have at some start are offered. */
export function typePage(view: TypeView): TemplateResult {
  const title = msg(str`Vilken typ av plats söker du för ${view.childName}?`);
  const { choices } = view;
  if (choices.state === 'loading') return flowPage(view, title, spinner({ label: msg('Hämtar kommunens regler…') }));
  if (choices.state === 'error')
    return flowPage(
      view,
      title,
      html`${alert({ tone: 'error', body: html`<p>${msg('Vi kunde inte hämta kommunens regler just nu.')}</p>` })}
      ${button({ label: msg('Försök igen'), variant: 'secondary', onClick: choices.retry })}`,
    );
  if (choices.value.length === 0)
    return flowPage(view, title, html`<p>${msg('Barnet kan inte få plats i förskola, pedagogisk omsorg eller fritidshem på grund av sin ålder. Kontakta kommunens barnomsorg om du har frågor.')}</p>`);
  return flowPage(view, title, html`${radios({ ...view.type, label: title, choices: choices.value })} ${continueButton()}`, view.onSubmit);
}
