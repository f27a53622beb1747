import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { KkFlowDemo } from './flow-demo.js';
import './flow-demo.js';

const root = (el: KkFlowDemo) => el.shadowRoot!;
const text = (element: Element | null | undefined) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const heading = (el: KkFlowDemo) => text(root(el).querySelector('[data-kk-focus-target]'));
const counter = (el: KkFlowDemo) => text(root(el).querySelector('.kk-step-counter'));
const active = (el: KkFlowDemo) => root(el).activeElement as HTMLElement | null;
const rows = (el: KkFlowDemo) =>
  [...root(el).querySelectorAll('.kk-summary-list__row')].map((row) => [text(row.querySelector('dt')), text(row.querySelector('dd'))]);
const hasBackLink = (el: KkFlowDemo) => root(el).querySelector('.kk-back-link') !== null;
const focusOnSummary = (el: KkFlowDemo) => active(el) !== null && active(el) === root(el).querySelector('[data-kk-error-summary]');
const buttonNamed = (el: KkFlowDemo, name: string) => [...root(el).querySelectorAll('button')].find((button) => text(button) === name);

/** The page the citizen sees now: its heading has focus, with the step counter above it. */
async function expectPage(el: KkFlowDemo, title: string, step: string | undefined): Promise<void> {
  await el.updateComplete;
  expect(heading(el)).to.equal(title);
  expect(active(el)?.hasAttribute('data-kk-focus-target'), `focus on the heading of "${title}"`).to.equal(true);
  expect(text(active(el))).to.equal(title);
  if (step === undefined) expect(root(el).querySelector('.kk-step-counter') === null, 'no step counter').to.equal(true);
  else expect(counter(el)).to.equal(step);
  await expect(el).to.be.accessible();
}

