import { msg, str } from '@kommunkit/ui';
import { button, confirmationPanel, heading, subLevel } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import type { ConfirmationView } from './types.js';

/** The application is sent: its reference, the guarantee date, and what happens next. */
export function confirmationPage(view: ConfirmationView): TemplateResult {
  const level = subLevel(view.headingLevel);
  return html`${confirmationPanel({
      title: msg('Ansökan är skickad'),
      headingLevel: view.headingLevel,
      referenceLabel: msg('Ditt referensnummer'),
      reference: view.reference,
      body: html`<p class="kk-panel__body">${msg(str`${view.typeLabel} för ${view.childName}`)}</p>`,
    })}
    ${view.guarantee ? html`<p>${msg(str`Barnet har rätt till en plats från och med ${view.guarantee}, fyra månader efter i dag.`)}</p>` : nothing}
    ${heading({ level, className: 'kk-heading' }, msg('Vad händer nu?'))}
    <ol class="kk-bo-next">
      ${view.otherGuardianMustConfirm ? html`<li>${msg('Barnets andra vårdnadshavare behöver bekräfta ansökan. Hen ser den när hen loggar in.')}</li>` : nothing}
      <li>${msg('Kommunen tar emot ansökan. Du ser när det har skett under Mina ansökningar och placeringar.')}</li>
      <li>${msg(str`När kommunen har en plats får du ett erbjudande. Du svarar på det här, inom ${view.replyDays} dagar.`)}</li>
      <li>${msg('När du har tackat ja blir platsen barnets. Du kan säga upp den här senare.')}</li>
    </ol>
    <div class="kk-actions">
      ${button({ label: msg('Gå till Mina ansökningar och placeringar'), onClick: view.onOverview })}
      ${button({ label: msg('Ansök för ett annat barn'), variant: 'secondary', onClick: view.onStartOver })}
    </div>`;
}
