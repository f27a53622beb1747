import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { checkboxes, radios } from '../src/forms/fields/choice.js';
import { dateField } from '../src/forms/fields/date.js';
import { fileField } from '../src/forms/fields/file.js';
import { select } from '../src/forms/fields/select.js';
import { textarea, textField } from '../src/forms/fields/text.js';
import { useLocale } from '../src/localization.js';
import type { KkTestHost } from './host.js';
import './host.js';

const noop = () => {};
const choices = [
  { value: 'a', label: 'Alternativ A' },
  { value: 'b', label: 'Alternativ B', hint: 'Med en förklaring' },
];

type State = { error?: string; disabled?: boolean };

/** Every field kind, rendered in a given state, with the id of its (first) control. */
const kinds = {
  text: (s: State) => textField({ id: 'f', name: 'f', label: 'Namn', hint: 'Som i folkbokföringen', value: 'Anna', onInput: noop, ...s }),
  textarea: (s: State) => textarea({ id: 'f', name: 'f', label: 'Beskrivning', hint: 'Högst 4000 tecken', value: '', onInput: noop, ...s }),
  radios: (s: State) => radios({ id: 'f', name: 'f', label: 'Välj ett', hint: 'Ett svar', choices, value: 'a', onChange: noop, ...s }),
  checkboxes: (s: State) =>
    checkboxes({ id: 'f', name: 'f', label: 'Välj flera', hint: 'Flera svar', choices, value: ['b'], onChange: noop, ...s }),
  select: (s: State) => select({ id: 'f', name: 'f', label: 'Kategori', hint: 'Den som passar bäst', choices, value: '', onChange: noop, ...s }),
  date: (s: State) => dateField({ id: 'f', name: 'f', label: 'Startdatum', hint: 'Till exempel 2027-01-15', value: '', onInput: noop, ...s }),
  file: (s: State) => fileField({ id: 'f', name: 'f', label: 'Bilder', hint: 'Högst 3 bilder', accept: 'image/*', onFiles: noop, ...s }),
};

async function render(template: KkTestHost['template']): Promise<KkTestHost> {
  return fixture<KkTestHost>(html`<kk-test-host .template=${template}></kk-test-host>`);
}

