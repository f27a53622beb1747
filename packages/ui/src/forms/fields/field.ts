import { msg } from '../../localization.js';
import { html, nothing, type TemplateResult } from 'lit';

/** What every field template takes. Ids must be unique within the widget's shadow root. */
export interface FieldOptions {
  /** Id of the control (for radios and checkboxes: of the first option, so error links land there). */
  id: string;
  name: string;
  label: string;
  hint?: string;
  /** Shown inline and linked from the error summary; its presence sets `aria-invalid`. */
  error?: string | undefined;
  /** Marks the label "(valfritt)" instead of starring the required fields. */
  optional?: boolean;
  disabled?: boolean;
}

/** A field the citizen types into (text, textarea, date): its value, reported on every input. */
export interface TypedFieldOptions extends FieldOptions {
  value: string;
  onInput: (value: string) => void;
  onBlur?: () => void;
}

export const hintId = (id: string): string => `${id}-hint`;
export const errorId = (id: string): string => `${id}-error`;

/** The `aria-describedby` value: hint first, then the error. */
export function describedBy(options: FieldOptions): string | typeof nothing {
  const ids = [options.hint ? hintId(options.id) : '', options.error ? errorId(options.id) : ''];
  return ids.filter(Boolean).join(' ') || nothing;
}

export function optionalMarker(options: FieldOptions): TemplateResult | typeof nothing {
  return options.optional ? html` <span class="kk-optional">${msg('(valfritt)')}</span>` : nothing;
}

export function hint(options: FieldOptions): TemplateResult | typeof nothing {
  return options.hint ? html`<div class="kk-hint" id=${hintId(options.id)}>${options.hint}</div>` : nothing;
}

export function inlineError(options: Pick<FieldOptions, 'id' | 'error'>): TemplateResult | typeof nothing {
  return options.error
    ? html`<p class="kk-error-message" id=${errorId(options.id)}>
        <span class="kk-visually-hidden">${msg('Fel:')}</span> ${options.error}
      </p>`
    : nothing;
}

/** Wraps a control with its label, hint and inline error in the order GOV.UK tested. */
export function fieldGroup(options: FieldOptions, control: TemplateResult): TemplateResult {
  return html`<div class="kk-field ${options.error ? 'kk-field--error' : ''}">
    <label class="kk-label" for=${options.id}>${options.label}${optionalMarker(options)}</label>
    ${hint(options)} ${inlineError(options)} ${control}
  </div>`;
}

/** Wraps a group of options (radios, checkboxes) in a fieldset whose legend is the question. */
export function fieldsetGroup(options: FieldOptions, controls: TemplateResult): TemplateResult {
  return html`<div class="kk-field ${options.error ? 'kk-field--error' : ''}">
    <fieldset class="kk-fieldset" aria-describedby=${describedBy(options)}>
      <legend class="kk-legend">${options.label}${optionalMarker(options)}</legend>
      ${hint(options)} ${inlineError(options)} ${controls}
    </fieldset>
  </div>`;
}

/** Value of an input event's target, for the `on*` callbacks. */
export function targetValue(event: Event): string {
  return (event.target as HTMLInputElement).value;
}
