import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { EmbeddingCheck } from '@kommunkit/contract';
import type { KkFelanmalan } from '../src/index.js';
import '../src/define.js';

/**
 * A widget on a page that is not set up: the citizen is told so plainly (no "Försök igen" that
 * would only fail again) and what to do instead, and the console gets one message for the
 * editor that says what to change where. Each test has a gateway of its own, as the SDK keeps
 * one client (and one diagnosis) per gateway and kommun for the page.
 */

let gatewayCount = 0;
const freshGateway = (): string => `http://gateway-${String(++gatewayCount)}.setup.test`;

/** What each gateway was asked, path and query. */
let requests: string[] = [];
const seen = (request: Request): void => void requests.push(`${new URL(request.url).pathname}${new URL(request.url).search}`);

/**
 * The gateway as a page on an origin not on exempelstad's list sees it: every credentialed
 * answer is refused by the browser (a network error, as CORS shows), while the embedding check
 * comes through and says this page's origin is not on the list.
 */
const notOnTheList = [
  http.get('*/api/v1/embedding', ({ request }) => {
    seen(request);
    const kommun = new URL(request.url).searchParams.get('kommun') ?? '';
    const check: EmbeddingCheck = { kommun, known: true, name: 'Exempelstads kommun', origin: location.origin, originAllowed: false, configKey: 'kommuner[0].origins' };
    return HttpResponse.json(check, { headers: { 'access-control-allow-origin': '*' } });
  }),
  http.all('*/api/v1/*', ({ request }) => {
    seen(request);
    return HttpResponse.error();
  }),
  http.all('*/open311/v2/*', ({ request }) => {
    seen(request);
    return HttpResponse.error();
  }),
];

/** A gateway that knows no kommun of that id: its 404 is readable from any page. */
const unknownKommun = [
  http.get('*/api/v1/:kommun', ({ request, params }) => {
    seen(request);
    return HttpResponse.json(
      { type: 'urn:kommunkit:problem:unknown-kommun', title: 'Kommunen finns inte i tjänsten', status: 404, detail: `Ingen kommun med id "${String(params.kommun)}" finns i tjänsten.` },
      { status: 404, headers: { 'content-type': 'application/problem+json' } },
    );
  }),
  http.all('*/api/v1/*', ({ request }) => {
    seen(request);
    return HttpResponse.json({ type: 'urn:kommunkit:problem:unknown-kommun', title: 'Kommunen finns inte i tjänsten', status: 404 }, { status: 404, headers: { 'content-type': 'application/problem+json' } });
  }),
  http.all('*/open311/v2/*', ({ request }) => {
    seen(request);
    return HttpResponse.json([{ code: 404, description: 'Okänd jurisdiction_id' }], { status: 404 });
  }),
];

const worker = setupWorker();

/** console.error's calls while a test runs. */
let errors: unknown[][] = [];
const originalError = console.error;

const root = (el: Element): ShadowRoot => el.shadowRoot!;
const heading = (el: Element): string => root(el).querySelector('.kk-alert__title')?.textContent.trim() ?? '';
const body = (el: Element): string => root(el).querySelector('.kk-alert__body')?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const kommunkitErrors = (): string[] => errors.map((args) => String(args[0])).filter((text) => text.startsWith('kommunkit:'));
const noticeShown = (el: Element) => waitUntil(() => heading(el) === 'Tjänsten är inte inställd för den här sidan', 'no notice was shown', { timeout: 5000 });

