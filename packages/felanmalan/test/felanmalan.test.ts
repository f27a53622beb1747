import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setupWorker } from 'msw/browser';
import type { KkFelanmalan, ReportSubmittedDetail } from '../src/index.js';
import '../src/define.js';
import { api, gatewayDown, gatewayHandlers, gatewayUnavailable, received, reportFound, submitRejected } from './support.js';

const worker = setupWorker(...gatewayHandlers());
/** A 1×1 tile, so the map draws without any outside connection. */
const tile = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';

const root = (el: KkFelanmalan) => el.shadowRoot!;
const active = (el: KkFelanmalan) => root(el).activeElement as HTMLElement | null;
const text = (element: Element | null | undefined) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';
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

/** Presses Tab until `match` has focus (keyboard only, like a citizen), at most `max` times. */
async function tabTo(el: KkFelanmalan, match: (element: HTMLElement) => boolean, max = 25): Promise<HTMLElement> {
  for (let i = 0; i < max; i += 1) {
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    const focused = active(el);
    if (focused && match(focused)) return focused;
  }
  throw new Error(`focus never reached the element (last: ${active(el)?.outerHTML.slice(0, 80) ?? 'none'})`);
}

const isSubmit = (element: HTMLElement) => element instanceof HTMLButtonElement && element.type === 'submit';
const heading = (el: KkFelanmalan) => text(root(el).querySelector('[data-kk-focus-target]'));

