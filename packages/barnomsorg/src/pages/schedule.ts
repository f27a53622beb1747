import { msg, str } from '@kommunkit/ui';
import { continueButton, radios, textField } from '@kommunkit/ui';
import { html, type TemplateResult } from 'lit';
import { flowPage } from './common.js';
import type { ScheduleView } from './types.js';

/** Page: the need in a normal week, and why the child needs a place. */
export function schedulePage(view: ScheduleView): TemplateResult {
  return flowPage(
    view,
    msg('Hur mycket behöver barnet vara där?'),
    html`${textField({ ...view.hoursPerWeek, label: msg('Timmar per vecka'), hint: msg(str`En vanlig vecka, högst ${view.maxHours} timmar.`), inputmode: 'numeric', width: 3 })}
      ${textField({ ...view.dropOff, label: msg('Lämning, oftast klockan'), hint: msg('Till exempel 07:30'), inputmode: 'numeric', width: 5 })}
      ${textField({ ...view.pickUp, label: msg('Hämtning, oftast klockan'), hint: msg('Till exempel 16:30'), inputmode: 'numeric', width: 5 })}
      ${radios({ ...view.reason, label: msg('Varför behöver barnet en plats?'), choices: view.reasonChoices })} ${continueButton()}`,
    view.onSubmit,
  );
}
