import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import '../src/define.js';
import type { KkMinaFakturor } from '../src/index.js';
import { qrMatrix } from '../src/qr/qr.js';
import { usingQrPayload } from '../src/qr-payload.js';
import { api, gateway, invoice, sampleInvoices, user } from './support.js';

const worker = setupWorker();
before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
after(() => worker.stop());

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (node: Element | ShadowRoot | null | undefined) => node?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const rows = (el: HTMLElement) => [...root(el).querySelectorAll<HTMLButtonElement>('.kk-list__row')];
const buttonNamed = (el: HTMLElement, name: string) => [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === name);
const until = (check: () => unknown, what: string) => waitUntil(check, what, { timeout: 5000 });
const announced = (el: HTMLElement) => text(root(el).querySelector('p[role="status"].kk-visually-hidden'));
// Each test its own kommun: the client (and its login state) is shared per api and kommun on a page.
const render = (kommun: string) => fixture<KkMinaFakturor>(html`<kk-mina-fakturor api=${api} kommun=${kommun}></kk-mina-fakturor>`);
const openFirst = async (el: KkMinaFakturor, label: string) => {
  await until(() => rows(el).some((row) => text(row).includes(label)), 'the list did not load');
  rows(el).find((row) => text(row).includes(label))!.click();
  await until(() => root(el).querySelector('.kk-detail dl'), 'the invoice did not load');
};

