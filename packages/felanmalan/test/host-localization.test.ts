import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
// First, as in a host app's entry module: the app configures lit-localize before it imports the widget.
import { hostLocalization, type HostGreeting } from './host-app/localization.js';
import type { KkFelanmalan } from '../src/index.js';
import { api, gatewayHandlers } from './support.js';

const worker = setupWorker(...gatewayHandlers());
const text = (element: Element | null | undefined) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const heading = (el: KkFelanmalan) => text(el.shadowRoot!.querySelector('[data-kk-focus-target]'));

describe('kk-felanmalan in a host app that configured lit-localize itself', () => {
  before(async () => {
    await worker.start({ quiet: true, onUnhandledRequest: 'error' });
    // Imported after the host's configuration: lit-localize would throw "can only be configured once" here.
    await import('../src/define.js');
  });
  after(() => worker.stop());

  it('is defined and speaks Swedish, then English, while the host app keeps its own language', async () => {
    expect(customElements.get('kk-felanmalan')).to.not.equal(undefined);
    const greeting = await fixture<HostGreeting>(html`<host-greeting></host-greeting>`);
    await hostLocalization.setLocale('de');
    await greeting.updateComplete;
    expect(text(greeting.shadowRoot!.querySelector('p'))).to.equal('Willkommen bei der Gemeinde');

    const el = await fixture<KkFelanmalan>(html`<kk-felanmalan api=${api} kommun="exempelstad" lang="sv"></kk-felanmalan>`);
    await waitUntil(() => heading(el) === 'Vad vill du anmäla?', 'not in Swedish', { timeout: 5000 });
    await expect(el).to.be.accessible();

    el.setAttribute('lang', 'en');
    await waitUntil(() => heading(el) === 'What do you want to report?', 'not in English', { timeout: 5000 });
    expect(text(el.shadowRoot!.querySelector('label[for=kk-fel-search]'))).to.contain('Search categories');

    // Neither language set-up switched the other's.
    expect(hostLocalization.getLocale()).to.equal('de');
    await greeting.updateComplete;
    expect(text(greeting.shadowRoot!.querySelector('p'))).to.equal('Willkommen bei der Gemeinde');
  });
});
