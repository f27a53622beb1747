import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setupWorker } from 'msw/browser';
import type { KkFelanmalan, ReportSubmittedDetail } from '../src/index.js';
import '../src/define.js';
import { api, draftKey, gatewayDown, gatewayHandlers, gatewayUnavailable, loggedInHandlers, received, reportFound, seedDraft, submitRejected } from './support.js';
import { hangingGateway, storingGateway } from './support.js';
import { tabTo } from './drive.js';
import { FelanmalanController } from '../src/controller.js';

const worker = setupWorker(...gatewayHandlers());
/** A 1×1 tile, so the map draws without any outside connection. */
const tile = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';

const root = (el: KkFelanmalan) => el.shadowRoot!;
const active = (el: KkFelanmalan) => root(el).activeElement as HTMLElement | null;
const text = (element: Element | ShadowRoot | null | undefined) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const byId = (el: KkFelanmalan, id: string) => root(el).getElementById(id) as HTMLInputElement;
const buttonNamed = (el: KkFelanmalan, name: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((candidate) => text(candidate) === name);

async function render(kommun = 'exempelstad', extra = html``): Promise<KkFelanmalan> {
  const el = await fixture<KkFelanmalan>(html`<kk-felanmalan api=${api} kommun=${kommun}>${extra}</kk-felanmalan>`);
  return el;
}

/** Waits for the category page's list. */
async function categories(el: KkFelanmalan): Promise<void> {
  await waitUntil(() => root(el).querySelector('input[name=serviceCode]'), 'the categories did not load', { timeout: 5000 });
}

const isSubmit = (element: HTMLElement) => element instanceof HTMLButtonElement && element.type === 'submit';
const heading = (el: KkFelanmalan) => text(root(el).querySelector('[data-kk-focus-target]'));

/** Types into a field as a citizen would (input events), then leaves it. */
async function fill(el: KkFelanmalan, id: string, value: string): Promise<void> {
  const field = byId(el, id);
  field.focus();
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  field.blur();
  await el.updateComplete;
}

/** Chooses a category and goes on. */
async function chooseCategory(el: KkFelanmalan, code: string): Promise<void> {
  await categories(el);
  root(el).querySelector<HTMLInputElement>(`input[name=serviceCode][value="${code}"]`)!.click();
  await el.updateComplete;
  await submitPage(el);
}

/** Presses the page's submit button ("Fortsätt") and waits for what follows. */
async function submitPage(el: KkFelanmalan): Promise<void> {
  root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await el.updateComplete;
}

/** "Använd min position" with the browser's position given as `at`. */
async function useMyPosition(el: KkFelanmalan, at: { latitude: number; longitude: number }): Promise<void> {
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: { getCurrentPosition: (ok: PositionCallback) => ok({ coords: at } as GeolocationPosition) },
  });
  buttonNamed(el, 'Använd min position')!.click();
  await waitUntil(() => text(root(el).querySelector('.kk-position')).includes('Vald plats'), 'the position was not used', { timeout: 5000 });
}

/** Adds photos through the file field, as choosing files in the browser's dialog does. */
async function choosePhotos(el: KkFelanmalan, files: File[]): Promise<void> {
  const input = root(el).querySelector<HTMLInputElement>('input[type=file]')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  const before = root(el).querySelectorAll('.kk-photos img').length;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  const done = () => !root(el).textContent.includes('Förbereder bilderna');
  await waitUntil(() => done() && (root(el).querySelectorAll('.kk-photos img').length > before || byId(el, 'kk-fel-photos-error')), 'the photos were not prepared', { timeout: 10000 });
  await el.updateComplete;
}

/** A draft that stands on check answers, so a test starts where a reload would put it. */
async function atCheck(kommun = 'exempelstad', answers: Record<string, unknown> = {}): Promise<KkFelanmalan> {
  seedDraft(kommun, { serviceCode: 'klotter', address: 'Torget', description: 'Klotter', ...answers }, ['category', 'place', 'details', 'contact', 'check']);
  const el = await render(kommun);
  await waitUntil(() => heading(el) === 'Kontrollera din anmälan', 'the draft was not restored', { timeout: 5000 });
  return el;
}

// One worker for the whole file (root hooks): restarting it makes the browser re-fetch its script.
before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
after(() => worker.stop());

