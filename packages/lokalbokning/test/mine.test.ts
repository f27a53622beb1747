import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import '../src/define.js';
import type { KkLokalbokning } from '../src/index.js';
import { booking, fromNow, mineApi as api, mineGateway, mineUnavailable } from './support-mine.js';

const worker = setupWorker();
before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
after(() => worker.stop());

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (node: Element | ShadowRoot | null | undefined) => node?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const rows = (el: HTMLElement) => [...root(el).querySelectorAll('.kk-list__row')];
const buttonNamed = (el: HTMLElement, name: string) => [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === name);
const until = (check: () => unknown, what: string) => waitUntil(check, what, { timeout: 5000 });
const announced = (el: HTMLElement) => text(root(el).querySelector('[role="status"].kk-visually-hidden'));
const cancelText = (el: HTMLElement) => text(root(el).querySelector('[data-kk-cancel]'));
const day = 86_400_000;
const render = (kommun: string) => fixture<KkLokalbokning>(html`<kk-lokalbokning api=${api} kommun=${kommun} view="mina"></kk-lokalbokning>`);

describe('Mina bokningar', () => {
  beforeEach(() => worker.resetHandlers());

  it('asks an anonymous citizen to log in first', async () => {
    worker.use(...mineGateway({ signedIn: false }).handlers);
    const el = await render('gate-mine');
    await until(() => buttonNamed(el, 'Logga in med e-legitimation'), 'no login gate');
    expect(text(root(el))).to.contain('Mina bokningar');
    await expect(el).to.be.accessible();
  });

  it('lists upcoming bookings first, opens one, cancels it after a confirm step and fires kk-booking-cancelled', async () => {
    const later = booking({ start: fromNow(10 * 86_400_000) });
    const soon = booking({ start: fromNow(3 * 86_400_000) });
    const past = booking({ start: fromNow(-10 * 86_400_000), lokalName: 'Mötesrum A' });
    const gateway = mineGateway({ bookings: [past, later, soon] });
    worker.use(...gateway.handlers);
    const el = await render('lista-mine');
    await until(() => rows(el).length === 3, 'the list did not load');
    expect(rows(el).map((row) => row.getAttribute('data-kk-list-row'))).to.deep.equal([soon.id, later.id, past.id]);
    await expect(el).to.be.accessible();
    (rows(el)[0] as HTMLButtonElement).click();
    await until(() => buttonNamed(el, 'Avboka'), 'no cancel button');
    expect(text(root(el).querySelector('.kk-detail'))).to.contain(soon.reference).and.contain('Du kan avboka fram till');
    await expect(el).to.be.accessible();
    buttonNamed(el, 'Avboka')!.click();
    await until(() => buttonNamed(el, 'Ja, avboka'), 'no confirm step');
    expect(text(root(el).activeElement)).to.contain('Vill du avboka Sporthallen Centrum');
    await expect(el).to.be.accessible();
    const fired = new Promise<CustomEvent>((resolve) => el.addEventListener('kk-booking-cancelled', resolve as EventListener, { once: true }));
    buttonNamed(el, 'Ja, avboka')!.click();
    const event = await fired;
    expect(event.detail).to.deep.equal({ bookingId: soon.id, lokalId: soon.lokalId, start: soon.start, end: soon.end });
    await until(() => text(root(el).activeElement) === 'Bokningen är avbokad', 'focus did not move to the notice');
    expect(text(root(el).querySelector('[role="status"].kk-visually-hidden'))).to.equal('Bokningen är avbokad');
    expect(gateway.received.cancels).to.deep.equal([soon.id]);
    await expect(el).to.be.accessible();
  });

  it('says so when there are no bookings yet', async () => {
    worker.use(...mineGateway({ bookings: [] }).handlers);
    const el = await render('tom-mine');
    await until(() => root(el).querySelector('.kk-list__empty'), 'no empty text');
    expect(text(root(el).querySelector('.kk-list__empty'))).to.equal('Du har inga bokningar ännu. Det du bokar när du är inloggad visas här.');
    expect(root(el).querySelector('.kk-pager')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says so when the bookings cannot be fetched, and "Försök igen" fetches them again', async () => {
    const gateway = mineGateway({ bookings: [booking()] });
    worker.use(...gateway.handlers);
    worker.use(...mineUnavailable('bookings/mine'));
    const el = await render('fel-mine');
    await waitUntil(() => root(el).querySelector('.kk-alert--error'), 'no error', { timeout: 9000 });
    expect(text(root(el).querySelector('.kk-alert--error'))).to.contain('Det gick inte att hämta dina bokningar just nu');
    await expect(el).to.be.accessible();
    // The gateway is back.
    worker.resetHandlers();
    worker.use(...gateway.handlers);
    buttonNamed(el, 'Försök igen')!.click();
    await until(() => rows(el).length === 1, 'the retry did not load the list');
    await expect(el).to.be.accessible();
  });

  it('shows every status in words', async () => {
    const items = [
      booking({ status: 'preliminar', start: fromNow(2 * day) }),
      booking({ status: 'bekraftad', start: fromNow(3 * day) }),
      booking({ status: 'avbojd', start: fromNow(4 * day), cancellableUntil: null }),
      booking({ status: 'avbokad', start: fromNow(5 * day), cancellableUntil: null }),
    ];
    worker.use(...mineGateway({ bookings: items }).handlers);
    const el = await render('status-mine');
    await until(() => rows(el).length === 4, 'the list did not load');
    expect(rows(el).map((row) => text(row.querySelector('.kk-list__status')))).to.deep.equal(['Preliminär (väntar på besked)', 'Bekräftad', 'Avböjd', 'Avbokad']);
    await expect(el).to.be.accessible();
    // A cancelled booking offers neither cancelling nor its .ics.
    (rows(el)[3] as HTMLButtonElement).click();
    await until(() => root(el).querySelector('.kk-detail'), 'no detail');
    expect(buttonNamed(el, 'Avboka')).to.equal(undefined);
    expect(root(el).querySelector('a[download]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('explains a cancel deadline that has passed instead of offering a button', async () => {
    const late = booking({ start: fromNow(10 * 3_600_000), cancellableUntil: fromNow(-14 * 3_600_000) });
    worker.use(...mineGateway({ bookings: [late] }).handlers);
    const el = await render('sent-mine');
    await until(() => rows(el).length === 1, 'the list did not load');
    (rows(el)[0] as HTMLButtonElement).click();
    await until(() => root(el).querySelector('.kk-detail'), 'no detail');
    expect(cancelText(el)).to.match(/^Avbokningstiden gick ut .+\. Kontakta Exempelstads kommun om du inte kan komma\.$/);
    expect(root(el).querySelector('[data-kk-cancel] button')).to.equal(null);
    // The .ics is there still: the booking stands.
    expect(root(el).querySelector('a[download]')!.getAttribute('href')).to.contain(`/bookings/${late.id}/calendar.ics`);
    await expect(el).to.be.accessible();
  });

  it('keeps the booking on "Nej, behåll bokningen", and shows the refusal when the kommun says no (409)', async () => {
    const one = booking();
    const gateway = mineGateway({ bookings: [one], refuseCancel: 'Bokningen är redan fakturerad.' });
    worker.use(...gateway.handlers);
    const el = await render('neka-mine');
    const events: Event[] = [];
    el.addEventListener('kk-booking-cancelled', (event) => events.push(event));
    await until(() => rows(el).length === 1, 'the list did not load');
    (rows(el)[0] as HTMLButtonElement).click();
    await until(() => buttonNamed(el, 'Avboka'), 'no cancel button');
    buttonNamed(el, 'Avboka')!.click();
    await until(() => buttonNamed(el, 'Nej, behåll bokningen'), 'no confirm step');
    buttonNamed(el, 'Nej, behåll bokningen')!.click();
    await until(() => root(el).activeElement === buttonNamed(el, 'Avboka'), 'focus did not go back to "Avboka"');
    expect(gateway.received.cancels).to.deep.equal([]);
    buttonNamed(el, 'Avboka')!.click();
    await until(() => buttonNamed(el, 'Ja, avboka'), 'no confirm step');
    buttonNamed(el, 'Ja, avboka')!.click();
    await until(() => text(root(el).activeElement) === 'Bokningen kunde inte avbokas', 'no refusal');
    expect(cancelText(el)).to.contain('Bokningen är redan fakturerad.').and.contain('Kontakta Exempelstads kommun');
    expect(events).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('fires kk-booking-cancelled bubbling out of the shadow root with ids and times only', async () => {
    const one = booking({ purpose: 'Kalas för Olle', attendees: 30 });
    const gateway = mineGateway({ bookings: [one] });
    worker.use(...gateway.handlers);
    const el = await render('handelse-mine');
    const fired = new Promise<CustomEvent>((resolve) => document.addEventListener('kk-booking-cancelled', resolve as EventListener, { once: true }));
    await until(() => rows(el).length === 1, 'the list did not load');
    (rows(el)[0] as HTMLButtonElement).click();
    await until(() => buttonNamed(el, 'Avboka'), 'no cancel button');
    buttonNamed(el, 'Avboka')!.click();
    await until(() => buttonNamed(el, 'Ja, avboka'), 'no confirm step');
    buttonNamed(el, 'Ja, avboka')!.click();
    const event = await fired;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(Object.keys(event.detail as object).sort()).to.deep.equal(['bookingId', 'end', 'lokalId', 'start']);
    expect(gateway.received.cancels).to.deep.equal([one.id]);
    // The list row says so too, back on the list.
    await until(() => announced(el) === 'Bokningen är avbokad', 'not announced');
    buttonNamed(el, 'Tillbaka till Mina bokningar')!.click();
    await until(() => rows(el).length === 1, 'no list');
    expect(text(rows(el)[0]!.querySelector('.kk-list__status'))).to.equal('Avbokad');
    expect(root(el).activeElement).to.equal(rows(el)[0]);
    await expect(el).to.be.accessible();
  });

  it('asks for the next page and moves focus to the list heading', async () => {
    const items = Array.from({ length: 25 }, (_, index) => booking({ start: fromNow((index + 2) * day), lokalName: `Lokal ${String(index + 1)}` }));
    const gateway = mineGateway({ bookings: items });
    worker.use(...gateway.handlers);
    const el = await render('sidor-mine');
    await until(() => rows(el).length === 10, 'the first page did not load');
    const next = [...root(el).querySelectorAll<HTMLButtonElement>('.kk-pager button')].find((b) => text(b).startsWith('Nästa'))!;
    next.focus();
    next.click();
    await until(() => text(rows(el)[0]?.querySelector('.kk-list__title')) === 'Lokal 11', 'the second page did not load');
    expect(gateway.received.bookingPages.at(-1)).to.contain('page=2');
    expect(text(root(el).activeElement)).to.equal('Mina bokningar');
    expect(text(root(el).querySelector('[aria-current=page]'))).to.equal('2');
    await expect(el).to.be.accessible();
  });

  describe('calendar feed', () => {
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
    afterEach(() => Object.defineProperty(Navigator.prototype, 'clipboard', clipboard));

    async function feed(kommun: string): Promise<KkLokalbokning> {
      worker.use(...mineGateway({ bookings: [booking()] }).handlers);
      const el = await render(kommun);
      await until(() => buttonNamed(el, 'Skapa kalenderadress'), 'no feed button');
      buttonNamed(el, 'Skapa kalenderadress')!.click();
      await until(() => root(el).querySelector<HTMLInputElement>('#kk-lb-feed-url'), 'no address');
      await until(() => announced(el) === 'Din kalenderadress är klar', 'the address was not announced');
      expect(root(el).activeElement?.id).to.equal('kk-lb-feed-url');
      return el;
    }

    it('makes the private address, copies it and says so', async () => {
      let copied: string | undefined;
      Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: () => ({ writeText: async (value: string) => void (copied = value) }) });
      const el = await feed('kalender-mine');
      const url = root(el).querySelector<HTMLInputElement>('#kk-lb-feed-url')!.value;
      expect(url).to.match(/\/calendar-feed\/hemlig0+1\.ics$/);
      await expect(el).to.be.accessible();
      buttonNamed(el, 'Kopiera adressen')!.click();
      await until(() => announced(el) === 'Kopierad', 'the copy was not announced');
      expect(copied).to.equal(url);
      expect(text(root(el).querySelector('.kk-lb-copied'))).to.equal('Kopierad');
      await expect(el).to.be.accessible();
    });

    it('selects the address for the keys when there is no clipboard', async () => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: () => ({ writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) }) });
      const el = await feed('urklipp-mine');
      buttonNamed(el, 'Kopiera adressen')!.click();
      await until(() => announced(el).startsWith('Adressen är markerad'), 'not announced');
      const input = root(el).querySelector<HTMLInputElement>('#kk-lb-feed-url')!;
      expect(root(el).activeElement).to.equal(input);
      expect([input.selectionStart, input.selectionEnd]).to.deep.equal([0, input.value.length]);
      await expect(el).to.be.accessible();
    });
  });
});


describe('Mina bokningar from the find page', () => {
  beforeEach(() => worker.resetHandlers());

  it('loads the bookings when a logged-in citizen opens them from the find page', async () => {
    const one = booking();
    worker.use(...mineGateway({ bookings: [one] }).handlers);
    const el = await fixture<KkLokalbokning>(html`<kk-lokalbokning api=${api} kommun="fran-sok" lang="sv"></kk-lokalbokning>`);
    await until(() => buttonNamed(el, 'Mina bokningar'), 'no "Mina bokningar" for a logged-in citizen');
    buttonNamed(el, 'Mina bokningar')!.click();
    await until(() => rows(el).length === 1, `the list did not load: ${text(root(el)).slice(0, 200)}`);
    expect(el.view).to.equal('mina');
    await until(() => text(root(el).activeElement) === 'Mina bokningar', 'focus did not move to the heading');
    await expect(el).to.be.accessible();
  });
});
