import { msg } from '@kommunkit/ui';
import { alert, button, summaryList } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import { flowPage } from './common.js';
import type { CheckView } from './types.js';

/**
 * Check answers with "Ändra", then send. A failed send keeps every answer; a second active
 * application for the child and type (409) is explained with the way to the overview. While the
 * application is being sent, "Ändra" does nothing and the status says why.
 */
export function checkPage(view: CheckView): TemplateResult {
  const { problem } = view;
  return flowPage(
    view,
    msg('Kontrollera din ansökan'),
    html`${problem?.kind === 'aktiv'
        ? alert({
            tone: 'error',
            title: msg('Barnet har redan en ansökan'),
            headingLevel: view.headingLevel,
            body: html`<p>${problem.text}</p>
              <p>${msg('Du kan inte skicka en ny ansökan om samma typ av plats förrän den första är färdigbehandlad. Under Mina ansökningar och placeringar ser du den och kan återkalla den om du vill ändra något.')}</p>
              <p><button type="button" class="kk-link-button" @click=${view.onOverview}>${msg('Gå till Mina ansökningar och placeringar')}</button></p>`,
          })
        : problem
          ? alert({ tone: 'error', title: msg('Det blev ett problem när ansökan skulle skickas'), headingLevel: view.headingLevel, body: html`<p>${problem.text}</p>` })
          : nothing}
      ${summaryList(view.rows)}
      <p class="kk-hint" role="status">${view.busy ? msg('Ansökan skickas. Vänta tills den har skickats: under tiden går det inte att ändra svaren.') : nothing}</p>
      ${button({ label: msg('Skicka ansökan'), busy: view.busy, onClick: view.onSubmit })}`,
  );
}
