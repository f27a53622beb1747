import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setupWorker } from 'msw/browser';
import type { KkKommunTest } from './controller-hosts.js';
import './controller-hosts.js';
import { freshApi, gatewayHandlers, gatewayState, kommunInfo, type GatewayState } from './controller-gateway.js';

let state: GatewayState = gatewayState();
const worker = setupWorker(...gatewayHandlers(() => state));

const text = (el: Element, selector: string): string => el.shadowRoot!.querySelector(selector)?.textContent.trim() ?? '';
const kommunGets = () => state.requests.filter((r) => /^GET \/api\/v1\/[^/]+$/.test(r));

describe('KommunController', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());
  beforeEach(() => {
    state = gatewayState();
  });

  it('asks the gateway once for two widgets of one kommun, theme included', async () => {
    const api = freshApi();
    const page = await fixture<HTMLDivElement>(html`<div>
      <kk-kommun-test api=${api} kommun="exempelstad"></kk-kommun-test>
      <kk-kommun-test api=${api} kommun="exempelstad"></kk-kommun-test>
    </div>`);
    const [a, b] = [...page.querySelectorAll('kk-kommun-test')] as KkKommunTest[];
    await waitUntil(() => text(a!, '.status') === 'Exempelstads kommun' && text(b!, '.status') === 'Exempelstads kommun', 'the kommun info did not arrive');
    expect(text(a!, '.felanmalan')).to.equal('true');
    expect(text(a!, '.fakturor')).to.equal('false');
    // The base element's theme used the same answer.
    expect(a!.style.getPropertyValue('--kk-config-color-text')).to.equal('rgb(10, 20, 30)');
    expect(b!.style.getPropertyValue('--kk-config-color-text')).to.equal('rgb(10, 20, 30)');
    expect(kommunGets()).to.have.length(1);
    await expect(a).to.be.accessible();
    // A widget's own call (felanmälan's map settings) is answered from the same request.
    expect(await a!.sdk!.getKommun()).to.equal(a!.kommunController.info);
    expect(kommunGets()).to.have.length(1);

    // A third widget added later reuses it too.
    const c = document.createElement('kk-kommun-test');
    c.setAttribute('api', api);
    c.setAttribute('kommun', 'exempelstad');
    page.append(c);
    await waitUntil(() => text(c, '.status') === 'Exempelstads kommun');
    expect(kommunGets()).to.have.length(1);
  });

  it('asks for another kommun of its own', async () => {
    const api = freshApi();
    state.kommun = kommunInfo('grannby', ['fakturor']);
    const page = await fixture<HTMLDivElement>(html`<div>
      <kk-kommun-test api=${api} kommun="exempelstad"></kk-kommun-test>
      <kk-kommun-test api=${api} kommun="grannby"></kk-kommun-test>
    </div>`);
    const [a, b] = [...page.querySelectorAll('kk-kommun-test')] as KkKommunTest[];
    await waitUntil(() => text(a!, '.status') !== 'Laddar' && text(b!, '.status') !== 'Laddar');
    expect(kommunGets().sort()).to.deep.equal(['GET /api/v1/exempelstad', 'GET /api/v1/grannby']);
  });

  it('shows the loading state while the gateway has not answered', async () => {
    state.kommun = 'hang';
    const el = await fixture<KkKommunTest>(html`<kk-kommun-test api=${freshApi()} kommun="exempelstad"></kk-kommun-test>`);
    await waitUntil(() => kommunGets().length === 1);
    expect(el.kommunController.status).to.equal('loading');
    expect(el.kommunController.serviceEnabled('felanmalan')).to.equal(undefined);
    expect(text(el, '.status')).to.equal('Laddar');
    await expect(el).to.be.accessible();
  });

  it('does not keep a failure: retry (by keyboard) asks again, and every widget of the kommun gets the answer', async () => {
    state.kommun = 'error';
    const api = freshApi();
    const page = await fixture<HTMLDivElement>(html`<div>
      <kk-kommun-test api=${api} kommun="exempelstad"></kk-kommun-test>
      <kk-kommun-test api=${api} kommun="exempelstad"></kk-kommun-test>
    </div>`);
    const [a, b] = [...page.querySelectorAll('kk-kommun-test')] as KkKommunTest[];
    await waitUntil(() => a!.kommunController.status === 'error' && b!.kommunController.status === 'error', 'the failure was not shown');
    expect(a!.kommunController.error).to.have.property('status', 404);
    await expect(a).to.be.accessible();
    expect(kommunGets()).to.have.length(1);

    state.kommun = kommunInfo();
    const retry = a!.shadowRoot!.querySelector('button')!;
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(a!, '.status') === 'Exempelstads kommun' && text(b!, '.status') === 'Exempelstads kommun', 'the retry did not reach both');
    expect(kommunGets()).to.have.length(2);
    expect(a!.style.getPropertyValue('--kk-config-color-text')).to.equal('rgb(10, 20, 30)');
  });
});
