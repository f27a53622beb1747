import { msg } from '@kommunkit/ui';
import { continueButton, textField } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import { flowPage } from './common.js';
import type { ContactView } from './types.js';

/** Page: contact details, all optional; says plainly what is public and what only the kommun sees. */
export function contactPage(view: ContactView): TemplateResult {
  return flowPage(
    view,
    msg('Vill du lämna kontaktuppgifter?'),
    html`<div class="kk-privacy">
        <p>${msg('Du kan vara anonym. Lämna fälten tomma om du inte vill att kommunen ska kunna kontakta dig.')}</p>
        <p>${msg('Det här visas öppet för alla: kategori, plats, beskrivning och bilder.')}</p>
        <p>${msg('Det här ser bara kommunen: namn, e-postadress och telefonnummer.')}</p>
      </div>
      ${view.onLogin
        ? html`<p><button type="button" class="kk-link-button" @click=${view.onLogin}>${msg('Logga in med e-legitimation, så fylls ditt namn i')}</button></p>`
        : nothing}
      ${textField({ ...view.firstName, label: msg('Förnamn'), optional: true, autocomplete: 'given-name' })}
      ${textField({ ...view.lastName, label: msg('Efternamn'), optional: true, autocomplete: 'family-name' })}
      ${textField({ ...view.email, label: msg('E-postadress'), optional: true, type: 'email', autocomplete: 'email', spellcheck: false })}
      ${textField({ ...view.phone, label: msg('Telefonnummer'), optional: true, type: 'tel', autocomplete: 'tel', width: 20 })} ${continueButton()}`,
    view.onSubmit,
  );
}