describe('field templates', () => {
  afterEach(() => useLocale('sv'));

  for (const [kind, field] of Object.entries(kinds)) {
    describe(kind, () => {
      it('is accessible by default, with the hint linked to the control', async () => {
        const host = await render(() => field({}));
        const root = host.shadowRoot!;
        const describedBy = (root.querySelector('fieldset') ?? root.getElementById('f'))!.getAttribute('aria-describedby');
        expect(describedBy).to.equal('f-hint');
        expect(root.getElementById('f-hint')!.textContent).to.not.equal('');
        expect(root.querySelector('.kk-error-message')).to.equal(null);
        await expect(host).to.be.accessible();
      });

      it('shows an inline error linked by aria-describedby and is still accessible', async () => {
        const host = await render(() => field({ error: 'Det här behöver rättas' }));
        const root = host.shadowRoot!;
        const described = root.querySelector('fieldset') ?? root.getElementById('f')!;
        expect(described.getAttribute('aria-describedby')).to.equal('f-hint f-error');
        expect(root.getElementById('f-error')!.textContent.replace(/\s+/g, ' ').trim()).to.equal('Fel: Det här behöver rättas');
        if (!root.querySelector('fieldset')) expect(root.getElementById('f')!.getAttribute('aria-invalid')).to.equal('true');
        await expect(host).to.be.accessible();
      });

      it('is accessible when disabled', async () => {
        const host = await render(() => field({ disabled: true }));
        const controls = host.shadowRoot!.querySelectorAll('input, textarea, select');
        expect(controls.length).to.be.greaterThan(0);
        controls.forEach((control) => expect((control as HTMLInputElement).disabled).to.equal(true));
        await expect(host).to.be.accessible();
      });
    });
  }

  it('labels the control it belongs to, inside the widget shadow root', async () => {
    const host = await render(() => kinds.text({}));
    const input = host.shadowRoot!.getElementById('f') as HTMLInputElement;
    expect(input.labels![0]!.textContent.trim()).to.equal('Namn');
    expect(input.value).to.equal('Anna');
  });

  it('suggests the answer\'s length with a width class, never an inline style (strict CSP)', async () => {
    const host = await render(() => textField({ id: 'p', name: 'p', label: 'Postnummer', width: 5, value: '', onInput: noop }));
    const input = host.shadowRoot!.getElementById('p')!;
    expect(input.classList.contains('kk-input--w5')).to.equal(true);
    expect(input.hasAttribute('style')).to.equal(false);
    expect(input.getBoundingClientRect().width).to.be.lessThan(200);
  });

  it('marks optional fields "(valfritt)" and leaves required ones unmarked', async () => {
    const host = await render(
      () => html`${textField({ id: 'a', name: 'a', label: 'Telefon', optional: true, value: '', onInput: noop })}
      ${textField({ id: 'b', name: 'b', label: 'Namn', value: '', onInput: noop })}`,
    );
    const labels = [...host.shadowRoot!.querySelectorAll('label')].map((label) => label.textContent.replace(/\s+/g, ' ').trim());
    expect(labels).to.deep.equal(['Telefon (valfritt)', 'Namn']);
    expect(host.shadowRoot!.getElementById('a')!.getAttribute('aria-required')).to.equal('false');
    expect(host.shadowRoot!.getElementById('b')!.getAttribute('aria-required')).to.equal('true');
  });

  it('speaks English when its lang says so', async () => {
    const host = await fixture<KkTestHost>(
      html`<kk-test-host
        lang="en"
        .template=${() =>
          textField({ id: 'a', name: 'a', label: 'Phone', optional: true, value: '', error: 'Enter a phone number', onInput: noop })}
      ></kk-test-host>`,
    );
    const root = host.shadowRoot!;
    await waitUntil(() => root.querySelector('.kk-optional')?.textContent === '(optional)', 'English did not load', { timeout: 5000 });
    expect(root.querySelector('label')!.textContent.replace(/\s+/g, ' ').trim()).to.equal('Phone (optional)');
    expect(root.getElementById('a-error')!.textContent.replace(/\s+/g, ' ').trim()).to.equal('Error: Enter a phone number');
  });

  it('gives each radio its own label and puts the field id on the first option', async () => {
    let chosen = '';
    const host = await render(() => radios({ id: 'r', name: 'r', label: 'Välj', choices, value: '', onChange: (v) => (chosen = v) }));
    const inputs = [...host.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(inputs.map((input) => input.id)).to.deep.equal(['r', 'r-1']);
    expect(inputs[1]!.getAttribute('aria-describedby')).to.equal('r-1-hint');
    inputs[1]!.click();
    expect(chosen).to.equal('b');
  });

  it('reports checkbox changes as the full list of checked values, in option order', async () => {
    let value: string[] = ['b'];
    const host = await render(() => checkboxes({ id: 'c', name: 'c', label: 'Välj', choices, value, onChange: (v) => (value = v) }));
    host.shadowRoot!.querySelector<HTMLInputElement>('#c')!.click();
    expect(value).to.deep.equal(['a', 'b']);
  });

  it('hands chosen files over and clears the input so the widget owns the list', async () => {
    let received: File[] = [];
    const host = await render(() => fileField({ id: 'p', name: 'p', label: 'Bild', multiple: true, onFiles: (files) => (received = files) }));
    const input = host.shadowRoot!.getElementById('p') as HTMLInputElement;
    const transfer = new DataTransfer();
    transfer.items.add(new File(['x'], 'hål.jpg', { type: 'image/jpeg' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    expect(received.map((file) => file.name)).to.deep.equal(['hål.jpg']);
    expect(input.value).to.equal('');
  });
});
