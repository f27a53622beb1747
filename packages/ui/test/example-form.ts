import { html, type TemplateResult } from 'lit';
import { KkElement } from '../src/base-element.js';
import { checkboxes, radios } from '../src/forms/fields/choice.js';
import { dateField } from '../src/forms/fields/date.js';
import { fileField } from '../src/forms/fields/file.js';
import { select } from '../src/forms/fields/select.js';
import { textarea, textField } from '../src/forms/fields/text.js';
import { FormController } from '../src/forms/form-controller.js';
import { defineFlow } from '../src/forms/define-flow.js';
import { FlowController } from '../src/forms/flow-controller.js';
import { questionPage } from '../src/forms/question-page.js';
import { continueButton, stepCaption } from '../src/forms/step-flow.js';
import { summaryList } from '../src/forms/summary-list.js';
import { confirmationPanel } from '../src/forms/confirmation-panel.js';
import { formStyles } from '../src/forms/styles.js';
import { uiStyles } from '../src/styles.js';

declare module '../src/base-element.js' {
  interface KkEventMap {
    'kk-example-submitted': { reference: string };
  }
}

type Step = 'questions' | 'check' | 'done';

const initial = { name: '', email: '', message: '', contact: '', topics: [] as string[], area: '', date: '' };

const exampleFlow = defineFlow<Step, typeof initial, undefined>([
  { id: 'questions', fields: Object.keys(initial) },
  { id: 'check', review: true },
  { id: 'done', end: true },
]);

/**
 * A small flow built only from ui parts, as a service would build it: one question page with
 * every field type, check answers, confirmation. Tests and stories drive it.
 */
export class KkExampleForm extends KkElement {
  static override styles = [uiStyles, formStyles];

  readonly steps = new FlowController<Step, typeof initial, undefined>(this, {
    flow: exampleFlow,
    answers: () => this.form.values,
    context: () => undefined,
  });

  readonly form = new FormController(this, {
    initial,
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

  /** "Tillbaka" when there is a way back, and "Steg 1 av 2" on a question page. */
  private navigation(): { back?: () => void; caption?: string } {
    const { counter } = this.steps;
    return {
      ...(this.steps.canGoBack ? { back: () => this.steps.back() } : {}),
      ...(counter ? { caption: stepCaption(counter.index, counter.total) } : {}),
    };
  }

  private renderQuestions(): TemplateResult {
    const { form } = this;
    return questionPage({
      headingLevel: this.headingLevel,
      title: 'Kontakta oss',
      ...this.navigation(),
      errors: form.summary(),
      onSubmit: () => {
        if (form.submit()) this.steps.next();
      },
      content: html`${textField({ ...form.bind('name'), label: 'Namn', autocomplete: 'name', onInput: (v) => form.set('name', v) })}
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
      ${continueButton()}`,
    });
  }

  private renderCheck(): TemplateResult {
    const { values } = this.form;
    const change = () => this.steps.change('questions');
    return questionPage({
      headingLevel: this.headingLevel,
      title: 'Kontrollera dina svar',
      ...this.navigation(),
      content: html`${summaryList([
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
      </button>`,
    });
  }
}

KkExampleForm.define('kk-example-form');
