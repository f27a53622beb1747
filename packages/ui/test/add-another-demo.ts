import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { KkElement } from '../src/base-element.js';
import { AddAnotherController, addAnother } from '../src/forms/add-another.js';
import { errorSummary } from '../src/forms/error-summary.js';
import { dateField } from '../src/forms/fields/date.js';
import { textField } from '../src/forms/fields/text.js';
import { FormController } from '../src/forms/form-controller.js';
import { formStyles } from '../src/forms/styles.js';
import { uiStyles } from '../src/styles.js';

// A type, not an interface: FormController needs an index signature.
export type Child = { name: string; born: string };

/**
 * A barnomsorg-like page: the applicant's e-mail and one to three children, one form and one
 * error summary.
 */
export class KkAddAnotherDemo extends KkElement {
  static override styles = [uiStyles, formStyles];

  @property({ type: Number }) max = 3;

  saved: Child[][] = [];
  submitted = false;

  readonly form = new FormController(this, {
    initial: { email: '' },
    rules: { email: { required: () => 'Skriv din e-postadress' } },
    idFor: (name) => `applicant-${name}`,
  });

  readonly childList = new AddAnotherController<Child>(this, {
    idPrefix: 'child',
    empty: () => ({ name: '', born: '' }),
    rules: { name: { required: () => 'Skriv barnets namn' }, born: { required: () => 'Skriv när barnet är fött' } },
    itemLabel: (position) => `Barn ${String(position)}`,
    max: 3,
    onChange: (items) => this.saved.push(items),
  });

  override render(): TemplateResult {
    const { form, childList } = this;
    return html`<form
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        const pageValid = form.submit();
        this.submitted = childList.submit() && pageValid;
      }}
    >
      ${errorSummary({ errors: [...form.summary(), ...childList.summary()], headingLevel: this.headingLevel })}
      ${textField({ ...form.bind('email'), label: 'E-post', type: 'email' })}
      ${addAnother(childList, {
        addLabel: 'Lägg till ett barn till',
        fullMessage: 'Du kan lägga till högst 3 barn.',
        renderItem: (item) =>
          html`${textField({ ...item.form.bind('name'), label: 'Namn' })} ${dateField({ ...item.form.bind('born'), label: 'Födelsedatum' })}`,
      })}
      <button type="submit" class="kk-button kk-button--primary">Fortsätt</button>
    </form>`;
  }
}

KkAddAnotherDemo.define('kk-add-another-demo');

declare global {
  interface HTMLElementTagNameMap {
    'kk-add-another-demo': KkAddAnotherDemo;
  }
}
