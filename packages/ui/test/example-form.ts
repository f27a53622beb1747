import { html, type TemplateResult } from 'lit';
import { KkElement } from '../src/base-element.js';
import { errorSummary } from '../src/forms/error-summary.js';
import { checkboxes, radios } from '../src/forms/fields/choice.js';
import { dateField } from '../src/forms/fields/date.js';
import { fileField } from '../src/forms/fields/file.js';
import { select } from '../src/forms/fields/select.js';
import { textarea, textField } from '../src/forms/fields/text.js';
import { FormController } from '../src/forms/form-controller.js';
import { heading } from '../src/heading.js';
import { backLink, continueButton, StepController } from '../src/forms/step-flow.js';
import { summaryList } from '../src/forms/summary-list.js';
import { confirmationPanel } from '../src/feedback.js';
import { formStyles } from '../src/forms/styles.js';
import { uiStyles } from '../src/styles.js';

declare module '../src/base-element.js' {
  interface KkEventMap {
    'kk-example-submitted': { reference: string };
  }
}

type Step = 'questions' | 'check' | 'done';

/**
 * A small flow built only from ui parts, as a service would build it: one question page with
 * every field type, check answers, confirmation. Tests and stories drive it.
 */
export class KkExampleForm extends KkElement {
  static override styles = [uiStyles, formStyles];

  readonly steps = new StepController<Step>(this, { initial: 'questions' });

  readonly form = new FormController(this, {
    initial: { name: '', email: '', message: '', contact: '', topics: [] as string[], area: '', date: '' },
    idFor: (name) => `example-${name}`,
    rules: {
      name: { required: () => 'Ange ditt namn' },
      email: {
        validate: (value: string) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? undefined : 'Ange en e-postadress i rätt format, till exempel namn@exempel.se'),
      },
      message: { required: () => 'Beskriv ärendet' },
      contact: { required: () => 'Välj hur vi ska kontakta dig' },
      area: { required: () => 'Välj område' },
    },
  });

  files: File[] = [];

  override render(): TemplateResult {
    switch (this.steps.current) {
      case 'questions':
        return this.renderQuestions();
      case 'check':
        return this.renderCheck();
      case 'done':
        return confirmationPanel({ title: 'Tack!', headingLevel: this.headingLevel, reference: 'EX-1234' });
    }
  }

  private renderQuestions(): TemplateResult {
    const { form } = this;
    return html`<form
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        if (form.submit()) this.steps.go('check');
      }}
    >
      ${errorSummary({ errors: form.summary(), headingLevel: this.headingLevel })}
      ${heading({ level: this.headingLevel, focusTarget: true }, 'Kontakta oss')}
      ${textField({ ...form.bind('name'), label: 'Namn', autocomplete: 'name', onInput: (v) => form.set('name', v) })}
      ${textField({
        ...form.bind('email'),
        label: 'E-post',
        type: 'email',
        optional: true,
        hint: 'Vi använder den bara för att svara dig',
        onInput: (v) => form.set('email', v),
      })}
      ${textarea({ ...form.bind('message'), label: 'Ditt ärende', onInput: (v) => form.set('message', v) })}
      ${radios({
        ...form.bind('contact'),
        label: 'Hur vill du bli kontaktad?',
        choices: [
          { value: 'email', label: 'E-post' },
          { value: 'phone', label: 'Telefon' },
        ],
        onChange: (v) => form.set('contact', v),
      })}
      ${checkboxes({
        ...form.bind('topics'),
        label: 'Vad gäller det?',
        optional: true,
        choices: [
          { value: 'street', label: 'Gata' },
          { value: 'park', label: 'Park' },
        ],
        onChange: (v) => form.set('topics', v),
      })}
      ${select({
        ...form.bind('area'),
        label: 'Område',
        choices: [
          { value: 'north', label: 'Norra' },
          { value: 'south', label: 'Södra' },
        ],
        onChange: (v) => form.set('area', v),
      })}
      ${dateField({ ...form.bind('date'), label: 'Datum', optional: true, onInput: (v) => form.set('date', v) })}
      ${fileField({
        id: 'example-files',
        name: 'files',
        label: 'Bilder',
        optional: true,
        accept: 'image/*',
        multiple: true,
        onFiles: (files) => {
          this.files = [...this.files, ...files];
          this.requestUpdate();
        },
      })}
      ${continueButton()}
    </form>`;
  }

  private renderCheck(): TemplateResult {
    const { values } = this.form;
    const change = () => this.steps.back();
    return html`${backLink({ onClick: () => this.steps.back() })}
      ${heading({ level: this.headingLevel, focusTarget: true }, 'Kontrollera dina svar')}
      ${summaryList([
        { key: 'Namn', value: values.name, onChange: change },
        { key: 'Ditt ärende', value: values.message, onChange: change },
      ])}
      <button
        type="button"
        class="kk-button kk-button--primary"
        @click=${() => {
          this.steps.go('done');
          this.emit('kk-example-submitted', { reference: 'EX-1234' });
        }}
      >
        Skicka
      </button>`;
  }
}

KkExampleForm.define('kk-example-form');
