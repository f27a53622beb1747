import { html, nothing, type TemplateResult } from 'lit';
import { KkElement } from '../src/base-element.js';
import { confirmationPanel } from '../src/forms/confirmation-panel.js';
import { defineFlow } from '../src/forms/define-flow.js';
import type { ErrorSummaryItem } from '../src/forms/error-summary.js';
import { radios } from '../src/forms/fields/choice.js';
import { textarea, textField } from '../src/forms/fields/text.js';
import { FlowController } from '../src/forms/flow-controller.js';
import { FormController } from '../src/forms/form-controller.js';
import { questionPage } from '../src/forms/question-page.js';
import { backLink, continueButton, stepCaption } from '../src/forms/step-flow.js';
import { formStyles } from '../src/forms/styles.js';
import { summaryList } from '../src/forms/summary-list.js';
import { uiStyles } from '../src/styles.js';

export type FlowDemoStep = 'kind' | 'pole' | 'description' | 'check' | 'done';

export interface FlowDemoAnswers {
  kind: string;
  pole: string;
  description: string;
}

const kinds = [
  { value: 'lamp', label: 'Trasig gatlampa' },
  { value: 'graffiti', label: 'Klotter' },
];

/**
 * The demo's flow: the pole's number is asked only about a street lamp.
 *   kind → pole (only for a lamp) → description → check → done
 */
export const flowDemoFlow = defineFlow<FlowDemoStep, FlowDemoAnswers, undefined>([
  { id: 'kind', fields: ['kind'], apiFields: ['service_code'], done: (answers) => answers.kind !== '' },
  { id: 'pole', when: (answers) => answers.kind === 'lamp', fields: ['pole'], apiFields: ['attribute[*'], done: (answers) => answers.pole.trim() !== '' },
  { id: 'description', fields: ['description'], apiFields: ['description', '*'], done: (answers) => answers.description.trim() !== '' },
  { id: 'check', review: true },
  { id: 'done', end: true },
]);

/** Which answer a gateway field's error belongs to (the gateway's names are not the form's). */
const answerOfApiField = (field: string): keyof FlowDemoAnswers =>
  field === 'service_code' ? 'kind' : field.startsWith('attribute[') ? 'pole' : 'description';

/**
 * A branching question flow built only from ui parts, as a service builds one with the flow
 * engine: `defineFlow` + `FlowController` + `questionPage()`, one `FormController` per page.
 * Tests and stories drive it.
 */
export class KkFlowDemo extends KkElement {
  static override styles = [uiStyles, formStyles];

  /** Before the forms: their focus on a gateway error's summary comes after the heading's. */
  readonly flow = new FlowController<FlowDemoStep, FlowDemoAnswers, undefined>(this, {
    flow: flowDemoFlow,
    answers: () => this.answers,
    context: () => undefined,
    onChange: (step) => this.visited.push(step),
  });

  readonly kindForm = new FormController(this, {
    initial: { kind: '' },
    idFor: (name) => `demo-${name}`,
    rules: { kind: { required: () => 'Välj vad du vill anmäla' } },
  });

  readonly poleForm = new FormController(this, {
    initial: { pole: '' },
    idFor: (name) => `demo-${name}`,
    rules: { pole: { required: () => 'Ange stolpens nummer' } },
  });

  readonly descriptionForm = new FormController(this, {
    initial: { description: '' },
    idFor: (name) => `demo-${name}`,
    rules: { description: { required: () => 'Beskriv felet' } },
  });

  /** Every page change, in order (what a service would save as a draft). */
  readonly visited: FlowDemoStep[] = [];

  /** When set, "Skicka anmälan" gets this field error from the "gateway" instead of a reference. */
  reject: { field: string; message: string } | undefined;

  get answers(): FlowDemoAnswers {
    return { ...this.kindForm.values, ...this.poleForm.values, ...this.descriptionForm.values };
  }

  /** The gateway refused a field: its page, with the error, and from there back to check answers. */
  showGatewayError(field: string, message: string): void {
    const step = this.flow.showApiField(field);
    if (step === undefined) return;
    const answer = answerOfApiField(field);
    const form = answer === 'kind' ? this.kindForm : answer === 'pole' ? this.poleForm : this.descriptionForm;
    form.setErrors({ [answer]: message });
  }

  override render(): TemplateResult {
    const { flow } = this;
    const counter = flow.counter;
    const back = flow.canGoBack ? { back: () => flow.back() } : {};
    const page = (title: string, content: unknown, form?: { summary: () => ErrorSummaryItem[]; submit: () => boolean }): TemplateResult =>
      questionPage({
        headingLevel: this.headingLevel,
        title,
        ...(counter ? { caption: stepCaption(counter.index, counter.total) } : {}),
        ...back,
        ...(form
          ? {
              errors: form.summary(),
              onSubmit: () => {
                if (form.submit()) flow.next();
              },
            }
          : {}),
        content,
      });
    switch (flow.current) {
      case 'kind': {
        const form = this.kindForm;
        return page('Vad vill du anmäla?', html`${radios({ ...form.bind('kind'), label: 'Typ av fel', choices: kinds })} ${continueButton()}`, form);
      }
      case 'pole': {
        const form = this.poleForm;
        return page(
          'Vilket nummer har stolpen?',
          html`${textField({ ...form.bind('pole'), label: 'Stolpens nummer', hint: 'Numret står på en skylt på stolpen', width: 10 })}
          ${continueButton()}`,
          form,
        );
      }
      case 'description': {
        const form = this.descriptionForm;
        return page('Beskriv felet', html`${textarea({ ...form.bind('description'), label: 'Vad är fel?' })} ${continueButton()}`, form);
      }
      case 'check':
        return page('Kontrollera din anmälan', this.renderCheck());
      case 'done':
        // The end is not a question page: no counter, and "Tillbaka" only if the flow allowed it.
        return html`${flow.canGoBack ? backLink({ onClick: () => flow.back() }) : nothing}
          ${confirmationPanel({ title: 'Tack för din anmälan', headingLevel: this.headingLevel, reference: 'FEL-1001' })}
          <button type="button" class="kk-button kk-button--secondary" @click=${() => this.startOver()}>Gör en ny anmälan</button>`;
    }
  }

  private renderCheck(): TemplateResult {
    const { answers, flow } = this;
    const change = (field: keyof FlowDemoAnswers) => () => {
      const step = flowDemoFlow.stepOfField(field);
      if (step) flow.change(step);
    };
    return html`${summaryList([
        { key: 'Typ av fel', value: kinds.find((kind) => kind.value === answers.kind)?.label, onChange: change('kind') },
        ...(flowDemoFlow.questions(answers, undefined).includes('pole') ? [{ key: 'Stolpens nummer', value: answers.pole, onChange: change('pole') }] : []),
        { key: 'Beskrivning', value: answers.description, onChange: change('description') },
      ])}
      <button type="button" class="kk-button kk-button--primary" @click=${() => this.send()}>Skicka anmälan</button>`;
  }

  private send(): void {
    if (this.reject) {
      this.showGatewayError(this.reject.field, this.reject.message);
      this.reject = undefined;
      return;
    }
    this.flow.go('done');
  }

  private startOver(): void {
    for (const form of [this.kindForm, this.poleForm, this.descriptionForm]) form.setErrors({}, false);
    this.kindForm.setAll({ kind: '' });
    this.poleForm.setAll({ pole: '' });
    this.descriptionForm.setAll({ description: '' });
    this.flow.reset();
  }
}

KkFlowDemo.define('kk-flow-demo');

declare global {
  interface HTMLElementTagNameMap {
    'kk-flow-demo': KkFlowDemo;
  }
}
