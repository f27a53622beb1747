import { sendKeys } from '@web/test-runner-commands';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { isNumberAnswer, questionForm, type Question } from '../src/forms/questions.js';
import { getLocale, useLocale } from '../src/localization.js';
import { lampQuestions, potholeQuestions, type KkQuestionsDemo } from './questions-demo.js';
import './questions-demo.js';

const text = (element: Element | null | undefined) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';

async function demo(questions: Question[] = potholeQuestions, lang = 'sv') {
  const element = await fixture<KkQuestionsDemo>(html`<kk-questions-demo lang=${lang}></kk-questions-demo>`);
  await waitUntil(() => getLocale() === lang, `${lang} did not load`, { timeout: 5000 });
  element.setQuestions(questions);
  await element.updateComplete;
  const root = element.shadowRoot!;
  return {
    element,
    root,
    byId: (id: string) => root.getElementById(id) as HTMLInputElement,
    submit: async () => {
      root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await element.updateComplete;
    },
    summary: () => [...root.querySelectorAll('[data-kk-error-summary] a')].map((link) => [link.getAttribute('href'), text(link)]),
  };
}

describe('questionForm', () => {
  it('starts text answers at "" and checkbox answers at [], keeping previous answers that still fit', () => {
    const { initial } = questionForm(potholeQuestions, { attr_depth: '4', attr_lane: 'gone', attr_risk: ['tyre', 'gone'], attr_more: 7 });
    expect(initial).to.deep.equal({
      attr_depth: '4',
      attr_lane: '',
      attr_seen: '',
      attr_risk: ['tyre'],
      attr_size: '',
      attr_where: '',
      attr_more: '',
    });
  });

  it('accepts exactly the number answers the gateway accepts', () => {
    // The gateway: Number.isFinite(Number(trimmed value)).
    for (const value of ['3', ' 3 ', '-2', '2.5', '.5', '1e3']) expect(isNumberAnswer(value), value).to.equal(true);
    for (const value of ['3,5', 'tre', '3 cm', 'Infinity', '']) expect(isNumberAnswer(value), value).to.equal(false);
    const { rules } = questionForm(potholeQuestions);
    expect(rules.attr_depth!.validate!('3,5')).to.contain('Skriv ett tal');
    expect(rules.attr_depth!.validate!('3.5')).to.equal(undefined);
  });
});

describe('questionFields', () => {
  afterEach(async () => {
    await useLocale('sv');
  });

  it('renders every kind of question as its field, labelled, with hints and optional markers', async () => {
    const { root, element, byId } = await demo();
    expect(byId('q-attr_depth').type).to.equal('text');
    expect(byId('q-attr_lane').type).to.equal('radio');
    expect(byId('q-attr_seen').type).to.equal('date');
    expect(byId('q-attr_risk').type).to.equal('checkbox');
    expect(byId('q-attr_size').tagName).to.equal('SELECT');
    expect(byId('q-attr_more').tagName).to.equal('TEXTAREA');
    expect(text(root.querySelector('label[for="q-attr_depth"]'))).to.equal('Hur djupt är hålet i centimeter?');
    expect(text(root.getElementById('q-attr_seen-hint'))).to.equal('Ungefär räcker');
    expect(text(root.querySelector('label[for="q-attr_more"]'))).to.equal('Något mer? (valfritt)');
    await expect(element).to.be.accessible();
  });

  it('lists unanswered required questions in the summary, with links to their fields', async () => {
    const { element, submit, summary } = await demo();
    await submit();
    expect(summary()).to.deep.equal([
      ['#q-description', 'Beskriv felet'],
      ['#q-attr_depth', 'Svara på frågan: Hur djupt är hålet i centimeter?'],
      ['#q-attr_lane', 'Välj ett svar på frågan: Var på vägen?'],
      ['#q-attr_risk', 'Välj minst ett svar på frågan: Vad kan hända?'],
    ]);
    expect(element.shadowRoot!.activeElement).to.equal(element.shadowRoot!.querySelector('[data-kk-error-summary]'));
    await expect(element).to.be.accessible();
  });

  it('can be answered by keyboard alone, checking a number on blur the way the gateway does', async () => {
    const { element, root, byId, submit, summary } = await demo();
    byId('q-description').focus();
    await sendKeys({ type: 'Stort hål' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '3,5' });
    await sendKeys({ press: 'Tab' });
    await element.updateComplete;
    expect(text(root.getElementById('q-attr_depth-error'))).to.contain('Skriv ett tal med siffror, till exempel 3 eller 2.5');
    expect(byId('q-attr_depth').getAttribute('aria-invalid')).to.equal('true');
    await expect(element).to.be.accessible();

    byId('q-attr_depth').focus();
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '.5' });
    await element.updateComplete;
    expect(root.getElementById('q-attr_depth-error')).to.equal(null);

    await sendKeys({ press: 'Tab' }); // radios
    await sendKeys({ press: 'Space' });
    // Past the optional date (Tab also steps through its day, month and year parts).
    for (let i = 0; i < 6 && element.shadowRoot!.activeElement?.id !== 'q-attr_risk'; i += 1) await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement?.id).to.equal('q-attr_risk');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' }); // text
    await sendKeys({ type: 'Utanför skolan vid korsningen' });
    await sendKeys({ press: 'Tab' });
    await element.updateComplete;
    expect(text(root.getElementById('q-attr_where-error'))).to.equal('Fel: Svaret får vara högst 20 tecken.');
    byId('q-attr_where').value = '';
    byId('q-attr_where').dispatchEvent(new InputEvent('input'));
    await element.updateComplete;

    await submit();
    expect(summary()).to.deep.equal([]);
    expect(element.submitted).to.equal(true);
    expect(element.form.values).to.deep.include({ description: 'Stort hål', attr_depth: '3.5', attr_lane: 'road', attr_risk: ['tyre'] });
  });

  it('keeps the answers of questions the new category shares, and drops the others', async () => {
    const { element, root, byId } = await demo();
    byId('q-attr_lane').click();
    byId('q-attr_depth').focus();
    await sendKeys({ type: '4' });
    await element.updateComplete;
    element.setQuestions(lampQuestions);
    await element.updateComplete;
    expect(root.getElementById('q-attr_depth')).to.equal(null);
    expect(text(root.querySelector('#q-attr_lane')?.closest('fieldset')?.querySelector('legend'))).to.equal('Var står stolpen?');
    // The kept answer 'road' is still one of the new question's choices.
    expect(byId('q-attr_lane').checked).to.equal(true);
    expect(element.form.values).to.deep.equal({ description: '', attr_lane: 'road', attr_number: '' });
    await expect(element).to.be.accessible();
  });

  it('speaks English', async () => {
    const { submit, summary } = await demo([{ name: 'attr_n', label: 'How deep?', kind: 'number', required: true }, ...lampQuestions], 'en');
    await submit();
    expect(summary().slice(1)).to.deep.equal([
      ['#q-attr_n', 'Answer the question: How deep?'],
      ['#q-attr_lane', 'Choose an answer to the question: Var står stolpen?'],
    ]);
    const { rules } = questionForm([{ name: 'n', label: 'How deep?', kind: 'number', required: false }, { name: 'c', label: 'Which?', kind: 'checkboxes', required: true }]);
    expect(rules.n!.validate!('tre')).to.equal('Write a number in digits, for example 3 or 2.5: How deep?');
    expect(rules.c!.required!()).to.equal('Choose at least one answer to the question: Which?');
  });
});
