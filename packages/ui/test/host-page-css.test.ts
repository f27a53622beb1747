import { expect, fixture, html } from '@open-wc/testing';
import { textField } from '../src/forms/fields/text.js';
import type { KkTestHost } from './host.js';
import './host.js';

/** What aggressive CMS themes and resets do to everything on a page. */
const hostileCss = `
  * { all: unset; }
  html { font-size: 6px !important; }
  input, textarea, select { display: none !important; }
  label { visibility: hidden !important; color: transparent !important; }
  kk-test-host { display: none !important; font-size: 2px !important; color: #fff !important; }
  button { background: hotpink !important; }
`;

describe('a ui field inside a widget on a hostile host page', () => {
  let style: HTMLStyleElement;
  beforeEach(() => {
    style = document.createElement('style');
    style.textContent = hostileCss;
    document.head.append(style);
  });
  afterEach(() => style.remove());

  it('stays visible, labelled and readable', async () => {
    const host = await fixture<KkTestHost>(
      html`<kk-test-host .template=${() => textField({ id: 'f', name: 'f', label: 'Namn', value: '', onInput: () => {} })}></kk-test-host>`,
    );
    const input = host.shadowRoot!.getElementById('f')!;
    const label = host.shadowRoot!.querySelector('label')!;

    expect(getComputedStyle(host).display).to.equal('block');
    expect(getComputedStyle(input).display).to.equal('block');
    expect(input.getBoundingClientRect().height).to.be.greaterThan(20);
    expect(getComputedStyle(label).visibility).to.equal('visible');
    expect(getComputedStyle(label).color).to.equal('rgb(27, 27, 27)');
    // The widget's text is sized from the user's default font size, not the page's root size.
    expect(parseFloat(getComputedStyle(label).fontSize)).to.be.within(14, 24);
    await expect(host).to.be.accessible();
  });

  it('still takes a kommun\'s own --kk-* tokens from the page', async () => {
    style.textContent += ' kk-test-host { --kk-color-text: rgb(0, 60, 30); }';
    const host = await fixture<KkTestHost>(
      html`<kk-test-host .template=${() => textField({ id: 'f', name: 'f', label: 'Namn', value: '', onInput: () => {} })}></kk-test-host>`,
    );
    expect(getComputedStyle(host.shadowRoot!.querySelector('label')!).color).to.equal('rgb(0, 60, 30)');
  });
});

describe('a ui widget in a narrow column', () => {
  it('wraps a long unbroken word instead of widening the page', async () => {
    const word = 'x'.repeat(200);
    const column = await fixture<HTMLDivElement>(
      html`<div style="inline-size: 320px"><kk-test-host .template=${() => html`<p>${word}</p><h2 class="kk-heading">${word}</h2>`}></kk-test-host></div>`,
    );
    const host = column.querySelector('kk-test-host')!;
    await host.updateComplete;
    expect(host.scrollWidth <= 320, `the widget is ${String(host.scrollWidth)} px wide`).to.equal(true);
    expect(host.shadowRoot!.querySelector('p')!.getBoundingClientRect().width <= 320).to.equal(true);
  });
});
