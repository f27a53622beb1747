import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { describedBy, fieldGroup, targetValue, type TypedFieldOptions } from './field.js';

/** The widths a text field can suggest, in characters (GOV.UK's set). */
export type InputWidth = 2 | 3 | 4 | 5 | 10 | 20 | 30;

export interface TextFieldOptions extends TypedFieldOptions {
  type?: 'text' | 'email' | 'tel' | 'url' | 'search';
  autocomplete?: string;
  inputmode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'email' | 'url' | 'search';
  /**
   * Suggested width in characters, so the box hints at the expected answer. A class, not a
   * style attribute: a strict CSP forbids inline styles, and Lit's style bindings are one.
   */
  width?: InputWidth;
  spellcheck?: boolean;
}

export function textField(options: TextFieldOptions): TemplateResult {
  return fieldGroup(
    options,
    html`<input
      class="kk-input ${options.width ? `kk-input--w${String(options.width)}` : ''}"
      id=${options.id}
      name=${options.name}
      type=${options.type ?? 'text'}
      .value=${live(options.value)}
      autocomplete=${ifDefined(options.autocomplete)}
      inputmode=${ifDefined(options.inputmode)}
      spellcheck=${ifDefined(options.spellcheck === undefined ? undefined : String(options.spellcheck))}
      aria-describedby=${describedBy(options)}
      aria-invalid=${options.error ? 'true' : 'false'}
      aria-required=${options.optional ? 'false' : 'true'}
      ?disabled=${options.disabled ?? false}
      @input=${(event: Event) => options.onInput(targetValue(event))}
      @blur=${() => options.onBlur?.()}
    />`,
  );
}

export interface TextareaOptions extends TypedFieldOptions {
  rows?: number;
}

export function textarea(options: TextareaOptions): TemplateResult {
  return fieldGroup(
    options,
    html`<textarea
      class="kk-textarea"
      id=${options.id}
      name=${options.name}
      rows=${options.rows ?? 5}
      .value=${live(options.value)}
      aria-describedby=${describedBy(options)}
      aria-invalid=${options.error ? 'true' : 'false'}
      aria-required=${options.optional ? 'false' : 'true'}
      ?disabled=${options.disabled ?? false}
      @input=${(event: Event) => options.onInput(targetValue(event))}
      @blur=${() => options.onBlur?.()}
    ></textarea>`,
  );
}
