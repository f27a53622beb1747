import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { fieldsetGroup, type FieldOptions } from './field.js';

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

/** The first option carries the field's id, so the error summary's link lands on it. */
export const optionId = (id: string, index: number): string => (index === 0 ? id : `${id}-${index}`);

function option(
  options: FieldOptions & GroupErrorOptions,
  type: 'radio' | 'checkbox',
  choice: Choice,
  index: number,
  checked: boolean,
  onChange: (checked: boolean) => void,
): TemplateResult {
  const id = optionId(options.id, index);
  const described = [choice.hint ? `${id}-hint` : '', options.invalidBy ?? ''].filter(Boolean).join(' ');
  return html`<div class="kk-choice">
    <input
      class="kk-choice__input"
      type=${type}
      id=${id}
      name=${options.name}
      value=${choice.value}
      .checked=${live(checked)}
      aria-describedby=${ifDefined(described || undefined)}
      aria-invalid=${ifDefined(options.error || options.invalidBy ? 'true' : undefined)}
      ?disabled=${options.disabled ?? false}
      @change=${(event: Event) => onChange((event.target as HTMLInputElement).checked)}
    />
    <label class="kk-choice__label" for=${id}>${choice.label}</label>
    ${choice.hint ? html`<div class="kk-hint kk-choice__hint" id="${id}-hint">${choice.hint}</div>` : ''}
  </div>`;
}

export interface GroupErrorOptions {
  /**
   * Id of the error message of a larger question this group is part of (one question split
   * into several fieldsets, such as categories in groups): each option is marked invalid and
   * described by it, and the message is shown once, by the caller, above all the groups.
   */
  invalidBy?: string;
}

export interface RadiosOptions extends FieldOptions, GroupErrorOptions {
  choices: readonly Choice[];
  value: string;
  /** Side by side, for two short answers such as Ja/Nej. */
  inline?: boolean;
  onChange: (value: string) => void;
}

export function radios(options: RadiosOptions): TemplateResult {
  return fieldsetGroup(
    options,
    html`<div class="kk-choices ${options.inline ? 'kk-choices--inline' : ''}">
      ${options.choices.map((choice, index) =>
        option(options, 'radio', choice, index, options.value === choice.value, () => options.onChange(choice.value)),
      )}
    </div>`,
  );
}

export interface CheckboxesOptions extends FieldOptions {
  choices: readonly Choice[];
  value: readonly string[];
  onChange: (value: string[]) => void;
}

export function checkboxes(options: CheckboxesOptions): TemplateResult {
  const toggle = (value: string, checked: boolean): string[] =>
    options.choices
      .map((choice) => choice.value)
      .filter((candidate) => (candidate === value ? checked : options.value.includes(candidate)));
  return fieldsetGroup(
    options,
    html`<div class="kk-choices">
      ${options.choices.map((choice, index) =>
        option(options, 'checkbox', choice, index, options.value.includes(choice.value), (checked) =>
          options.onChange(toggle(choice.value, checked)),
        ),
      )}
    </div>`,
  );
}
