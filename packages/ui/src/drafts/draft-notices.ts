import { msg } from '../localization.js';
import { html, nothing, type TemplateResult } from 'lit';
import { alert, button } from '../feedback.js';
import type { HeadingLevel } from '../heading.js';
import type { DraftController } from './draft-controller.js';

/**
 * The notices a `DraftController` needs the citizen to see, for the top of a question page:
 * the draft changed in another browser (with the choice of which answers to keep), the
 * answers could not be saved to the account just now, and files that were not kept.
 */
export function draftNotices<T extends Record<string, unknown>>(drafts: DraftController<T>, options: { headingLevel: HeadingLevel }): TemplateResult {
  const { headingLevel } = options;
  return html`${drafts.saveState === 'conflict'
    ? alert({
        tone: 'warning',
        title: msg('Dina svar har ändrats i en annan webbläsare'),
        headingLevel,
        body: html`<p>
            ${msg('Du har fortsatt med den här e-tjänsten i en annan webbläsare eller på en annan enhet. Välj vilka svar du vill fortsätta med.')}
          </p>
          ${button({ label: msg('Använd de sparade svaren'), variant: 'secondary', onClick: () => void drafts.reloadFromServer() })}
          ${button({ label: msg('Behåll svaren på den här sidan'), variant: 'secondary', onClick: () => void drafts.keepMine() })}`,
      })
    : nothing}
  ${drafts.saveState === 'unsaved'
    ? alert({
        tone: 'info',
        body: html`<p>
          ${msg('Dina svar kunde inte sparas på ditt konto just nu. De finns kvar i den här webbläsaren, och vi försöker igen när du fortsätter.')}
        </p>`,
      })
    : nothing}
  ${drafts.filesLost
    ? alert({
        tone: 'info',
        title: msg('Lägg till filerna igen'),
        headingLevel,
        body: html`<p>${msg('Dina svar finns kvar, men filer som du hade lagt till, till exempel foton, kunde inte sparas.')}</p>
          ${button({ label: msg('Stäng meddelandet'), variant: 'secondary', onClick: () => drafts.dismissFilesLost() })}`,
      })
    : nothing}`;
}
