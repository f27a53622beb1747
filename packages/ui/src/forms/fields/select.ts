import { msg } from '../../localization.js';
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { describedBy, fieldGroup, targetValue, type FieldOptions } from './field.js';
import type { Choice } from './choice.js';

export interface SelectOptions extends FieldOptions {
  choices: readonly Choice[];
  value: string;
  /** Text of the empty first option; a select without a real choice made is empty. */
  placeholder?: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
}

export function select(options: SelectOptions): TemplateResult {
  return fieldGroup(
    options,
    html`<select
      class="kk-select"
      id=${options.id}
      name=${options.name}
      aria-describedby=${describedBy(options)}
      aria-invalid=${options.error ? 'true' : 'false'}
      aria-required=${options.optional ? 'false' : 'true'}
      ?disabled=${options.disabled ?? false}
      @change=${(event: Event) => options.onChange(targetValue(event))}
      @blur=${() => options.onBlur?.()}
    >
      <option value="" .selected=${live(options.value === '')}>${options.placeholder ?? msg('Välj')}</option>
      ${options.choices.map(
        (choice) =>
          html`<option value=${choice.value} .selected=${live(options.value === choice.value)}>${choice.label}</option>`,
      )}
    </select>`,
  );
}
