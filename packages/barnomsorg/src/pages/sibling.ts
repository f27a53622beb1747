import { msg } from '@kommunkit/ui';
import { continueButton, radios, select } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import { flowPage } from './common.js';
import type { SiblingView } from './types.js';

/** Page: whether a sibling already has a place at one of the units (kommuner give it weight when places are offered). */
export function siblingPage(view: SiblingView): TemplateResult {
  const title = msg('Har barnet syskon på någon av enheterna?');
  return flowPage(
    view,
    title,
    html`${radios({
        ...view.hasSibling,
        label: title,
        hint: msg('Ett syskon som redan har plats på en enhet kan göra det lättare att få plats där.'),
        inline: true,
        choices: [
          { value: 'ja', label: msg('Ja') },
          { value: 'nej', label: msg('Nej') },
        ],
      })}
      ${view.hasSibling.value === 'ja'
        ? select({ ...view.siblingUnit, label: msg('Var har syskonet sin plats?'), choices: view.unitChoices, placeholder: msg('Välj enhet') })
        : nothing}
      ${continueButton()}`,
    view.onSubmit,
  );
}
