import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { getClient } from '@kommunkit/sdk';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { KkFelanmalan } from '../src/index.js';
import { active, buttonNamed, byId, heading, press, reload, render, root, text, until } from './drive.js';
import { api, citizenGateway, draftKey, gatewayHandlers, seedDraft, sessionHandlers } from './support.js';

const worker = setupWorker(...gatewayHandlers());
before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
after(() => worker.stop());

const rows = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('.kk-list__row')];

/** A logged-in test person at a gateway with their earlier reports (`seed`); every test has a kommun of its own, so its client starts unknowing. */
function loggedIn() {
  const session = sessionHandlers();
  const gateway = citizenGateway({ signedIn: session.signedIn });
  worker.use(...session.handlers, ...gateway.handlers);
  return { session, gateway };
}

describe('Mina anmälningar', () => {
  beforeEach(() => {
    sessionStorage.clear();
    worker.resetHandlers();
  });

  it('asks an anonymous citizen to log in first', async () => {
    const el = await render('gatestad', { view: 'mina' });
    await until(() => buttonNamed(el, 'Logga in med e-legitimation'), 'no login gate');
    expect(heading(el)).to.equal('Mina anmälningar');
    expect(text(root(el))).to.contain('Logga in med e-legitimation för att se de felanmälningar du har gjort');
    expect(rows(el)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('comes back to Mina anmälningar after the login the gate started', async () => {
    const visited: string[] = [];
    // The page's one client for this kommun, made first so that the login's page change can be watched.
    const client = getClient({ api, kommun: 'tillbakastad', navigate: (url) => visited.push(url) });
    const el = await render('tillbakastad', { view: 'mina' });
    await until(() => buttonNamed(el, 'Logga in med e-legitimation'), 'no login gate');
    await press(el, 'Logga in med e-legitimation');
    expect(visited).to.have.length(1);
    expect(new URL(visited[0]!).pathname).to.equal('/api/v1/tillbakastad/auth/login');

    // Back from the e-legitimation, logged in, on a page whose widget starts on filing.
    loggedIn();
    await client.auth.refresh();
    const back = await reload(el, 'tillbakastad');
    await until(() => back.getAttribute('view') === 'mina', 'the widget did not come back to Mina anmälningar');
    await until(() => root(back).querySelector('.kk-list__empty'), 'Mina anmälningar did not open');
    // Only once: a later reload starts where the page says.
    const later = await reload(back, 'tillbakastad');
    await until(() => buttonNamed(later, 'Mina anmälningar'), 'the category page did not show');
    expect(later.getAttribute('view')).to.equal('anmal');
  });

  it("lists the citizen's own reports newest first, with category, place, date and status, and opens one with its history", async () => {
    const { gateway } = loggedIn();
    gateway.seed({ reference: 'EXS-2026-000301', serviceName: 'Gatubelysning', address: 'Storgatan 12', requestedAt: '2026-11-02T09:00:00Z' });
    gateway.seed({
      reference: 'EXS-2026-000302',
      serviceName: 'Klotter',
      address: 'Torget',
      requestedAt: '2026-11-20T09:00:00Z',
      status: 'atgard_planerad',
      history: [
        { status: 'mottagen', at: '2026-11-20T09:00:00Z' },
        { status: 'atgard_planerad', at: '2026-11-21T10:00:00Z', note: 'Saneringen är beställd.' },
      ],
    });
    gateway.seed({ reference: 'EXS-2026-000399', serviceName: 'Hål i vägen', requestedAt: '2026-11-25T09:00:00Z' }, 'Någon Annan');
    const el = await render('listastad', { view: 'mina' });
    await until(() => rows(el).length === 2, 'the list did not load');
    expect(rows(el).map(text)).to.deep.equal([
      'Klotter Torget · 20 november 2026 · EXS-2026-000302 Åtgärd planerad',
      'Gatubelysning Storgatan 12 · 2 november 2026 · EXS-2026-000301 Mottagen',
    ]);
    expect(text(root(el)), "another person's report").to.not.contain('EXS-2026-000399');
    expect(text(root(el))).to.contain('Inloggad som Anna Andersson.');
    await expect(el).to.be.accessible();

    (rows(el)[0] as HTMLButtonElement).click();
    await until(() => root(el).querySelector('.kk-status-history'), 'the report did not open');
    expect(text(active(el))).to.equal('Klotter');
    expect([...root(el).querySelectorAll('.kk-status-history .kk-tag')].map(text)).to.deep.equal(['Åtgärd planerad', 'Mottagen']);
    expect(text(root(el).querySelector('.kk-status-history'))).to.contain('Saneringen är beställd.');
    expect(text(root(el).querySelector('.kk-detail'))).to.contain('Klotter på muren').and.contain('Torget');
    // Its edit window has passed (none was given): nothing to change.
    expect(buttonNamed(el, 'Ändra beskrivningen')).to.equal(undefined);
    await expect(el).to.be.accessible();

    await press(el, 'Tillbaka till Mina anmälningar');
    await until(() => rows(el).length === 2, 'not back on the list');
    expect(active(el)?.getAttribute('data-kk-list-row')).to.equal('EXS-2026-000302');
  });

  it('works by keyboard alone, and in English', async () => {
    const { gateway } = loggedIn();
    gateway.seed({ reference: 'EXS-2026-000320', serviceName: 'Klotter', address: 'Torget', requestedAt: '2026-11-20T09:00:00Z' });
    const el = await fixture<KkFelanmalan>(html`<kk-felanmalan api=${api} kommun="tangentstad" view="mina" lang="en"></kk-felanmalan>`);
    await until(() => rows(el).length === 1 && heading(el) === 'My reports', 'the list did not load in English');
    for (let press = 0; press < 10 && active(el)?.getAttribute('data-kk-list-row') !== 'EXS-2026-000320'; press += 1) await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('data-kk-list-row')).to.equal('EXS-2026-000320');
    await sendKeys({ press: 'Enter' });
    await until(() => root(el).querySelector('.kk-detail'), 'Enter did not open the report');
    expect(text(active(el))).to.equal('Klotter');
    expect(text(root(el).querySelector('.kk-detail'))).to.contain('Received').and.contain('Torget');
    await expect(el).to.be.accessible();
    // The language is the page's: back to Swedish for the other tests.
    el.setAttribute('lang', 'sv');
    await until(() => text(root(el).querySelector('.kk-detail')).includes('Mottagen'), 'not back in Swedish');
  });

  it('offers the login on the contact page to an anonymous citizen, and it comes back to that page', async () => {
    const visited: string[] = [];
    getClient({ api, kommun: 'kontaktstad', navigate: (url) => visited.push(url) });
    seedDraft('kontaktstad', { serviceCode: 'klotter', address: 'Torget', description: 'Klotter' }, ['category', 'place', 'details', 'contact']);
    const el = await render('kontaktstad');
    await until(() => heading(el) === 'Vill du lämna kontaktuppgifter?', 'the draft was not restored');
    await press(el, 'Logga in med e-legitimation, så fylls ditt namn i');
    expect(visited).to.have.length(1);
    const login = new URL(visited[0]!);
    expect(login.pathname).to.equal('/api/v1/kontaktstad/auth/login');
    expect(login.searchParams.get('return')).to.equal(location.href);
    // The draft keeps the page, so the return lands on it with the name filled in.
    loggedIn();
    await getClient({ api, kommun: 'kontaktstad' }).auth.refresh();
    const back = await reload(el, 'kontaktstad');
    await until(() => heading(back) === 'Vill du lämna kontaktuppgifter?' && byId(back, 'kk-fel-firstName').value === 'Anna', 'the name was not filled in after the login');
    expect(heading(back)).to.equal('Vill du lämna kontaktuppgifter?');
    expect(buttonNamed(back, 'Logga in med e-legitimation, så fylls ditt namn i')).to.equal(undefined);
  });

  it('says so when there are none yet', async () => {
    loggedIn();
    const el = await render('tomlistastad', { view: 'mina' });
    await until(() => root(el).querySelector('.kk-list__empty'), 'no empty state');
    expect(text(root(el).querySelector('.kk-list__empty'))).to.contain('Du har inga felanmälningar här ännu');
    await expect(el).to.be.accessible();
  });

  it('says so when the list cannot be loaded, and loads it on "Försök igen"', async () => {
    const { gateway } = loggedIn();
    gateway.seed({ reference: 'EXS-2026-000310' });
    let failing = true;
    worker.use(
      http.get(`${api}/api/v1/:kommun/felanmalan/reports/mine`, () =>
        failing
          ? HttpResponse.json({ type: 'urn:kommunkit:problem:unavailable', title: 'Tjänsten är inte tillgänglig just nu', status: 503 }, { status: 503, headers: { 'content-type': 'application/problem+json', 'retry-after': '0' } })
          : undefined,
      ),
    );
    const el = await render('felstad', { view: 'mina' });
    await until(() => root(el).querySelector('.kk-alert--error'), 'no error shown', 10000);
    expect(text(root(el).querySelector('.kk-alert--error'))).to.contain('Det gick inte att hämta dina anmälningar');
    await expect(el).to.be.accessible();
    failing = false;
    await press(el, 'Försök igen');
    await until(() => rows(el).length === 1, 'the retry did not load the list');
  });

  it('is linked from the category page when logged in, and the view is reflected', async () => {
    loggedIn();
    const el = await render('lankstad');
    await until(() => buttonNamed(el, 'Mina anmälningar'), 'no link to Mina anmälningar');
    await press(el, 'Mina anmälningar');
    await until(() => root(el).querySelector('.kk-list__empty'), 'Mina anmälningar did not open');
    expect(el.getAttribute('view')).to.equal('mina');
    expect(text(active(el))).to.equal('Mina anmälningar');
  });

  it('logging out here takes the contact details out of the draft, in this tab and on the server, and out of the form', async () => {
    const { session } = loggedIn();
    seedDraft('utstad', { serviceCode: 'klotter', address: 'Torget', description: 'Klotter', firstName: 'Anna', lastName: 'Andersson', email: 'anna@exempel.se', phone: '070-123 45 67' }, ['category', 'place', 'details', 'contact']);
    const el = await render('utstad', { view: 'mina' });
    await until(() => root(el).querySelector('.kk-list__empty'), 'Mina anmälningar did not open');
    await press(el, 'Logga ut');
    await until(() => buttonNamed(el, 'Logga in med e-legitimation'), 'the login gate did not come back');
    expect(session.signedIn()).to.equal(undefined);
    const local = sessionStorage.getItem(draftKey('utstad'))!;
    expect(local).to.contain('Klotter').and.not.contain('anna@exempel.se').and.not.contain('070-123');
    expect(local).to.not.contain('Andersson');
    const server = JSON.stringify(session.store.get('utstad/felanmalan')?.data ?? {});
    expect(server).to.contain('Klotter').and.not.contain('anna@exempel.se').and.not.contain('Andersson');
    await expect(el).to.be.accessible();

    await press(el, 'Gör en ny felanmälan');
    await until(() => heading(el) === 'Vill du lämna kontaktuppgifter?', 'not back on the contact page');
    expect(byId(el, 'kk-fel-email').value).to.equal('');
    expect(byId(el, 'kk-fel-firstName').value).to.equal('');
  });

  it('a logout before the draft is restored waits for it, then takes only the contact details out of it', async () => {
    const { session } = loggedIn();
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    // The server's draft answers slowly; afterwards the session's own handler answers.
    worker.use(
      http.get(`${api}/api/v1/:kommun/drafts/felanmalan`, async () => {
        await released;
      }),
    );
    seedDraft('sentstad', { serviceCode: 'klotter', address: 'Torget', description: 'Klotter', firstName: 'Anna', email: 'anna@exempel.se' }, ['category', 'place', 'details', 'contact']);
    const el = await render('sentstad', { view: 'mina' });
    try {
      await until(() => root(el).querySelector('.kk-list__empty'), 'Mina anmälningar did not open');
      await press(el, 'Logga ut');
    } finally {
      release();
    }
    await until(() => buttonNamed(el, 'Logga in med e-legitimation'), 'the login gate did not come back');
    expect(session.signedIn()).to.equal(undefined);
    const local = sessionStorage.getItem(draftKey('sentstad'))!;
    expect(local).to.contain('Klotter').and.contain('Torget').and.not.contain('anna@exempel.se').and.not.contain('Anna');
    const server = JSON.stringify(session.store.get('sentstad/felanmalan')?.data ?? {});
    expect(server).to.contain('Klotter').and.not.contain('anna@exempel.se');
  });

  it('a logout elsewhere on the page empties the contact fields and the stored draft too', async () => {
    loggedIn();
    seedDraft('andrastad', { serviceCode: 'klotter', address: 'Torget', description: 'Klotter', email: 'anna@exempel.se' }, ['category', 'place', 'details', 'contact']);
    const el = await render('andrastad');
    await until(() => heading(el) === 'Vill du lämna kontaktuppgifter?', 'the draft was not restored');
    await until(() => heading(el) === 'Vill du lämna kontaktuppgifter?' && byId(el, 'kk-fel-firstName').value === 'Anna', 'the name was not filled in from the profile');
    expect(byId(el, 'kk-fel-email').value).to.equal('anna@exempel.se');
    await getClient({ api, kommun: 'andrastad' }).auth.logout();
    await until(() => byId(el, 'kk-fel-email').value === '', 'the e-mail address stayed');
    expect(byId(el, 'kk-fel-firstName').value).to.equal('');
    expect(sessionStorage.getItem(draftKey('andrastad'))).to.not.contain('anna@exempel.se').and.not.contain('Anna');
    // Anonymous now: the page offers the login that fills the name in.
    expect(buttonNamed(el, 'Logga in med e-legitimation, så fylls ditt namn i')).to.not.equal(undefined);
    await expect(el).to.be.accessible();
  });
});
