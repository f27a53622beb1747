import { sendKeys } from '@web/test-runner-commands';
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { errorSummary } from '../src/forms/error-summary.js';
import { checkboxes, radios } from '../src/forms/fields/choice.js';
import { dateField } from '../src/forms/fields/date.js';
import { select } from '../src/forms/fields/select.js';
import { textarea, textField } from '../src/forms/fields/text.js';
import { FormController, type BoundField, type FormRules } from '../src/forms/form-controller.js';
import type { KkTestHost } from './host.js';
import './host.js';

const text = (element: Element | null | undefined) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';

// A type, not an interface: an interface has no index signature, and FormController needs one.
type Contact = {
  name: string;
  email: string;
  message: string;
  contact: string;
  topics: string[];
  area: string;
  date: string;
};

const initial = (): Contact => ({ name: '', email: '', message: '', contact: '', topics: [], area: '', date: '' });

/** A page written only with `...form.bind(name)`: no hand-written handler anywhere. */
async function boundPage(changes: Contact[] = []) {
  const host = await fixture<KkTestHost>(html`<kk-test-host></kk-test-host>`);
  const form = new FormController<Contact>(host, {
    initial: initial(),
    idFor: (name) => `c-${name}`,
    onChange: (values) => changes.push(values),
    rules: {
      name: { required: () => 'Ange ditt namn' },
      email: { validate: (value) => (value.includes('@') ? undefined : 'Ange en e-postadress') },
      contact: { required: () => 'Välj hur vi ska kontakta dig' },
      topics: { required: () => 'Välj minst ett ämne' },
    },
  });
  host.template = (): TemplateResult => html`<form novalidate @submit=${(event: Event) => {
    event.preventDefault();
    form.submit();
  }}>
    ${errorSummary({ errors: form.summary(), headingLevel: 2 })}
    ${textField({ ...form.bind('name'), label: 'Namn' })}
    ${textField({ ...form.bind('email'), label: 'E-post', type: 'email', optional: true })}
    ${textarea({ ...form.bind('message'), label: 'Ärende', optional: true })}
    ${radios({
      ...form.bind('contact'),
      label: 'Kontakt',
      choices: [
        { value: 'email', label: 'E-post' },
        { value: 'phone', label: 'Telefon' },
      ],
    })}
    ${checkboxes({
      ...form.bind('topics'),
      label: 'Ämnen',
      choices: [
        { value: 'street', label: 'Gata' },
        { value: 'park', label: 'Park' },
      ],
    })}
    ${select({ ...form.bind('area'), label: 'Område', optional: true, choices: [{ value: 'north', label: 'Norra' }] })}
    ${dateField({ ...form.bind('date'), label: 'Datum', optional: true })}
    <button type="submit" class="kk-button">Fortsätt</button>
  </form>`;
  host.requestUpdate();
  await host.updateComplete;
  return { host, form, byId: (id: string) => host.shadowRoot!.getElementById(id) as HTMLInputElement };
}

