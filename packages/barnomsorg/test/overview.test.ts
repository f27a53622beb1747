import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { formatDate } from '@kommunkit/ui';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import '../src/define.js';
import type { KkBarnomsorg } from '../src/index.js';
import {
  application,
  expectedLastDay,
  guardian,
  inDays,
  kommunMessage,
  offered,
  otherGuardian,
  overviewApi as api,
  overviewGateway,
  overviewUnavailable,
  placement,
  type OverviewGatewayOptions,
} from './support-overview.js';

const worker = setupWorker();
before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
after(() => worker.stop());

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (node: Element | ShadowRoot | null | undefined) => node?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const rows = (el: HTMLElement, kind?: 'application' | 'placement') => [...root(el).querySelectorAll<HTMLButtonElement>(`${kind ? `[data-kk-bo-list="${kind}"] ` : ''}[data-kk-bo-row]`)];
const buttons = (el: HTMLElement) => [...root(el).querySelectorAll<HTMLButtonElement>('button')];
const buttonNamed = (el: HTMLElement, name: string) => buttons(el).find((b) => text(b) === name);
const until = (check: () => unknown, what: string) => waitUntil(check, what, { timeout: 6000 });
const focused = (el: HTMLElement) => root(el).activeElement;

let kommuner = 0;

/** The element at a gateway of its own, each test with a kommun of its own (the page's SDK client remembers a login per kommun). */
async function render(options: OverviewGatewayOptions = {}) {
  const gateway = overviewGateway(options);
  worker.use(...gateway.handlers);
  const el = await fixture<KkBarnomsorg>(html`<kk-barnomsorg api=${api} kommun=${`oversikt-${String(++kommuner)}`}></kk-barnomsorg>`);
  return { el, gateway };
}

/** Waits for the list, then opens its first row and waits for the page it opens. */
async function openFirst(el: HTMLElement, heading: string): Promise<void> {
  await until(() => rows(el).length > 0, 'the overview did not load');
  rows(el)[0]!.click();
  await until(() => text(focused(el)) === heading, `the page "${heading}" did not open with focus on its heading`);
}

async function click(el: HTMLElement, name: string): Promise<void> {
  await until(() => buttonNamed(el, name), `no button "${name}"`);
  buttonNamed(el, name)!.click();
}

const live = (el: HTMLElement) => text(root(el).querySelector('.kk-visually-hidden[role="status"]'));

