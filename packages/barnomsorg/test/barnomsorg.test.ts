import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setupWorker } from 'msw/browser';
import type { ApplicationSubmittedDetail, KkBarnomsorg } from '../src/index.js';
import { feeEstimate } from '@kommunkit/contract/barnomsorg-rules';
import { formatMoney } from '@kommunkit/ui';
import '../src/define.js';
import { api, elsa, handlers, oskar, received, type DraftStore, type HandlerOptions } from './support.js';

const worker = setupWorker(...handlers());

const root = (el: KkBarnomsorg) => el.shadowRoot!;
const text = (element: Element | ShadowRoot | null | undefined) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const active = (el: KkBarnomsorg) => root(el).activeElement as HTMLElement | null;
const heading = (el: KkBarnomsorg) => text(root(el).querySelector('[data-kk-focus-target]'));
const buttonNamed = (el: KkBarnomsorg, name: string) => {
  const all = [...root(el).querySelectorAll<HTMLButtonElement>('button')];
  return all.find((candidate) => text(candidate) === name) ?? all.find((candidate) => text(candidate).startsWith(name));
};

function clearStorage(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith('kommunkit:')) sessionStorage.removeItem(key);
}

/**
 * Each test's widget in a kommun of its own. A widget removed at a test's end still sends its
 * pending draft save (the DraftController flushes on disconnect), which the next test's handlers
 * may answer, and then marks the tab's copy as saved: under one kommun that draft, written after
 * the next test cleared the storage, became the next test's.
 */
let kommun = 'exempelstad';
let tests = 0;

async function render(options: HandlerOptions = {}, attributes: { view?: string; lang?: string } = {}): Promise<KkBarnomsorg> {
  worker.use(...handlers(options));
  return fixture<KkBarnomsorg>(html`<kk-barnomsorg api=${options.base ?? api} kommun=${kommun} view=${attributes.view ?? 'ansok'} lang=${attributes.lang ?? 'sv'}></kk-barnomsorg>`);
}

/** A wait whose timeout also says what the widget showed by then. */
const waitOn = (el: KkBarnomsorg, predicate: () => unknown, message: string) =>
  waitUntil(predicate, message, { timeout: 5000 }).catch((error: unknown) => {
    throw new Error(`${error instanceof Error ? error.message : String(error)}; the widget showed: ${text(root(el)).slice(0, 400)}`);
  });

const onPage = (el: KkBarnomsorg, title: string) => waitOn(el, () => heading(el) === title, `the page "${title}" did not show`);

async function click(el: KkBarnomsorg, name: string): Promise<void> {
  await waitOn(el, () => buttonNamed(el, name), `no button "${name}"`);
  buttonNamed(el, name)!.click();
  await el.updateComplete;
}

async function choose(el: KkBarnomsorg, label: string): Promise<void> {
  await waitOn(el, () => [...root(el).querySelectorAll('label')].find((l) => text(l).startsWith(label)), `no choice "${label}"`);
  const found = [...root(el).querySelectorAll('label')].find((l) => text(l).startsWith(label))!;
  const input = root(el).getElementById(found.htmlFor) as HTMLInputElement;
  input.click();
  await el.updateComplete;
}

async function fill(el: KkBarnomsorg, id: string, value: string): Promise<void> {
  await waitUntil(() => root(el).getElementById(id), `no field ${id}`, { timeout: 5000 });
  const field = root(el).getElementById(id) as HTMLInputElement;
  field.focus();
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  field.blur();
  await el.updateComplete;
}

