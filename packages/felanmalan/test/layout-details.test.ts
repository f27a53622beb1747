import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { setupWorker } from 'msw/browser';
import type { KkFelanmalan } from '../src/index.js';
import '../src/define.js';
import { api, gatewayHandlers, reportFound, seedDraft } from './support.js';

/**
 * Right to left host pages, a narrow phone, the photo picker, the category question's error,
 * the step counter and counted phrases in both languages.
 */

const worker = setupWorker(...gatewayHandlers());
before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
after(() => worker.stop());

const root = (el: KkFelanmalan) => el.shadowRoot!;
const text = (element: Element | ShadowRoot | null | undefined) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const heading = (el: KkFelanmalan) => text(root(el).querySelector('[data-kk-focus-target]'));
const counter = (el: KkFelanmalan) => text(root(el).querySelector('.kk-step-counter'));
const widget = (container: Element) => container.querySelector<KkFelanmalan>('kk-felanmalan')!;

async function categoriesOf(el: KkFelanmalan): Promise<void> {
  await waitUntil(() => root(el).querySelector('input[name=serviceCode]'), 'the categories did not load', { timeout: 5000 });
}

/** The details page, restored from a draft as a reload finds it. */
async function atDetails(kommun: string, lang = 'sv'): Promise<KkFelanmalan> {
  seedDraft(kommun, { serviceCode: 'klotter', address: 'Torget' }, ['category', 'place', 'details']);
  const el = await fixture<KkFelanmalan>(html`<kk-felanmalan api=${api} kommun=${kommun} lang=${lang}></kk-felanmalan>`);
  await waitUntil(() => root(el).querySelector('#kk-fel-description'), 'the details page was not restored', { timeout: 5000 });
  return el;
}

