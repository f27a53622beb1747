import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import '../src/define.js';
import type { KkLokalbokning } from '../src/index.js';
import { mineApi as api, mineGateway, mineUnavailable } from './support-mine.js';

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
    await until(() => text(root(el).activeElement) === 'Ansökan är skickad', 'focus did not move to the receipt');
    expect(text(root(el).querySelector('.kk-panel__reference'))).to.equal('EXS-S-2026-000001');
    expect(gateway.received.sent[0]!.key).to.be.a('string');
    await until(() => text(root(el)).includes('Kommunen har inte beslutat än.'), 'the request list did not show the new one');
    await expect(el).to.be.accessible();
  });

  /** Next year's Tuesdays from 12 January to 2 February. */
  const year = new Date().getFullYear() + 1;
  async function fillForm(el: KkLokalbokning): Promise<void> {
    await until(() => root(el).getElementById('kk-lb-season-lokalId'), 'no form');
    await set(el, 'lokalId', 'sporthallen');
    await set(el, 'weekday', String(new Date(Date.UTC(year, 0, 12)).getUTCDay() || 7));
    await set(el, 'startTime', '18:00');
    await set(el, 'endTime', '19:30');
    await set(el, 'fromDate', `${year}-01-12`);
    await set(el, 'toDate', `${year}-02-02`);
    await set(el, 'purpose', 'Innebandyträning');
    (root(el).getElementById('kk-lb-season-acceptTerms') as HTMLInputElement).click();
    await el.updateComplete;
  }

  it('asks an anonymous citizen to log in first', async () => {
    worker.use(...mineGateway({ signedIn: false }).handlers);
    const el = await render('gate-sasong');
    await until(() => buttonNamed(el, 'Logga in med e-legitimation'), 'no login gate');
    expect(text(root(el))).to.contain('för en förening som du företräder');
    expect(root(el).getElementById('kk-lb-season-lokalId')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows no form to someone who represents no förening, and offers single bookings', async () => {
    const gateway = mineGateway({ foreningar: [] });
    worker.use(...gateway.handlers);
    const el = await render('ingen-forening-2');
    await until(() => text(root(el)).includes('Vi hittar ingen förening'), 'no explanation');
    expect(root(el).getElementById('kk-lb-season-lokalId')).to.equal(null);
    expect(buttonNamed(el, 'Visa vilka tider som krockar')).to.equal(undefined);
    expect(buttonNamed(el, 'Boka en enstaka tid')).not.to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('links every error in the summary to its field, and a link moves focus there', async () => {
    worker.use(...mineGateway().handlers);
    const el = await render('sasong-falt');
    await until(() => buttonNamed(el, 'Visa vilka tider som krockar'), 'no form');
    await set(el, 'startTime', '19');
    await set(el, 'endTime', '18:00');
    buttonNamed(el, 'Visa vilka tider som krockar')!.click();
    await until(() => root(el).querySelector('[data-kk-error-summary]'), 'no error summary');
    const summary = root(el).querySelector<HTMLElement>('[data-kk-error-summary]')!;
    await until(() => root(el).activeElement === summary, 'focus did not go to the summary');
    const links = [...summary.querySelectorAll<HTMLAnchorElement>('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(
      // The förening is chosen already (the only one); the end is no error while the start is none.
      ['lokalId', 'weekday', 'startTime', 'fromDate', 'toDate', 'purpose', 'acceptTerms'].map((name) => `#kk-lb-season-${name}`),
    );
    for (const link of links) {
      const field = root(el).getElementById(link.getAttribute('href')!.slice(1))!;
      expect(field.getAttribute('aria-invalid'), link.getAttribute('href')!).to.equal('true');
      expect(text(root(el).getElementById(`${field.id}-error`))).to.contain(text(link));
    }
    expect(text(links[2])).to.equal('Skriv tiden i timmar och minuter, till exempel 18:00');
    await expect(el).to.be.accessible();
    links[4]!.click();
    expect(root(el).activeElement?.id).to.equal('kk-lb-season-toDate');
  });

  it('puts the gateway\'s field errors (422) on the fields', async () => {
    const gateway = mineGateway();
    worker.use(...gateway.handlers);
    worker.use(
      http.post(`${api}/api/v1/:kommun/lokalbokning/season-requests/preview`, () =>
        HttpResponse.json(
          {
            type: 'urn:kommunkit:problem:validation',
            title: 'Uppgifterna behöver rättas',
            status: 422,
            errors: [{ pointer: '/body/toDate', detail: 'Säsongen får inte sluta efter den 30 juni.' }],
          },
          { status: 422, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );
    const el = await render('sasong-422');
    await fillForm(el);
    buttonNamed(el, 'Visa vilka tider som krockar')!.click();
    await until(() => root(el).querySelector('[data-kk-error-summary]'), 'no error summary');
    expect(text(root(el).getElementById('kk-lb-season-toDate-error'))).to.contain('Säsongen får inte sluta efter den 30 juni.');
    expect(root(el).querySelector('[data-kk-error-summary] a')!.getAttribute('href')).to.equal('#kk-lb-season-toDate');
    expect(root(el).querySelector('.kk-lb-preview')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('lists each occurrence with why it collides, with focus on the list, and drops it when an answer changes', async () => {
    const gateway = mineGateway({ conflicts: { [`${year}-01-19`]: 'bokad', [`${year}-01-26`]: 'stangt' } });
    worker.use(...gateway.handlers);
    const el = await render('sasong-krockar');
    await fillForm(el);
    buttonNamed(el, 'Visa vilka tider som krockar')!.click();
    await until(() => root(el).querySelector('.kk-lb-preview'), 'no preview');
    await until(() => text(root(el).activeElement) === 'Tiderna du ansöker om', 'focus did not move to the preview');
    const items = [...root(el).querySelectorAll('.kk-lb-occurrence')];
    expect(items).to.have.length(4);
    expect(items.map((item) => text(item.querySelector('.kk-lb-occurrence__note')))).to.deep.equal([
      'Ledig',
      'Krockar med en annan bokning: Bokad av en annan förening',
      'Lokalen är stängd: Trettondedag jul',
      'Ledig',
    ]);
    expect(text(root(el).querySelector('.kk-lb-preview'))).to.contain('2 av 4 tider är lediga just nu. 2 krockar');
    await expect(el).to.be.accessible();
    await set(el, 'purpose', 'Basketträning');
    expect(root(el).querySelector('.kk-lb-preview')).to.equal(null);
    expect(gateway.received.sent).to.have.length(0);
  });

  it('says so when the gateway is unavailable (503), and keeps the answers', async () => {
    worker.use(...mineGateway().handlers);
    worker.use(...mineUnavailable('season-requests/preview'));
    const el = await render('sasong-natfel');
    await fillForm(el);
    buttonNamed(el, 'Visa vilka tider som krockar')!.click();
    await waitUntil(() => root(el).querySelector('.kk-alert--error'), 'no error', { timeout: 9000 });
    expect(text(root(el).querySelector('.kk-alert--error'))).to.contain('Kommunen kan inte ta emot ansökan just nu. Dina svar finns kvar.');
    expect((root(el).getElementById('kk-lb-season-purpose') as HTMLInputElement).value).to.equal('Innebandyträning');
    await expect(el).to.be.accessible();
  });

  it('shows the gateway\'s own reason when it refuses the request (409)', async () => {
    const gateway = mineGateway();
    worker.use(...gateway.handlers);
    worker.use(
      http.post(`${api}/api/v1/:kommun/lokalbokning/season-requests`, () =>
        HttpResponse.json(
          { type: 'urn:kommunkit:problem:conflict', title: 'Uppgiften har ändrats under tiden', status: 409, detail: 'Föreningen har redan en ansökan för den här tiden.' },
          { status: 409, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );
    const el = await render('sasong-409');
    await fillForm(el);
    buttonNamed(el, 'Visa vilka tider som krockar')!.click();
    await until(() => buttonNamed(el, 'Skicka ansökan'), 'no preview');
    buttonNamed(el, 'Skicka ansökan')!.click();
    await until(() => root(el).querySelector('.kk-lb-preview .kk-alert--error'), 'no refusal');
    expect(text(root(el).querySelector('.kk-lb-preview .kk-alert--error'))).to.equal('Föreningen har redan en ansökan för den här tiden.');
    await expect(el).to.be.accessible();
  });
});

