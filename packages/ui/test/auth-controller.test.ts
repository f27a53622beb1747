import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { draftsFor, getClient } from '@kommunkit/sdk';
import { sendKeys } from '@web/test-runner-commands';
import { setupWorker } from 'msw/browser';
import type { KkAuthTest } from './controller-hosts.js';
import './controller-hosts.js';
import { anna, freshApi, gatewayHandlers, gatewayState, type GatewayState } from './controller-gateway.js';

let state: GatewayState = gatewayState();
const worker = setupWorker(...gatewayHandlers(() => state));
const root = (el: Element): ShadowRoot => el.shadowRoot!;
const heading = (el: Element): string => root(el).querySelector('h2, h3')?.textContent.trim() ?? '';

/** A widget on a page whose client navigates into `navigations` instead of leaving the test page. */
async function render(api = freshApi(), navigations: string[] = []): Promise<KkAuthTest> {
  getClient({ api, kommun: 'exempelstad', navigate: (url) => navigations.push(url), retry: false });
  return fixture<KkAuthTest>(html`<kk-auth-test api=${api} kommun="exempelstad"></kk-auth-test>`);
}

describe('AuthController and loginGate', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());
  beforeEach(() => {
    state = gatewayState();
    sessionStorage.clear();
  });

  it('shows a spinner while the login state is not known', async () => {
    state.user = 'hang';
    const el = await render();
    expect(el.auth.state).to.equal('loading');
    expect(el.auth.user).to.equal(undefined);
    expect(root(el).querySelector('[role=status]')?.textContent).to.contain('Kontrollerar inloggningen');
    await expect(el).to.be.accessible();
  });

  it('asks an anonymous citizen to log in; the button works by keyboard and comes back to the same step', async () => {
    const api = freshApi();
    const navigations: string[] = [];
    const el = await render(api, navigations);
    await waitUntil(() => el.auth.state === 'anonymous', 'the anonymous state was not learnt');
    await el.updateComplete;
    expect(el.auth.user).to.equal(null);
    expect(heading(el)).to.equal('Logga in');
    expect(root(el).textContent).to.contain('Du behöver logga in för att se dina ärenden.');
    expect(root(el).textContent).not.to.contain('utloggad');
    await expect(el).to.be.accessible();

    // Keyboard alone: Tab from the page reaches the button, Enter starts the login.
    const before = document.createElement('button');
    before.textContent = 'Före';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    const login = root(el).querySelector('button')!;
    expect(root(el).activeElement).to.equal(login);
    expect(login.textContent.trim()).to.equal('Logga in med e-legitimation');
    await sendKeys({ press: 'Enter' });
    before.remove();
    expect(navigations).to.have.length(1);
    const target = new URL(navigations[0]!);
    expect(target.origin + target.pathname).to.equal(`${api}/api/v1/exempelstad/auth/login`);
    expect(target.searchParams.get('return')).to.equal(location.href);
    await el.updateComplete;
    expect(el.auth.navigating).to.equal(true);
    expect(login.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();

    // Back from the login (the page loads again): the widget learns where it was, once.
    state.user = anna();
    el.remove();
    const back = await render(freshApi());
    await waitUntil(() => back.auth.state === 'authenticated', 'the session was not found');
    expect(back.auth.returnedTo).to.deep.equal({ step: 'mina-arenden' });
    await back.updateComplete;
    expect(root(back).querySelector('.who')?.textContent).to.equal('Anna Andersson');
    await expect(back).to.be.accessible();
    const again = await render(freshApi());
    await waitUntil(() => again.auth.state === 'authenticated');
    expect(again.auth.returnedTo).to.equal(undefined);
  });

  it('shows the content to a logged-in citizen; their own logout is no "utloggad" notice', async () => {
    state.user = anna();
    const el = await render();
    await waitUntil(() => el.auth.state === 'authenticated');
    await el.updateComplete;
    expect(heading(el)).to.equal('Mina ärenden');
    await expect(el).to.be.accessible();
    root(el).querySelector('button')!.click();
    await waitUntil(() => el.auth.state === 'anonymous', 'the logout did not finish');
    await el.updateComplete;
    expect(el.auth.loggedOut).to.equal(false);
    expect(el.logouts).to.equal(1);
    expect(root(el).textContent).not.to.contain('Du har blivit utloggad');
    expect(heading(el)).to.equal('Logga in');
  });

  it('says "Du har blivit utloggad" when the session ends under the citizen (a 401 on a call)', async () => {
    state.user = anna();
    const el = await render();
    await waitUntil(() => el.auth.state === 'authenticated');
    state.user = null; // expired at the gateway
    await draftsFor(el.sdk!).get('felanmalan').catch(() => undefined);
    await waitUntil(() => el.auth.loggedOut, 'the end of the session was not noticed');
    await el.updateComplete;
    expect(el.logouts).to.equal(1);
    const notice = root(el).querySelector('[role=alert]');
    expect(notice?.textContent).to.contain('Du har blivit utloggad');
    expect(root(el).querySelector('button')?.textContent.trim()).to.equal('Logga in med e-legitimation');
    await expect(el).to.be.accessible();
  });

  it('sessionEnded() marks the widget logged out after a 401 the SDK did not see', async () => {
    state.user = anna();
    const el = await render();
    await waitUntil(() => el.auth.state === 'authenticated');
    state.user = null;
    el.auth.sessionEnded();
    expect(el.auth.loggedOut).to.equal(true);
    expect(el.auth.state).to.equal('anonymous');
    await el.updateComplete;
    expect(root(el).textContent).to.contain('Du har blivit utloggad');
    await waitUntil(() => el.sdk!.auth.user === null, 'the SDK did not learn it');
  });

  it('notices a session that expires while the page is open', async () => {
    state.user = anna(new Date(Date.now() + 300).toISOString());
    const el = await render();
    await waitUntil(() => el.auth.state === 'authenticated');
    state.user = null; // the gateway's session is over at expiresAt
    await waitUntil(() => el.auth.loggedOut, 'the expiry was not noticed', { timeout: 4000 });
    await el.updateComplete;
    expect(root(el).textContent).to.contain('Du har blivit utloggad');
  });

  it('shows an error with "Försök igen" when the login state cannot be learnt', async () => {
    state.user = 'error';
    const el = await render();
    await waitUntil(() => el.auth.state === 'error', 'the error was not shown');
    await el.updateComplete;
    expect(root(el).querySelector('[role=alert]')?.textContent).to.contain('Vi kunde inte kontrollera om du är inloggad');
    await expect(el).to.be.accessible();
    state.user = anna();
    const retry = [...root(el).querySelectorAll('button')].find((b) => b.textContent.trim() === 'Försök igen')!;
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.auth.state === 'authenticated', 'the retry did not log in');
  });

  it('tells the citizen when the last login was cancelled', async () => {
    const original = location.href;
    const url = new URL(original);
    url.searchParams.set('kk-login', 'cancelled');
    history.replaceState(null, '', url);
    try {
      const el = await render();
      await waitUntil(() => el.auth.state === 'anonymous');
      await el.updateComplete;
      expect(el.auth.loginOutcome).to.equal('cancelled');
      expect(root(el).querySelector('[role=status]')?.textContent).to.contain('Inloggningen avbröts');
      await expect(el).to.be.accessible();
    } finally {
      history.replaceState(null, '', original);
    }
  });

  it('uses the heading level it is given', async () => {
    const el = await fixture<KkAuthTest>(html`<kk-auth-test api=${freshApi()} kommun="exempelstad" heading-level="3"></kk-auth-test>`);
    await waitUntil(() => el.auth.state === 'anonymous');
    await el.updateComplete;
    const h = root(el).querySelector('h3[data-kk-focus-target]');
    expect(h?.textContent).to.equal('Logga in');
    expect(h?.getAttribute('tabindex')).to.equal('-1');
  });
});