describe('Mina ansökningar och placeringar', () => {
  beforeEach(() => worker.resetHandlers());

  it('asks an anonymous guardian to log in first', async () => {
    const { el } = await render({ signedIn: false });
    await until(() => buttonNamed(el, 'Logga in med e-legitimation'), 'no login gate');
    await expect(el).to.be.accessible();
  });

  it('asks for the overview, settings, children and draft beside auth/me, not after it, and each once', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const gateway = overviewGateway({ applications: [application()] });
    const seen: string[] = [];
    worker.use(...gateway.handlers);
    worker.use(
      http.get(`${api}/api/v1/:kommun/auth/me`, async () => {
        await held;
        return HttpResponse.json({ ...guardian, expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
      }),
      // Sees every read and passes it on to the gateway's handlers.
      http.get(`${api}/*`, ({ request }) => void seen.push(new URL(request.url).pathname.replace(/^\/api\/v1\/[^/]+/, ''))),
    );
    const el = await fixture<KkBarnomsorg>(html`<kk-barnomsorg api=${api} kommun=${`oversikt-${String(++kommuner)}`}></kk-barnomsorg>`);
    const first = ['/barnomsorg/applications', '/barnomsorg/settings', '/barnomsorg/children', '/drafts/barnomsorg'];
    await until(() => first.every((path) => seen.includes(path)), `not all asked for while auth/me was pending: ${seen.join(', ')}`);
    release();
    await until(() => rows(el).length > 0, 'the overview did not load');
    await el.updateComplete;
    for (const path of first) expect(seen.filter((other) => other === path), path).to.have.length(1);
    expect(gateway.received.overviews).to.equal(1);
  });

  it('says there is nothing yet, with "Ansök om plats" starting the form', async () => {
    const { el } = await render();
    await until(() => root(el).querySelector('.kk-list__empty'), 'the empty overview did not show');
    expect(text(root(el).querySelector('h2'))).to.equal('Mina ansökningar och placeringar');
    expect(text(root(el).querySelector('.kk-list__empty'))).to.contain('Du har inga ansökningar eller placeringar ännu');
    await expect(el).to.be.accessible();
    buttonNamed(el, 'Ansök om plats')!.click();
    await until(() => el.view === 'ansok', 'the form did not start');
  });

  it('lists every status with what happens next, and the placements', async () => {
    const waiting = application({ status: 'inskickad', otherGuardianConfirmation: 'vantar' });
    const received = application();
    const offer = offered(10);
    const accepted = application({
      status: 'accepterad',
      type: 'pedagogisk_omsorg',
      offer: { unitId: 'solrosen', unitName: 'Dagmamman Lena', startDate: inDays(5), replyBy: inDays(-3), answer: 'accepterad', answeredAt: `${inDays(-5)}T10:00:00+01:00` },
    });
    const declined = application({ status: 'avbojd' });
    const withdrawn = application({ status: 'aterkallad', child: { id: 'c2', givenName: 'Olle', familyName: 'Andersson', birthDate: '2019-05-02' }, type: 'fritidshem' });
    const active = placement();
    const ended = placement({ status: 'uppsagd', endDate: inDays(40), noticeGivenAt: `${inDays(-20)}T10:00:00+01:00` });
    const { el } = await render({ applications: [waiting, received, offer, accepted, declined, withdrawn], placements: [active, ended] });
    await until(() => rows(el, 'application').length === 6 && rows(el, 'placement').length === 2, 'the lists did not load');
    const shown = rows(el, 'application').map((row) => text(row.querySelector('.kk-tag')));
    expect(shown).to.deep.equal(['Inskickad', 'Mottagen av kommunen', 'Erbjudande om plats', 'Plats accepterad', 'Erbjudandet avböjt', 'Återkallad']);
    const next = rows(el, 'application').map((row) => text(row.querySelector('.kk-bo-next')));
    expect(next[0]).to.equal('Väntar på att barnets andra vårdnadshavare bekräftar ansökan.');
    expect(next[2]).to.equal(`Svara på erbjudandet senast ${formatDate(offer.offer!.replyBy)}.`);
    expect(next[3]).to.contain('Dagmamman Lena');
    expect(text(rows(el, 'application')[5])).to.contain('Fritidshem för Olle Andersson');
    expect(rows(el, 'placement').map((row) => text(row.querySelector('.kk-tag')))).to.deep.equal(['Aktiv placering', 'Uppsagd']);
    expect(text(rows(el, 'placement')[1])).to.contain(`Sista dagen är ${formatDate(ended.endDate!)}`);
    await expect(el).to.be.accessible();
  });

  it('offers an unsent application: "Fortsätt med ansökan"', async () => {
    const { el } = await render({ draft: { childId: '9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c01', type: 'forskola' } });
    await until(() => buttonNamed(el, 'Fortsätt med ansökan'), 'no draft to go on with');
    await until(() => text(root(el).querySelector('.kk-bo-draft')).includes('Förskola för Vera Andersson'), 'the draft does not say what it is');
    await expect(el).to.be.accessible();
    buttonNamed(el, 'Fortsätt med ansökan')!.click();
    await until(() => el.view === 'ansok', 'the form did not open');
  });

  it('speaks English with lang="en"', async () => {
    const gateway = overviewGateway({ applications: [offered(10)], placements: [placement()] });
    worker.use(...gateway.handlers);
    const el = await fixture<KkBarnomsorg>(html`<kk-barnomsorg api=${api} kommun="oversikt-en" lang="en"></kk-barnomsorg>`);
    // The English translations arrive in a chunk of their own.
    await until(() => rows(el).length === 2 && text(root(el).querySelector('h2')) === 'My applications and placements', 'the lists did not load in English');
    expect(text(rows(el, 'application')[0]!.querySelector('.kk-tag'))).to.equal('Offer of a place');
    expect(text(rows(el, 'placement')[0]!.querySelector('.kk-tag'))).to.equal('Active placement');
    await expect(el).to.be.accessible();
  });

  it('says when the list cannot be loaded, and "Försök igen" reads it again', async () => {
    const gateway = overviewGateway({ applications: [application()] });
    worker.use(...gateway.handlers);
    worker.use(...overviewUnavailable('applications'));
    const el = await fixture<KkBarnomsorg>(html`<kk-barnomsorg api=${api} kommun="oversikt-fel"></kk-barnomsorg>`);
    await until(() => root(el).querySelector('.kk-alert--error'), 'no error shown');
    expect(text(root(el).querySelector('.kk-alert--error'))).to.contain('Det gick inte att hämta dina ansökningar');
    await expect(el).to.be.accessible();
    worker.resetHandlers();
    worker.use(...gateway.handlers);
    buttonNamed(el, 'Försök igen')!.click();
    await until(() => rows(el).length === 1, 'the retry did not load the list');
  });
});

describe('One application', () => {
  beforeEach(() => worker.resetHandlers());

  it('shows the facts, ranked units, guarantee date and history, and back puts the focus on its row', async () => {
    const shown = application({ messages: [kommunMessage('Vi har tagit emot er ansökan.')] });
    const { el } = await render({ applications: [shown] });
    await openFirst(el, 'Förskola för Vera Andersson');
    const page = text(root(el).querySelector('.kk-bo-application'));
    expect(page).to.contain(shown.reference).and.contain(formatDate(shown.guaranteeDate)).and.contain('40 timmar i veckan');
    expect([...root(el).querySelectorAll('.kk-bo-units li')].map(text)).to.deep.equal(['Solrosens förskola', 'Ekbackens förskola']);
    expect(root(el).querySelectorAll('.kk-status-history__item')).to.have.length(2);
    expect(text(root(el).querySelector('.kk-bo-message'))).to.contain('Vi har tagit emot er ansökan.');
    await expect(el).to.be.accessible();
    await click(el, 'Tillbaka till Mina ansökningar och placeringar');
    await until(() => focused(el)?.getAttribute('data-kk-bo-row') === shown.id, 'the focus did not go back to the row');
  });

  it('accepts an offer after a confirm step: the answer is sent and kk-offer-answered fired', async () => {
    const offer = offered(10);
    const { el, gateway } = await render({ applications: [offer] });
    await openFirst(el, 'Förskola för Vera Andersson');
    expect(text(root(el).querySelector('[data-kk-bo-offer]'))).to.contain(`Svara senast ${formatDate(offer.offer!.replyBy)}`);
    await expect(el).to.be.accessible();
    await click(el, 'Tacka ja till platsen');
    await until(() => text(focused(el)) === 'Vill du tacka ja till platsen på Solrosens förskola?', 'no confirm step with focus');
    expect(gateway.received.answers).to.have.length(0);
    await expect(el).to.be.accessible();
    const fired = new Promise<CustomEvent>((resolve) => el.addEventListener('kk-offer-answered', resolve as EventListener, { once: true }));
    await click(el, 'Ja, tacka ja');
    const event = await fired;
    expect(event.detail).to.deep.equal({ applicationId: offer.id, answer: 'accepterad' });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(gateway.received.answers).to.deep.equal([{ id: offer.id, body: { answer: 'accepterad' } }]);
    await until(() => text(focused(el)) === 'Du har tackat ja till platsen', 'the result did not take the focus');
    await until(() => live(el) === 'Du har tackat ja till platsen', 'the answer was not announced');
    expect(text(root(el).querySelector('.kk-tag'))).to.equal('Plats accepterad');
    await expect(el).to.be.accessible();
    await click(el, 'Visa placeringen');
    await until(() => root(el).querySelector('.kk-bo-placement h2'), 'the placement did not open');
  });

  it('declines an offer; "Avbryt" on the confirm step sends nothing', async () => {
    const offer = offered(3);
    const { el, gateway } = await render({ applications: [offer] });
    await openFirst(el, 'Förskola för Vera Andersson');
    await click(el, 'Tacka nej');
    await until(() => buttonNamed(el, 'Ja, tacka nej'), 'no confirm step');
    await click(el, 'Avbryt');
    await until(() => buttonNamed(el, 'Tacka nej') && focused(el) === root(el).querySelector('[data-kk-bo-offer] button'), 'cancel did not go back to the buttons');
    await click(el, 'Tacka nej');
    const fired = new Promise<CustomEvent>((resolve) => el.addEventListener('kk-offer-answered', resolve as EventListener, { once: true }));
    await click(el, 'Ja, tacka nej');
    expect((await fired).detail).to.deep.equal({ applicationId: offer.id, answer: 'avbojd' });
    expect(gateway.received.answers).to.deep.equal([{ id: offer.id, body: { answer: 'avbojd' } }]);
    await until(() => text(focused(el)) === 'Du har tackat nej till platsen', 'no result');
    await expect(el).to.be.accessible();
  });

  it('shows the kommun\'s reason when the answer is refused (409), and fires no event', async () => {
    const offer = offered(10);
    const { el, gateway } = await render({ applications: [offer] });
    await openFirst(el, 'Förskola för Vera Andersson');
    // Answered meanwhile, by the other guardian.
    gateway.applications[0] = { ...offer, offer: { ...offer.offer!, answer: 'accepterad', answeredAt: new Date().toISOString() } };
    let fired = false;
    el.addEventListener('kk-offer-answered', () => (fired = true));
    await click(el, 'Tacka ja till platsen');
    await click(el, 'Ja, tacka ja');
    await until(() => text(focused(el)) === 'Svaret kunde inte tas emot', 'the refusal was not shown');
    expect(text(root(el).querySelector('[data-kk-bo-offer]'))).to.contain('Det finns inget erbjudande att svara på.').and.contain('Kontakta Exempelstads kommun');
    expect(fired).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('explains an offer whose reply-by day has passed instead of offering the buttons', async () => {
    const late = offered(-1);
    const { el } = await render({ applications: [late] });
    await openFirst(el, 'Förskola för Vera Andersson');
    const offer = text(root(el).querySelector('[data-kk-bo-offer]'));
    expect(offer).to.contain(`Svarstiden gick ut ${formatDate(late.offer!.replyBy)}`).and.contain('Kontakta Exempelstads kommun');
    expect(buttonNamed(el, 'Tacka ja till platsen')).to.equal(undefined);
    expect(buttonNamed(el, 'Tacka nej')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('withdraws an application after a confirm step, and offers no withdraw once there is an offer', async () => {
    const open = application();
    const { el, gateway } = await render({ applications: [open, offered(5)] });
    await openFirst(el, 'Förskola för Vera Andersson');
    await click(el, 'Återkalla ansökan');
    await until(() => text(focused(el)) === 'Vill du återkalla ansökan?', 'no confirm step');
    await expect(el).to.be.accessible();
    await click(el, 'Ja, återkalla ansökan');
    await until(() => text(focused(el)) === 'Ansökan är återkallad', 'no result');
    expect(gateway.received.withdrawals).to.deep.equal([open.id]);
    expect(text(root(el).querySelector('.kk-tag'))).to.equal('Återkallad');
    await expect(el).to.be.accessible();
    await click(el, 'Tillbaka till Mina ansökningar och placeringar');
    await until(() => text(rows(el)[0]?.querySelector('.kk-tag')) === 'Återkallad', 'the list was not read again');
    rows(el)[1]!.click();
    await until(() => root(el).querySelector('[data-kk-bo-offer] button'), 'the offered application did not open');
    expect(buttonNamed(el, 'Återkalla ansökan')).to.equal(undefined);
  });

  it('sends a message and shows it in the thread', async () => {
    const shown = application({ messages: [kommunMessage('Har Vera några allergier?')] });
    const { el, gateway } = await render({ applications: [shown] });
    await openFirst(el, 'Förskola för Vera Andersson');
    const box = root(el).querySelector<HTMLTextAreaElement>('#kk-bo-thread-message')!;
    box.value = 'Vera är allergisk mot nötter.';
    box.dispatchEvent(new Event('input'));
    await until(() => text(root(el).querySelector('.kk-character-count')) === 'Du har 1 971 tecken kvar', 'no character count');
    await click(el, 'Skicka meddelandet');
    await until(() => root(el).querySelectorAll('.kk-bo-message').length === 2, 'the message was not shown');
    expect(gateway.received.messages).to.deep.equal([{ id: shown.id, body: { text: 'Vera är allergisk mot nötter.' } }]);
    expect(text(root(el).querySelectorAll('.kk-bo-message')[1])).to.contain(guardian.name).and.contain('Vera är allergisk mot nötter.');
    await until(() => live(el) === 'Meddelandet är skickat', 'the send was not announced');
    expect(root(el).querySelector<HTMLTextAreaElement>('#kk-bo-thread-message')!.value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('refuses an empty message with an error summary that links to the box', async () => {
    const { el, gateway } = await render({ applications: [application()] });
    await openFirst(el, 'Förskola för Vera Andersson');
    await click(el, 'Skicka meddelandet');
    await until(() => focused(el)?.hasAttribute('data-kk-error-summary'), 'the error summary did not take the focus');
    const link = root(el).querySelector<HTMLAnchorElement>('.kk-error-summary a')!;
    expect(text(link)).to.equal('Skriv ditt meddelande');
    expect(link.getAttribute('href')).to.equal('#kk-bo-thread-message');
    expect(root(el).querySelector('#kk-bo-thread-message')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    link.click();
    expect(focused(el)?.id).to.equal('kk-bo-thread-message');
    expect(gateway.received.messages).to.have.length(0);
  });

  it('lets the other guardian confirm, and says who sent it', async () => {
    const sent = application({ status: 'inskickad', sentByMe: false, sentBy: otherGuardian, otherGuardianConfirmation: 'vantar' });
    const { el, gateway } = await render({ applications: [sent] });
    await until(() => rows(el).length === 1, 'no list');
    expect(text(rows(el)[0]!.querySelector('.kk-bo-next'))).to.equal('Du behöver bekräfta ansökan innan kommunen kan handlägga den.');
    await openFirst(el, 'Förskola för Vera Andersson');
    const page = text(root(el).querySelector('.kk-bo-application'));
    expect(page).to.contain('Ansökan skickades av Erik Andersson, barnets andra vårdnadshavare.');
    expect(text(root(el).querySelector('[data-kk-bo-confirm]'))).to.contain('Erik Andersson har ansökt om plats för Vera Andersson');
    await expect(el).to.be.accessible();
    await click(el, 'Bekräfta ansökan');
    await until(() => text(focused(el)) === 'Du har bekräftat ansökan', 'no result');
    expect(gateway.received.confirmations).to.deep.equal([sent.id]);
    expect(buttonNamed(el, 'Bekräfta ansökan')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('says clearly when the application is not there (404)', async () => {
    const gone = application();
    const { el, gateway } = await render({ applications: [gone] });
    await until(() => rows(el).length === 1, 'no list');
    gateway.applications.splice(0);
    rows(el)[0]!.click();
    await until(() => text(focused(el)) === 'Vi hittade inte ansökan', 'no clear message');
    expect(text(root(el).querySelector('.kk-bo-application'))).to.contain('Bara barnets vårdnadshavare kan se en ansökan.');
    expect(gateway.received.reads).to.deep.equal([gone.id]);
    await expect(el).to.be.accessible();
  });
});

describe('A placement', () => {
  beforeEach(() => worker.resetHandlers());

  it('gives notice with the last day computed before sending, and shows the result', async () => {
    const active = placement();
    const { el, gateway } = await render({ placements: [active] });
    await openFirst(el, 'Förskola för Vera Andersson');
    await expect(el).to.be.accessible();
    await click(el, 'Säg upp platsen');
    await until(() => text(focused(el)) === 'Säg upp platsen', 'the form did not open');
    const lastDay = () => text(root(el).querySelector('[data-kk-bo-last-day]'));
    expect(lastDay()).to.contain(`Sista dagen blir ${formatDate(expectedLastDay())}.`);
    expect(text(root(el).querySelector('[data-kk-bo-notice]'))).to.contain('Uppsägningstiden är 2 månader.');
    await expect(el).to.be.accessible();
    // A wish inside the notice period: the period's end stays, and says why.
    const date = root(el).querySelector<HTMLInputElement>('#kk-bo-notice-end')!;
    date.value = inDays(7);
    date.dispatchEvent(new Event('input'));
    await until(() => lastDay().includes('ligger inom uppsägningstiden'), 'the early wish was not explained');
    expect(lastDay()).to.contain(formatDate(expectedLastDay()));
    const wished = inDays(120);
    date.value = wished;
    date.dispatchEvent(new Event('input'));
    await until(() => lastDay() === `Sista dagen blir ${formatDate(wished)}.`, 'the wished day was not shown');
    const reason = root(el).querySelector<HTMLInputElement>('#kk-bo-notice-reason')!;
    reason.value = 'Vi flyttar';
    reason.dispatchEvent(new Event('input'));
    await click(el, 'Skicka uppsägningen');
    await until(() => text(focused(el)) === 'Platsen är uppsagd', 'no result');
    expect(gateway.received.notices).to.deep.equal([{ id: active.id, body: { wishedEndDate: wished, reason: 'Vi flyttar' } }]);
    expect(text(root(el).querySelector('[data-kk-bo-notice]'))).to.contain(`Sista dagen är ${formatDate(expectedLastDay(wished))}`);
    expect(text(root(el).querySelector('.kk-tag'))).to.equal('Uppsagd');
    await expect(el).to.be.accessible();
  });
});
