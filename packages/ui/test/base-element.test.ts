import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { msg } from '../src/localization.js';
import { KkElement } from '../src/base-element.js';
import { getLocale } from '../src/localization.js';
import { KkTestHost } from './host.js';

describe('KkElement', () => {
  it('define() is idempotent: a second registration of the same tag does nothing', () => {
    class Other extends KkElement {}
    expect(() => Other.define('kk-test-host')).to.not.throw();
    expect(customElements.get('kk-test-host')).to.equal(KkTestHost);
  });

  it('clamps heading-level to 2–6', async () => {
    const host = await fixture<KkTestHost>(html`<kk-test-host heading-level="4"></kk-test-host>`);
    expect(host.headingLevel).to.equal(4);
    for (const value of ['1', '7', 'abc', '']) {
      host.setAttribute('heading-level', value);
      expect(host.headingLevel).to.equal(2);
    }
  });

  it('takes its language from the nearest lang, and re-renders when it changes', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en-GB"><kk-test-host .template=${() => html`<p>${msg('Tillbaka')}</p>`}></kk-test-host></div>`,
    );
    const host = wrapper.querySelector('kk-test-host')!;
    await waitUntil(() => host.shadowRoot!.querySelector('p')?.textContent === 'Back', 'did not switch to English', { timeout: 5000 });
    expect(getLocale()).to.equal('en');
    host.lang = 'sv';
    await waitUntil(() => host.shadowRoot!.querySelector('p')?.textContent === 'Tillbaka', 'did not switch back', { timeout: 5000 });
  });

  it('leaves no globals behind but its element names', () => {
    const kkGlobals = Object.keys(window).filter((key) => /^kk|kommunkit/i.test(key));
    expect(kkGlobals).to.deep.equal([]);
  });
});

describe('the SDK client of a widget', () => {
  it('is made from api and kommun, shared by widgets of one kommun, and provided as context', async () => {
    const { ContextEvent } = await import('@lit/context');
    const { clientContext } = await import('../src/client-context.js');
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <kk-test-host api="http://localhost:1" kommun="exempelstad"></kk-test-host>
        <kk-test-host api="http://localhost:1" kommun="exempelstad"></kk-test-host>
        <kk-test-host api="http://localhost:1" kommun="grannby"></kk-test-host>
      </div>`,
    );
    const [first, second, other] = [...wrapper.querySelectorAll('kk-test-host')] as KkTestHost[];
    const clientOf = (host: KkTestHost) => (host as unknown as { client: { kommun: string } | undefined }).client;
    expect(clientOf(first!)?.kommun).to.equal('exempelstad');
    expect(clientOf(first!)).to.equal(clientOf(second!));
    expect(clientOf(other!)?.kommun).to.equal('grannby');

    const part = document.createElement('div');
    first!.shadowRoot!.append(part);
    let provided: unknown;
    part.dispatchEvent(new ContextEvent(clientContext, part, (value) => (provided = value)));
    expect(provided).to.equal(clientOf(first!));
  });
});