describe('<kk-felanmalan>', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());
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
    expect(el.categoryForm.values.serviceCode).to.equal('hal-i-vagen');
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
    el.categoryForm.set('serviceCode', 'gatubelysning');
    el.advance('category');
    el.placeForm.set('address', 'Storgatan 1');
    await el.submitPlace();
    await waitUntil(() => byId(el, 'kk-fel-attr_lamp_number'), 'the extra question did not appear', { timeout: 5000 });
    expect(text(root(el).querySelector('label[for=kk-fel-attr_lamp_number]'))).to.contain('Stolpens nummer');
    await expect(el).to.be.accessible();
  });

  it('shows open reports nearby when the place has a position', async () => {
    worker.use(...gatewayHandlers({ nearby: [reportFound] }));
    const el = await render();
    await categories(el);
    el.categoryForm.set('serviceCode', 'gatubelysning');
    el.advance('category');
    await el.updateComplete;
    el.setPosition({ lat: 59.33, long: 18.06 });
    await el.submitPlace();
    await el.updateComplete;
    expect(heading(el)).to.equal('Är felet redan anmält?');
    expect(text(root(el).querySelector('.kk-nearby'))).to.contain('Åtgärd planerad');
    expect(text(root(el).querySelector('.kk-step-counter'))).to.equal('Steg 3 av 6');
    await expect(el).to.be.accessible();
  });

  it('keeps what the citizen typed when the element is created again (a reload)', async () => {
    const first = await render();
    await categories(first);
    first.categoryForm.set('serviceCode', 'klotter');
    first.advance('category');
    first.placeForm.set('address', 'Parkbänken vid dammen');
    await first.submitPlace();
    first.detailsForm.set('description', 'Klotter på bänken');
    await first.addPhotos([await photoFile(400, 300)]);
    first.remove();

    const second = await render();
    await waitUntil(() => heading(second) === 'Beskriv felet', 'the draft was not restored', { timeout: 5000 });
    expect(heading(second)).to.equal('Beskriv felet');
    expect(byId(second, 'kk-fel-description').value).to.equal('Klotter på bänken');
    expect(text(root(second).querySelector('.kk-alert'))).to.contain('Bilder sparas inte');
    second.steps.back();
    await second.updateComplete;
    expect(byId(second, 'kk-fel-address').value).to.equal('Parkbänken vid dammen');
  });

  it('keeps every answer and shows the gateway\'s field error where it can be corrected', async () => {
    worker.use(...submitRejected);
    const el = await render();
    await categories(el);
    el.categoryForm.set('serviceCode', 'klotter');
    el.placeForm.set('address', 'Torget');
    el.detailsForm.set('description', 'Klotter <b>');
    el.steps.reset(['category', 'place', 'details', 'contact', 'check']);
    await el.updateComplete;
    await el.submitReport();
    await el.updateComplete;
    expect(heading(el)).to.equal('Beskriv felet');
    const summary = root(el).querySelector<HTMLElement>('[data-kk-error-summary]')!;
    expect(active(el)).to.equal(summary);
    expect(text(summary)).to.contain('Beskrivningen innehåller otillåtna tecken.');
    expect(byId(el, 'kk-fel-description').value).to.equal('Klotter <b>');
    await expect(el).to.be.accessible();
  });

  it('says so, and keeps the answers, when the report cannot be sent', async () => {
    const el = await render();
    await categories(el);
    el.categoryForm.set('serviceCode', 'klotter');
    el.placeForm.set('address', 'Torget');
    el.detailsForm.set('description', 'Klotter');
    el.steps.reset(['category', 'place', 'details', 'contact', 'check']);
    await el.updateComplete;
    worker.use(...gatewayDown);
    await el.submitReport();
    await el.updateComplete;
    expect(text(root(el).querySelector('.kk-alert--error'))).to.contain('Dina svar finns kvar');
    expect(el.answers.description).to.equal('Klotter');
    expect(sessionStorage.getItem('kommunkit:felanmalan:exempelstad')).to.contain('Klotter');
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
    el.categoryForm.set('serviceCode', 'klotter');
    el.advance('category');
    await waitUntil(() => root(el).querySelector('.kk-map.leaflet-container'), 'the map did not load', { timeout: 5000 });
    const map = root(el).querySelector<HTMLElement>('.kk-map')!;
    expect(map.getAttribute('aria-label')).to.equal('Karta där du kan välja platsen');
    expect(leafletRules()).to.be.greaterThan(0);
    expect(getComputedStyle(root(el).querySelector('.leaflet-pane')!).position).to.equal('absolute');
    const box = map.getBoundingClientRect();
    map.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 }));
    await waitUntil(() => el.placeForm.values.position, 'the click did not set the place', { timeout: 5000 });
    await el.updateComplete;
    expect(root(el).querySelector('.leaflet-marker-icon')).to.not.equal(null);
    await expect(el).to.be.accessible();
    el.steps.back();
    await el.updateComplete;
    expect(root(el).querySelector('.leaflet-container')).to.equal(null);
    expect((globalThis as { L?: unknown }).L).to.equal(undefined);
  });

  it('follows a report by reference: status history when found, a clear message when not', async () => {
    const el = await fixture<KkFelanmalan>(html`<kk-felanmalan api=${api} kommun="exempelstad" view="folj" reference="EXS-2026-000042"></kk-felanmalan>`);
    await waitUntil(() => root(el).querySelector('.kk-history'), 'the report did not load', { timeout: 5000 });
    expect([...root(el).querySelectorAll('.kk-history .kk-tag')].map(text)).to.deep.equal(['Åtgärd planerad', 'Under utredning', 'Mottagen']);
    expect(text(root(el).querySelector('.kk-history'))).to.contain('En elektriker byter lampan på torsdag.');
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
  it('downscales a 3000×2000 photo to a JPEG at most 1600 px wide', async () => {
    const { downscale } = await import('../src/photos.js');
    const small = await downscale(await photoFile(3000, 2000));
    expect(small.type).to.equal('image/jpeg');
    const bitmap = await createImageBitmap(small);
    expect([bitmap.width, bitmap.height]).to.deep.equal([1600, 1067]);
  });

  it('previews added photos, removes them with their object URL revoked, and allows at most 3', async () => {
    sessionStorage.clear();
    const el = await render('bildstad');
    await el.addPhotos([await photoFile(3000, 2000)]);
    el.steps.reset(['category', 'place', 'details'], false);
    el.categoryForm.set('serviceCode', 'klotter');
    el.placeForm.set('address', 'Torget');
    await el.updateComplete;
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

    await el.addPhotos(await Promise.all([1, 2, 3, 4].map((n) => photoFile(100 * n, 100))));
    await el.updateComplete;
    expect(root(el).querySelectorAll('.kk-photos img')).to.have.length(3);
    expect(text(byId(el, 'kk-fel-photos-error'))).to.contain('högst 3 bilder');
  });
});
