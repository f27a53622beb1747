import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '../test/host.js';
import { checkboxes, radios } from './forms/fields/choice.js';
import { dateField } from './forms/fields/date.js';
import { fileField } from './forms/fields/file.js';
import { select } from './forms/fields/select.js';
import { textarea, textField } from './forms/fields/text.js';

interface State {
  error?: string;
  disabled?: boolean;
}

const noop = () => {};
const choices = [
  { value: 'gata', label: 'Gata eller väg' },
  { value: 'park', label: 'Park eller grönyta', hint: 'Även lekplatser' },
];

/** Every field type in one state, rendered inside a widget's shadow root. */
function allFields(state: State): TemplateResult {
  return html`<kk-test-host
    .template=${() => html`
      ${textField({ id: 'namn', name: 'namn', label: 'Namn', hint: 'Som du vill bli kallad', value: 'Anna', onInput: noop, ...state })}
      ${textField({ id: 'telefon', name: 'telefon', label: 'Telefonnummer', type: 'tel', optional: true, width: 20, value: '', onInput: noop, ...state })}
      ${textarea({ id: 'beskrivning', name: 'beskrivning', label: 'Beskriv felet', hint: 'Högst 4000 tecken', value: '', onInput: noop, ...state })}
      ${radios({ id: 'plats', name: 'plats', label: 'Var är felet?', choices, value: 'gata', onChange: noop, ...state })}
      ${checkboxes({ id: 'kontakt', name: 'kontakt', label: 'Hur vill du få svar?', optional: true, choices: [{ value: 'epost', label: 'E-post' }, { value: 'sms', label: 'SMS' }], value: [], onChange: noop, ...state })}
      ${select({ id: 'omrade', name: 'omrade', label: 'Område', choices: [{ value: 'norr', label: 'Norra Exempelstad' }, { value: 'soder', label: 'Södra Exempelstad' }], value: '', onChange: noop, ...state })}
      ${dateField({ id: 'datum', name: 'datum', label: 'När upptäckte du felet?', optional: true, value: '', onInput: noop, ...state })}
      ${fileField({ id: 'bilder', name: 'bilder', label: 'Bilder', hint: 'Högst 3 bilder, JPEG eller PNG', accept: 'image/jpeg,image/png', multiple: true, optional: true, onFiles: noop, ...state })}
    `}
  ></kk-test-host>`;
}

const meta: Meta = {
  title: 'ui/Fields',
  parameters: {
    docs: {
      description: {
        component:
          'Form field templates rendered into the widget\'s own shadow root: label, "(valfritt)" for optional fields, hint, inline error linked with aria-describedby, aria-invalid.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const Default: Story = { render: () => allFields({}) };
export const WithErrors: Story = { render: () => allFields({ error: 'Det här behöver rättas' }) };
export const Disabled: Story = { render: () => allFields({ disabled: true }) };
export const English: Story = {
  render: () =>
    html`<kk-test-host
      lang="en"
      .template=${() => textField({ id: 'phone', name: 'phone', label: 'Phone number', optional: true, value: '', error: 'Enter a phone number like 070 123 45 67', onInput: noop })}
    ></kk-test-host>`,
};
