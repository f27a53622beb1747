import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import '../src/define.js';
import type { KkLokalbokning } from '../src/index.js';
import { mineApi as api, mineGateway } from './support-mine.js';

const worker = setupWorker();
before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
after(() => worker.stop());

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (node: Element | ShadowRoot | null | undefined) => node?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const buttonNamed = (el: HTMLElement, name: string) => [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === name);
const until = (check: () => unknown, what: string) => waitUntil(check, what, { timeout: 5000 });
const render = (kommun: string) => fixture<KkLokalbokning>(html`<kk-lokalbokning api=${api} kommun=${kommun} view="sasong"></kk-lokalbokning>`);

async function set(el: KkLokalbokning, name: string, value: string) {
  const field = root(el).getElementById(`kk-lb-season-${name}`) as HTMLInputElement | HTMLSelectElement;
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

describe('Säsongsansökan', () => {
  beforeEach(() => worker.resetHandlers());

  it('explains season requests to someone who represents no förening', async () => {
    worker.use(...mineGateway({ foreningar: [] }).handlers);
    const el = await render('ingen-forening');
    await until(() => text(root(el)).includes('Vi hittar ingen förening'), 'no explanation');
    await expect(el).to.be.accessible();
  });

  it('shows the errors linked to the fields, the conflicts before sending, and the receipt', async () => {
    const year = new Date().getFullYear() + 1;
    const gateway = mineGateway({ conflicts: { [`${year}-01-19`]: 'bokad' } });
    worker.use(...gateway.handlers);
    const el = await render('sasong-flode');
    await until(() => buttonNamed(el, 'Visa vilka tider som krockar'), 'no form');
    buttonNamed(el, 'Visa vilka tider som krockar')!.click();
    await until(() => root(el).querySelector('[data-kk-error-summary]'), 'no error summary');
    expect(root(el).querySelector('[data-kk-error-summary] a')?.getAttribute('href')).to.equal('#kk-lb-season-lokalId');
    await expect(el).to.be.accessible();
    await set(el, 'lokalId', 'sporthallen');
    await set(el, 'weekday', String(new Date(Date.UTC(year, 0, 12)).getUTCDay() || 7));
    await set(el, 'startTime', '18:00');
    await set(el, 'endTime', '19.30');
    await set(el, 'fromDate', `${year}-01-12`);
    await set(el, 'toDate', `${year}-02-02`);
    await set(el, 'purpose', 'Innebandyträning');
    (root(el).getElementById('kk-lb-season-acceptTerms') as HTMLInputElement).click();
    await el.updateComplete;
    buttonNamed(el, 'Visa vilka tider som krockar')!.click();
    await until(() => root(el).querySelector('.kk-lb-preview'), 'no preview');
    expect(text(root(el).querySelector('.kk-lb-preview'))).to.contain('Krockar med en annan bokning').and.contain('Pris per tillfälle');
    expect(gateway.received.previews[0]).to.include({ endTime: '19:30', acceptTerms: true });
    await expect(el).to.be.accessible();
    buttonNamed(el, 'Skicka ansökan')!.click();
    await until(() => text(root(el)).includes('Ansökan är skickad'), 'no receipt');
    expect(text(root(el).querySelector('.kk-panel__reference'))).to.equal('EXS-S-2026-000001');
    expect(gateway.received.sent[0]!.key).to.be.a('string');
    await until(() => text(root(el)).includes('Kommunen har inte beslutat än.'), 'the request list did not show the new one');
    await expect(el).to.be.accessible();
  });
});