describe('<kk-felanmalan>', () => {
  beforeEach(() => {
    sessionStorage.clear();
    worker.resetHandlers();
    delete received.form;
  });

  it('shows a spinner while loading, then the categories in groups, accessibly', async () => {
    const el = await render();
    expect(text(root(el).querySelector('[role=status]'))).to.contain('Hämtar kategorier');
    await categories(el);
    expect([...root(el).querySelectorAll('legend')].map(text)).to.deep.equal(['Gata och trafik', 'Park och natur']);
    expect(heading(el)).to.equal('Vad vill du anmäla?');
    await expect(el).to.be.accessible();
  });

  it('filters categories by search words and keywords', async () => {
    const el = await render();
    await categories(el);
    byId(el, 'kk-fel-search').focus();
    await sendKeys({ type: 'lykta' });
    await el.updateComplete;
    expect([...root(el).querySelectorAll('.kk-choice__label')].map(text)).to.deep.equal(['Gatubelysning']);
  });

  it('searches on Enter without sending the page, keeps the chosen category in view, and counts in the singular', async () => {
    const el = await render();
    await categories(el);
    root(el).querySelector<HTMLInputElement>('input[value=klotter]')!.click();
    await el.updateComplete;
    byId(el, 'kk-fel-search').focus();
    await sendKeys({ type: 'lykta' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(heading(el)).to.equal('Vad vill du anmäla?');
    expect(root(el).querySelector('[data-kk-error-summary]')).to.equal(null);
    expect(text(root(el).querySelector('p.kk-hint[role=status]'))).to.equal('1 kategori matchar sökningen');
    // The search found the lamp; the chosen graffiti is still shown, and still chosen.
    expect([...root(el).querySelectorAll('.kk-choice__label')].map(text)).to.deep.equal(['Klotter', 'Gatubelysning']);
    expect(root(el).querySelector<HTMLInputElement>('input[value=klotter]')!.checked).to.equal(true);
    await expect(el).to.be.accessible();

    byId(el, 'kk-fel-search').select();
    await sendKeys({ type: 'zzz' });
    await el.updateComplete;
    expect(text(root(el).querySelector('p.kk-hint[role=status]'))).to.contain('Ingen kategori matchar sökningen');
  });

  it('on an empty submit, focuses an error summary that links to the categories', async () => {
    const el = await render();
    await categories(el);
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await el.updateComplete;
    const summary = root(el).querySelector<HTMLElement>('[data-kk-error-summary]')!;
    expect(active(el)).to.equal(summary);
    expect(text(summary.querySelector('a'))).to.equal('Välj vad felet gäller');
    expect(summary.querySelector('a')!.getAttribute('href')).to.equal('#kk-fel-category-0');
    expect(byId(el, 'kk-fel-category-0')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows where to turn instead of continuing for a category the kommun does not handle', async () => {
    const el = await render();
    await categories(el);
    root(el).querySelector<HTMLInputElement>('input[value=statlig-vag]')!.click();
    await el.updateComplete;
    expect(text(root(el).querySelector('.kk-alert'))).to.contain('Trafikverket');
    expect(root(el).querySelector('button[type=submit]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('can be completed by keyboard alone without the map, and the event carries no personal data', async () => {
    const el = await render();
    await categories(el);

    // Category: Tab to the first category, arrow to "Hål i vägen", Enter submits.
    await tabTo(el, (element) => element.getAttribute('name') === 'serviceCode');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(root(el).querySelector<HTMLInputElement>('input[value=hal-i-vagen]')!.checked).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;

    // Place, in words.
    expect(heading(el)).to.equal('Var finns felet?');
    expect(active(el)?.hasAttribute('data-kk-focus-target')).to.equal(true);
    expect(text(root(el).querySelector('.kk-step-counter'))).to.equal('Steg 2 av 5');
    await tabTo(el, (element) => element.id === 'kk-fel-address');
    await sendKeys({ type: 'Storgatan 12, vid busshållplatsen' });
    await expect(el).to.be.accessible();
    (await tabTo(el, isSubmit)).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => heading(el) === 'Beskriv felet', 'did not reach the description page', { timeout: 5000 });

    // Description.
    await tabTo(el, (element) => element.id === 'kk-fel-description');
    await sendKeys({ type: 'Djupt hål mitt i körbanan' });
    await expect(el).to.be.accessible();
    await tabTo(el, isSubmit);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;

    // Contact: anonymous, with the privacy text.
    expect(heading(el)).to.equal('Vill du lämna kontaktuppgifter?');
    expect(text(root(el).querySelector('.kk-privacy'))).to.contain('Det här ser bara kommunen: namn, e-postadress och telefonnummer.');
    await tabTo(el, (element) => element.id === 'kk-fel-firstName');
    await sendKeys({ type: 'Anna' });
    await tabTo(el, (element) => element.id === 'kk-fel-email');
    await sendKeys({ type: 'anna@exempel.se' });
    await expect(el).to.be.accessible();
    await tabTo(el, isSubmit);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;

    // Check answers.
    expect(heading(el)).to.equal('Kontrollera din anmälan');
    const values = [...root(el).querySelectorAll('dd.kk-summary-list__value')].map(text);
    expect(values).to.include.members(['Hål i vägen', 'Storgatan 12, vid busshållplatsen', 'Djupt hål mitt i körbanan', 'Anna', 'anna@exempel.se']);
    await expect(el).to.be.accessible();

    const submitted = oneEvent(el, 'kk-report-submitted');
    await tabTo(el, (element) => text(element) === 'Skicka anmälan');
    await sendKeys({ press: 'Enter' });
    const event = (await submitted) as CustomEvent<ReportSubmittedDetail>;
    expect(event.detail).to.deep.equal({ reference: 'EXS-2026-000043', serviceCode: 'hal-i-vagen' });
    expect(JSON.stringify(event.detail)).to.not.contain('Anna').and.not.contain('anna@').and.not.contain('Storgatan');
    expect(event.bubbles && event.composed).to.equal(true);

    // What the gateway got: multipart Open311 fields, the contact details only there.
    expect(received.form?.get('service_code')).to.equal('hal-i-vagen');
    expect(received.form?.get('address_string')).to.equal('Storgatan 12, vid busshållplatsen');
    expect(received.form?.get('first_name')).to.equal('Anna');

    await el.updateComplete;
    expect(heading(el)).to.equal('Tack! Din felanmälan är skickad');
    expect(text(root(el).querySelector('.kk-panel__reference'))).to.equal('EXS-2026-000043');
    expect(sessionStorage.getItem('kommunkit:felanmalan:exempelstad')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('asks the category\'s extra questions', async () => {
    const el = await render();
    await categories(el);
    await chooseCategory(el, 'gatubelysning');
    await fill(el, 'kk-fel-address', 'Storgatan 1');
    await submitPage(el);
    await waitUntil(() => byId(el, 'kk-fel-attr_lamp_number'), 'the extra question did not appear', { timeout: 5000 });
    expect(text(root(el).querySelector('label[for=kk-fel-attr_lamp_number]'))).to.contain('Stolpens nummer');
    await expect(el).to.be.accessible();
  });

  it('shows open reports nearby when the place has a position', async () => {
    worker.use(...gatewayHandlers({ nearby: [reportFound] }));
    const el = await render();
    await categories(el);
    await chooseCategory(el, 'gatubelysning');
    await useMyPosition(el, { latitude: 59.33, longitude: 18.06 });
    expect(text(root(el).querySelector('.kk-position'))).to.contain('Vald plats: 59.33000, 18.06000');
    await submitPage(el);
    await waitUntil(() => heading(el) === 'Är felet redan anmält?', 'the nearby page did not show', { timeout: 5000 });
    expect(text(root(el).querySelector('.kk-nearby'))).to.contain('Åtgärd planerad');
    expect(text(root(el).querySelector('.kk-step-counter'))).to.equal('Steg 2 av 5');
    await expect(el).to.be.accessible();
  });

  it('keeps what the citizen typed when the element is created again (a reload)', async () => {
    const first = await render();
    await categories(first);
    await chooseCategory(first, 'klotter');
    await fill(first, 'kk-fel-address', 'Parkbänken vid dammen');
    await submitPage(first);
    await waitUntil(() => heading(first) === 'Beskriv felet', 'did not reach the description page', { timeout: 5000 });
    await fill(first, 'kk-fel-description', 'Klotter på bänken');
    await choosePhotos(first, [await photoFile(400, 300)]);
    first.remove();

    const second = await render();
    await waitUntil(() => heading(second) === 'Beskriv felet', 'the draft was not restored', { timeout: 5000 });
    expect(heading(second)).to.equal('Beskriv felet');
    expect(byId(second, 'kk-fel-description').value).to.equal('Klotter på bänken');
    expect(text(root(second).querySelector('.kk-alert'))).to.contain('filer som du hade lagt till, till exempel foton, kunde inte sparas');
    buttonNamed(second, 'Tillbaka')!.click();
    await second.updateComplete;
    expect(byId(second, 'kk-fel-address').value).to.equal('Parkbänken vid dammen');
  });

  it('keeps every answer and shows the gateway\'s field error where it can be corrected', async () => {
    worker.use(...submitRejected);
    const el = await atCheck('exempelstad', { description: 'Klotter <b>' });
    buttonNamed(el, 'Skicka anmälan')!.click();
    await waitUntil(() => heading(el) === 'Beskriv felet', 'the error was not shown on its page', { timeout: 5000 });
    await el.updateComplete;
    const summary = root(el).querySelector<HTMLElement>('[data-kk-error-summary]')!;
    expect(active(el)).to.equal(summary);
    expect(text(summary)).to.contain('Beskrivningen innehåller otillåtna tecken.');
    expect(byId(el, 'kk-fel-description').value).to.equal('Klotter <b>');
    await expect(el).to.be.accessible();

    // Corrected, "Fortsätt" goes straight back to check answers with everything else kept.
    await fill(el, 'kk-fel-description', 'Klotter på muren');
    await submitPage(el);
    expect(heading(el)).to.equal('Kontrollera din anmälan');
    expect([...root(el).querySelectorAll('dd.kk-summary-list__value')].map(text)).to.include.members(['Klotter', 'Torget', 'Klotter på muren']);
  });

  it('returns to check answers after "Ändra", and a place with reports nearby shows them first', async () => {
    worker.use(...gatewayHandlers({ nearby: [reportFound] }));
    const el = await atCheck();
    expect(root(el).querySelector('.kk-back-link')).to.not.equal(null);
    buttonNamed(el, 'Ändra Plats')!.click();
    await el.updateComplete;
    expect(heading(el)).to.equal('Var finns felet?');
    await fill(el, 'kk-fel-address', 'Torget vid fontänen');
    await submitPage(el);
    // A typed address is first looked up for reports near it (a lazy chunk and a request).
    await waitUntil(() => heading(el) === 'Kontrollera din anmälan', 'did not return to check answers', { timeout: 5000 });
    expect([...root(el).querySelectorAll('dd.kk-summary-list__value')].map(text)).to.include('Torget vid fontänen');

    buttonNamed(el, 'Ändra Plats')!.click();
    await el.updateComplete;
    await useMyPosition(el, { latitude: 59.33, longitude: 18.06 });
    await submitPage(el);
    await waitUntil(() => heading(el) === 'Är felet redan anmält?', 'the nearby page did not show', { timeout: 5000 });
    buttonNamed(el, 'Mitt fel finns inte med, fortsätt')!.click();
    await waitUntil(() => heading(el) === 'Kontrollera din anmälan', 'did not return to check answers', { timeout: 5000 });
  });

  it("resumes a logged-in citizen's draft in a fresh browser context: the server keeps it", async () => {
    const store = new Map<string, { data: unknown; step?: string; revision: number; updatedAt: string }>();
    const otherDevice = 'http://annan-enhet.gateway.test';
    worker.use(...loggedInHandlers(api, store), ...loggedInHandlers(otherDevice, store), ...gatewayHandlers({ base: otherDevice }));

    // A kommun of its own: another test's client already knows its citizen is anonymous.
    const first = await render('inloggstad');
    await chooseCategory(first, 'klotter');
    await fill(first, 'kk-fel-address', 'Parkbänken vid dammen');
    await submitPage(first);
    await waitUntil(() => heading(first) === 'Beskriv felet', 'did not reach the description page', { timeout: 5000 });
    await fill(first, 'kk-fel-description', 'Klotter på bänken');
    await waitUntil(() => JSON.stringify(store.get('inloggstad/felanmalan')?.data ?? '').includes('Klotter på bänken'), 'the draft never reached the server', { timeout: 5000 });
    first.remove();

    // Another browser: no sessionStorage of the first, another client, the same citizen logged in.
    sessionStorage.clear();
    const second = await fixture<KkFelanmalan>(html`<kk-felanmalan api=${otherDevice} kommun="inloggstad"></kk-felanmalan>`);
    await waitUntil(() => heading(second) === 'Beskriv felet', 'the server draft was not resumed', { timeout: 5000 });
    expect(byId(second, 'kk-fel-description').value).to.equal('Klotter på bänken');
    buttonNamed(second, 'Tillbaka')!.click();
    await second.updateComplete;
    expect(byId(second, 'kk-fel-address').value).to.equal('Parkbänken vid dammen');
    await expect(second).to.be.accessible();
  });

  it('asks which answers to keep when the draft was changed in another browser meanwhile', async () => {
    const store = new Map<string, { data: unknown; step?: string; revision: number; updatedAt: string }>();
    const laptop = 'http://laptop.gateway.test';
    const phone = 'http://telefon.gateway.test';
    worker.use(...loggedInHandlers(laptop, store), ...gatewayHandlers({ base: laptop }), ...loggedInHandlers(phone, store), ...gatewayHandlers({ base: phone }));
    const saved = (text: string) => () => JSON.stringify(store.get('konfliktstad/felanmalan')?.data ?? '').includes(text);

    const first = await fixture<KkFelanmalan>(html`<kk-felanmalan api=${laptop} kommun="konfliktstad"></kk-felanmalan>`);
    await chooseCategory(first, 'klotter');
    await fill(first, 'kk-fel-address', 'Torget');
    await waitUntil(saved('Torget'), 'the laptop never saved', { timeout: 5000 });

    // The phone takes the draft up and changes the place; the laptop does not know.
    sessionStorage.clear();
    const second = await fixture<KkFelanmalan>(html`<kk-felanmalan api=${phone} kommun="konfliktstad"></kk-felanmalan>`);
    await waitUntil(() => heading(second) === 'Var finns felet?', 'the phone did not resume', { timeout: 5000 });
    await fill(second, 'kk-fel-address', 'Stationen');
    await waitUntil(saved('Stationen'), 'the phone never saved', { timeout: 5000 });
    second.remove();

    await fill(first, 'kk-fel-address', 'Torget vid fontänen');
    await waitUntil(() => text(root(first)).includes('Dina svar har ändrats i en annan webbläsare'), 'no conflict notice', { timeout: 5000 });
    expect(saved('Stationen')(), 'the other browser\'s answers were not overwritten').to.equal(true);
    await expect(first).to.be.accessible();
    buttonNamed(first, 'Använd de sparade svaren')!.click();
    await waitUntil(() => byId(first, 'kk-fel-address').value === 'Stationen', "the other browser's answers were not taken", { timeout: 5000 });
    expect(text(root(first)).includes('Dina svar har ändrats i en annan webbläsare')).to.equal(false);
  });

  it('says so, and keeps the answers, when the report cannot be sent', async () => {
    const el = await atCheck();
    worker.use(...gatewayDown);
    buttonNamed(el, 'Skicka anmälan')!.click();
    await waitUntil(() => root(el).querySelector('.kk-alert--error'), 'no error shown', { timeout: 10000 });
    expect(text(root(el).querySelector('.kk-alert--error'))).to.contain('Dina svar finns kvar');
    expect(heading(el)).to.equal('Kontrollera din anmälan');
    expect([...root(el).querySelectorAll('dd.kk-summary-list__value')].map(text)).to.include('Klotter');
    expect(sessionStorage.getItem(draftKey('exempelstad'))).to.contain('Klotter');
    await expect(el).to.be.accessible();
  });

  it('tells the citizen when the gateway is down, and when there are no categories', async () => {
    worker.use(...gatewayUnavailable);
    const down = await render('nerstad');
    await waitUntil(() => root(down).querySelector('.kk-alert--error'), 'no error shown', { timeout: 5000 });
    expect(text(root(down).querySelector('.kk-alert--error'))).to.contain('Det gick inte att hämta kategorierna');
    await expect(down).to.be.accessible();

    worker.resetHandlers();
    worker.use(...gatewayHandlers({ services: [] }));
    const empty = await render('tomstad');
    await waitUntil(() => root(empty).querySelector('.kk-alert'), 'no message shown', { timeout: 5000 });
    expect(text(root(empty).querySelector('.kk-alert'))).to.contain('Det går inte att göra felanmälningar här just nu');
    await expect(empty).to.be.accessible();
  });

  it('speaks English when the page asks for it', async () => {
    const el = await fixture<KkFelanmalan>(html`<kk-felanmalan api=${api} kommun="exempelstad" lang="en"></kk-felanmalan>`);
    await categories(el);
    await waitUntil(() => heading(el) === 'What do you want to report?', 'not in English', { timeout: 5000 });
    expect(text(root(el).querySelector('label[for=kk-fel-search]'))).to.contain('Search categories');
    el.setAttribute('lang', 'sv');
    await waitUntil(() => heading(el) === 'Vad vill du anmäla?', 'not back in Swedish', { timeout: 5000 });
  });

  it("loads the map and Leaflet's stylesheet only on the place page, inside the shadow root, and a click there sets the place", async () => {
    worker.use(...gatewayHandlers({ map: { tileUrl: tile, attribution: '© Exempelstads kommun', center: [59.33, 18.06], zoom: 15 } }));
    const el = await render('kartstad');
    await categories(el);
    const leafletRules = () => root(el).adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]).filter((rule) => rule.cssText.includes('.leaflet-pane')).length;
    expect(root(el).querySelector('.leaflet-container')).to.equal(null);
    expect(leafletRules()).to.equal(0);
    await chooseCategory(el, 'klotter');
    await waitUntil(() => root(el).querySelector('.kk-map.leaflet-container'), 'the map did not load', { timeout: 5000 });
    const map = root(el).querySelector<HTMLElement>('.kk-map')!;
    expect(map.getAttribute('aria-label')).to.equal('Karta där du kan välja platsen');
    expect(leafletRules()).to.be.greaterThan(0);
    expect(getComputedStyle(root(el).querySelector('.leaflet-pane')!).position).to.equal('absolute');
    const box = map.getBoundingClientRect();
    map.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 }));
    await waitUntil(() => text(root(el).querySelector('.kk-position')).includes('Vald plats'), 'the click did not set the place', { timeout: 5000 });
    expect(root(el).querySelector('.leaflet-marker-icon')).to.not.equal(null);
    await expect(el).to.be.accessible();
    buttonNamed(el, 'Tillbaka')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('.leaflet-container')).to.equal(null);
    expect((globalThis as { L?: unknown }).L).to.equal(undefined);
  });

  it('on Enter in an empty number field, shows the error and moves focus to it', async () => {
    const el = await fixture<KkFelanmalan>(html`<kk-felanmalan api=${api} kommun="exempelstad" view="folj"></kk-felanmalan>`);
    await waitUntil(() => byId(el, 'kk-fel-reference'), 'the follow view did not load', { timeout: 5000 });
    byId(el, 'kk-fel-reference').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const summary = root(el).querySelector<HTMLElement>('[data-kk-error-summary]');
    expect(text(summary)).to.contain('Skriv ärendenumret');
    expect(active(el) === summary, 'focus is on the error summary').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('follows a report by reference: status history when found, a clear message when not', async () => {
    const el = await fixture<KkFelanmalan>(html`<kk-felanmalan api=${api} kommun="exempelstad" view="folj" reference="EXS-2026-000042"></kk-felanmalan>`);
    await waitUntil(() => root(el).querySelector('.kk-status-history'), 'the report did not load', { timeout: 5000 });
    expect([...root(el).querySelectorAll('.kk-status-history .kk-tag')].map(text)).to.deep.equal(['Åtgärd planerad', 'Under utredning', 'Mottagen']);
    expect(text(root(el).querySelector('.kk-status-history'))).to.contain('En elektriker byter lampan på torsdag.');
    await expect(el).to.be.accessible();

    const input = byId(el, 'kk-fel-reference');
    input.focus();
    input.select();
    await sendKeys({ type: 'EXS-2026-999999' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('.kk-alert--warning'), 'no not-found message', { timeout: 5000 });
    expect(text(root(el).querySelector('.kk-alert--warning'))).to.contain('EXS-2026-999999');
    await expect(el).to.be.accessible();
  });
});

/** A generated photo of the given size, as a citizen's camera file. */
async function photoFile(width: number, height: number, type = 'image/png'): Promise<File> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#3a7';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#a33';
  context.fillRect(width / 4, height / 4, width / 2, height / 2);
  const blob = await canvas.convertToBlob({ type });
  return new File([blob], `foto-${width}x${height}.png`, { type });
}

describe('photos', () => {
  beforeEach(() => {
    sessionStorage.clear();
    worker.resetHandlers();
  });

  it('downscales a 3000×2000 photo to a JPEG at most 1600 px wide', async () => {
    const { downscale } = await import('../src/photos.js');
    const small = await downscale(await photoFile(3000, 2000));
    expect(small.type).to.equal('image/jpeg');
    const bitmap = await createImageBitmap(small);
    expect([bitmap.width, bitmap.height]).to.deep.equal([1600, 1067]);
  });

  it('previews added photos, removes them with their object URL revoked, and allows at most 3', async () => {
    seedDraft('bildstad', { serviceCode: 'klotter', address: 'Torget' }, ['category', 'place', 'details']);
    const el = await render('bildstad');
    await waitUntil(() => heading(el) === 'Beskriv felet', 'the draft was not restored', { timeout: 5000 });
    await choosePhotos(el, [await photoFile(3000, 2000)]);
    const img = root(el).querySelector<HTMLImageElement>('.kk-photos img')!;
    expect(img.src).to.match(/^blob:/);
    await waitUntil(() => img.complete && img.naturalWidth === 1600, 'the preview did not load', { timeout: 5000 });
    await expect(el).to.be.accessible();

    const url = img.src;
    buttonNamed(el, 'Ta bort foto-3000x2000.png')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('.kk-photos')).to.equal(null);
    const gone = await fetch(url).then(
      () => false,
      () => true,
    );
    expect(gone, 'the object URL was revoked').to.equal(true);

    await choosePhotos(el, await Promise.all([1, 2, 3, 4].map((n) => photoFile(100 * n, 100))));
    expect(root(el).querySelectorAll('.kk-photos img')).to.have.length(3);
    expect(text(byId(el, 'kk-fel-photos-error'))).to.contain('högst 3 bilder');

    buttonNamed(el, 'Ta bort foto-100x100.png')!.click();
    await el.updateComplete;
    await choosePhotos(el, [new File(['inte en bild'], 'anteckning.txt', { type: 'text/plain' })]);
    expect(text(byId(el, 'kk-fel-photos-error'))).to.contain('anteckning.txt gick inte att läsa som bild');
  });
});

describe('sending: never a duplicate, never an endless spinner', () => {
  const alertText = (el: KkFelanmalan) => text(root(el).querySelector('.kk-alert--error'));
  const answersShown = (el: KkFelanmalan) => [...root(el).querySelectorAll('dd.kk-summary-list__value')].map(text);
  const send = async (el: KkFelanmalan): Promise<CustomEvent<ReportSubmittedDetail>> => {
    const submitted = oneEvent(el, 'kk-report-submitted');
    buttonNamed(el, 'Skicka anmälan')!.click();
    const event = (await submitted) as CustomEvent<ReportSubmittedDetail>;
    await el.updateComplete;
    return event;
  };
  const failedSend = async (el: KkFelanmalan): Promise<void> => {
    buttonNamed(el, 'Skicka anmälan')!.click();
    await waitUntil(() => root(el).querySelector('.kk-alert--error'), 'no error shown', { timeout: 10000 });
  };

  beforeEach(() => {
    sessionStorage.clear();
    worker.resetHandlers();
  });

  it('files a report whose replies were all lost only once: sending again shows its one reference number', async () => {
    const gateway = storingGateway({ loseReplies: 3 });
    worker.use(...gateway.handlers);
    const el = await atCheck();
    await failedSend(el);
    // The SDK tried three times, the gateway stored the report at the first, and no answer came back.
    expect(gateway.keys).to.have.length(3);
    expect(gateway.store.size).to.equal(1);
    expect(alertText(el)).to.contain('vi vet inte om anmälan har kommit fram').and.contain('skickas den inte två gånger');
    expect(answersShown(el)).to.include.members(['Klotter', 'Torget']);
    await expect(el).to.be.accessible();

    const event = await send(el);
    expect(event.detail.reference).to.equal('EXS-2026-000100');
    expect(gateway.keys).to.have.length(4);
    expect(new Set(gateway.keys).size, 'every try carried the first key').to.equal(1);
    expect(gateway.store.size, 'one report in the store').to.equal(1);
    expect(heading(el)).to.equal('Tack! Din felanmälan är skickad');
    expect(text(root(el).querySelector('.kk-panel__reference'))).to.equal('EXS-2026-000100');
  });

  it('sends a changed answer after a failure under a new key, as the new report it is', async () => {
    const gateway = storingGateway({ loseReplies: 3 });
    worker.use(...gateway.handlers);
    const el = await atCheck();
    await failedSend(el);
    buttonNamed(el, 'Ändra Beskrivning')!.click();
    await el.updateComplete;
    expect(heading(el)).to.equal('Beskriv felet');
    await fill(el, 'kk-fel-description', 'Klotter på muren');
    await submitPage(el);
    expect(heading(el)).to.equal('Kontrollera din anmälan');

    const event = await send(el);
    const [first, , , changed] = gateway.keys;
    expect(gateway.keys).to.have.length(4);
    expect(changed).to.be.a('string').and.not.equal(first);
    expect(gateway.store.get(changed!)?.form.get('description')).to.equal('Klotter på muren');
    expect(event.detail.reference).to.equal(gateway.store.get(changed!)?.reference);
    expect(text(root(el).querySelector('.kk-panel__reference'))).to.equal(event.detail.reference);
  });

  it('stops a send that gets no answer in time, says it may have arrived, keeps every answer and holds "Ändra" meanwhile', async () => {
    const limit = FelanmalanController.sendTimeoutMs;
    FelanmalanController.sendTimeoutMs = 1500;
    try {
      const hanging = hangingGateway();
      worker.use(...hanging.handlers);
      const el = await atCheck('exempelstad', { firstName: 'Anna', email: 'anna@exempel.se' });
      const started = performance.now();
      buttonNamed(el, 'Skicka anmälan')!.click();
      await el.updateComplete;

      // Sending: the button is marked busy, the status says why "Ändra" and "Tillbaka" do nothing now.
      expect(buttonNamed(el, 'Skicka anmälan')!.getAttribute('aria-disabled')).to.equal('true');
      expect(text(root(el).querySelector('.kk-sending[role=status]'))).to.contain('Anmälan skickas').and.contain('går det inte att ändra svaren');
      buttonNamed(el, 'Ändra Plats')!.click();
      await el.updateComplete;
      expect(heading(el)).to.equal('Kontrollera din anmälan');
      root(el).querySelector<HTMLElement>('.kk-back-link')!.click();
      await el.updateComplete;
      expect(heading(el)).to.equal('Kontrollera din anmälan');
      await expect(el).to.be.accessible();

      await waitUntil(() => root(el).querySelector('.kk-alert--error'), 'the send never ended', { timeout: 5000 });
      expect(performance.now() - started).to.be.at.least(1400);
      expect(alertText(el)).to.contain('Vi fick inget svar i tid, så vi vet inte om anmälan har kommit fram.').and.contain('Tryck på ”Skicka anmälan” igen');
      expect(text(root(el).querySelector('.kk-sending'))).to.equal('');
      expect(buttonNamed(el, 'Skicka anmälan')!.getAttribute('aria-disabled')).to.equal('false');
      expect(answersShown(el)).to.include.members(['Klotter', 'Torget', 'Anna', 'anna@exempel.se']);
      expect(sessionStorage.getItem(draftKey('exempelstad'))).to.contain('anna@exempel.se');
      await expect(el).to.be.accessible();

      // Sent again unchanged: the same key, so a report that did arrive would come back, not be filed twice.
      const gateway = storingGateway();
      worker.use(...gateway.handlers);
      const event = await send(el);
      expect(gateway.keys).to.deep.equal(hanging.keys);
      expect(event.detail.reference).to.equal('EXS-2026-000100');
    } finally {
      FelanmalanController.sendTimeoutMs = limit;
    }
  });

  it('counts the photos as part of what was sent: a photo added after a failure means a new key', async () => {
    const gateway = storingGateway({ loseReplies: 3 });
    worker.use(...gateway.handlers);
    const el = await atCheck('fotostad');
    await failedSend(el);
    buttonNamed(el, 'Ändra Bilder')!.click();
    await el.updateComplete;
    await choosePhotos(el, [await photoFile(200, 100)]);
    await submitPage(el);
    expect(heading(el)).to.equal('Kontrollera din anmälan');
    await send(el);
    const [first, , , withPhoto] = gateway.keys;
    expect(withPhoto).to.be.a('string').and.not.equal(first);
    expect(gateway.store.get(withPhoto!)?.form.getAll('media')).to.have.length(1);
  });

  it('lets "Ändra" work again once a send has failed', async () => {
    const el = await atCheck();
    worker.use(...gatewayDown);
    await failedSend(el);
    buttonNamed(el, 'Ändra Plats')!.click();
    await el.updateComplete;
    expect(heading(el)).to.equal('Var finns felet?');
    expect(byId(el, 'kk-fel-address').value).to.equal('Torget');
  });
});
