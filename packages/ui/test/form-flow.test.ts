import { sendKeys } from '@web/test-runner-commands';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { KkExampleForm } from './example-form.js';
import './example-form.js';

const byId = (form: KkExampleForm, id: string) => form.shadowRoot!.getElementById(id) as HTMLInputElement;
const active = (form: KkExampleForm) => form.shadowRoot!.activeElement as HTMLElement | null;
const text = (element: Element | null | undefined) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';

async function tab(form: KkExampleForm, times = 1): Promise<void> {
  for (let i = 0; i < times; i += 1) await sendKeys({ press: 'Tab' });
  await form.updateComplete;
}

async function submit(form: KkExampleForm): Promise<void> {
  form.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await form.updateComplete;
}

describe('a question flow built from ui parts', () => {
  let form: KkExampleForm;
  beforeEach(async () => {
    form = await fixture<KkExampleForm>(html`<kk-example-form></kk-example-form>`);
  });

  it('does not complain about an empty required field when the citizen only passes through it', async () => {
    byId(form, 'example-name').focus();
    await tab(form);
    expect(active(form)?.id).to.equal('example-email');
    expect(form.shadowRoot!.querySelector('.kk-error-message')).to.equal(null);
  });

  it('checks the format of what was typed when the citizen leaves the field', async () => {
    byId(form, 'example-email').focus();
    await sendKeys({ type: 'anna@' });
    expect(form.shadowRoot!.querySelector('.kk-error-message')).to.equal(null);
    await tab(form);
    expect(text(form.shadowRoot!.getElementById('example-email-error'))).to.contain('Ange en e-postadress i rätt format');
    expect(byId(form, 'example-email').getAttribute('aria-invalid')).to.equal('true');
    await expect(form).to.be.accessible();

    byId(form, 'example-email').focus();
    await sendKeys({ type: 'exempel.se' });
    await form.updateComplete;
    expect(form.shadowRoot!.getElementById('example-email-error')).to.equal(null);
  });

  it('on submit, lists every problem in a focused error summary and keeps what was typed', async () => {
    byId(form, 'example-message').focus();
    await sendKeys({ type: 'Trasig lampa vid skolan' });
    await submit(form);

    const summary = form.shadowRoot!.querySelector<HTMLElement>('[data-kk-error-summary]')!;
    expect(active(form)).to.equal(summary);
    expect(text(summary.querySelector('h2'))).to.equal('Det finns problem');
    expect([...summary.querySelectorAll('a')].map((link) => [link.getAttribute('href'), text(link)])).to.deep.equal([
      ['#example-name', 'Ange ditt namn'],
      ['#example-contact', 'Välj hur vi ska kontakta dig'],
      ['#example-area', 'Välj område'],
    ]);
    expect(byId(form, 'example-message').value).to.equal('Trasig lampa vid skolan');
    await expect(form).to.be.accessible();
  });

  it('moves focus from an error summary link to its field, radios included', async () => {
    await submit(form);
    const link = (id: string) => form.shadowRoot!.querySelector<HTMLAnchorElement>(`[data-kk-error-summary] a[href="#${id}"]`)!;
    link('example-contact').focus();
    await sendKeys({ press: 'Enter' });
    expect(active(form)?.id).to.equal('example-contact');
    expect(active(form)?.getAttribute('type')).to.equal('radio');
    link('example-name').click();
    expect(active(form)?.id).to.equal('example-name');
  });

  it('can be completed by keyboard alone, with focus on each new page heading', async () => {
    byId(form, 'example-name').focus();
    await sendKeys({ type: 'Anna Andersson' });
    await tab(form, 2);
    await sendKeys({ type: 'Gatlampan lyser inte' });
    await tab(form);
    await sendKeys({ press: 'Space' });
    await tab(form, 3);
    expect(active(form)?.id).to.equal('example-area');
    await sendKeys({ press: 'ArrowDown' });
    await form.updateComplete;
    expect(form.form.values.area).to.equal('north');
    byId(form, 'example-name').focus();
    await sendKeys({ press: 'Enter' });
    await form.updateComplete;

    expect(form.steps.current).to.equal('check');
    expect(text(active(form))).to.equal('Kontrollera dina svar');
    expect(active(form)?.tagName).to.equal('H2');
    expect([...form.shadowRoot!.querySelectorAll('dd.kk-summary-list__value')].map(text)).to.deep.equal([
      'Anna Andersson',
      'Gatlampan lyser inte',
    ]);
    await expect(form).to.be.accessible();

    const submitted = oneEvent(form, 'kk-example-submitted');
    const send = [...form.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === 'Skicka')!;
    send.focus();
    await sendKeys({ press: 'Enter' });
    const event = (await submitted) as CustomEvent<{ reference: string }>;
    expect(event.detail).to.deep.equal({ reference: 'EX-1234' });
    expect(event.bubbles && event.composed).to.equal(true);
    await form.updateComplete;
    expect(text(active(form))).to.equal('Tack!');
    expect(text(form.shadowRoot!.querySelector('.kk-panel__reference'))).to.equal('EX-1234');
    await expect(form).to.be.accessible();
  });

  it('goes back from check answers with the answers kept, by the change link and by "Tillbaka"', async () => {
    form.form.set('name', 'Anna');
    form.form.set('message', 'Klotter');
    form.form.set('contact', 'email');
    form.form.set('area', 'south');
    await submit(form);
    expect(form.steps.current).to.equal('check');

    const change = form.shadowRoot!.querySelector<HTMLButtonElement>('.kk-summary-list__actions button')!;
    expect(text(change)).to.equal('Ändra Namn');
    change.click();
    await form.updateComplete;
    expect(form.steps.current).to.equal('questions');
    expect(byId(form, 'example-name').value).to.equal('Anna');
    expect(byId(form, 'example-area').value).to.equal('south');
    expect(text(active(form))).to.equal('Kontakta oss');

    await submit(form);
    expect(form.steps.current).to.equal('check');
    expect(text(active(form))).to.equal('Kontrollera dina svar');
    form.shadowRoot!.querySelector<HTMLButtonElement>('.kk-back-link')!.click();
    await form.updateComplete;
    expect(form.steps.current).to.equal('questions');
  });

  it('counts the steps, and has no way back on the first page or after the end', async () => {
    const counter = () => text(form.shadowRoot!.querySelector('.kk-step-counter'));
    expect(counter()).to.equal('Steg 1 av 2');
    expect(form.shadowRoot!.querySelector('.kk-back-link') === null, 'a back link on the first page').to.equal(true);
    form.form.setAll({ name: 'Anna', message: 'Klotter', contact: 'email', area: 'south' });
    await submit(form);
    expect(counter()).to.equal('Steg 2 av 2');
    expect(form.shadowRoot!.querySelector('.kk-back-link') === null, 'a back link on check answers').to.equal(false);
    [...form.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === 'Skicka')!.click();
    await form.updateComplete;
    expect(text(active(form))).to.equal('Tack!');
    expect(form.shadowRoot!.querySelector('.kk-step-counter') === null, 'a step counter at the end').to.equal(true);
    expect(form.shadowRoot!.querySelector('.kk-back-link') === null, 'a back link at the end').to.equal(true);
  });

  it('uses the heading level the editor sets, never h1', async () => {
    const nested = await fixture<KkExampleForm>(html`<kk-example-form heading-level="3"></kk-example-form>`);
    expect(nested.shadowRoot!.querySelector('h3')).to.not.equal(null);
    const invalid = await fixture<KkExampleForm>(html`<kk-example-form heading-level="1"></kk-example-form>`);
    expect(invalid.shadowRoot!.querySelector('h1')).to.equal(null);
    expect(invalid.shadowRoot!.querySelector('h2')).to.not.equal(null);
  });
});
