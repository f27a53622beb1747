import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { Open311ServiceRequest } from '@kommunkit/sdk/felanmalan';
import type { KkFelanmalan } from '../src/index.js';
import '../src/define.js';
import { metresBetween } from '@kommunkit/contract/geo-rules';
import { api, draftKey, exempelstad, gatewayHandlers, geocoderHandlers, open311 } from './support.js';
import { tabTo } from './drive.js';

/*
 * The map by keyboard, and places shown as addresses: the pin placed with the arrow keys and
 * Enter, the zoom buttons, the hint; "Nära Storgatan 12" after a pin or the citizen's position;
 * open reports near a typed address, with their date and distance.
 */

/** Tiles from a host of their own, so the zoom level can be read from their addresses. */
const tiles = 'http://tiles.test';
const tilePng = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
const map = { tileUrl: `${tiles}/{z}/{x}/{y}.png`, attribution: '© Exempelstads kommun', center: exempelstad.center, zoom: 16 };
const tileHandler = http.get(`${tiles}/*`, () => new HttpResponse(tilePng, { headers: { 'content-type': 'image/png' } }));

const worker = setupWorker(tileHandler, ...gatewayHandlers({ map, addresses: exempelstad.addresses }));

const root = (el: KkFelanmalan) => el.shadowRoot!;
const active = (el: KkFelanmalan) => root(el).activeElement as HTMLElement | null;
const text = (element: Element | ShadowRoot | null | undefined) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const heading = (el: KkFelanmalan) => text(root(el).querySelector('[data-kk-focus-target]'));
const mapOf = (el: KkFelanmalan) => root(el).querySelector<HTMLElement>('.kk-map')!;
/** The live region with the chosen place. */
const placeStatus = (el: KkFelanmalan) => root(el).querySelector<HTMLElement>('.kk-position > [aria-live]')!;
/** The pin's position, as the form keeps it (in the draft). */
const draftPosition = () => {
  const values = (JSON.parse(sessionStorage.getItem(draftKey('exempelstad')) ?? '{}') as { values?: { lat?: number; long?: number } }).values;
  return values?.lat === undefined ? undefined : { lat: values.lat, long: values.long! };
};
/** The map's zoom level, from the tiles of its current level (Leaflet keeps the last level's below until the new one loads). */
function tileZoom(el: KkFelanmalan): number {
  const levels = [...root(el).querySelectorAll<HTMLElement>('.leaflet-tile-container')].filter((level) => level.querySelector('img.leaflet-tile'));
  const current = levels.sort((a, b) => Number(b.style.zIndex) - Number(a.style.zIndex))[0];
  const tile = current?.querySelector<HTMLImageElement>('img.leaflet-tile');
  return tile ? Number(new URL(tile.src).pathname.split('/')[1]) : Number.NaN;
}

/** Opens the widget on the place page (category "Klotter" chosen) and waits for the map. */
async function onPlacePage(lang = 'sv', width = '40em'): Promise<KkFelanmalan> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: ${width}"><kk-felanmalan api=${api} kommun="exempelstad" lang=${lang}></kk-felanmalan></div>`);
  const el = wrapper.querySelector<KkFelanmalan>('kk-felanmalan')!;
  await waitUntil(() => root(el).querySelector('input[name=serviceCode]'), 'the categories did not load', { timeout: 5000 });
  root(el).querySelector<HTMLInputElement>('input[name=serviceCode][value=klotter]')!.click();
  await el.updateComplete;
  root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await waitUntil(() => root(el).querySelector('textarea[name=address]'), 'not on the place page', { timeout: 5000 });
  await waitUntil(() => root(el).querySelector('.kk-map.leaflet-container img.leaflet-tile'), 'the map did not load', { timeout: 5000 });
  return el;
}

