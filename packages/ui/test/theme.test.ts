import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { textField } from '../src/forms/fields/text.js';
import type { KkTestHost } from './host.js';
import './host.js';

const worker = setupWorker(
  http.get('http://gateway.test/api/v1/temastad', () =>
    HttpResponse.json({ id: 'temastad', name: 'Temastads kommun', theme: { 'color-text': 'rgb(10, 20, 30)', 'color-error': 'rgb(120, 0, 0)', 'not-a-token': 'red' }, services: [] }),
  ),
);

describe('the kommun\'s theme from the gateway config', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());

  const render = () =>
    fixture<KkTestHost>(
      html`<kk-test-host
        api="http://gateway.test"
        kommun="temastad"
        .template=${() => textField({ id: 'f', name: 'f', label: 'Namn', value: '', error: 'Fel', onInput: () => {} })}
      ></kk-test-host>`,
    );

  it('reaches the widget, and only known tokens are applied', async () => {
    const host = await render();
    const label = host.shadowRoot!.querySelector('label')!;
    await waitUntil(() => getComputedStyle(label).color === 'rgb(10, 20, 30)', 'the config theme did not arrive', { timeout: 5000 });
    expect(host.style.getPropertyValue('--kk-config-not-a-token')).to.equal('');
  });

  it('loses to the page\'s own --kk-* values', async () => {
    const style = document.createElement('style');
    style.textContent = 'kk-test-host { --kk-color-text: rgb(0, 90, 0); }';
    document.head.append(style);
    try {
      const host = await render();
      await waitUntil(() => host.style.getPropertyValue('--kk-config-color-text') !== '', 'the config theme did not arrive', { timeout: 5000 });
      expect(getComputedStyle(host.shadowRoot!.querySelector('label')!).color).to.equal('rgb(0, 90, 0)');
      expect(getComputedStyle(host.shadowRoot!.querySelector('.kk-error-message')!).color).to.equal('rgb(120, 0, 0)');
    } finally {
      style.remove();
    }
  });
});
