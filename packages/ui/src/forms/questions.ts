import { msg, str } from '../localization.js';
import type { TemplateResult } from 'lit';
import { checkboxes, radios, type Choice } from './fields/choice.js';
import { dateField } from './fields/date.js';
import { select } from './fields/select.js';
import { textarea, textField } from './fields/text.js';
import type { FieldRule, FormController, FormRules } from './form-controller.js';

/**
 * A question asked at run time, for example a felanmälan category's extra questions (Open311
 * service attributes) or barnomsorg's questions from the kommun's configuration.
 */
export interface Question {
  /** Form field name; unique within the form. */
  name: string;
  label: string;
  hint?: string;
  kind: 'text' | 'textarea' | 'number' | 'date' | 'radios' | 'checkboxes' | 'select';
  required: boolean;
  /** The answers of radios, checkboxes and select. */
  choices?: Choice[];
  /** A service's own check of a non-empty typed answer (text, textarea, number, date), after the built-in one. */
  validate?: (value: string) => string | undefined;
}

type Answers = Record<string, unknown>;

const isChoice = (kind: Question['kind']): boolean => kind === 'radios' || kind === 'checkboxes' || kind === 'select';

/**
 * Whether a number answer is one the gateway takes: the gateway checks
 * `Number.isFinite(Number(value))` on the trimmed value, so the widget checks the same and a
 * citizen never passes the page only to be stopped at sending. A decimal comma ("3,5") is
 * therefore refused, and the message says to write a point.
 */
export const isNumberAnswer = (value: string): boolean => value.trim() !== '' && Number.isFinite(Number(value.trim()));

/** A valid calendar date `YYYY-MM-DD`, as the native date input gives it. */
const isDateAnswer = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

function requiredMessage(question: Question): string {
  const { label } = question;
  if (question.kind === 'checkboxes') return msg(str`Välj minst ett svar på frågan: ${label}`);
  if (isChoice(question.kind)) return msg(str`Välj ett svar på frågan: ${label}`);
  return msg(str`Svara på frågan: ${label}`);
}

function ruleFor(question: Question): FieldRule<unknown> {
  const { label } = question;
  const builtIn = (value: string): string | undefined => {
    if (question.kind === 'number' && !isNumberAnswer(value)) return msg(str`Skriv ett tal med siffror, till exempel 3 eller 2.5: ${label}`);
    if (question.kind === 'date' && !isDateAnswer(value)) return msg(str`Skriv ett datum som finns: ${label}`);
    return undefined;
  };
  return {
    ...(question.required ? { required: () => requiredMessage(question) } : {}),
    ...(isChoice(question.kind)
      ? {}
      : { validate: (value: unknown) => (typeof value === 'string' ? (builtIn(value) ?? question.validate?.(value)) : undefined) }),
  };
}

/** The previous answer when it still fits the question (a choice that still exists), else empty. */
function initialAnswer(question: Question, previous: unknown): string | string[] {
  const keys = new Set((question.choices ?? []).map((choice) => choice.value));
  if (question.kind === 'checkboxes')
    return Array.isArray(previous) ? previous.filter((value): value is string => typeof value === 'string' && keys.has(value)) : [];
  if (typeof previous !== 'string') return '';
  if (question.kind === 'radios' || question.kind === 'select') return keys.has(previous) ? previous : '';
  return previous;
}

/**
 * Initial values and rules for the questions, for `new FormController({ initial, rules })` or
 * `form.setFields(initial, rules)` (merge in the page's own fields first). A text answer starts
 * as '' and a checkbox answer as [], unless `previous` (a restored draft) has one that still fits.
 */
export function questionForm(questions: readonly Question[], previous: Answers = {}): { initial: Answers; rules: FormRules<Answers> } {
  const initial: Answers = {};
  const rules: FormRules<Answers> = {};
  for (const question of questions) {
    initial[question.name] = initialAnswer(question, previous[question.name]);
    rules[question.name] = ruleFor(question);
  }
  return { initial, rules };
}

const asString = (value: unknown): string => (typeof value === 'string' ? value : '');
const asList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/**
 * Field templates for the questions, bound to the form: values, errors (linked from the error
 * summary through the form's `idFor`) and handlers. The form must hold the questions' fields
 * (see `questionForm`).
 */
export function questionFields<T extends Answers>(form: FormController<T>, questions: readonly Question[]): TemplateResult[] {
  return questions.map((question) => {
    const bound = form.bind(question.name);
    const set = bound.onInput as (value: unknown) => void;
    const { onBlur } = bound;
    const common = {
      id: bound.id,
      name: bound.name,
      error: bound.error,
      label: question.label,
      optional: !question.required,
      ...(question.hint ? { hint: question.hint } : {}),
    };
    const choices = question.choices ?? [];
    switch (question.kind) {
      case 'text':
        return textField({ ...common, value: asString(bound.value), width: 20, onInput: set, onBlur });
      case 'number':
        // No `inputmode="decimal"`: Swedish phone keypads then offer only a comma, which the gateway refuses.
        return textField({ ...common, value: asString(bound.value), width: 10, spellcheck: false, onInput: set, onBlur });
      case 'textarea':
        return textarea({ ...common, value: asString(bound.value), rows: 3, onInput: set, onBlur });
      case 'date':
        return dateField({ ...common, value: asString(bound.value), onInput: set, onBlur });
      case 'radios':
        return radios({ ...common, value: asString(bound.value), choices, onChange: set });
      case 'select':
        return select({ ...common, value: asString(bound.value), choices, onChange: set, onBlur });
      case 'checkboxes':
        return checkboxes({ ...common, value: asList(bound.value), choices, onChange: set });
    }
  });
}