async function select(el: KkBarnomsorg, id: string, value: string): Promise<void> {
  const field = root(el).getElementById(id) as HTMLSelectElement;
  field.value = value;
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

const continueOn = (el: KkBarnomsorg) => click(el, 'Fortsätt');

/** From the child page to the units page with Elsa, förskola and a start after the guarantee date. */
async function toUnits(el: KkBarnomsorg, start = '2027-08-16'): Promise<void> {
  await onPage(el, 'Vilket barn gäller ansökan?');
  await choose(el, 'Elsa Andersson');
  await continueOn(el);
  await onPage(el, 'Vilken typ av plats söker du för Elsa?');
  await choose(el, 'Förskola');
  await continueOn(el);
  await onPage(el, 'När vill du att barnet ska börja?');
  await fill(el, 'kk-bo-desiredStartDate', start);
  await continueOn(el);
  await onPage(el, 'Var vill du att barnet ska få plats?');
  await waitUntil(() => root(el).querySelector('.kk-bo-units'), 'the units did not show', { timeout: 5000 });
}

/** From the units page to check answers: two units, no sibling, a schedule, nothing else, no fee. */
async function toCheck(el: KkBarnomsorg): Promise<void> {
  await click(el, 'Lägg till i dina val: Solrosens förskola');
  await click(el, 'Lägg till i dina val: Ekorrens förskola');
  await continueOn(el);
  await onPage(el, 'Har barnet syskon på någon av enheterna?');
  await choose(el, 'Nej');
  await continueOn(el);
  await onPage(el, 'Hur mycket behöver barnet vara där?');
  await fill(el, 'kk-bo-hoursPerWeek', '40');
  await fill(el, 'kk-bo-dropOff', '7.30');
  await fill(el, 'kk-bo-pickUp', '16:15');
  await choose(el, 'Arbete');
  await continueOn(el);
  await onPage(el, 'Finns det något mer kommunen behöver veta?');
  await continueOn(el);
  await onPage(el, 'Uppskattad avgift');
  await continueOn(el);
  await onPage(el, 'Kontrollera din ansökan');
}

before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
after(() => worker.stop());
beforeEach(() => {
  kommun = `exempelstad-${String(++tests)}`;
  clearStorage();
  received.keys = [];
  received.unitQueries = [];
  received.draftPuts = [];
  delete received.application;
});
afterEach(() => worker.resetHandlers());

describe('<kk-barnomsorg> apply: the first pages', () => {
  it('asks for the login first', async () => {
    // A gateway of its own: the SDK keeps one login state per gateway.
    const el = await render({ loggedIn: false, base: 'http://anonym.test' });
    await onPage(el, 'Logga in');
    expect(text(root(el))).to.contain('Du behöver logga in med e-legitimation');
    await expect(el).to.be.accessible();
  });

  it('lists the children with their birth dates, and asks for one', async () => {
    const el = await render();
    await onPage(el, 'Vilket barn gäller ansökan?');
    await waitUntil(() => root(el).querySelector('input[type=radio]'), 'no children', { timeout: 5000 });
    expect(text(root(el))).to.contain('Elsa Andersson');
    expect(text(root(el))).to.contain('Född 10 maj 2024');
    expect(text(root(el))).to.contain('Steg 1 av 9');
    await expect(el).to.be.accessible();
    await continueOn(el);
    const summary = root(el).querySelector('.kk-error-summary')!;
    await waitUntil(() => active(el) === summary, 'the summary did not take focus');
    expect(text(summary)).to.contain('Välj vilket barn ansökan gäller');
    const link = summary.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal(`#kk-bo-childId-0`);
    link.click();
    expect(active(el)?.id).to.equal('kk-bo-childId-0');
    await expect(el).to.be.accessible();
  });

  it('says when a child with protected identity is not shown', async () => {
    const el = await render({ someNotShown: true });
    await waitUntil(() => text(root(el)).includes('Ett eller flera av dina barn kan inte visas här. Kontakta kommunens barnomsorg.'), 'no notice', { timeout: 5000 });
    expect(text(root(el))).to.contain('Elsa Andersson');
    await expect(el).to.be.accessible();
  });

  it('says so when every child has protected identity, and offers nothing to send', async () => {
    const el = await render({ someNotShown: true, children: [] });
    await waitUntil(() => text(root(el)).includes('Kontakta kommunens barnomsorg.'), 'no notice', { timeout: 5000 });
    expect(buttonNamed(el, 'Fortsätt')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('offers only the types the child may have: a school child only fritidshem', async () => {
    const el = await render();
    await onPage(el, 'Vilket barn gäller ansökan?');
    await choose(el, 'Oskar Andersson');
    await continueOn(el);
    await onPage(el, 'Vilken typ av plats söker du för Oskar?');
    await waitUntil(() => root(el).querySelector('input[type=radio]'), 'no types', { timeout: 5000 });
    const labels = [...root(el).querySelectorAll('.kk-choices label')].map(text);
    expect(labels).to.deep.equal(['Fritidshem']);
    await expect(el).to.be.accessible();
    await click(el, 'Tillbaka');
    await onPage(el, 'Vilket barn gäller ansökan?');
    await choose(el, 'Elsa Andersson');
    await continueOn(el);
    await onPage(el, 'Vilken typ av plats söker du för Elsa?');
    // Fritidshem too: a two-year-old may apply for it, from the autumn term the child starts school.
    expect([...root(el).querySelectorAll('.kk-choices label')].map(text)).to.deep.equal(['Förskola', 'Pedagogisk omsorg', 'Fritidshem']);
  });

  it('shows the guarantee date, warns before it without refusing, and refuses a date the child is too young for', async () => {
    const el = await render({ children: [elsa, { ...elsa, id: '9d8e7f6a-5b4c-4d3e-8f2a-1b0c9d8e7f33', givenName: 'Lilla', birthDate: '2026-06-15' }] });
    await onPage(el, 'Vilket barn gäller ansökan?');
    await choose(el, 'Lilla Andersson');
    await continueOn(el);
    await onPage(el, 'Vilken typ av plats söker du för Lilla?');
    await choose(el, 'Förskola');
    await continueOn(el);
    await onPage(el, 'När vill du att barnet ska börja?');
    expect(text(root(el))).to.contain('rätt till en plats från och med 2 april 2027');
    await expect(el).to.be.accessible();
    await fill(el, 'kk-bo-desiredStartDate', '2027-03-01');
    await continueOn(el);
    await waitUntil(() => root(el).querySelector('.kk-error-summary'), 'no error');
    expect(text(root(el).querySelector('.kk-error-summary'))).to.contain('tidigast när det fyller 1 år, den 15 juni 2027');
    expect(root(el).getElementById('kk-bo-desiredStartDate')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    await fill(el, 'kk-bo-desiredStartDate', '2027-06-15');
    expect(root(el).querySelector('.kk-error-summary')).to.equal(null);
    await continueOn(el);
    await onPage(el, 'Var vill du att barnet ska få plats?');
  });

  it('warns, but goes on, when the wished start is before the guarantee date', async () => {
    const el = await render();
    await onPage(el, 'Vilket barn gäller ansökan?');
    await choose(el, 'Elsa Andersson');
    await continueOn(el);
    await choose(el, 'Förskola');
    await continueOn(el);
    await onPage(el, 'När vill du att barnet ska börja?');
    await fill(el, 'kk-bo-desiredStartDate', '2027-01-15');
    const warning = root(el).querySelector('.kk-warning-text');
    expect(text(warning)).to.contain('före garantidatumet 2 april 2027');
    expect(root(el).querySelector('.kk-error-summary')).to.equal(null);
    await expect(el).to.be.accessible();
    await continueOn(el);
    await onPage(el, 'Var vill du att barnet ska få plats?');
  });
});

describe('<kk-barnomsorg> apply: units', () => {
  it('lists the units of the type with their facts, searches and filters by area', async () => {
    const el = await render();
    await toUnits(el);
    expect(received.unitQueries.at(-1)?.get('type')).to.equal('forskola');
    const items = () => [...root(el).querySelectorAll('.kk-bo-unit')];
    expect(items()).to.have.length(4);
    expect(text(items()[0])).to.contain('Solrosens förskola');
    expect(text(items()[0])).to.contain('Musik och rörelse');
    expect(text(items()[0])).to.contain('5 lediga platser i augusti 2027');
    await expect(el).to.be.accessible();
    await fill(el, 'kk-bo-unit-search', 'ur och skur');
    expect(items().map((item) => text(item.querySelector('h3')))).to.deep.equal(['Ekorrens förskola']);
    expect(text(root(el))).to.contain('1 av 4 enheter matchar');
    await fill(el, 'kk-bo-unit-search', '');
    await select(el, 'kk-bo-unit-area', 'Centrum');
    expect(items().map((item) => text(item.querySelector('h3')))).to.deep.equal(['Solrosens förskola', 'Blåklockans förskola']);
    await expect(el).to.be.accessible();
  });

  it('needs one unit, links the error to the list, and ranks at most maxRankedUnits', async () => {
    const el = await render();
    await toUnits(el);
    await continueOn(el);
    const summary = root(el).querySelector('.kk-error-summary')!;
    expect(text(summary)).to.contain('Välj minst en enhet');
    summary.querySelector('a')!.click();
    expect(active(el)?.id).to.equal('kk-bo-units');
    await expect(el).to.be.accessible();
    for (const name of ['Solrosens förskola', 'Ekorrens förskola', 'Humlans förskola']) await click(el, `Lägg till i dina val: ${name}`);
    expect(root(el).querySelector('.kk-error-summary')).to.equal(null);
    expect(buttonNamed(el, 'Lägg till i dina val: Blåklockans förskola')).to.equal(undefined);
    expect(text(root(el))).to.contain('Du har valt 3, så många som du kan.');
    await expect(el).to.be.accessible();
  });

  it('reorders the choices by keyboard, the focus following the unit, each move announced', async () => {
    const el = await render();
    await toUnits(el);
    for (const name of ['Solrosens förskola', 'Ekorrens förskola', 'Humlans förskola']) await click(el, `Lägg till i dina val: ${name}`);
    const status = () => text(root(el).querySelector('.kk-visually-hidden[role=status]'));
    expect(status()).to.equal('Humlans förskola är nu ditt val nummer 3 av 3.');
    // The button keeps the focus and now takes the unit away again.
    expect(text(active(el))).to.equal('Ta bort från dina val: Humlans förskola');
    const ranked = () => [...root(el).querySelectorAll('.kk-bo-ranked__name')].map((item) => text(item).replace(/^Val \d+: /, ''));
    root(el).getElementById('kk-bo-rank-humlan-up')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(ranked()).to.deep.equal(['Solrosens förskola', 'Humlans förskola', 'Ekorrens förskola']);
    expect(status()).to.equal('Humlans förskola är nu ditt val nummer 2 av 3.');
    await waitUntil(() => active(el)?.id === 'kk-bo-rank-humlan-up', 'the focus did not follow');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(ranked()).to.deep.equal(['Humlans förskola', 'Solrosens förskola', 'Ekorrens förskola']);
    // At the top there is no "Flytta upp": the focus moves to "Flytta ner" of the same unit.
    await waitUntil(() => active(el)?.id === 'kk-bo-rank-humlan-down', 'the focus did not go to Flytta ner');
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(ranked()).to.deep.equal(['Solrosens förskola', 'Humlans förskola', 'Ekorrens förskola']);
    await expect(el).to.be.accessible();
    await click(el, 'Ta bort: Humlans förskola');
    expect(ranked()).to.deep.equal(['Solrosens förskola', 'Ekorrens förskola']);
    expect(status()).to.equal('Humlans förskola är borttagen från dina val.');
    await waitUntil(() => active(el)?.id === 'kk-bo-units', 'the focus did not go to the list');
  });

  it('shows the units on the kommun\'s map on request; a marker by keyboard moves to its unit in the list', async () => {
    // A gateway of its own: the kommun's info (with the map) is asked for once per client.
    const el = await render({ map: true, base: 'http://karta.test' });
    await toUnits(el);
    await click(el, 'Visa på karta');
    await waitUntil(() => root(el).querySelectorAll('.kk-places-map-pin').length === 4, 'no markers', { timeout: 8000 });
    const pin = [...root(el).querySelectorAll<HTMLElement>('.kk-places-map-pin')].find((marker) => marker.getAttribute('aria-label')?.startsWith('Ekorrens förskola'))!;
    pin.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active(el)?.id === 'kk-bo-unit-ekorren', 'the focus did not go to the unit');
    await expect(el).to.be.accessible();
    await select(el, 'kk-bo-unit-area', 'Centrum');
    await waitUntil(() => root(el).querySelectorAll('.kk-places-map-pin').length === 2, 'the map did not follow the filter');
    await click(el, 'Dölj kartan');
    expect(root(el).querySelector('.kk-places-map')).to.equal(null);
  });

  it('says when the units cannot be read, with a retry', async () => {
    const el = await render({ failUnits: true });
    await toUnits(el).catch(() => undefined);
    await waitUntil(() => text(root(el)).includes('Vi kunde inte hämta enheterna just nu.'), 'no error', { timeout: 5000 });
    expect(buttonNamed(el, 'Försök igen')).to.not.equal(undefined);
    await expect(el).to.be.accessible();
  });
});

describe('<kk-barnomsorg> apply: the later pages', () => {
  it('asks for the sibling unit when there is one, and checks the schedule', async () => {
    const el = await render();
    await toUnits(el);
    await click(el, 'Lägg till i dina val: Solrosens förskola');
    await continueOn(el);
    await onPage(el, 'Har barnet syskon på någon av enheterna?');
    await expect(el).to.be.accessible();
    await choose(el, 'Ja');
    await continueOn(el);
    expect(text(root(el).querySelector('.kk-error-summary'))).to.contain('Välj var syskonet har sin plats');
    await expect(el).to.be.accessible();
    await select(el, 'kk-bo-siblingUnitId', 'ekorren');
    await continueOn(el);
    await onPage(el, 'Hur mycket behöver barnet vara där?');
    await expect(el).to.be.accessible();
    await fill(el, 'kk-bo-hoursPerWeek', '80');
    await fill(el, 'kk-bo-dropOff', '8');
    await fill(el, 'kk-bo-pickUp', '07:00');
    await continueOn(el);
    const summary = text(root(el).querySelector('.kk-error-summary'));
    expect(summary).to.contain('Antal timmar måste vara mellan 1 och 60');
    expect(summary).to.contain('Skriv tiden som tt:mm');
    expect(summary).to.contain('Välj varför barnet behöver en plats');
    await expect(el).to.be.accessible();
    await fill(el, 'kk-bo-hoursPerWeek', '30');
    await fill(el, 'kk-bo-dropOff', '08:00');
    await choose(el, 'Studier');
    await continueOn(el);
    expect(text(root(el).querySelector('.kk-error-summary'))).to.contain('Hämtningen måste vara senare än lämningen');
    await fill(el, 'kk-bo-pickUp', '15:00');
    await continueOn(el);
    await onPage(el, 'Finns det något mer kommunen behöver veta?');
    expect(text(root(el))).to.contain('(valfritt)');
    await expect(el).to.be.accessible();
  });

  it('estimates the fee from the income and the sibling order, and keeps the income out of the draft', async () => {
    const drafts: DraftStore = new Map();
    const el = await render({ drafts });
    await toUnits(el);
    await click(el, 'Lägg till i dina val: Solrosens förskola');
    await continueOn(el);
    await choose(el, 'Nej');
    await continueOn(el);
    await fill(el, 'kk-bo-hoursPerWeek', '40');
    await fill(el, 'kk-bo-dropOff', '07:30');
    await fill(el, 'kk-bo-pickUp', '16:30');
    await choose(el, 'Arbete');
    await continueOn(el);
    await continueOn(el);
    await onPage(el, 'Uppskattad avgift');
    expect(text(root(el))).to.contain('skickas inte till kommunen och sparas inte');
    expect(text(root(el))).to.contain('57 130 kr i månaden (inkomsttaket 2025)');
    await expect(el).to.be.accessible();
    const amount = () => text(root(el).querySelector('.kk-bo-fee'));
    await fill(el, 'kk-bo-income', '45 000');
    // 3 % of 45 000 kr.
    expect(amount()).to.contain('Uppskattad avgift 1 350 kr per månad');
    await choose(el, 'Barn 2');
    expect(amount()).to.contain('900 kr per månad');
    await fill(el, 'kk-bo-income', '80000');
    await choose(el, 'Barn 1');
    // Capped: 3 % of the ceiling 57 130 kr, in whole kronor as the contract's feeEstimate rounds.
    const capped = feeEstimate('forskola', 8_000_000, 1, { year: 2025, incomeCeilingMonthlyOre: 5_713_000 });
    expect(capped.capped).to.equal(true);
    expect(amount()).to.contain(`${formatMoney(capped.monthlyOre, 'sv', { fraction: 'auto' }).replace(/\s+/g, ' ')} per månad`);
    expect(amount()).to.contain('inkomsttaket 57 130 kr (2025)');
    await choose(el, 'Barn 4 eller senare');
    expect(amount()).to.contain('0 kr per månad');
    expect(amount()).to.contain('Det fjärde barnet och fler har ingen avgift.');
    await expect(el).to.be.accessible();
    await fill(el, 'kk-bo-income', 'mycket');
    await continueOn(el);
    expect(text(root(el).querySelector('.kk-error-summary'))).to.contain('Skriv inkomsten i hela kronor');
    await fill(el, 'kk-bo-income', '80000');
    await continueOn(el);
    await onPage(el, 'Kontrollera din ansökan');
    await waitUntil(() => received.draftPuts.length > 0, 'no server draft', { timeout: 5000 });
    for (const saved of [...received.draftPuts, ...[...drafts.values()].map((d) => d.data)]) expect(JSON.stringify(saved)).to.not.contain('80000');
    for (const key of Object.keys(sessionStorage)) expect(sessionStorage.getItem(key)).to.not.contain('80000');
  });
});

describe('<kk-barnomsorg> apply: check answers and send', () => {
  it('shows every answer; Ändra goes to the page and back to check answers', async () => {
    const el = await render();
    await toUnits(el);
    await toCheck(el);
    const rows = text(root(el).querySelector('.kk-summary-list, dl'));
    expect(rows).to.contain('Elsa Andersson');
    expect(rows).to.contain('Förskola');
    expect(rows).to.contain('16 augusti 2027');
    expect(rows).to.contain('Solrosens förskola');
    expect(rows).to.contain('40 timmar per vecka, 07:30–16:15');
    expect(rows).to.contain('Arbete');
    await expect(el).to.be.accessible();
    await click(el, 'Ändra Omfattning');
    await onPage(el, 'Hur mycket behöver barnet vara där?');
    await fill(el, 'kk-bo-hoursPerWeek', '25');
    await continueOn(el);
    await onPage(el, 'Kontrollera din ansökan');
    expect(text(root(el))).to.contain('25 timmar per vecka');
  });

  it('sends the application with an idempotency key, fires kk-application-submitted with the id only, and confirms', async () => {
    const el = await render();
    await toUnits(el);
    await toCheck(el);
    let detail: ApplicationSubmittedDetail | undefined;
    el.addEventListener('kk-application-submitted', (event) => {
      detail = event.detail;
    });
    await click(el, 'Skicka ansökan');
    await onPage(el, 'Ansökan är skickad');
    expect(detail).to.deep.equal({ applicationId: '3c9b2f71-8e4d-4a6b-9c1d-0f2e3a4b5c66' });
    expect(received.application).to.deep.equal({
      type: 'forskola',
      childId: elsa.id,
      desiredStartDate: '2027-08-16',
      units: ['solrosen', 'ekorren'],
      schedule: { hoursPerWeek: 40, dropOff: '07:30', pickUp: '16:15' },
      reason: 'arbete',
    });
    expect(received.keys[0]).to.match(/^[\x21-\x7e]{8,}$/);
    expect(text(root(el))).to.contain('EXS-F-2026-000123');
    expect(text(root(el))).to.contain('rätt till en plats från och med 2 april 2027');
    expect(text(root(el))).to.contain('inom 14 dagar');
    await expect(el).to.be.accessible();
    await click(el, 'Ansök för ett annat barn');
    await onPage(el, 'Vilket barn gäller ansökan?');
  });

  it('explains a 409 (an active application) with a link to the overview', async () => {
    const el = await render({ create: 'active' });
    await toUnits(el);
    await toCheck(el);
    await click(el, 'Skicka ansökan');
    await waitUntil(() => text(root(el)).includes('Barnet har redan en ansökan'), 'no 409 notice', { timeout: 5000 });
    expect(text(root(el))).to.contain('Elsa Andersson har redan en aktiv ansökan om förskola.');
    await expect(el).to.be.accessible();
    await click(el, 'Gå till Mina ansökningar och placeringar');
    await waitUntil(() => el.view === 'oversikt', 'the view did not change');
    expect(el.getAttribute('view')).to.equal('oversikt');
  });

  it('takes a 422 on a field back to the page that owns it, and back to check answers after', async () => {
    const el = await render({ create: 'invalid-schedule' });
    await toUnits(el);
    await toCheck(el);
    await click(el, 'Skicka ansökan');
    await onPage(el, 'Hur mycket behöver barnet vara där?');
    const summary = root(el).querySelector('.kk-error-summary')!;
    expect(text(summary)).to.contain('Enheten har stängt klockan 18.00.');
    expect(summary.querySelector('a')!.getAttribute('href')).to.equal('#kk-bo-pickUp');
    await expect(el).to.be.accessible();
    await fill(el, 'kk-bo-pickUp', '16:00');
    await continueOn(el);
    await onPage(el, 'Kontrollera din ansökan');
  });

  it('a 422 on the start date goes to the start page', async () => {
    const el = await render({ create: 'invalid-start' });
    await toUnits(el);
    await toCheck(el);
    await click(el, 'Skicka ansökan');
    await onPage(el, 'När vill du att barnet ska börja?');
    expect(text(root(el).querySelector('.kk-error-summary'))).to.contain('Barnet har inte fyllt 1 år det datumet.');
    await expect(el).to.be.accessible();
  });
});

describe('<kk-barnomsorg> apply: drafts', () => {
  it('restores the answers and the page from the server draft on another device', async () => {
    const drafts: DraftStore = new Map();
    // A gateway of its own: the drafts the earlier tests' widgets flush as they go never reach this store.
    const base = 'http://utkast.test';
    const first = await render({ drafts, base });
    await toUnits(first);
    await click(first, 'Lägg till i dina val: Ekorrens förskola');
    await click(first, 'Lägg till i dina val: Solrosens förskola');
    await continueOn(first);
    await onPage(first, 'Har barnet syskon på någon av enheterna?');
    const saved = () => drafts.get(`${kommun}/barnomsorg`)?.data as { values?: { units?: string[] }; path?: string[] } | undefined;
    await waitUntil(() => saved()?.values?.units?.length === 2 && saved()?.path?.includes('sibling'), 'no server draft', { timeout: 5000 });
    first.remove();
    // Another device: nothing in this tab's storage, the same gateway's drafts.
    clearStorage();
    const second = await render({ drafts, base });
    await onPage(second, 'Har barnet syskon på någon av enheterna?');
    await click(second, 'Tillbaka');
    await onPage(second, 'Var vill du att barnet ska få plats?');
    const ranked = () => [...root(second).querySelectorAll('.kk-bo-ranked__name')].map((item) => text(item).replace(/^Val \d+: /, '')).join(', ');
    // In the order ranked on the first device, named once the units have been read here.
    await waitUntil(() => ranked() === 'Ekorrens förskola, Solrosens förskola', `the choices did not come back (${ranked()})`, { timeout: 5000 });
    await expect(second).to.be.accessible();
  });
});

describe('<kk-barnomsorg> in English', () => {
  it('speaks English', async () => {
    const el = await render({}, { lang: 'en' });
    await onPage(el, 'Which child is the application for?');
    await waitUntil(() => text(root(el)).includes('Elsa Andersson'), 'no children', { timeout: 5000 });
    expect(text(root(el))).to.contain('Step 1 of 9');
    expect(oskar.givenName).to.equal('Oskar');
    await expect(el).to.be.accessible();
  });
});
