import type { ReactiveController, ReactiveElement } from 'lit';
import type { ErrorSummaryItem } from './error-summary.js';

type Values = Record<string, unknown>;

export interface FieldRule<V> {
  /** Message when the field is empty on submit; absent means the field is optional. */
  required?: () => string;
  /** Checks a non-empty value; returns a message when it is wrong. */
  validate?: (value: V) => string | undefined;
  /** What counts as empty; by default '', whitespace, an empty array, null and undefined. */
  isEmpty?: (value: V) => boolean;
}

export type FormRules<T extends Values> = { [K in keyof T]?: FieldRule<T[K]> };

export interface FormControllerOptions<T extends Values> {
  initial: T;
  rules: FormRules<T>;
  /** Maps a field name to the id of its control, for the error summary's links. */
  idFor?: (name: keyof T & string) => string;
  /** Called after every change of a value, for example to save a draft. */
  onChange?: (values: T) => void;
}

const defaultIsEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/**
 * Values and errors of one form, validated the way citizens cope with best: a field is checked
 * when the citizen leaves it, an empty required field only on submit, an error clears as soon
 * as the value is right, and nothing typed is ever cleared. After a failed submit the error
 * summary takes focus once the host has rendered it.
 */
export class FormController<T extends Values> implements ReactiveController {
  values: T;
  errors: Partial<Record<keyof T & string, string>> = {};
  private readonly host: ReactiveElement;
  private focusSummary = false;

  constructor(
    host: ReactiveElement,
    private readonly options: FormControllerOptions<T>,
  ) {
    this.host = host;
    this.values = { ...options.initial };
    host.addController(this);
  }

  hostUpdated(): void {
    if (!this.focusSummary) return;
    this.focusSummary = false;
    this.host.renderRoot.querySelector<HTMLElement>('[data-kk-error-summary]')?.focus();
  }

  /** Sets a value; a field that shows an error is checked again right away. */
  set<K extends keyof T & string>(name: K, value: T[K]): void {
    this.values = { ...this.values, [name]: value };
    if (this.errors[name]) this.check(name, false);
    this.options.onChange?.(this.values);
    this.host.requestUpdate();
  }

  /** Replaces all values, for example with a restored draft. */
  setAll(values: Partial<T>): void {
    this.values = { ...this.values, ...values };
    this.host.requestUpdate();
  }

  /** On blur: checks the format of what was typed, but does not nag about an empty field yet. */
  blur(name: keyof T & string): void {
    this.check(name, false);
    this.host.requestUpdate();
  }

  /** On submit: checks every field, required ones included. True when the form is valid. */
  submit(): boolean {
    for (const name of Object.keys(this.options.rules)) this.check(name, true);
    const valid = this.summary().length === 0;
    this.focusSummary = !valid;
    this.host.requestUpdate();
    return valid;
  }

  /** Shows errors that came from elsewhere (e.g. the gateway's field errors) as if checked here. */
  setErrors(errors: Partial<Record<keyof T & string, string>>, focusSummary = true): void {
    this.errors = { ...errors };
    this.focusSummary = focusSummary && this.summary().length > 0;
    this.host.requestUpdate();
  }

  /** Errors in field order, for `errorSummary()`. */
  summary(): ErrorSummaryItem[] {
    const idFor = this.options.idFor ?? ((name: string) => name);
    return Object.keys(this.options.initial)
      .filter((name) => this.errors[name as keyof T & string] !== undefined)
      .map((name) => ({ id: idFor(name as keyof T & string), message: this.errors[name as keyof T & string]! }));
  }

  /** Everything a field template needs for one field: value, error, and the handlers. */
  bind<K extends keyof T & string>(name: K) {
    return {
      name,
      id: (this.options.idFor ?? ((n: string) => n))(name),
      value: this.values[name],
      error: this.errors[name],
      onBlur: () => this.blur(name),
    };
  }

  private check(name: keyof T & string, requireValue: boolean): void {
    const rule = this.options.rules[name];
    const value = this.values[name];
    const empty = (rule?.isEmpty ?? defaultIsEmpty)(value);
    let error: string | undefined;
    if (empty) error = requireValue ? rule?.required?.() : undefined;
    else error = rule?.validate?.(value);
    this.errors = { ...this.errors, [name]: error };
  }
}
