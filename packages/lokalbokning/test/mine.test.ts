import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import '../src/define.js';
import type { KkLokalbokning } from '../src/index.js';
import { booking, fromNow, mineApi as api, mineGateway } from './support-mine.js';

const worker = setupWorker();
before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
after(() => worker.stop());

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (node: Element | ShadowRoot | null | undefined) => node?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const rows = (el: HTMLElement) => [...root(el).querySelectorAll('.kk-list__row')];
const buttonNamed = (el: HTMLElement, name: string) => [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === name);
const until = (check: () => unknown, what: string) => waitUntil(check, what, { timeout: 5000 });
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
});