async function type(el: KkFelanmalan, id: string, value: string): Promise<void> {
  const field = root(el).querySelector<HTMLTextAreaElement>(`#${id}`)!;
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Whether anything inside the widget reaches beyond its own box (a horizontal scroll). */
const overflows = (el: KkFelanmalan): boolean => el.scrollWidth > el.clientWidth || document.documentElement.scrollWidth > document.documentElement.clientWidth;

beforeEach(() => {
  sessionStorage.clear();
  worker.resetHandlers();
});
afterEach(() => setViewport({ width: 800, height: 600 }));

describe('on a right-to-left page', () => {
  it('keeps the widget left to right: its heading reads "Vad vill du anmäla?" and nothing overflows', async () => {
    const container = await fixture<HTMLDivElement>(html`<div dir="rtl" lang="ar" style="inline-size: 600px"><kk-felanmalan api=${api} kommun="rtlstad" lang="sv"></kk-felanmalan></div>`);
    const el = widget(container);
    await categoriesOf(el);
    const title = root(el).querySelector<HTMLElement>('[data-kk-focus-target]')!;
    expect(getComputedStyle(title).direction).to.equal('ltr');
    expect(getComputedStyle(el).direction).to.equal('ltr');
    // The first option's radio sits at the start (left) of its row, as in an ltr page.
    const input = root(el).querySelector('input[name=serviceCode]')!.getBoundingClientRect();
    const label = root(el).querySelector('.kk-choice__label')!.getBoundingClientRect();
    expect(input.left).to.be.below(label.left);
    expect(overflows(el)).to.equal(false);
    await expect(el).to.be.accessible();
  });
});

describe('the photo picker', () => {
  it('is a styled button, not the browser\'s "No file chosen", and has no horizontal scroll at 320 px', async () => {
    await setViewport({ width: 320, height: 800 });
    const el = await atDetails('smalstad');
    const input = root(el).querySelector<HTMLInputElement>('input[type=file]')!;
    const button = root(el).querySelector<HTMLLabelElement>(`label.kk-file__button[for=${input.id}]`)!;
    expect(text(button)).to.equal('Välj bilder');
    expect(input.getBoundingClientRect().width).to.be.at.most(1);
    expect(getComputedStyle(input).opacity).to.equal('0');
    expect(button.getBoundingClientRect().right).to.be.at.most(320);
    expect(overflows(el)).to.equal(false);
    expect(text(root(el).querySelector(`#${input.id}-hint`))).to.contain('Högst 3 bilder');
    await expect(el).to.be.accessible();
  });

  it('is reached by Tab, shows its focus on the button, and is named by its label and button', async () => {
    const el = await atDetails('tabbstad');
    const input = root(el).querySelector<HTMLInputElement>('input[type=file]')!;
    for (let i = 0; i < 30 && root(el).activeElement !== input; i += 1) await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(input);
    const button = root(el).querySelector<HTMLLabelElement>('label.kk-file__button')!;
    expect(getComputedStyle(button).outlineStyle).to.equal('solid');
    const names = [...input.labels!].map(text);
    expect(names).to.deep.equal(['Bilder (valfritt)', 'Välj bilder']);
    await expect(el).to.be.accessible();
  });

  it('says "Choose photos" in English', async () => {
    const el = await atDetails('engelskstad', 'en');
    await waitUntil(() => text(root(el).querySelector('label.kk-file__button')) === 'Choose photos', 'not in English', { timeout: 5000 });
    expect(text(root(el).querySelector('#kk-fel-photos-hint'))).to.contain('At most 3 photos');
    await expect(el).to.be.accessible();
  });
});

describe('counted phrases', () => {
  it('count the characters left in the singular and the plural, in Swedish and English', async () => {
    const sv = await atDetails('raknestad');
    await type(sv, 'kk-fel-description', 'x'.repeat(3999));
    expect(text(root(sv).querySelector('.kk-character-count'))).to.equal('Du har 1 tecken kvar');
    await type(sv, 'kk-fel-description', 'x'.repeat(4001));
    expect(text(root(sv).querySelector('.kk-character-count'))).to.equal('Du har 1 tecken för mycket');
    await expect(sv).to.be.accessible();

    sessionStorage.clear();
    const en = await atDetails('countstad', 'en');
    await waitUntil(() => heading(en) === 'Describe the fault', 'not in English', { timeout: 5000 });
    await type(en, 'kk-fel-description', 'x'.repeat(3999));
    expect(text(root(en).querySelector('.kk-character-count'))).to.equal('You have 1 character remaining');
    await type(en, 'kk-fel-description', 'x'.repeat(3998));
    expect(text(root(en).querySelector('.kk-character-count'))).to.equal('You have 2 characters remaining');
    await type(en, 'kk-fel-description', 'x'.repeat(4001));
    expect(text(root(en).querySelector('.kk-character-count'))).to.equal('You have 1 character too many');
    await expect(en).to.be.accessible();
  });
});

describe('the category question\'s error', () => {
  it('marks the whole radio group: one message, every option invalid and described by it', async () => {
    const el = await fixture<KkFelanmalan>(html`<kk-felanmalan api=${api} kommun="felstad"></kk-felanmalan>`);
    await categoriesOf(el);
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await el.updateComplete;
    const marked = root(el).querySelectorAll('.kk-field--error');
    expect(marked.length).to.equal(1);
    const group = marked[0]!;
    const fieldsets = root(el).querySelectorAll('fieldset');
    expect(fieldsets.length).to.be.greaterThan(1);
    for (const fieldset of fieldsets) expect(group.contains(fieldset)).to.equal(true);
    const message = group.querySelector('.kk-error-message')!;
    expect(root(el).querySelectorAll('.kk-error-message').length).to.equal(1);
    expect(text(message)).to.contain('Välj vad felet gäller');
    const options = [...root(el).querySelectorAll<HTMLInputElement>('input[name=serviceCode]')];
    expect(options.length).to.be.greaterThan(2);
    for (const option of options) {
      expect(option.getAttribute('aria-invalid')).to.equal('true');
      expect(option.getAttribute('aria-describedby')?.split(' ')).to.include(message.id);
    }
    // The summary's link lands on the first option.
    const link = root(el).querySelector<HTMLAnchorElement>('[data-kk-error-summary] a')!;
    expect(root(el).querySelector(link.getAttribute('href')!)).to.equal(options[0]);
    await expect(el).to.be.accessible();

    options[1]!.click();
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('.kk-field--error')).to.equal(null);
  });
});

describe('the step counter', () => {
  it('stays "av 5" when reports nearby add a page: that page counts as part of the place', async () => {
    worker.use(...gatewayHandlers({ nearby: [reportFound] }));
    const el = await fixture<KkFelanmalan>(html`<kk-felanmalan api=${api} kommun="stegstad"></kk-felanmalan>`);
    await categoriesOf(el);
    expect(counter(el)).to.equal('Steg 1 av 5');
    root(el).querySelector<HTMLInputElement>('input[value=gatubelysning]')!.click();
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await el.updateComplete;
    expect(counter(el)).to.equal('Steg 2 av 5');
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: { getCurrentPosition: (ok: PositionCallback) => ok({ coords: { latitude: 59.33, longitude: 18.06 } } as GeolocationPosition) },
    });
    [...root(el).querySelectorAll('button')].find((button) => text(button) === 'Använd min position')!.click();
    await waitUntil(() => text(root(el).querySelector('.kk-position')).includes('Vald plats'), 'the position was not used', { timeout: 5000 });
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => heading(el) === 'Är felet redan anmält?', 'the nearby page did not show', { timeout: 5000 });
    expect(counter(el)).to.equal('Steg 2 av 5');
    [...root(el).querySelectorAll('button')].find((button) => text(button) === 'Mitt fel finns inte med, fortsätt')!.click();
    await waitUntil(() => heading(el) === 'Beskriv felet', 'the details page did not show', { timeout: 5000 });
    expect(counter(el)).to.equal('Steg 3 av 5');
    await expect(el).to.be.accessible();
  });
});
