import { msg } from '@kommunkit/ui';
import { continueButton, textarea, textField } from '@kommunkit/ui';
import { html, type TemplateResult } from 'lit';
import { flowPage } from './common.js';
import type { OtherView } from './types.js';

/** Page: what else the kommun should know; every question optional. */
export function otherPage(view: OtherView): TemplateResult {
  return flowPage(
    view,
    msg('Finns det något mer kommunen behöver veta?'),
    html`<p>${msg('Alla frågor på den här sidan är frivilliga.')}</p>
      ${textarea({ ...view.specialNeeds, label: msg('Behöver barnet särskilt stöd?'), hint: msg('Till exempel en funktionsnedsättning eller en sjukdom som personalen behöver känna till.'), optional: true, count: { max: view.maxFreeText } })}
      ${textField({ ...view.diet, label: msg('Specialkost'), hint: msg('Till exempel allergier.'), optional: true })}
      ${textField({ ...view.motherTongue, label: msg('Modersmål, om annat än svenska'), optional: true, width: 20 })}
      ${textarea({ ...view.message, label: msg('Meddelande till kommunen'), optional: true, count: { max: view.maxFreeText } })} ${continueButton()}`,
    view.onSubmit,
  );
}