/** Presses Enter on a focused button ("Tillbaka", "Ändra …", "Skicka anmälan"). */
async function press(el: KkFlowDemo, name: string): Promise<void> {
  const button = buttonNamed(el, name);
  expect(button !== undefined, `a button "${name}"`).to.equal(true);
  button!.focus();
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

/** Chooses the kind of fault with the keyboard: Space on its radio, Tab to "Fortsätt", Enter. */
async function chooseKind(el: KkFlowDemo, label: 'Trasig gatlampa' | 'Klotter', submit = true): Promise<void> {
  const radio = [...root(el).querySelectorAll<HTMLInputElement>('input[type=radio]')].find((input) => text(input.labels?.[0]) === label)!;
  radio.focus();
  await sendKeys({ press: 'Space' });
  await el.updateComplete;
  if (!submit) return;
  await sendKeys({ press: 'Tab' });
  expect(text(active(el))).to.equal('Fortsätt');
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

/** Types into a field (replacing what is there) and submits its page with Enter or "Fortsätt". */
async function answer(el: KkFlowDemo, id: string, value: string): Promise<void> {
  const field = root(el).getElementById(id) as HTMLInputElement | HTMLTextAreaElement;
  field.focus();
  field.select();
  await sendKeys({ press: 'Backspace' });
  await sendKeys({ type: value });
  await sendKeys({ press: 'Tab' });
  if (text(active(el)) !== 'Fortsätt') await sendKeys({ press: 'Tab' });
  expect(text(active(el))).to.equal('Fortsätt');
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

/** Walks to check answers: a lamp asks for the pole's number, graffiti does not. */
async function atCheck(el: KkFlowDemo, kind: 'Trasig gatlampa' | 'Klotter'): Promise<void> {
  await chooseKind(el, kind);
  if (kind === 'Trasig gatlampa') await answer(el, 'demo-pole', '1234');
  await answer(el, 'demo-description', 'Lyser inte');
  await expectPage(el, 'Kontrollera din anmälan', kind === 'Klotter' ? 'Steg 3 av 3' : 'Steg 4 av 4');
}

describe('FlowController with defineFlow', () => {
  let el: KkFlowDemo;
  beforeEach(async () => {
    el = await fixture<KkFlowDemo>(html`<kk-flow-demo></kk-flow-demo>`);
  });

  it('goes forward and back along the path taken, counting only the pages on it', async () => {
    expect(heading(el)).to.equal('Vad vill du anmäla?');
    expect(counter(el)).to.equal('Steg 1 av 3');
    expect(hasBackLink(el), 'a back link').to.equal(false);
    await expect(el).to.be.accessible();

    // Choosing a lamp brings the pole's page onto the path: the counter says so at once.
    await chooseKind(el, 'Trasig gatlampa', false);
    expect(counter(el)).to.equal('Steg 1 av 4');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await expectPage(el, 'Vilket nummer har stolpen?', 'Steg 2 av 4');

    await answer(el, 'demo-pole', '1234');
    await expectPage(el, 'Beskriv felet', 'Steg 3 av 4');

    await press(el, 'Tillbaka');
    await expectPage(el, 'Vilket nummer har stolpen?', 'Steg 2 av 4');
    expect((root(el).getElementById('demo-pole') as HTMLInputElement).value).to.equal('1234');
    await press(el, 'Tillbaka');
    await expectPage(el, 'Vad vill du anmäla?', 'Steg 1 av 4');

    // Graffiti: the pole's page leaves the path, so "Tillbaka" from the description skips it too.
    await chooseKind(el, 'Klotter');
    await expectPage(el, 'Beskriv felet', 'Steg 2 av 3');
    await press(el, 'Tillbaka');
    await expectPage(el, 'Vad vill du anmäla?', 'Steg 1 av 3');
    expect(root(el).querySelector<HTMLInputElement>('#demo-kind-1')!.checked).to.equal(true);
    await chooseKind(el, 'Klotter');
    await answer(el, 'demo-description', 'Klotter på muren');
    await expectPage(el, 'Kontrollera din anmälan', 'Steg 3 av 3');
    expect(rows(el)).to.deep.equal([
      ['Typ av fel', 'Klotter'],
      ['Beskrivning', 'Klotter på muren'],
    ]);
    expect(el.visited).to.deep.equal(['pole', 'description', 'pole', 'kind', 'description', 'kind', 'description', 'check']);
  });

  it('moves focus to the error summary when a page is submitted unanswered, and stays on the page', async () => {
    buttonNamed(el, 'Fortsätt')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const summary = root(el).querySelector<HTMLElement>('[data-kk-error-summary]')!;
    expect(focusOnSummary(el), 'focus on the error summary').to.equal(true);
    expect(text(summary.querySelector('a'))).to.equal('Välj vad du vill anmäla');
    expect(heading(el)).to.equal('Vad vill du anmäla?');
    await expect(el).to.be.accessible();

    await chooseKind(el, 'Trasig gatlampa');
    await expectPage(el, 'Vilket nummer har stolpen?', 'Steg 2 av 4');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focusOnSummary(el), 'focus on the error summary').to.equal(true);
    expect(text(root(el).querySelector('[data-kk-error-summary] a'))).to.equal('Ange stolpens nummer');
    expect(heading(el)).to.equal('Vilket nummer har stolpen?');
    await expect(el).to.be.accessible();
  });

  it('returns to check answers after "Ändra" and "Fortsätt", or after "Tillbaka"', async () => {
    await atCheck(el, 'Trasig gatlampa');
    expect(rows(el)).to.deep.equal([
      ['Typ av fel', 'Trasig gatlampa'],
      ['Stolpens nummer', '1234'],
      ['Beskrivning', 'Lyser inte'],
    ]);

    await press(el, 'Ändra Beskrivning');
    await expectPage(el, 'Beskriv felet', 'Steg 3 av 4');
    await answer(el, 'demo-description', 'Blinkar hela natten');
    await expectPage(el, 'Kontrollera din anmälan', 'Steg 4 av 4');
    expect(rows(el)[2]).to.deep.equal(['Beskrivning', 'Blinkar hela natten']);

    // The pole's page is next in the table and already answered: straight back, not to it.
    await press(el, 'Ändra Typ av fel');
    await expectPage(el, 'Vad vill du anmäla?', 'Steg 1 av 4');
    await chooseKind(el, 'Trasig gatlampa');
    await expectPage(el, 'Kontrollera din anmälan', 'Steg 4 av 4');

    // Not on to the description, which follows the pole's page.
    await press(el, 'Ändra Stolpens nummer');
    await expectPage(el, 'Vilket nummer har stolpen?', 'Steg 2 av 4');
    await answer(el, 'demo-pole', '99');
    await expectPage(el, 'Kontrollera din anmälan', 'Steg 4 av 4');
    expect(rows(el)[1]).to.deep.equal(['Stolpens nummer', '99']);

    await press(el, 'Ändra Typ av fel');
    await press(el, 'Tillbaka');
    await expectPage(el, 'Kontrollera din anmälan', 'Steg 4 av 4');
  });

  it('after "Ändra" and "Tillbaka", goes on page by page again', async () => {
    await atCheck(el, 'Trasig gatlampa');
    await press(el, 'Ändra Typ av fel');
    await press(el, 'Tillbaka');
    await expectPage(el, 'Kontrollera din anmälan', 'Steg 4 av 4');
    await press(el, 'Tillbaka');
    await expectPage(el, 'Beskriv felet', 'Steg 3 av 4');
    await press(el, 'Tillbaka');
    await press(el, 'Tillbaka');
    await expectPage(el, 'Vad vill du anmäla?', 'Steg 1 av 4');
    // The change ended with "Tillbaka", so "Fortsätt" is the next page, not check answers.
    await chooseKind(el, 'Trasig gatlampa');
    await expectPage(el, 'Vilket nummer har stolpen?', 'Steg 2 av 4');
  });

  it('after "Ändra", shows a page the change brought onto the path before check answers', async () => {
    await atCheck(el, 'Klotter');
    await press(el, 'Ändra Typ av fel');
    await chooseKind(el, 'Trasig gatlampa');
    await expectPage(el, 'Vilket nummer har stolpen?', 'Steg 2 av 4');
    await answer(el, 'demo-pole', '4711');
    // Then check answers, not the description that was answered before.
    await expectPage(el, 'Kontrollera din anmälan', 'Steg 4 av 4');
    expect(rows(el)).to.deep.equal([
      ['Typ av fel', 'Trasig gatlampa'],
      ['Stolpens nummer', '4711'],
      ['Beskrivning', 'Lyser inte'],
    ]);

    // Back to graffiti: the pole's page leaves the path and its row leaves check answers.
    await press(el, 'Ändra Typ av fel');
    await chooseKind(el, 'Klotter');
    await expectPage(el, 'Kontrollera din anmälan', 'Steg 3 av 3');
    expect(rows(el).map(([key]) => key)).to.deep.equal(['Typ av fel', 'Beskrivning']);

    // A lamp again: the pole's page is back on the path, its answer kept, and shown to confirm.
    await press(el, 'Ändra Typ av fel');
    await chooseKind(el, 'Trasig gatlampa');
    await expectPage(el, 'Vilket nummer har stolpen?', 'Steg 2 av 4');
    expect((root(el).getElementById('demo-pole') as HTMLInputElement).value).to.equal('4711');
    await answer(el, 'demo-pole', '4711');
    await expectPage(el, 'Kontrollera din anmälan', 'Steg 4 av 4');
  });

  it("opens the page that corrects a gateway field error, then returns to check answers", async () => {
    await atCheck(el, 'Trasig gatlampa');
    el.reject = { field: 'attribute[pole]', message: 'Det finns ingen stolpe med det numret' };
    await press(el, 'Skicka anmälan');
    expect(heading(el)).to.equal('Vilket nummer har stolpen?');
    expect(counter(el)).to.equal('Steg 2 av 4');
    const summary = root(el).querySelector<HTMLElement>('[data-kk-error-summary]')!;
    expect(focusOnSummary(el), 'focus on the error summary').to.equal(true);
    expect(text(summary.querySelector('a'))).to.equal('Det finns ingen stolpe med det numret');
    expect(root(el).getElementById('demo-pole')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    await answer(el, 'demo-pole', '12');
    await expectPage(el, 'Kontrollera din anmälan', 'Steg 4 av 4');

    // A field no page names is corrected on the page with the catch-all.
    el.reject = { field: 'media_url', message: 'Bilden kunde inte tas emot' };
    await press(el, 'Skicka anmälan');
    expect(heading(el)).to.equal('Beskriv felet');
    expect(text(root(el).querySelector('[data-kk-error-summary] a'))).to.equal('Bilden kunde inte tas emot');
    await answer(el, 'demo-description', 'Lyser inte alls');
    await expectPage(el, 'Kontrollera din anmälan', 'Steg 4 av 4');
  });

  it('restores a saved path as far as the answers support it, without moving focus', async () => {
    // Graffiti now: the pole's page of the saved path is passed over, and its empty answer does not stop the rest.
    el.kindForm.setAll({ kind: 'graffiti' });
    el.descriptionForm.setAll({ description: 'Klotter på muren' });
    el.flow.restore(['kind', 'pole', 'description', 'check']);
    await el.updateComplete;
    expect(heading(el)).to.equal('Kontrollera din anmälan');
    expect(counter(el)).to.equal('Steg 3 av 3');
    expect(active(el)?.outerHTML ?? 'nothing', 'focus after restore').to.equal('nothing');
    expect(el.flow.path).to.deep.equal(['kind', 'description', 'check']);
    await expect(el).to.be.accessible();
    await press(el, 'Tillbaka');
    await expectPage(el, 'Beskriv felet', 'Steg 2 av 3');
    await press(el, 'Tillbaka');
    await expectPage(el, 'Vad vill du anmäla?', 'Steg 1 av 3');

    // A lamp without the pole's number: the path stops at the page that asks for it.
    el.kindForm.setAll({ kind: 'lamp' });
    el.flow.restore(['kind', 'pole', 'description', 'check']);
    await el.updateComplete;
    expect(heading(el)).to.equal('Vilket nummer har stolpen?');
    expect(counter(el)).to.equal('Steg 2 av 4');
    await expect(el).to.be.accessible();

    // A path that does not start at the first page, or holds the end, is not trusted past it.
    el.flow.restore(['pole', 'description']);
    await el.updateComplete;
    expect(heading(el)).to.equal('Vad vill du anmäla?');
    expect(hasBackLink(el), 'a back link').to.equal(false);
  });

  it('has no way back after the end, and starts a new report on the first page', async () => {
    await atCheck(el, 'Klotter');
    await press(el, 'Skicka anmälan');
    await expectPage(el, 'Tack för din anmälan', undefined);
    expect(text(root(el).querySelector('.kk-panel__reference'))).to.equal('FEL-1001');
    expect(hasBackLink(el), 'a back link').to.equal(false);
    expect(el.flow.canGoBack).to.equal(false);

    await press(el, 'Gör en ny anmälan');
    await expectPage(el, 'Vad vill du anmäla?', 'Steg 1 av 3');
    expect(hasBackLink(el), 'a back link').to.equal(false);
    expect([...root(el).querySelectorAll<HTMLInputElement>('input[type=radio]')].some((radio) => radio.checked)).to.equal(false);
  });
});
