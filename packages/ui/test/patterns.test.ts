import { expect, fixture, html } from '@open-wc/testing';
import { errorSummary } from '../src/forms/error-summary.js';
import { alert, button, spinner, statusTag, type Tone } from '../src/feedback.js';
import { confirmationPanel } from '../src/forms/confirmation-panel.js';
import { summaryList } from '../src/forms/summary-list.js';
import { backLink, continueButton, stepCounter } from '../src/forms/step-flow.js';
import type { KkTestHost } from './host.js';
import './host.js';

const render = (template: KkTestHost['template']) =>
  fixture<KkTestHost>(html`<kk-test-host .template=${template}></kk-test-host>`);
const text = (element: Element | null | undefined) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';

describe('ui patterns', () => {
  it('alert: errors and warnings interrupt, the rest are announced politely', async () => {
    const tones = ['info', 'success', 'warning', 'error'] as const;
    const host = await render(() => html`${tones.map((tone) => alert({ tone, title: `Rubrik ${tone}`, body: html`<p>Text</p>` }))}`);
    const roles = [...host.shadowRoot!.querySelectorAll('.kk-alert')].map((el) => el.getAttribute('role'));
    expect(roles).to.deep.equal(['status', 'status', 'alert', 'alert']);
    expect(host.shadowRoot!.querySelectorAll('h3').length).to.equal(4);
    await expect(host).to.be.accessible();
  });

  it('status tags in every tone pass the contrast check', async () => {
    const tones: Tone[] = ['neutral', 'info', 'success', 'warning', 'error'];
    const host = await render(() => html`${tones.map((tone) => statusTag({ label: 'Mottagen', tone }))}`);
    expect(host.shadowRoot!.querySelectorAll('strong.kk-tag').length).to.equal(5);
    await expect(host).to.be.accessible();
  });

  it('spinner has a status role and a text that is read out', async () => {
    const host = await render(() => spinner());
    const status = host.shadowRoot!.querySelector('[role=status]')!;
    expect(text(status)).to.equal('Laddar…');
    expect(status.querySelector('[aria-hidden=true]')).to.not.equal(null);
    await expect(host).to.be.accessible();
  });

  it('buttons: every variant, disabled and busy, accessible; a busy button ignores clicks', async () => {
    let clicks = 0;
    let busy = false;
    const host = await render(
      () => html`${button({ label: 'Skicka', busy, onClick: () => (clicks += 1) })}
      ${button({ label: 'Avbryt', variant: 'secondary' })} ${button({ label: 'Ta bort', variant: 'warning' })}
      ${button({ label: 'Inaktiv', disabled: true })}`,
    );
    const send = host.shadowRoot!.querySelector('button')!;
    send.click();
    expect(clicks).to.equal(1);
    busy = true;
    host.requestUpdate();
    await host.updateComplete;
    send.click();
    expect(clicks).to.equal(1);
    expect(send.getAttribute('aria-disabled')).to.equal('true');
    expect(document.activeElement === host || !send.disabled).to.equal(true);
    await expect(host).to.be.accessible();
  });

  it('error summary: heading at the widget level, links to fields, nothing when there are no errors', async () => {
    const host = await render(
      () => html`${errorSummary({ errors: [{ id: 'name', message: 'Ange ditt namn' }], headingLevel: 3 })}
        <label for="name">Namn</label><input id="name" />`,
    );
    const summary = host.shadowRoot!.querySelector('[data-kk-error-summary]')!;
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(text(summary.querySelector('h3'))).to.equal('Det finns problem');
    expect(summary.querySelector('a')!.getAttribute('href')).to.equal('#name');
    await expect(host).to.be.accessible();

    const empty = await render(() => html`${errorSummary({ errors: [], headingLevel: 2 })}`);
    expect(empty.shadowRoot!.querySelector('[data-kk-error-summary]')).to.equal(null);
  });

  it('summary list: change buttons name the answer they change', async () => {
    const host = await render(() =>
      summaryList([
        { key: 'Kategori', value: 'Gatubelysning', onChange: () => {} },
        { key: 'Referens', value: 'ABC-123' },
      ]),
    );
    expect([...host.shadowRoot!.querySelectorAll('dt')].map(text)).to.deep.equal(['Kategori', 'Referens']);
    expect([...host.shadowRoot!.querySelectorAll('button')].map(text)).to.deep.equal(['Ändra Kategori']);
    await expect(host).to.be.accessible();
  });

  it('confirmation panel: focusable heading and the reference number', async () => {
    const host = await render(() => confirmationPanel({ title: 'Din felanmälan är skickad', headingLevel: 2, reference: 'FEL-2026-0042' }));
    const title = host.shadowRoot!.querySelector('h2')!;
    expect(title.getAttribute('tabindex')).to.equal('-1');
    expect(title.hasAttribute('data-kk-focus-target')).to.equal(true);
    expect((host.shadowRoot!.querySelector('.kk-panel__body') as HTMLElement).innerText).to.equal('Ditt referensnummer\nFEL-2026-0042');
    await expect(host).to.be.accessible();
  });

  it('step helpers: back link, continue button and step counter', async () => {
    let back = 0;
    const host = await render(
      () => html`${backLink({ onClick: () => (back += 1) })} ${stepCounter(1, 5)}<form>${continueButton()}</form>`,
    );
    const root = host.shadowRoot!;
    root.querySelector<HTMLButtonElement>('.kk-back-link')!.click();
    expect(back).to.equal(1);
    expect(text(root.querySelector('.kk-back-link'))).to.equal('Tillbaka');
    expect(text(root.querySelector('.kk-step-counter'))).to.equal('Steg 2 av 5');
    expect(root.querySelector('button[type=submit]')!.hasAttribute('disabled')).to.equal(false);
    await expect(host).to.be.accessible();
  });
});
