import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { describedBy, fieldGroup, targetValue, type TypedFieldOptions } from './field.js';

export interface DateFieldOptions extends TypedFieldOptions {
  /** ISO date `YYYY-MM-DD`, or '' when empty. */
  value: string;
  min?: string;
  max?: string;
}

/** A native date input: the browser gives a localized, keyboard-operable picker. */
export function dateField(options: DateFieldOptions): TemplateResult {
  return fieldGroup(
    options,
    html`<input
      class="kk-input kk-input--date"
      type="date"
      id=${options.id}
      name=${options.name}
      .value=${live(options.value)}
      min=${ifDefined(options.min)}
      max=${ifDefined(options.max)}
      aria-describedby=${describedBy(options)}
      aria-invalid=${options.error ? 'true' : 'false'}
      aria-required=${options.optional ? 'false' : 'true'}
      ?disabled=${options.disabled ?? false}
      @input=${(event: Event) => options.onInput(targetValue(event))}
      @blur=${() => options.onBlur?.()}
    />`,
  );
}