describe('kk-felanmalan on a page that is not set up', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());
  beforeEach(() => {
    requests = [];
    errors = [];
    console.error = (...args: unknown[]) => void errors.push(args);
  });
  afterEach(() => {
    console.error = originalError;
    worker.resetHandlers();
  });

  it('on an origin not on the kommun\'s list: says the service is not set up for this page, whom to contact, and tells the editor once what to add where', async () => {
    worker.use(...notOnTheList);
    const api = freshGateway();
    const el = await fixture<KkFelanmalan>(html`<kk-felanmalan api=${api} kommun="exempelstad"></kk-felanmalan>`);
    await noticeShown(el);
    expect(heading(el)).to.equal('Tjänsten är inte inställd för den här sidan');
    expect(body(el)).to.contain('finns ännu inte med bland sidorna där kommunen har slagit på tjänsten');
    expect(body(el)).to.contain('Du kan kontakta Exempelstads kommun på annat sätt i stället');
    expect(root(el).querySelector('button')).to.equal(null);
    await expect(el).to.be.accessible();

    const [message, ...more] = kommunkitErrors();
    expect(more).to.have.length(0);
    expect(message).to.contain(`"${location.origin}"`);
    expect(message).to.contain('kommuner[0].origins');
    expect(message).to.contain('kommun "exempelstad"');
    expect(message).to.contain(api);
    // No retry storm: each call failed once, and the check was asked once.
    const failed = requests.filter((request) => !request.startsWith('/api/v1/embedding'));
    expect(requests.filter((request) => request.startsWith('/api/v1/embedding'))).to.have.length(1);
    expect(failed.length).to.be.within(1, 4);
    expect(new Set(failed).size).to.equal(failed.length);

    // Rendering again does not log again.
    el.requestUpdate();
    await el.updateComplete;
    expect(kommunkitErrors()).to.have.length(1);
  });

  it('says the same in English', async () => {
    worker.use(...notOnTheList);
    const el = await fixture<KkFelanmalan>(html`<kk-felanmalan lang="en" api=${freshGateway()} kommun="exempelstad"></kk-felanmalan>`);
    await waitUntil(() => heading(el) === 'The service is not set up for this page', 'no English notice', { timeout: 5000 });
    expect(body(el)).to.contain('This web page is not yet among the pages where the municipality has switched the service on');
    expect(body(el)).to.contain('You can contact Exempelstads kommun another way instead');
    await expect(el).to.be.accessible();
  });

  it('with a kommun id the gateway does not know: says so, and tells the editor the id is unknown to that gateway', async () => {
    worker.use(...unknownKommun);
    const api = freshGateway();
    const el = await fixture<KkFelanmalan>(html`<kk-felanmalan api=${api} kommun="okand-kommun"></kk-felanmalan>`);
    await noticeShown(el);
    expect(heading(el)).to.equal('Tjänsten är inte inställd för den här sidan');
    expect(body(el)).to.contain('Sidan anger en kommun som tjänsten inte känner till');
    expect(body(el)).to.contain('Du kan kontakta kommunen på annat sätt i stället');
    expect(root(el).querySelector('button')).to.equal(null);
    await expect(el).to.be.accessible();
    const logged = kommunkitErrors();
    expect(logged).to.have.length(1);
    expect(logged[0]).to.contain(`the kommun id "okand-kommun" is unknown to the gateway at ${api}`);
    // The 404 is an answer: nothing is retried.
    expect(requests.filter((request) => request === '/api/v1/okand-kommun')).to.have.length(1);
  });

  it('without a kommun attribute: a visible message instead of a spinner for ever, and the editor told what to set', async () => {
    const el = await fixture<KkFelanmalan>(html`<kk-felanmalan api=${freshGateway()}></kk-felanmalan>`);
    await noticeShown(el);
    expect(heading(el)).to.equal('Tjänsten är inte inställd för den här sidan');
    expect(body(el)).to.contain('Sidan saknar uppgifter som tjänsten behöver');
    expect(body(el)).to.contain('I webbläsarens konsol står vad som behöver ändras');
    expect(root(el).querySelector('.kk-spinner')).to.equal(null);
    await expect(el).to.be.accessible();
    expect(kommunkitErrors()).to.deep.equal(['kommunkit: <kk-felanmalan> has no kommun attribute, so it cannot ask the gateway anything. Set it to the kommun\'s id, e.g. <kk-felanmalan kommun="exempelstad">.']);
    expect(requests).to.have.length(0);
  });

  it('without an api attribute (an npm user who did not set it): the same message, and the editor told that api is missing', async () => {
    const el = await fixture<KkFelanmalan>(html`<kk-felanmalan lang="en" kommun="exempelstad"></kk-felanmalan>`);
    await waitUntil(() => heading(el) === 'The service is not set up for this page', 'no English notice', { timeout: 5000 });
    expect(body(el)).to.contain('This page lacks details the service needs');
    await expect(el).to.be.accessible();
    const logged = kommunkitErrors();
    expect(logged).to.have.length(1);
    expect(logged[0]).to.contain('<kk-felanmalan kommun="exempelstad"> has no api attribute');
    expect(logged[0]).to.contain('with the npm package, set it yourself');
  });

  it('works as soon as the missing attribute is set', async () => {
    const el = await fixture<KkFelanmalan>(html`<kk-felanmalan api=${freshGateway()}></kk-felanmalan>`);
    await noticeShown(el);
    worker.use(...unknownKommun);
    el.kommun = 'annan-kommun';
    await waitUntil(() => body(el).includes('Sidan anger en kommun som tjänsten inte känner till'), 'the notice did not follow the attribute', { timeout: 5000 });
  });
});
