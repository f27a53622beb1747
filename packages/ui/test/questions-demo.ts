import { html, type TemplateResult } from 'lit';
import { KkElement } from '../src/base-element.js';
import { errorSummary } from '../src/forms/error-summary.js';
import { textarea } from '../src/forms/fields/text.js';
import { FormController } from '../src/forms/form-controller.js';
import { questionFields, questionForm, type Question } from '../src/forms/questions.js';
import { formStyles } from '../src/forms/styles.js';
import { uiStyles } from '../src/styles.js';

/** An Open311 category's questions, as felanmälan maps them (`attr_CODE`). */
export const potholeQuestions: Question[] = [
  { name: 'attr_depth', label: 'Hur djupt är hålet i centimeter?', kind: 'number', required: true },
  { name: 'attr_lane', label: 'Var på vägen?', kind: 'radios', required: true, choices: [{ value: 'road', label: 'Körbanan' }, { value: 'bike', label: 'Cykelbanan' }] },
  { name: 'attr_seen', label: 'När såg du hålet först?', kind: 'date', required: false, hint: 'Ungefär räcker' },
  { name: 'attr_risk', label: 'Vad kan hända?', kind: 'checkboxes', required: true, choices: [{ value: 'tyre', label: 'Punktering' }, { value: 'fall', label: 'Någon kan ramla' }] },
  { name: 'attr_size', label: 'Hur stort är hålet?', kind: 'select', required: false, choices: [{ value: 's', label: 'Som en hand' }, { value: 'l', label: 'Som ett hjul' }] },
  { name: 'attr_where', label: 'Beskriv platsen', kind: 'text', required: false, validate: (value) => (value.length > 20 ? 'Svaret får vara högst 20 tecken.' : undefined) },
  { name: 'attr_more', label: 'Något mer?', kind: 'textarea', required: false },
];

export const lampQuestions: Question[] = [
  { name: 'attr_lane', label: 'Var står stolpen?', kind: 'radios', required: true, choices: [{ value: 'road', label: 'Vid körbanan' }, { value: 'park', label: 'I parken' }] },
  { name: 'attr_number', label: 'Stolpens nummer', kind: 'text', required: false },
];

/**
 * A details page whose questions change at run time, built as felanmälan builds it: its own
 * description field plus `questionFields`, one form and one error summary.
 */
export class KkQuestionsDemo extends KkElement {
  static override styles = [uiStyles, formStyles];

  readonly form = new FormController<{ description: string } & Record<string, unknown>>(this, {
    initial: { description: '' },
    rules: { description: { required: () => 'Beskriv felet' } },
    idFor: (name) => `q-${name}`,
  });

  questions: readonly Question[] = [];
  submitted = false;

  /** Sets the questions, e.g. when another category is chosen, keeping the answers that still fit. */
  setQuestions(questions: readonly Question[]): void {
    this.questions = questions;
    const { initial, rules } = questionForm(questions, this.form.values);
    this.form.setFields(
      { description: this.form.values.description, ...initial },
      { description: { required: () => 'Beskriv felet' }, ...rules },
    );
  }

  override render(): TemplateResult {
    const { form } = this;
    return html`<form
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        this.submitted = form.submit();
      }}
    >
      ${errorSummary({ errors: form.summary(), headingLevel: this.headingLevel })}
      ${textarea({ ...form.bind('description'), label: 'Vad är fel?', rows: 3 })}
      ${questionFields(form, this.questions)}
      <button type="submit" class="kk-button kk-button--primary">Fortsätt</button>
    </form>`;
  }
}

KkQuestionsDemo.define('kk-questions-demo');

declare global {
  interface HTMLElementTagNameMap {
    'kk-questions-demo': KkQuestionsDemo;
  }
}
