import { msg, str } from '@kommunkit/ui';
import { continueButton, radios, textField } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import { flowPage } from './common.js';
import type { FeeView } from './types.js';

/**
 * Page: the monthly fee estimate under maxtaxa (förordning 2001:160), before the guardian sends.
 * Labelled an estimate; the income typed here is neither sent nor saved, and the page says so.
 */
export function feePage(view: FeeView): TemplateResult {
  const { result } = view;
  return flowPage(
    view,
    msg('Uppskattad avgift'),
    html`<p>${msg('Här kan du räkna ut ungefär vad platsen kommer att kosta. Det är frivilligt, och det du skriver här skickas inte till kommunen och sparas inte.')}</p>
      <p>${msg(str`Avgiften är en del av hushållets inkomst före skatt, men aldrig mer än för en inkomst på ${view.ceiling} i månaden (inkomsttaket ${view.year}). Kommunen bestämmer avgiften när barnet har fått en plats.`)}</p>
      ${textField({ ...view.income, label: msg('Hushållets sammanlagda inkomst per månad före skatt, i kronor'), optional: true, inputmode: 'numeric', width: 10 })}
      ${radios({ ...view.siblingOrder, label: msg('Vilket barn i familjen är det som ska ha plats?'), hint: msg('Räkna bara barn som har plats i förskola, pedagogisk omsorg eller fritidshem. Det yngsta barnet är barn 1.'), choices: view.siblingChoices })}
      <div class="kk-bo-fee" role="status">
        ${result
          ? html`<p class="kk-bo-fee__amount"><span>${msg('Uppskattad avgift')}</span> <strong>${msg(str`${result.monthly} per månad`)}</strong></p>
              <p class="kk-hint">${result.basis}</p>`
          : nothing}
      </div>
      ${continueButton()}`,
    view.onSubmit,
  );
}
