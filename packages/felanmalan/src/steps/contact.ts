import { msg } from '@lit/localize';
import { continueButton, errorSummary, textField } from '@kommunkit/ui';
import { html, type TemplateResult } from 'lit';
import type { KkFelanmalan } from '../felanmalan.js';
import { pageForm, pageTop } from './common.js';

/** Page: contact details, all optional; says plainly what is public and what only the kommun sees. */
export function renderContact(host: KkFelanmalan): TemplateResult {
  const form = host.contactForm;
  return html`${pageTop(host, msg('Vill du lämna kontaktuppgifter?'))}
    ${pageForm(
      () => {
        if (form.submit()) host.advance('contact');
      },
      html`${errorSummary({ errors: form.summary(), headingLevel: host.headingLevel })}
        <div class="kk-privacy">
          <p>${msg('Du kan vara anonym. Lämna fälten tomma om du inte vill att kommunen ska kunna kontakta dig.')}</p>
          <p>${msg('Det här visas öppet för alla: kategori, plats, beskrivning och bilder.')}</p>
          <p>${msg('Det här ser bara kommunen: namn, e-postadress och telefonnummer.')}</p>
        </div>
        ${textField({ ...form.bind('firstName'), label: msg('Förnamn'), optional: true, autocomplete: 'given-name', onInput: (value) => form.set('firstName', value) })}
        ${textField({ ...form.bind('lastName'), label: msg('Efternamn'), optional: true, autocomplete: 'family-name', onInput: (value) => form.set('lastName', value) })}
        ${textField({
          ...form.bind('email'),
          label: msg('E-postadress'),
          optional: true,
          type: 'email',
          autocomplete: 'email',
          spellcheck: false,
          onInput: (value) => form.set('email', value),
        })}
        ${textField({
          ...form.bind('phone'),
          label: msg('Telefonnummer'),
          optional: true,
          type: 'tel',
          autocomplete: 'tel',
          width: 20,
          onInput: (value) => form.set('phone', value),
        })}
        ${continueButton()}`,
    )}`;
}
