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

/** What `FormController.bind` returns: spread it into a field template's options. */
export interface BoundField<T extends Values, K extends keyof T & string> {
  name: K;
  id: string;
  value: T[K];
  error: string | undefined;
  onBlur: () => void;
  onInput: (value: T[K]) => void;
  onChange: (value: T[K]) => void;
}

const defaultIsEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

const sameShape = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) === Array.isArray(b) && (a === null || a === undefined || b === null || b === undefined || typeof a === typeof b);

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
  private readonly options: FormControllerOptions<T>;
  /** The fields now, in order; replaced by `setFields`. */
  private initial: T;
  private rules: FormRules<T>;
  private focusSummary = false;
  /** Fields whose shown error came from `setErrors` (the gateway), not from the rules here. */
  private external = new Set<string>();

  constructor(host: ReactiveElement, options: FormControllerOptions<T>) {
    this.host = host;
    this.options = options;
    this.initial = options.initial;
    this.rules = options.rules;
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
    this.external.delete(name);
    if (this.errors[name]) this.check(name, false);
    this.options.onChange?.(this.values);
    this.host.requestUpdate();
  }

  /** Replaces all values, for example with a restored draft. */
  setAll(values: Partial<T>): void {
    this.values = { ...this.values, ...values };
    this.host.requestUpdate();
  }

  /**
   * Replaces the set of fields: names in `initial` are the fields now; a field that existed keeps
   * its value (and error), a new one starts at its initial value, one no longer listed is dropped.
   * A kept value must have the new initial value's shape (a list stays a list), so a question
   * that changed kind under the same name cannot hand a string to a checkbox group.
   * For questions that arrive at run time (a category's extra questions). Like `setAll`, it does
   * not call `onChange`: the program changed the form, not the citizen.
   */
  setFields(initial: T, rules: FormRules<T>): void {
    const values: Values = {};
    const shown: (keyof T & string)[] = [];
    const errors: Partial<Record<keyof T & string, string>> = {};
    const external = new Set<string>();
    for (const name of Object.keys(initial) as (keyof T & string)[]) {
      const keep = Object.hasOwn(this.values, name) && sameShape(this.values[name], initial[name]);
      values[name] = keep ? this.values[name] : initial[name];
      if (!keep || this.errors[name] === undefined) continue;
      if (!this.external.has(name)) shown.push(name);
      else {
        errors[name] = this.errors[name];
        external.add(name);
      }
    }
    this.external = external;
    this.initial = initial;
    this.rules = rules;
    this.values = values as T;
    // The gateway's verdict on an unchanged value stays: no rule here can say it is wrong.
    this.errors = errors;
    // A shown error of the rules stays while the value is still wrong under the new rules.
    for (const name of shown) this.check(name, true);
    this.host.requestUpdate();
  }

  /** On blur: checks the format of what was typed, but does not nag about an empty field yet. */
  blur(name: keyof T & string): void {
    this.check(name, false);
    this.host.requestUpdate();
  }

  /** On submit: checks every field, required ones included. True when the form is valid. */
  submit(): boolean {
    for (const name of Object.keys(this.rules)) this.check(name, true);
    const valid = this.summary().length === 0;
    this.focusSummary = !valid;
    this.host.requestUpdate();
    return valid;
  }

  /** Shows errors that came from elsewhere (e.g. the gateway's field errors) as if checked here. */
  setErrors(errors: Partial<Record<keyof T & string, string>>, focusSummary = true): void {
    this.errors = { ...errors };
    this.external = new Set(Object.keys(errors));
    this.focusSummary = focusSummary && this.summary().length > 0;
    this.host.requestUpdate();
  }

  /** Errors in field order, for `errorSummary()`. */
  summary(): ErrorSummaryItem[] {
    const idFor = this.options.idFor ?? ((name: string) => name);
    return Object.keys(this.initial)
      .filter((name) => this.errors[name as keyof T & string] !== undefined)
      .map((name) => ({ id: idFor(name as keyof T & string), message: this.errors[name as keyof T & string]! }));
  }

  /**
   * Everything a field template needs for one field: value, error, and the handlers, to spread
   * into its options: `textField({ ...form.bind('email'), label: msg('E-post') })`. Both
   * `onInput` (typed fields) and `onChange` (choices, select) are there, so one spread fits every
   * template; the one a template does not use is never called.
   */
  bind<K extends keyof T & string>(name: K): BoundField<T, K> {
    const set = (value: T[K]): void => this.set(name, value);
    return {
      name,
      id: (this.options.idFor ?? ((n: string) => n))(name),
      value: this.values[name],
      error: this.errors[name],
      onBlur: () => this.blur(name),
      onInput: set,
      onChange: set,
    };
  }

  private check(name: keyof T & string, requireValue: boolean): void {
    const rule = this.rules[name];
    const value = this.values[name];
    const empty = (rule?.isEmpty ?? defaultIsEmpty)(value);
    let error: string | undefined;
    // An empty field is only nagged about on submit; but once an error shows, leaving or
    // emptying the field must not make it vanish (Enter in a field submits, the error summary
    // takes focus, and the field's blur would otherwise clear the error just shown).
    if (empty) error = requireValue || this.errors[name] !== undefined ? rule?.required?.() : undefined;
    else error = rule?.validate?.(value);
    this.errors = { ...this.errors, [name]: error };
  }
}
