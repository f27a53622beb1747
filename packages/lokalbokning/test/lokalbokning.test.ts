import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { sendKeys } from '@web/test-runner-commands';
import { getClient } from '@kommunkit/sdk';
import { setupWorker } from 'msw/browser';
import type { KkLokalbokning } from '../src/index.js';
import '../src/define.js';
import { api, availabilityFor, booking, handlers, received, sporthall } from './support.js';

const worker = setupWorker(...handlers());

const root = (el: KkLokalbokning) => el.shadowRoot!;
const text = (element: Element | ShadowRoot | null | undefined) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const active = (el: KkLokalbokning) => root(el).activeElement as HTMLElement | null;
const buttonNamed = (el: KkLokalbokning, name: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((candidate) => text(candidate).startsWith(name));

async function render(attributes: { lokal?: string; lang?: string; api?: string } = {}): Promise<KkLokalbokning> {
  return fixture<KkLokalbokning>(html`<kk-lokalbokning api=${attributes.api ?? api} kommun="exempelstad" lokal=${attributes.lokal ?? ''} lang=${attributes.lang ?? 'sv'}></kk-lokalbokning>`);
}

const results = (el: KkLokalbokning) => waitUntil(() => root(el).querySelector('.kk-lok-count'), 'the results did not show', { timeout: 5000 });
const grid = (el: KkLokalbokning) => waitUntil(() => root(el).querySelector('[role=grid]'), 'the week grid did not show', { timeout: 5000 });

async function fill(el: KkLokalbokning, id: string, value: string): Promise<void> {
  const field = root(el).getElementById(id) as HTMLInputElement;
  field.focus();
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  field.blur();
  await el.updateComplete;
}

before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
after(() => worker.stop());
afterEach(() => {
  worker.resetHandlers();
  // A test's kept choice (the login round trip) is not the next test's.
  sessionStorage.clear();
});

describe('<kk-lokalbokning> find', () => {
  it('lists the lokaler with their key facts', async () => {
    const el = await render();
    await results(el);
    expect(text(root(el).querySelector('.kk-lok-count'))).to.equal('2 lokaler hittades');
    const first = root(el).querySelector('.kk-lok-result')!;
    expect(text(first)).to.contain('Norrhallen');
    expect(text(first)).to.contain('Idrottshall');
    expect(text(first)).to.contain('högst 60');
    expect(text(first)).to.contain('Stegfri entré, Tillgänglig toalett');
    expect(text(first)).to.contain('Bekräftas direkt');
    // 400 kr + 6 % VAT.
    expect(text(first).replace(/\s/g, ' ')).to.match(/från 424(,00)? kr per timme/);
    expect(text(root(el).querySelectorAll('.kk-lok-result')[1])).to.contain('Kommunen bekräftar bokningen');
    await expect(el).to.be.accessible();
  });

  it('sends the filters, a free span with its Stockholm offset, and says when nothing matches', async () => {
    const el = await render();
    await results(el);
    const select = root(el).getElementById('kk-lok-type') as HTMLSelectElement;
    select.value = 'motesrum';
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await fill(el, 'kk-lok-minCapacity', '20');
    await fill(el, 'kk-lok-date', '2026-12-08');
    await fill(el, 'kk-lok-fromTime', '18:00');
    await fill(el, 'kk-lok-toTime', '20:00');
    buttonNamed(el, 'Sök lokaler')!.click();
    await waitUntil(() => text(root(el).querySelector('.kk-lok-count')) === '0 lokaler hittades', 'no empty result', { timeout: 5000 });
    expect(received.search?.get('type')).to.equal('motesrum');
    expect(received.search?.get('minCapacity')).to.equal('20');
    expect(received.search?.get('freeFrom')).to.equal('2026-12-08T18:00:00+01:00');
    expect(received.search?.get('freeTo')).to.equal('2026-12-08T20:00:00+01:00');
    expect(text(root(el))).to.contain('Ingen lokal passar din sökning');
    await expect(el).to.be.accessible();
  });

  it('shows errors in the summary linked to the fields', async () => {
    const el = await render();
    await results(el);
    await fill(el, 'kk-lok-minCapacity', 'många');
    await fill(el, 'kk-lok-fromTime', '20:00');
    await fill(el, 'kk-lok-toTime', '18:00');
    buttonNamed(el, 'Sök lokaler')!.click();
    await el.updateComplete;
    const links = [...root(el).querySelectorAll<HTMLAnchorElement>('.kk-error-summary a')].map((a) => [a.getAttribute('href'), text(a)]);
    expect(links).to.deep.include(['#kk-lok-minCapacity', 'Skriv antal personer med siffror, till exempel 20']);
    expect(links).to.deep.include(['#kk-lok-toTime', 'Sluttiden måste vara efter starttiden']);
    await expect(el).to.be.accessible();
  });

  it('says so when the search fails, with a retry', async () => {
    worker.use(...handlers({ failSearch: true }));
    const el = await render();
    await waitUntil(() => text(root(el)).includes('Vi kunde inte hämta lokalerna'), 'no error', { timeout: 5000 });
    expect(buttonNamed(el, 'Försök igen')).not.to.equal(undefined);
    await expect(el).to.be.accessible();
  });
});

describe('<kk-lokalbokning> a lokal', () => {
  it('opens from the results with focus on its heading, facts, prices with VAT and the rules in words', async () => {
    const el = await render();
    await results(el);
    buttonNamed(el, 'Visa lokal och lediga tider')!.click();
    await grid(el);
    await waitUntil(() => active(el)?.matches('[data-kk-focus-target]'), 'focus did not move to the heading');
    expect(text(active(el))).to.equal('Norrhallen');
    const page = text(root(el));
    expect(page).to.contain('Innebandymål');
    expect(page).to.contain('Öppet måndag 08:00–22:00');
    expect(page).to.contain('Stängt helgdagar');
    expect(page).to.contain('Du kan boka högst 90 dagar framåt');
    expect(page).to.contain('Boka senast 2 timmar innan tiden börjar');
    expect(page).to.contain('Du kan avboka fram till 48 timmar innan tiden börjar');
    expect(page).to.contain('Bokningen bekräftas direkt');
    expect(root(el).querySelector('img')!.alt).to.equal('Norrhallen inifrån med linjer för handboll');
    expect(text(root(el).querySelector('.kk-lok-prices tbody tr'))).to.match(/Privatperson.*400.*6 %.*24.*424/);
    await expect(el).to.be.accessible();
  });

  it('moves through the week grid by keyboard and picks with Enter', async () => {
    const el = await render({ lokal: 'norrhallen' });
    await grid(el);
    const cells = () => [...root(el).querySelectorAll<HTMLElement>('[role=gridcell]')];
    const tabbable = () => cells().find((cell) => cell.tabIndex === 0)!;
    tabbable().focus();
    expect(active(el)?.dataset.kkRow).to.equal('0');
    expect(active(el)?.dataset.kkColumn).to.equal('0');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(active(el)?.dataset.kkColumn).to.equal('1');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(active(el)?.dataset.kkRow).to.equal('1');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(active(el)?.dataset.kkColumn).to.equal('6');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(active(el)?.dataset.kkColumn).to.equal('0');
    // Column 1 (Tuesday) at 19:00 is free.
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const chosen = root(el).querySelector('[aria-selected=true]') as HTMLElement;
    expect(chosen.dataset.kkSlot).to.match(/T19:00:00\+01:00$/);
    expect(text(root(el).querySelector('.kk-lok-chosen'))).to.contain('Vald tid');
    await expect(el).to.be.accessible();
  });

  it('lists the same free times per day, and jumps to the next free time', async () => {
    const el = await render({ lokal: 'norrhallen' });
    await grid(el);
    const listed = root(el).querySelectorAll('.kk-lok-freelist__times button').length;
    const free = root(el).querySelectorAll('[role=gridcell]:not([aria-disabled])').length;
    expect(listed).to.equal(free);
    expect(listed).to.be.greaterThan(0);
    buttonNamed(el, 'Nästa lediga tid')!.click();
    await waitUntil(() => received.availability?.get('from') === '2026-12-07', 'did not go to the week of the next free time', { timeout: 5000 });
    await waitUntil(() => root(el).querySelector('[aria-selected=true]'), 'the next free time was not chosen', { timeout: 5000 });
    expect((root(el).querySelector('[aria-selected=true]') as HTMLElement).dataset.kkSlot).to.equal('2026-12-07T18:00:00+01:00');
    await expect(el).to.be.accessible();
  });

  it('says the rules in words with the right number forms', async () => {
    const strict = { ...sporthall, id: 'strikt', rules: { ...sporthall.rules, bookAheadDays: 1, minNoticeMinutes: 90, minMinutes: 60, maxMinutes: 60, cancelBeforeHours: 1 } };
    const open = { ...sporthall, id: 'oppen', rules: { ...sporthall.rules, minNoticeMinutes: 60, cancelBeforeHours: 0 } };
    worker.use(...handlers({ lokaler: [strict, open] }));
    const el = await render({ lokal: 'strikt' });
    await grid(el);
    let page = text(root(el));
    expect(page).to.contain('Du kan boka högst 1 dag framåt');
    expect(page).to.contain('Boka senast 90 minuter innan tiden börjar');
    expect(page).to.contain('En bokning är 60 minuter lång');
    expect(page).to.contain('Du kan avboka fram till 1 timme innan tiden börjar');
    el.lokal = 'oppen';
    await waitUntil(() => text(root(el)).includes('Du kan avboka fram till att tiden börjar'), 'the other lokal did not show', { timeout: 5000 });
    page = text(root(el));
    expect(page).to.contain('Boka senast 1 timme innan tiden börjar');
    expect(page).to.contain('En bokning är 60–180 minuter lång');
    await expect(el).to.be.accessible();
  });

  it('speaks English', async () => {
    const el = await render({ lokal: 'motesrum-a', lang: 'en' });
    await grid(el);
    // The English translations are a chunk of their own.
    await waitUntil(() => text(root(el)).includes('Closed on public holidays'), 'no English', { timeout: 5000 });
    const page = text(root(el));
    expect(page).to.contain('Free times as a list');
    expect(page).to.contain('Your booking is preliminary until the municipality confirms it');
    await expect(el).to.be.accessible();
  });
});

describe('<kk-lokalbokning> booking', () => {
  async function chooseAndBook(el: KkLokalbokning): Promise<void> {
    await grid(el);
    buttonNamed(el, 'Nästa lediga tid')!.click();
    await waitUntil(() => root(el).querySelector('[aria-selected=true]'), 'no time chosen', { timeout: 5000 });
    buttonNamed(el, 'Boka vald tid')!.click();
    await el.updateComplete;
  }

  it('asks for a login only when booking, and keeps the chosen time for the round trip', async () => {
    const el = await render({ lokal: 'norrhallen' });
    await chooseAndBook(el);
    await waitUntil(() => text(root(el)).includes('Logga in för att boka'), 'no login gate', { timeout: 5000 });
    await expect(el).to.be.accessible();
    sessionStorage.clear();
  });

  it('back from the login, offers the lengths once the chosen time\'s week is in, as far as its free times run', async () => {
    const base = 'http://back.test';
    const visited: string[] = [];
    const client = getClient({ api: base, kommun: 'exempelstad', navigate: (url) => visited.push(url) });
    worker.use(...handlers({ base }));
    const el = await render({ lokal: 'norrhallen', api: base });
    await chooseAndBook(el);
    await waitUntil(() => buttonNamed(el, 'Logga in med e-legitimation'), 'no login gate', { timeout: 5000 });
    buttonNamed(el, 'Logga in med e-legitimation')!.click();
    expect(visited).to.have.length(1);

    // Back logged in, on a page whose week of free times is slow to come.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    worker.use(
      http.get(`${base}/api/v1/:kommun/lokalbokning/lokaler/:id/availability`, async ({ params, request }) => {
        await released;
        const query = new URL(request.url).searchParams;
        return HttpResponse.json(availabilityFor(String(params.id), query.get('from')!, query.get('to')!));
      }),
      ...handlers({ base, loggedIn: true }),
    );
    await client.auth.refresh();
    el.remove();
    const back = await render({ lokal: 'norrhallen', api: base });
    try {
      await waitUntil(() => text(root(back)).includes('Starttid: 7 december 2026 kl. 18:00'), 'the chosen time did not come back', { timeout: 5000 });
      // Not the chosen slot alone as the only length: a keyboard user would pick from a list about to change.
      // (a boolean: chai's message for a Lit-rendered element takes minutes to write)
      expect(root(back).getElementById('kk-lok-minutes') !== null, 'a length list before the week was in').to.equal(false);
      expect(text(root(back))).to.contain('Hämtar lediga tider');
      await expect(back).to.be.accessible();
    } finally {
      release();
    }
    await waitUntil(() => root(back).getElementById('kk-lok-minutes'), 'no lengths once the week was in', { timeout: 5000 });
    const length = root(back).getElementById('kk-lok-minutes') as HTMLSelectElement;
    expect([...length.options].map((option) => option.value).filter(Boolean)).to.deep.equal(['60', '120', '180']);
    expect(length.value).to.equal('60');
  });

  it('shows errors linked to the fields, then a time taken meanwhile with the nearest free times', async () => {
    // A gateway of its own: the SDK keeps one login state per gateway and kommun.
    worker.use(...handlers({ loggedIn: true, book: 'taken', base: 'http://taken.test' }));
    const el = await render({ lokal: 'norrhallen', api: 'http://taken.test' });
    await chooseAndBook(el);
    await waitUntil(() => root(el).getElementById('kk-lok-purpose'), 'no book form', { timeout: 5000 }).catch(() => { throw new Error(text(root(el)).slice(0, 400)); });
    expect(text(root(el).querySelector('.kk-lok-price'))).to.match(/Pris: 424,00\s?kr, varav moms 24,00\s?kr/);
    buttonNamed(el, 'Boka')!.click();
    await el.updateComplete;
    const links = [...root(el).querySelectorAll<HTMLAnchorElement>('.kk-error-summary a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['#kk-lok-purpose', '#kk-lok-terms']);
    await expect(el).to.be.accessible();
    await fill(el, 'kk-lok-purpose', 'Innebandyträning');
    (root(el).getElementById('kk-lok-terms') as HTMLInputElement).click();
    await el.updateComplete;
    buttonNamed(el, 'Boka')!.click();
    await waitUntil(() => text(root(el)).includes('Tiden hann bokas av någon annan'), 'no 409 message', { timeout: 5000 });
    expect(received.booking).to.deep.include({ lokalId: 'norrhallen', start: '2026-12-07T18:00:00+01:00', purpose: 'Innebandyträning', acceptTerms: true });
    expect(buttonNamed(el, '7 december 2026')).not.to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('books, fires kk-booking-confirmed and shows the receipt with the .ics link', async () => {
    worker.use(...handlers({ loggedIn: true, book: 'ok', base: 'http://booked.test' }));
    const el = await render({ lokal: 'norrhallen', api: 'http://booked.test' });
    const events: CustomEvent[] = [];
    el.addEventListener('kk-booking-confirmed', (e) => events.push(e));
    await chooseAndBook(el);
    await waitUntil(() => root(el).getElementById('kk-lok-purpose'), 'no book form', { timeout: 5000 });
    await fill(el, 'kk-lok-purpose', 'Innebandyträning');
    (root(el).getElementById('kk-lok-terms') as HTMLInputElement).click();
    await el.updateComplete;
    buttonNamed(el, 'Boka')!.click();
    await waitUntil(() => text(root(el)).includes('Din bokning är bekräftad'), 'no receipt', { timeout: 5000 });
    await waitUntil(() => text(active(el)) === 'Din bokning är bekräftad', 'focus did not move to the receipt');
    expect(text(root(el))).to.contain('EXS-B-2026-000123');
    expect(root(el).querySelector('a[download]')!.getAttribute('href')).to.match(/\/lokalbokning\/bookings\/[0-9a-f-]+\/calendar\.ics$/);
    expect(events).to.have.length(1);
    expect(events[0]!.detail).to.deep.equal({ bookingId: '0d6c3f8e-4a55-4d61-9a3f-0a8a1c2b3d4e', lokalId: 'norrhallen', start: '2026-12-07T18:00:00+01:00', end: '2026-12-07T19:00:00+01:00', status: 'bekraftad' });
    await expect(el).to.be.accessible();
  });
});

describe('<kk-lokalbokning> results pages', () => {
  it('asks for the next page and moves focus to the results heading', async () => {
    const many = Array.from({ length: 25 }, (_, index) => ({ ...sporthall, id: `hall-${String(index + 1)}`, name: `Idrottshall ${String(index + 1)}` }));
    worker.use(...handlers({ lokaler: many }));
    const el = await render();
    await results(el);
    expect(text(root(el).querySelector('.kk-lok-count'))).to.equal('25 lokaler hittades');
    expect(root(el).querySelectorAll('.kk-lok-result')).to.have.length(10);
    const next = [...root(el).querySelectorAll<HTMLButtonElement>('.kk-pager button')].find((b) => text(b).startsWith('Nästa'))!;
    next.focus();
    next.click();
    await waitUntil(() => text(root(el).querySelector('.kk-lok-result__name')) === 'Idrottshall 11', 'the second page did not show', { timeout: 5000 });
    expect(received.search?.get('page')).to.equal('2');
    // pager() focuses the heading after the next update; the page must still show it while the next page loads.
    await waitUntil(
      () => active(el)?.id === 'kk-lok-results-heading',
      `focus went to ${active(el)?.outerHTML.slice(0, 80) ?? 'nothing in the widget (is the results heading gone while the next page loads?)'}`,
      { timeout: 3000 },
    );
    expect(text(root(el).querySelector('[aria-current=page]'))).to.equal('2');
    await expect(el).to.be.accessible();
  });
});

describe('<kk-lokalbokning> booking, more', () => {
  async function bookForm(el: KkLokalbokning): Promise<void> {
    await grid(el);
    buttonNamed(el, 'Nästa lediga tid')!.click();
    await waitUntil(() => root(el).querySelector('[aria-selected=true]'), 'no time chosen', { timeout: 5000 });
    buttonNamed(el, 'Boka vald tid')!.click();
    await waitUntil(() => root(el).getElementById('kk-lok-purpose'), 'no book form', { timeout: 5000 });
  }
  async function answer(el: KkLokalbokning, attendees = ''): Promise<void> {
    await fill(el, 'kk-lok-purpose', 'Innebandyträning');
    if (attendees) await fill(el, 'kk-lok-attendees', attendees);
    (root(el).getElementById('kk-lok-terms') as HTMLInputElement).click();
    await el.updateComplete;
  }
  const submit = (el: KkLokalbokning) => [...root(el).querySelectorAll<HTMLButtonElement>('button[type=submit]')].find((b) => text(b) === 'Boka')!.click();

  it('shows a field the gateway refused (422) at the field and in the summary', async () => {
    worker.use(...handlers({ loggedIn: true, book: 'invalid', base: 'http://invalid.test' }));
    const el = await render({ lokal: 'norrhallen', api: 'http://invalid.test' });
    await bookForm(el);
    await answer(el, '40');
    submit(el);
    await waitUntil(() => root(el).getElementById('kk-lok-attendees-error'), 'no error at the field', { timeout: 5000 });
    expect(text(root(el).getElementById('kk-lok-attendees-error'))).to.contain('Lokalen rymmer högst 60 personer.');
    expect(root(el).getElementById('kk-lok-attendees')!.getAttribute('aria-invalid')).to.equal('true');
    const links = [...root(el).querySelectorAll<HTMLAnchorElement>('.kk-error-summary a')].map((a) => [a.getAttribute('href'), text(a)]);
    expect(links).to.deep.equal([['#kk-lok-attendees', 'Lokalen rymmer högst 60 personer.']]);
    // What the citizen wrote stays.
    expect((root(el).getElementById('kk-lok-purpose') as HTMLTextAreaElement).value).to.equal('Innebandyträning');
    await expect(el).to.be.accessible();
  });

  it('books for a förening the citizen represents: its price, and the förening in the request', async () => {
    worker.use(...handlers({ loggedIn: true, book: 'ok', base: 'http://forening.test' }));
    const el = await render({ lokal: 'norrhallen', api: 'http://forening.test' });
    await bookForm(el);
    await waitUntil(() => root(el).querySelector('input[type=radio][value="802000-1234"]'), 'no "Vem bokar?"', { timeout: 5000 });
    expect(text(root(el).querySelector('.kk-lok-price'))).to.match(/Pris: 424,00\s?kr/);
    (root(el).querySelector('input[type=radio][value="802000-1234"]') as HTMLInputElement).click();
    await el.updateComplete;
    // 150 kr an hour for a förening, plus 6 % VAT.
    expect(text(root(el).querySelector('.kk-lok-price'))).to.match(/Pris: 159,00\s?kr, varav moms 9,00\s?kr/);
    await answer(el);
    await expect(el).to.be.accessible();
    submit(el);
    await waitUntil(() => text(root(el)).includes('Din bokning är bekräftad'), 'no receipt', { timeout: 5000 });
    expect(received.booking).to.deep.include({ lokalId: 'norrhallen', forening: '802000-1234', acceptTerms: true });
    await expect(el).to.be.accessible();
  });

  it('after a time taken meanwhile (409), books one of the alternatives', async () => {
    worker.use(...handlers({ loggedIn: true, book: 'taken', base: 'http://alternativ.test' }));
    const el = await render({ lokal: 'norrhallen', api: 'http://alternativ.test' });
    await bookForm(el);
    await answer(el);
    submit(el);
    await waitUntil(() => root(el).querySelector('.kk-lok-alternatives button'), 'no alternatives', { timeout: 5000 });
    expect(received.booking).to.deep.include({ start: '2026-12-07T18:00:00+01:00' });
    await expect(el).to.be.accessible();
    worker.use(...handlers({ loggedIn: true, book: 'ok', base: 'http://alternativ.test' }));
    root(el).querySelector<HTMLButtonElement>('.kk-lok-alternatives button')!.click();
    await el.updateComplete;
    await waitUntil(() => text(root(el)).includes('Starttid: 7 december 2026 kl. 19:00'), `the alternative was not chosen: ${text(root(el)).slice(0, 300)}`, { timeout: 5000 });
    expect(root(el).querySelector('.kk-lok-alternatives')).to.equal(null);
    await waitUntil(() => text(active(el)) === 'Boka Norrhallen', 'focus did not go to the form heading', { timeout: 3000 });
    // The answers stay; only the time changed.
    expect((root(el).getElementById('kk-lok-purpose') as HTMLTextAreaElement).value).to.equal('Innebandyträning');
    await expect(el).to.be.accessible();
    submit(el);
    await waitUntil(() => text(root(el)).includes('Din bokning är bekräftad'), 'no receipt', { timeout: 5000 });
    expect(received.booking).to.deep.include({ start: '2026-12-07T19:00:00+01:00', end: '2026-12-07T20:00:00+01:00' });
  });

  it('sends the same answers again with the same idempotency key after no answer, and new answers with a new one', async () => {
    const base = 'http://igen.test';
    const keys: (string | null)[] = [];
    let up = false;
    worker.use(...handlers({ loggedIn: true, book: 'ok', base }));
    worker.use(
      http.post(`${base}/api/v1/:kommun/lokalbokning/bookings`, async ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        const body = (await request.json()) as { start: string; end: string };
        if (!up) return HttpResponse.json({ type: 'urn:kommunkit:problem:unavailable', title: 'Inte tillgänglig', status: 503 }, { status: 503, headers: { 'content-type': 'application/problem+json', 'retry-after': '0' } });
        return HttpResponse.json({ ...booking, start: body.start, end: body.end }, { status: 201 });
      }),
    );
    const el = await render({ lokal: 'norrhallen', api: base });
    await bookForm(el);
    await answer(el);
    submit(el);
    await waitUntil(() => text(root(el)).includes('Det gick inte att boka just nu'), 'no error', { timeout: 9000 });
    const first = keys[0];
    expect(first).to.be.a('string');
    await expect(el).to.be.accessible();
    // The same answers again: the same key.
    const tried = keys.length;
    submit(el);
    await el.updateComplete;
    await waitUntil(() => keys.length > tried && text(root(el)).includes('Det gick inte att boka just nu'), 'no second try', { timeout: 9000 });
    expect(new Set(keys)).to.deep.equal(new Set([first]));
    // Other answers: another request, another key.
    await fill(el, 'kk-lok-purpose', 'Basketträning');
    up = true;
    const before = keys.length;
    submit(el);
    await waitUntil(() => text(root(el)).includes('Din bokning är bekräftad'), 'no receipt', { timeout: 9000 });
    expect(keys.slice(before)).to.have.length(1);
    expect(keys[before]).to.be.a('string').and.not.equal(first);
  });
});