describe('FormController.bind', () => {
  it('returns the value, error, id and both handlers of a field', async () => {
    const { form } = await boundPage();
    const bound = form.bind('email');
    expect(bound.name).to.equal('email');
    expect(bound.id).to.equal('c-email');
    expect(bound.value).to.equal('');
    expect(bound.error).to.equal(undefined);
    bound.onInput('a');
    expect(form.values.email).to.equal('a');
    form.bind('topics').onChange(['park']);
    expect(form.values.topics).to.deep.equal(['park']);
  });

  it('lets a citizen fill in every kind of field by keyboard when the page only spreads bind()', async () => {
    const changes: Contact[] = [];
    const { host, form, byId } = await boundPage(changes);
    byId('c-name').focus();
    await sendKeys({ type: 'Anna' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'anna@exempel.se' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Trasig lampa' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' }); // first radio
    await sendKeys({ press: 'ArrowDown' }); // second radio
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' }); // "Gata"
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' }); // "Park"
    await host.updateComplete;
    byId('c-date').focus();
    await sendKeys({ type: '01022026' });
    await host.updateComplete;

    expect(form.values).to.deep.include({
      name: 'Anna',
      email: 'anna@exempel.se',
      message: 'Trasig lampa',
      contact: 'phone',
      topics: ['street', 'park'],
    });
    expect(form.values.date).to.match(/^2026-\d\d-\d\d$/);
    expect(changes.length).to.be.greaterThan(10);
    expect(changes.at(-1)).to.deep.equal(form.values);
    await expect(host).to.be.accessible();
  });

  it('sets a select by keyboard through the bound onChange', async () => {
    const { host, form, byId } = await boundPage();
    const area = byId('c-area') as unknown as HTMLSelectElement;
    area.value = 'north';
    area.dispatchEvent(new Event('change'));
    await host.updateComplete;
    expect(form.values.area).to.equal('north');
  });

  it('keeps blur validation, required-on-submit only, clearing errors and focus on the summary', async () => {
    const { host, byId } = await boundPage();
    byId('c-name').focus();
    await sendKeys({ press: 'Tab' });
    await host.updateComplete;
    expect(host.shadowRoot!.querySelector('.kk-error-message')).to.equal(null);

    await sendKeys({ type: 'anna' });
    await sendKeys({ press: 'Tab' });
    await host.updateComplete;
    expect(text(host.shadowRoot!.getElementById('c-email-error'))).to.contain('Ange en e-postadress');
    await expect(host).to.be.accessible();

    byId('c-email').focus();
    await sendKeys({ type: '@x.se' });
    await host.updateComplete;
    expect(host.shadowRoot!.getElementById('c-email-error')).to.equal(null);

    host.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await host.updateComplete;
    const summary = host.shadowRoot!.querySelector<HTMLElement>('[data-kk-error-summary]')!;
    expect(host.shadowRoot!.activeElement).to.equal(summary);
    expect([...summary.querySelectorAll('a')].map((link) => link.getAttribute('href'))).to.deep.equal([
      '#c-name',
      '#c-contact',
      '#c-topics',
    ]);
    expect(byId('c-name').getAttribute('aria-invalid')).to.equal('true');
    await expect(host).to.be.accessible();

    byId('c-contact').focus();
    await sendKeys({ press: 'Space' });
    await host.updateComplete;
    expect(host.shadowRoot!.getElementById('c-contact-error')).to.equal(null);
  });
});

type Dynamic = Record<string, unknown>;