/** Waits until the map has stopped moving (its pan animation takes a quarter of a second). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
after(() => worker.stop());
beforeEach(() => sessionStorage.clear());
afterEach(() => {
  worker.resetHandlers();
  sessionStorage.clear();
});

describe('the map by keyboard', () => {
  it('is focusable, named and described by the hint, and shows a crosshair while it has keyboard focus', async () => {
    const el = await onPlacePage();
    const container = mapOf(el);
    expect(container.getAttribute('role')).to.equal('application');
    expect(container.getAttribute('aria-label')).to.equal('Karta där du kan välja platsen');
    const hint = root(el).getElementById(container.getAttribute('aria-describedby')!);
    expect(text(hint)).to.contain('Använd piltangenterna för att flytta kartan och Enter för att sätta nålen där korset är');
    const crosshair = container.querySelector<HTMLElement>('.kk-map-crosshair')!;
    expect(crosshair.getAttribute('aria-hidden')).to.equal('true');
    expect(getComputedStyle(crosshair).display).to.equal('none');
    await tabTo(el, (element) => element === container);
    expect(getComputedStyle(crosshair).display).to.equal('block');
    // In the middle of the map, where the pin goes.
    const box = container.getBoundingClientRect();
    const cross = crosshair.getBoundingClientRect();
    expect(Math.abs(cross.left + cross.width / 2 - (box.left + box.width / 2))).to.be.below(2);
    expect(Math.abs(cross.top + cross.height / 2 - (box.top + box.height / 2))).to.be.below(2);
    // A visible focus ring.
    expect(getComputedStyle(container).outlineStyle).to.equal('solid');
    expect(parseFloat(getComputedStyle(container).outlineWidth)).to.be.at.least(2);
  });

  it('pans with the arrow keys and places, then moves, the pin at the crosshair with Enter and Space; the address is announced', async () => {
    const el = await onPlacePage();
    const container = mapOf(el);
    await tabTo(el, (element) => element === container);
    expect(root(el).querySelector('.leaflet-marker-icon')).to.equal(null);

    // Enter where the map opened: the pin at its centre, shown and announced as its nearest address.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => draftPosition(), 'Enter did not place the pin', { timeout: 5000 });
    expect(draftPosition()).to.deep.equal({ lat: exempelstad.center[0], long: exempelstad.center[1] });
    expect(root(el).querySelector('.leaflet-marker-icon')).to.not.equal(null);
    await waitUntil(() => text(placeStatus(el)) === 'Nära Storgatan 12', 'the address was not shown', { timeout: 5000 });
    // Announced politely, and never as raw coordinates.
    expect(placeStatus(el).getAttribute('aria-live')).to.equal('polite');
    expect(text(root(el).querySelector('.kk-position'))).to.not.contain('58.41');

    // Two steps south and one west, then Space: the pin moves there, and so does the address.
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowLeft']) {
      await sendKeys({ press: key });
      await settle();
    }
    expect(active(el)).to.equal(container);
    await sendKeys({ press: 'Space' });
    await waitUntil(() => draftPosition()?.lat !== exempelstad.center[0], 'Space did not move the pin', { timeout: 5000 });
    const moved = draftPosition()!;
    expect(moved.lat).to.be.below(exempelstad.center[0] - 0.001);
    expect(moved.long).to.be.below(exempelstad.center[1] - 0.0005);
    const nearest = [...exempelstad.addresses].sort((a, b) => metresBetween(moved, a) - metresBetween(moved, b))[0]!;
    expect(nearest.label).to.not.equal('Storgatan 12');
    await waitUntil(() => text(placeStatus(el)) === `Nära ${nearest.label}`, `the new address (${nearest.label}) was not shown`, { timeout: 5000 });
    expect(root(el).querySelectorAll('.leaflet-marker-icon')).to.have.length(1);
    // Keyboard mode, crosshair and pin in view: no violations.
    await expect(el).to.be.accessible();
  });

  it('has zoom buttons after the map in the tab order, labelled in Swedish and in English, and zooms with them and with +/-', async () => {
    const el = await onPlacePage();
    const container = mapOf(el);
    await tabTo(el, (element) => element === container);
    const start = tileZoom(el);
    expect(start).to.equal(16);
    await sendKeys({ press: 'Minus' });
    await waitUntil(() => tileZoom(el) === 15, '- did not zoom out', { timeout: 5000 });
    // Leaflet takes no new zoom while one is under way.
    await settle();

    await sendKeys({ press: 'Tab' });
    const zoomIn = active(el)!;
    expect(zoomIn.tagName).to.equal('BUTTON');
    expect(zoomIn.getAttribute('type')).to.equal('button');
    expect(zoomIn.getAttribute('aria-label')).to.equal('Zooma in');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => tileZoom(el) === 16, 'Zooma in did not zoom in', { timeout: 5000 });
    await settle();
    await sendKeys({ press: 'Tab' });
    expect(active(el)!.getAttribute('aria-label')).to.equal('Zooma ut');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => tileZoom(el) === 15, 'Zooma ut did not zoom out', { timeout: 5000 });
    // Pressing a zoom button is not a click on the map: no pin, and the form was not sent.
    expect(root(el).querySelector('.leaflet-marker-icon')).to.equal(null);
    expect(heading(el)).to.equal('Var finns felet?');
    await expect(el).to.be.accessible();

  });

  it('names the map, its buttons and the hint in English, and follows a change of language', async () => {
    const el = await onPlacePage('en');
    await waitUntil(() => heading(el) === 'Where is the fault?', 'not in English', { timeout: 5000 });
    const container = mapOf(el);
    await waitUntil(() => container.getAttribute('aria-label') === 'Map where you can choose the place', 'the map was not named in English', { timeout: 5000 });
    expect(container.getAttribute('aria-label')).to.equal('Map where you can choose the place');
    expect([...container.querySelectorAll('.kk-map-zoom__button')].map((button) => button.getAttribute('aria-label'))).to.deep.equal(['Zoom in', 'Zoom out']);
    expect(text(root(el).getElementById(container.getAttribute('aria-describedby')!))).to.contain('Use the arrow keys to move the map and Enter to put the pin where the crosshair is');
    await expect(el).to.be.accessible();
    el.setAttribute('lang', 'sv');
    await waitUntil(() => container.getAttribute('aria-label') === 'Karta där du kan välja platsen', 'the map was not named in Swedish again', { timeout: 5000 });
    expect(container.querySelector('.kk-map-zoom__button')!.getAttribute('aria-label')).to.equal('Zooma in');
  });
});

describe('a place shown as an address', () => {
  it('after a click on the map, "Nära …"; far from every address, the coordinates; the check page says the same', async () => {
    worker.use(...geocoderHandlers([exempelstad.addresses[0]!]));
    const el = await onPlacePage();
    const container = mapOf(el);
    const box = container.getBoundingClientRect();
    container.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 }));
    await waitUntil(() => text(placeStatus(el)) === 'Nära Storgatan 12', 'the address was not shown', { timeout: 5000 });

    // "Använd min position" far away (in Stockholm): no address near, so the coordinates.
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: { getCurrentPosition: (ok: PositionCallback) => ok({ coords: { latitude: 59.3293, longitude: 18.0686 } } as GeolocationPosition) },
    });
    [...root(el).querySelectorAll('button')].find((button) => text(button) === 'Använd min position')!.click();
    await waitUntil(() => text(placeStatus(el)) === 'Vald plats: 59.32930, 18.06860', 'the coordinates were not shown', { timeout: 5000 });
    await expect(el).to.be.accessible();

    // Back near Storgatan 12, then on to the check page.
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: { getCurrentPosition: (ok: PositionCallback) => ok({ coords: { latitude: 58.4107, longitude: 15.6213 } } as GeolocationPosition) },
    });
    [...root(el).querySelectorAll('button')].find((button) => text(button) === 'Använd min position')!.click();
    await waitUntil(() => text(placeStatus(el)) === 'Nära Storgatan 12', 'the address was not shown', { timeout: 5000 });
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => heading(el) === 'Beskriv felet', 'not on the details page', { timeout: 5000 });
    const description = root(el).querySelector<HTMLTextAreaElement>('textarea[name=description]')!;
    description.value = 'Klotter på elskåpet.';
    description.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => heading(el) === 'Vill du lämna kontaktuppgifter?', 'not on the contact page', { timeout: 5000 });
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => heading(el) === 'Kontrollera din anmälan', 'not on the check page', { timeout: 5000 });
    const rows = [...root(el).querySelectorAll('.kk-summary-list__row')].map((row) => [text(row.querySelector('dt')), text(row.querySelector('dd'))]);
    expect(rows).to.deep.include(['Plats', 'Nära Storgatan 12']);
  });

  it('falls back to the coordinates when the address register does not answer', async () => {
    worker.use(http.get(`${api}/api/v1/:kommun/felanmalan/addresses/nearest`, () => HttpResponse.error()));
    const el = await onPlacePage();
    mapOf(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(placeStatus(el)) === 'Vald plats: 58.41080, 15.62140', 'the coordinates were not shown', { timeout: 8000 });
  });
});

describe('open reports near a typed address', () => {
  const longWord = 'Sprayfärg'.repeat(25);
  const near = (distanceNorth: number, extra: Partial<Open311ServiceRequest>): Open311ServiceRequest => ({
    service_request_id: 'EXS-2026-000042',
    status: 'open',
    service_name: 'Klotter',
    service_code: 'klotter',
    description: 'Klotter på elskåpet',
    requested_datetime: '2026-11-20T10:00:00+01:00',
    updated_datetime: '2026-11-20T10:00:00+01:00',
    address: 'Storgatan 12',
    lat: exempelstad.addresses[0]!.lat + distanceNorth / 111_200,
    long: exempelstad.addresses[0]!.long,
    ...extra,
  });

  it('finds the address, then the reports near it, each with its date and distance, wrapping long words at 320 px', async () => {
    const asked: string[] = [];
    let nearbyQuery: URLSearchParams | undefined;
    worker.use(
      ...geocoderHandlers(exempelstad.addresses, api, asked),
      http.get(`${open311}/requests.json`, ({ request }) => {
        nearbyQuery = new URL(request.url).searchParams;
        return HttpResponse.json([near(120, { service_request_id: 'EXS-2026-000043', description: longWord, address: undefined }), near(40, {})]);
      }),
    );
    const el = await onPlacePage('sv', '320px');
    const address = root(el).querySelector<HTMLTextAreaElement>('textarea[name=address]')!;
    address.value = 'Storgatan 12, vid elskåpet';
    address.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => heading(el) === 'Är felet redan anmält?', 'the nearby page did not show', { timeout: 5000 });

    // The whole text found nothing, its part before the comma did; the reports are looked for there.
    expect(asked.map((query) => new URLSearchParams(query).get('q'))).to.deep.equal(['Storgatan 12, vid elskåpet', 'Storgatan 12']);
    expect(nearbyQuery?.get('lat')).to.equal(String(exempelstad.addresses[0]!.lat));
    expect(nearbyQuery?.get('long')).to.equal(String(exempelstad.addresses[0]!.long));
    expect(nearbyQuery?.get('service_code')).to.equal('klotter');

    // Nearest first, each with its date and distance.
    const cards = [...root(el).querySelectorAll('.kk-nearby > li')].map(text);
    expect(cards).to.have.length(2);
    expect(cards[0]).to.contain('Storgatan 12').and.contain('Anmält 20 november 2026, ca 40 m bort');
    expect(cards[1]).to.contain('Anmält 20 november 2026, ca 120 m bort');

    // The 225-character word wraps: nothing is wider than the widget.
    const list = root(el).querySelector<HTMLElement>('.kk-nearby')!;
    expect(el.getBoundingClientRect().width).to.equal(320);
    expect(list.scrollWidth).to.be.at.most(list.clientWidth);
    expect(el.scrollWidth).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });

  it('goes on without the nearby page when the register does not know the address', async () => {
    const el = await onPlacePage();
    const address = root(el).querySelector<HTMLTextAreaElement>('textarea[name=address]')!;
    address.value = 'Bakom ishallen';
    address.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => heading(el) === 'Beskriv felet', 'not on the details page', { timeout: 5000 });
  });
});
