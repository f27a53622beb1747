import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setupWorker } from 'msw/browser';
import type { KkLokalbokning } from '../src/index.js';
import '../src/define.js';
import { api } from './support.js';
import { mapHandlers } from './support-map.js';

const noMapApi = 'http://no-map.test';
const worker = setupWorker(...mapHandlers(), ...mapHandlers({ base: noMapApi, map: false }));

const root = (el: KkLokalbokning) => el.shadowRoot!;
const text = (element: Element | ShadowRoot | null | undefined) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const active = (el: KkLokalbokning) => root(el).activeElement as HTMLElement | null;
const toggle = (el: KkLokalbokning) => root(el).querySelector<HTMLButtonElement>('.kk-lok-map-toggle');
const markers = (el: KkLokalbokning) => [...root(el).querySelectorAll<HTMLElement>('.kk-places-map-pin')];

async function render(lang = 'sv', base = api): Promise<KkLokalbokning> {
  const el = await fixture<KkLokalbokning>(html`<kk-lokalbokning api=${base} kommun="exempelstad" lang=${lang}></kk-lokalbokning>`);
  await waitUntil(() => root(el).querySelector('.kk-lok-count'), 'the results did not show', { timeout: 5000 });
  return el;
}

async function showMap(el: KkLokalbokning): Promise<void> {
  toggle(el)!.click();
  await waitUntil(() => markers(el).length > 0, 'the markers did not show', { timeout: 5000 });
}

before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
after(() => worker.stop());
afterEach(() => worker.resetHandlers());

describe('<kk-lokalbokning> results on the map', () => {
  it('shows the list, and the map only when chosen', async () => {
    const el = await render();
    const button = toggle(el)!;
    expect(text(button)).to.equal('Visa på karta');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(root(el).getElementById(button.getAttribute('aria-controls')!)!.hidden).to.equal(true);
    expect(root(el).querySelector('.kk-places-map')).to.equal(null);
    expect(root(el).querySelectorAll('.kk-lok-result')).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('shows a marker per lokal with a place, named by it, with the list still there', async () => {
    const el = await render();
    await showMap(el);
    const button = toggle(el)!;
    expect(text(button)).to.equal('Dölj kartan');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const map = root(el).querySelector('.kk-places-map')!;
    expect(map.getAttribute('aria-label')).to.equal('Karta över lokalerna');
    expect(map.getAttribute('aria-describedby')).to.equal('kk-lok-map-hint');
    expect(markers(el).map((marker) => [marker.getAttribute('role'), marker.tabIndex, marker.getAttribute('aria-label')])).to.deep.equal([
      ['button', 0, 'Norrhallen, Idrottshall, Idrottsvägen 4, Exempelstad'],
      ['button', 0, 'Mötesrum A, Medborgarhuset, Mötesrum, Idrottsvägen 4, Exempelstad'],
    ]);
    // Both places are in view (fitBounds).
    const box = map.getBoundingClientRect();
    for (const marker of markers(el)) {
      const at = marker.getBoundingClientRect();
      expect(at.left >= box.left && at.right <= box.right && at.top >= box.top && at.bottom <= box.bottom, 'marker inside the map').to.equal(true);
    }
    expect(text(root(el).querySelector('.kk-places-map-attribution'))).to.equal('© Exempelstads kommun, © OpenStreetMap-bidragsgivare');
    expect(text(root(el).getElementById('kk-lok-results-map'))).to.contain('1 lokal saknar plats på kartan, men finns i listan.');
    expect(root(el).querySelectorAll('.kk-lok-result')).to.have.length(3);
    // Leaflet's stylesheet came with the map, as a constructable stylesheet.
    expect(root(el).adoptedStyleSheets.some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.startsWith('.leaflet-container')))).to.equal(true);
    await expect(el).to.be.accessible();

    button.click();
    await el.updateComplete;
    expect(root(el).querySelector('.kk-places-map')).to.equal(null);
    expect(toggle(el)!.getAttribute('aria-expanded')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('offers no map when the kommun has none', async () => {
    const el = await render('sv', noMapApi);
    expect(root(el).querySelectorAll('.kk-lok-result')).to.have.length(3);
    expect(toggle(el)).to.equal(null);
    expect(text(root(el))).not.to.contain('Visa på karta');
    await expect(el).to.be.accessible();
  });
  it('opens a lokal from its marker by keyboard alone', async () => {
    const el = await render();
    toggle(el)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => markers(el).length === 2, 'the markers did not show', { timeout: 5000 });
    expect(active(el)).to.equal(toggle(el));
    // The map itself (pan and zoom), then the markers in the list's order.
    await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal(root(el).querySelector('.kk-places-map'));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('aria-label')).to.match(/^Mötesrum A/);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active(el)?.matches('[data-kk-focus-target]'), 'focus did not move to the lokal heading', { timeout: 5000 });
    expect(text(active(el))).to.equal('Mötesrum A, Medborgarhuset');
    // Leaflet's map went with the results.
    expect(root(el).querySelector('.leaflet-container')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('opens a lokal from its marker by click, and by Space', async () => {
    const el = await render();
    await showMap(el);
    markers(el)[0]!.click();
    await waitUntil(() => active(el)?.matches('[data-kk-focus-target]'), 'the lokal did not open', { timeout: 5000 });
    expect(text(active(el))).to.equal('Norrhallen');

    const other = await render();
    await showMap(other);
    markers(other)[1]!.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => active(other)?.matches('[data-kk-focus-target]'), 'the lokal did not open', { timeout: 5000 });
    expect(text(active(other))).to.equal('Mötesrum A, Medborgarhuset');
  });

  it('names the map in English', async () => {
    const el = await render('en');
    await waitUntil(() => text(toggle(el)) === 'Show on map', 'the English texts did not come', { timeout: 5000 });
    await showMap(el);
    expect(root(el).querySelector('.kk-places-map')!.getAttribute('aria-label')).to.equal('Map of the venues');
    expect(root(el).querySelector('.kk-places-map-zoom__button')!.getAttribute('aria-label')).to.equal('Zoom in');
    await expect(el).to.be.accessible();
  });

});