describe('FormController.setFields', () => {
  async function dynamicPage() {
    const host = await fixture<KkTestHost>(html`<kk-test-host></kk-test-host>`);
    const changes: Dynamic[] = [];
    const form = new FormController<Dynamic>(host, {
      initial: { description: '' },
      rules: { description: { required: () => 'Beskriv felet' } },
      idFor: (name) => `d-${name}`,
      onChange: (values) => changes.push(values),
    });
    host.template = () => html`${errorSummary({ errors: form.summary(), headingLevel: 2 })}
      ${Object.keys(form.values).map((name) =>
        Array.isArray(form.values[name])
          ? checkboxes({
              ...(form.bind(name) as BoundField<{ x: string[] }, 'x'> & BoundField<Dynamic, string>),
              name,
              label: name,
              choices: [{ value: 'a', label: 'A' }],
            })
          : textField({ ...(form.bind(name) as BoundField<{ x: string }, 'x'> & BoundField<Dynamic, string>), name, label: name }),
      )}`;
    host.requestUpdate();
    await host.updateComplete;
    return { host, form, changes };
  }

  const rules = (names: string[]): FormRules<Dynamic> =>
    Object.fromEntries(names.map((name) => [name, { required: () => `Svara på ${name}` }]));

  it('adds new fields at their initial value, keeps the value and error of kept ones, drops the rest', async () => {
    const { host, form, changes } = await dynamicPage();
    form.setFields({ description: '', depth: '', where: '' }, rules(['description', 'depth', 'where']));
    await host.updateComplete;
    expect(host.shadowRoot!.getElementById('d-depth')).to.not.equal(null);

    (host.shadowRoot!.getElementById('d-depth') as HTMLInputElement).focus();
    await sendKeys({ type: '3' });
    form.submit();
    await host.updateComplete;
    expect(form.summary().map((item) => item.id)).to.deep.equal(['d-description', 'd-where']);
    const changesBefore = changes.length;

    form.setFields({ depth: 'x', extra: ['a'], description: '' }, rules(['depth', 'description']));
    await host.updateComplete;
    expect(form.values).to.deep.equal({ depth: '3', extra: ['a'], description: '' });
    expect(form.errors).to.deep.equal({ description: 'Svara på description' });
    expect(host.shadowRoot!.getElementById('d-where')).to.equal(null);
    expect((host.shadowRoot!.getElementById('d-depth') as HTMLInputElement).value).to.equal('3');
    expect(changes.length, 'the program, not the citizen, changed the form').to.equal(changesBefore);
    await expect(host).to.be.accessible();

    // The new rules apply on submit, and the summary follows the new field order.
    form.set('description', 'Hål');
    expect(form.submit()).to.equal(true);
    await host.updateComplete;
    expect(host.shadowRoot!.querySelector('[data-kk-error-summary]')).to.equal(null);
  });

  it("keeps the gateway's error on an unchanged value when the fields change, and drops it once the value changes", async () => {
    const { host, form } = await dynamicPage();
    form.set('description', 'Hål <script>');
    form.setErrors({ description: 'Beskrivningen innehåller otillåtna tecken.' });
    // The category's questions arrive after the refusal (a slow definition fetch).
    form.setFields({ description: '', depth: '' }, rules(['description']));
    await host.updateComplete;
    expect(form.summary()).to.deep.equal([{ id: 'd-description', message: 'Beskrivningen innehåller otillåtna tecken.' }]);
    expect(host.shadowRoot!.querySelector('[data-kk-error-summary]')).to.not.equal(null);

    form.set('description', 'Hål i asfalten');
    form.setFields({ description: '', depth: '', where: '' }, rules(['description']));
    await host.updateComplete;
    expect(form.summary()).to.deep.equal([]);
  });

  it('does not keep a value whose shape no longer fits the field', async () => {
    const { host, form } = await dynamicPage();
    form.set('description', 'text');
    form.setFields({ description: [] }, {});
    await host.updateComplete;
    expect(form.values.description).to.deep.equal([]);
    expect(host.shadowRoot!.querySelector('input[type=checkbox]')).to.not.equal(null);
  });

  it('validates a field added at run time on blur, and a dropped field no longer blocks submit', async () => {
    const { host, form } = await dynamicPage();
    form.setFields({ description: 'x', count: '' }, {
      description: { required: () => 'Beskriv felet' },
      count: { validate: (value) => (/^\d+$/.test(String(value)) ? undefined : 'Skriv ett tal') },
    });
    await host.updateComplete;
    const count = host.shadowRoot!.getElementById('d-count') as HTMLInputElement;
    count.focus();
    await sendKeys({ type: 'tre' });
    await sendKeys({ press: 'Tab' });
    await host.updateComplete;
    expect(text(host.shadowRoot!.getElementById('d-count-error'))).to.contain('Skriv ett tal');
    expect(form.submit()).to.equal(false);

    // The description's required error stays while it is still required and empty…
    form.setFields({ description: '' }, { description: { required: () => 'Beskriv felet' } });
    expect(form.summary()).to.deep.equal([{ id: 'd-description', message: 'Beskriv felet' }]);
    // …and goes when the new rules no longer ask for it.
    form.setFields({ description: '' }, {});
    expect(form.summary()).to.deep.equal([]);
    expect(form.submit()).to.equal(true);
  });
});