describe('<kk-mina-fakturor>', () => {
  beforeEach(() => worker.resetHandlers());

  it('asks an anonymous citizen to log in, saying why', async () => {
    worker.use(...gateway({ signedIn: false }).handlers);
    const el = await render('gate');
    await until(() => buttonNamed(el, 'Logga in med e-legitimation'), 'no login gate');
    expect(text(root(el))).to.contain('Mina fakturor').and.contain('för att se dina fakturor');
    await expect(el).to.be.accessible();
  });

  it('asks for the list beside auth/me, not after it, and once', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const fake = gateway();
    worker.use(...fake.handlers);
    // The login state is held back: the list must be on its way without it.
    worker.use(
      http.get(`${api}/api/v1/:kommun/auth/me`, async () => {
        await held;
        return HttpResponse.json({ ...user, expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
      }),
    );
    const el = await render('parallel');
    await until(() => fake.received.queries.length === 1, 'the list was not asked for while auth/me was pending');
    release();
    await until(() => rows(el).length > 0, 'the list did not show');
    await el.updateComplete;
    expect(fake.received.queries.length).to.equal(1);
  });

  it('an anonymous citizen\'s early list request (a 401) leaves the login gate, without "Du har blivit utloggad"', async () => {
    const fake = gateway({ signedIn: false });
    worker.use(...fake.handlers);
    const el = await render('anonymous-early');
    await until(() => buttonNamed(el, 'Logga in med e-legitimation'), 'no login gate');
    expect(text(root(el))).not.to.contain('utloggad');
    expect(fake.received.queries.length).to.be.at.most(1);
  });

  it('shows a spinner while the list loads', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    worker.use(...gateway().handlers);
    // Used last, so it answers the list before the gateway's handler does.
    worker.use(
      http.get(`${api}/api/v1/:kommun/fakturor/invoices`, async () => {
        await held;
        return HttpResponse.json({ items: [], page: 1, pageSize: 10, total: 0, years: [] });
      }),
    );
    const el = await render('loading');
    await until(() => text(root(el)).includes('Hämtar dina fakturor'), 'no spinner');
    await expect(el).to.be.accessible();
    release();
    await until(() => text(root(el)).includes('Du har inga obetalda fakturor'), 'the empty list did not show');
    await expect(el).to.be.accessible();
  });

  it('says so when the list cannot be read, and reads it again on "Försök igen"', async () => {
    worker.use(...gateway({ listFails: true }).handlers);
    const el = await render('error');
    await until(() => buttonNamed(el, 'Försök igen'), 'no error');
    expect(text(root(el))).to.contain('Vi kunde inte hämta dina fakturor');
    await expect(el).to.be.accessible();
    worker.resetHandlers();
    worker.use(...gateway().handlers);
    buttonNamed(el, 'Försök igen')!.click();
    await until(() => rows(el).length > 0, 'no list after the retry');
  });

  it('lists unpaid first, overdue on top and said in words, and asks for the filter and year chosen', async () => {
    const fake = gateway();
    worker.use(...fake.handlers);
    const el = await render('list');
    await until(() => rows(el).length === 2, 'the unpaid list did not load');
    expect(fake.received.queries[0]!.get('filter')).to.equal('unpaid');
    expect(text(rows(el)[0])).to.contain('Vatten och avfall').and.contain('Förfallen').and.contain('2 150,00 kr');
    expect(text(rows(el)[1])).to.contain('Barnomsorgsavgift november').and.contain('Att betala');
    await expect(el).to.be.accessible();

    root(el).querySelector<HTMLInputElement>('input[name="filter"][value="all"]')!.click();
    await until(() => rows(el).length === 4, 'the whole list did not load');
    expect(fake.received.queries.at(-1)!.get('filter')).to.equal('all');
    // The credit note right under the invoice it credits.
    const titles = rows(el).map((row) => text(row.querySelector('.kk-list__title')));
    expect(titles.indexOf('Kreditfaktura: Kredit barnomsorgsavgift oktober')).to.equal(titles.indexOf('Barnomsorgsavgift oktober') + 1);
    expect(text(rows(el)[titles.indexOf('Barnomsorgsavgift oktober')])).to.contain('Betald').and.contain('Krediterad med');
    await expect(el).to.be.accessible();

    const year = root(el).querySelector<HTMLSelectElement>('#kk-fa-year')!;
    year.value = '2026';
    year.dispatchEvent(new Event('change'));
    await until(() => fake.received.queries.at(-1)!.get('year') === '2026', 'the year was not asked for');
    expect(fake.received.queries.at(-1)!.get('filter')).to.equal('all');

    root(el).querySelector<HTMLInputElement>('input[name="filter"][value="paid"]')!.click();
    await until(() => fake.received.queries.at(-1)!.get('filter') === 'paid', 'the paid filter was not asked for');
    await until(() => rows(el).length === 2, 'the paid list did not load');
  });

  it('says so when there are no invoices', async () => {
    worker.use(...gateway({ invoices: [] }).handlers);
    const el = await render('empty');
    await until(() => text(root(el)).includes('Du har inga obetalda fakturor'), 'no empty text');
    await expect(el).to.be.accessible();
  });

  it('opens an invoice with kk-invoice-opened, its lines, VAT, rounding, PDF link and QR code, and copies the OCR number', async () => {
    const whole = invoice({ label: 'Barnomsorgsavgift december' });
    worker.use(...gateway({ invoices: [whole] }).handlers);
    const el = await render('open');
    await until(() => rows(el).length === 1, 'the list did not load');
    const opened = new Promise<CustomEvent>((resolve) => el.addEventListener('kk-invoice-opened', resolve as EventListener, { once: true }));
    rows(el)[0]!.click();
    expect((await opened).detail).to.deep.equal({ invoiceId: whole.id });
    await until(() => root(el).querySelector('#kk-fa-ocr'), 'the invoice did not load');
    const detail = text(root(el).querySelector('.kk-detail'));
    expect(detail).to.contain('Förskola, avgift').and.contain('Period 1 november 2026 – 30 november 2026').and.contain('Öresavrundning').and.contain('−0,40 kr').and.contain('1 234,50 kr');
    expect(root(el).querySelector<HTMLInputElement>('#kk-fa-account')!.value).to.equal('5678-1234');
    const pdf = root(el).querySelector<HTMLAnchorElement>('a.kk-fa-pdf')!;
    expect(pdf.getAttribute('href')).to.equal(`${api}/api/v1/open/fakturor/invoices/${whole.id}/pdf`);

    await until(() => root(el).querySelector('svg[part="qr"] path'), 'no QR code');
    const path = root(el).querySelector('svg[part="qr"] path')!.getAttribute('d')!;
    const dark = new Set([...path.matchAll(/M(\d+) (\d+)/g)].map(([, x, y]) => `${Number(x) - 4},${Number(y) - 4}`));
    const expected = new Set(qrMatrix(usingQrPayload(whole)!).flatMap((row, y) => row.flatMap((on, x) => (on ? [`${x},${y}`] : []))));
    expect(dark.size).to.be.greaterThan(100);
    expect([...dark].sort()).to.deep.equal([...expected].sort());
    expect(root(el).querySelector('svg[part="qr"]')!.getAttribute('aria-label')).to.equal('QR-kod för betalning i bankappen');
    await expect(el).to.be.accessible();

    let copied = '';
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: (value: string) => ((copied = value), Promise.resolve()) } });
    try {
      buttonNamed(el, 'Kopiera OCR-numret')!.click();
      await until(() => announced(el) === 'OCR-numret är kopierat', 'the copy was not announced');
      expect(copied).to.equal('1234567897');
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
      buttonNamed(el, 'Kopiera bankgironumret')!.click();
      await until(() => announced(el).startsWith('Bankgironumret är markerat'), 'the fallback was not announced');
      expect(root(el).activeElement?.id).to.equal('kk-fa-account');
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
    await expect(el).to.be.accessible();
  });

  it('disputes an invoice: an empty text is an error linked to the field, a sent one shows in the history', async () => {
    const whole = invoice({ label: 'Barnomsorgsavgift december' });
    const fake = gateway({ invoices: [whole] });
    worker.use(...fake.handlers);
    const el = await render('dispute');
    await openFirst(el, 'Barnomsorgsavgift december');
    buttonNamed(el, 'Bestrid faktura')!.click();
    await until(() => root(el).activeElement?.id === 'kk-fa-message', 'focus did not move to the text');
    buttonNamed(el, 'Skicka')!.click();
    await until(() => root(el).querySelector('[data-kk-error-summary]'), 'no error summary');
    const link = root(el).querySelector<HTMLAnchorElement>('[data-kk-error-summary] a')!;
    expect(link.getAttribute('href')).to.equal('#kk-fa-message');
    expect(text(link)).to.equal('Skriv varför du bestrider fakturan');
    await until(() => root(el).activeElement?.hasAttribute('data-kk-error-summary'), 'the summary did not take focus');
    await expect(el).to.be.accessible();
    link.click();
    expect(root(el).activeElement?.id).to.equal('kk-fa-message');

    const area = root(el).querySelector<HTMLTextAreaElement>('#kk-fa-message')!;
    area.value = 'Min son hade ingen plats i november.';
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    buttonNamed(el, 'Skicka')!.click();
    await until(() => announced(el) === 'Ditt bestridande är skickat', 'the sent message was not announced');
    expect(fake.received.messages).to.have.length(1);
    expect(fake.received.messages[0]).to.include({ kind: 'bestrid', text: 'Min son hade ingen plats i november.' });
    const history = text(root(el).querySelector('#kk-fa-history'));
    expect(history).to.contain('Du bestred fakturan').and.contain('Min son hade ingen plats i november.');
    expect(text(root(el).querySelector('.kk-detail'))).to.contain('bestriden');
    await expect(el).to.be.accessible();

    // Back on the list, it is read again and the row takes the focus back.
    const reads = fake.received.queries.length;
    buttonNamed(el, 'Tillbaka till mina fakturor')!.click();
    await until(() => fake.received.queries.length === reads + 1, 'the list was not read again');
    await until(() => root(el).activeElement?.getAttribute('data-kk-list-row') === whole.id, 'focus did not go back to the row');
  });

  it('asks for a payment plan: a failed send keeps the text, the next one is sent', async () => {
    const fake = gateway({ invoices: [invoice({ label: 'Vatten och avfall' })] });
    worker.use(...fake.handlers);
    worker.use(
      http.post(`${api}/api/v1/:kommun/fakturor/invoices/:id/messages`, () => HttpResponse.json({ type: 'urn:kommunkit:problem:unavailable', title: 'Tjänsten är inte tillgänglig just nu', status: 503 }, { status: 503, headers: { 'content-type': 'application/problem+json' } }), { once: true }),
    );
    const el = await render('plan');
    await openFirst(el, 'Vatten och avfall');
    buttonNamed(el, 'Begär avbetalningsplan')!.click();
    await until(() => root(el).activeElement?.id === 'kk-fa-message', 'focus did not move to the text');
    const area = root(el).querySelector<HTMLTextAreaElement>('#kk-fa-message')!;
    area.value = 'Tre månader, tack.';
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    buttonNamed(el, 'Skicka')!.click();
    await until(() => root(el).querySelector('[data-kk-fa-failure]'), 'no failure shown');
    expect(root(el).querySelector<HTMLTextAreaElement>('#kk-fa-message')!.value).to.equal('Tre månader, tack.');
    await expect(el).to.be.accessible();
    buttonNamed(el, 'Skicka')!.click();
    await until(() => announced(el) === 'Din begäran om avbetalningsplan är skickad', 'the request was not announced');
    expect(fake.received.messages).to.deep.equal([{ kind: 'avbetalningsplan', text: 'Tre månader, tack.', id: fake.received.messages[0]!.id }]);
    expect(text(root(el).querySelector('#kk-fa-history'))).to.contain('Du bad om en avbetalningsplan').and.contain('Tre månader, tack.');
  });

  it('speaks English with lang="en"', async () => {
    worker.use(...gateway().handlers);
    const el = await fixture<KkMinaFakturor>(html`<kk-mina-fakturor api=${api} kommun="english" lang="en"></kk-mina-fakturor>`);
    // The translations are a chunk of their own: the widget shows them once they are there.
    await until(() => rows(el).length === 2 && text(root(el)).includes('My invoices'), 'the English list did not show');
    expect(text(root(el))).to.contain('Unpaid');
    expect(text(rows(el)[0])).to.contain('Overdue').and.contain('SEK 2,150.00');
    await expect(el).to.be.accessible();
  });

  it('comes back from the login to the invoice that was open', async () => {
    const invoices = sampleInvoices();
    worker.use(...gateway({ invoices }).handlers);
    sessionStorage.setItem('kommunkit:login-return:return:kk-mina-fakturor', JSON.stringify({ step: `faktura:${invoices[0]!.id}`, at: Date.now() }));
    const el = await render('return');
    await until(() => root(el).querySelector('#kk-fa-ocr'), 'the invoice did not open');
    expect(text(root(el).querySelector('.kk-detail h2'))).to.equal('Barnomsorgsavgift november');
  });

  it('says so when an invoice is not there (anyone else\'s is a 404)', async () => {
    const invoices = sampleInvoices();
    worker.use(...gateway({ invoices, missing: [invoices[0]!.id] }).handlers);
    const el = await render('missing');
    await until(() => rows(el).length > 0, 'the list did not load');
    rows(el).find((row) => text(row).includes('Barnomsorgsavgift november'))!.click();
    await until(() => text(root(el)).includes('Vi hittade inte fakturan'), 'no not-found message');
    await expect(el).to.be.accessible();
    buttonNamed(el, 'Tillbaka till mina fakturor')!.click();
    await until(() => rows(el).length > 0, 'not back on the list');
  });
});
