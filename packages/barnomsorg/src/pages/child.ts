import { msg } from '@kommunkit/ui';
import { alert, button, continueButton, radios, spinner } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import { flowPage } from './common.js';
import type { ChildView } from './types.js';

/** The notice when a child with protected identity was left out: the register says no more, nor does the widget. */
const protectedNotice = (): TemplateResult =>
  alert({ tone: 'info', body: html`<p>${msg('Ett eller flera av dina barn kan inte visas här. Kontakta kommunens barnomsorg.')}</p>` });

/** Page: which child the application is for (the guardian's children from the population register). */
export function childPage(view: ChildView): TemplateResult {
  const title = msg('Vilket barn gäller ansökan?');
  const { children } = view;
  if (children.state === 'loading') return flowPage(view, title, spinner({ label: msg('Hämtar dina barn…') }));
  if (children.state === 'error')
    return flowPage(
      view,
      title,
      html`${alert({ tone: 'error', body: html`<p>${msg('Vi kunde inte hämta dina barn just nu.')}</p>` })}
      ${button({ label: msg('Försök igen'), variant: 'secondary', onClick: children.retry })}`,
    );
  const { choices, someNotShown } = children.value;
  if (choices.length === 0)
    return flowPage(
      view,
      title,
      html`${someNotShown ? protectedNotice() : html`<p>${msg('Vi hittar inga barn som du är vårdnadshavare för i folkbokföringen. Kontakta kommunens barnomsorg om det inte stämmer.')}</p>`}`,
    );
  return flowPage(
    view,
    title,
    html`${someNotShown ? protectedNotice() : nothing}
      ${radios({ ...view.child, label: title, choices })} ${continueButton()}`,
    view.onSubmit,
  );
}
