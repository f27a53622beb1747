import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { heading } from '../src/heading.js';
import { useLocale } from '../src/localization.js';
import { pageCountOf, pager, pageItems, type PagerOptions } from '../src/pager.js';
import type { KkTestHost } from './host.js';
import './host.js';

const text = (element: Element | null | undefined) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const active = (host: KkTestHost) => host.shadowRoot!.activeElement as HTMLElement | null;
/** A button's text without its decorative (aria-hidden) arrow. */
const label = (element: Element | null | undefined) => text(element?.querySelector('.kk-pager__link-title') ?? element);

async function render(options: (host: KkTestHost) => PagerOptions, lang = 'sv'): Promise<KkTestHost> {
  return fixture<KkTestHost>(html`<kk-test-host
    lang=${lang}
    .template=${(host: KkTestHost) => html`${heading({ level: 2, id: 'list-title', focusTarget: true }, 'Mina fakturor')}
      <p>Sida innehåll</p>
      ${pager(options(host))}`}
  ></kk-test-host>`);
}

/** What the pager shows, one entry per item: a page number, "…", or the direction buttons. */
const shown = (host: KkTestHost) =>
  [...host.shadowRoot!.querySelectorAll('.kk-pager__previous button, .kk-pager__item, .kk-pager__next button')].map((el) =>
    el.classList.contains('kk-pager__item--ellipsis') ? '…' : label(el),
  );

describe('pager', () => {
  afterEach(() => useLocale('sv'));

  it('chooses page numbers: first, last, the neighbours of the current page, ellipses for gaps', () => {
    expect(pageItems(1, 1)).to.deep.equal([1]);
    expect(pageItems(1, 10)).to.deep.equal([1, 2, '…', 10]);
    expect(pageItems(5, 10)).to.deep.equal([1, '…', 4, 5, 6, '…', 10]);
    // A gap of one page shows that page, not an ellipsis that hides only one number.
    expect(pageItems(3, 5)).to.deep.equal([1, 2, 3, 4, 5]);
    expect(pageItems(10, 10)).to.deep.equal([1, '…', 9, 10]);
  });

  it('counts the pages of a numbered contract page', () => {
    expect(pageCountOf({ total: 41, pageSize: 20 })).to.equal(3);
    expect(pageCountOf({ total: 40, pageSize: 20 })).to.equal(2);
    expect(pageCountOf({ total: 0, pageSize: 20 })).to.equal(1);
  });

  it('on the first page: no "Föregående", the current page marked, a named navigation', async () => {
    const host = await render(() => ({ page: 1, pageCount: 10, onPage: () => {} }));
    const nav = host.shadowRoot!.querySelector('nav')!;
    expect(nav.getAttribute('aria-label')).to.equal('Sidnumrering');
    expect(shown(host)).to.deep.equal(['1', '2', '…', '10', 'Nästa sida']);
    const current = nav.querySelector('[aria-current=page]')!;
    expect(current.tagName).to.equal('BUTTON');
    expect(current.getAttribute('aria-label')).to.equal('Sida 1');
    expect(nav.querySelectorAll('[aria-current]').length).to.equal(1);
    await expect(host).to.be.accessible();
  });

  it('in the middle: both directions and ellipses on both sides; the last page has no "Nästa"', async () => {
    const middle = await render(() => ({ page: 5, pageCount: 10, onPage: () => {} }));
    expect(shown(middle)).to.deep.equal(['Föregående sida', '1', '…', '4', '5', '6', '…', '10', 'Nästa sida']);
    await expect(middle).to.be.accessible();
    const last = await render(() => ({ page: 10, pageCount: 10, onPage: () => {} }));
    expect(shown(last)).to.deep.equal(['Föregående sida', '1', '…', '9', '10']);
    await expect(last).to.be.accessible();
  });

  it('works by keyboard: Enter on "Nästa", Space on a number, and focus lands on the list heading', async () => {
    let page = 5;
    const asked: number[] = [];
    const host = await render((h) => ({
      page,
      pageCount: 10,
      focus: { host: h, id: 'list-title' },
      onPage: (n: number) => {
        asked.push(n);
        page = n;
        h.requestUpdate();
      },
    }));
    const next = host.shadowRoot!.querySelector<HTMLButtonElement>('.kk-pager__next button')!;
    next.focus();
    await sendKeys({ press: 'Enter' });
    await host.updateComplete;
    await waitUntil(() => active(host)?.id === 'list-title', 'focus did not move to the list heading');
    expect(asked).to.deep.equal([6]);
    expect(text(host.shadowRoot!.querySelector('[aria-current=page]'))).to.equal('6');

    // From the heading, Tab walks through the pager in reading order.
    await sendKeys({ press: 'Tab' });
    expect(label(active(host))).to.equal('Föregående sida');
    await sendKeys({ press: 'Tab' });
    expect(label(active(host))).to.equal('1');
    await sendKeys({ press: ' ' });
    await host.updateComplete;
    await waitUntil(() => active(host)?.id === 'list-title', 'focus did not move to the list heading');
    expect(asked).to.deep.equal([6, 1]);
    expect(host.shadowRoot!.querySelector('.kk-pager__previous')).to.equal(null);
    await expect(host).to.be.accessible();
  });

  it('does nothing on the current page', async () => {
    const asked: number[] = [];
    const host = await render(() => ({ page: 2, pageCount: 3, onPage: (n: number) => asked.push(n) }));
    host.shadowRoot!.querySelector<HTMLButtonElement>('[aria-current=page]')!.click();
    expect(asked).to.deep.equal([]);
  });

  it('cursor pages: only "Föregående" and "Nästa", as available', async () => {
    const asked: string[] = [];
    const host = await render(() => ({ hasPrevious: true, hasNext: true, onPage: (direction: string) => asked.push(direction) }));
    expect(shown(host)).to.deep.equal(['Föregående sida', 'Nästa sida']);
    expect(host.shadowRoot!.querySelector('.kk-pager__list')).to.equal(null);
    host.shadowRoot!.querySelector<HTMLButtonElement>('.kk-pager__previous button')!.focus();
    await sendKeys({ press: 'Enter' });
    host.shadowRoot!.querySelector<HTMLButtonElement>('.kk-pager__next button')!.click();
    expect(asked).to.deep.equal(['previous', 'next']);
    await expect(host).to.be.accessible();

    const first = await render(() => ({ hasPrevious: false, hasNext: true, onPage: () => {} }));
    expect(shown(first)).to.deep.equal(['Nästa sida']);
    await expect(first).to.be.accessible();
  });

  it('renders nothing for a single page', async () => {
    const one = await render(() => ({ page: 1, pageCount: 1, onPage: () => {} }));
    expect(one.shadowRoot!.querySelector('nav')).to.equal(null);
    const none = await render(() => ({ hasPrevious: false, hasNext: false, onPage: () => {} }));
    expect(none.shadowRoot!.querySelector('nav')).to.equal(null);
  });

  it('speaks English', async () => {
    const host = await render(() => ({ page: 2, pageCount: 3, onPage: () => {} }), 'en');
    await waitUntil(() => host.shadowRoot!.querySelector('nav')?.getAttribute('aria-label') === 'Pagination', 'English did not load', {
      timeout: 5000,
    });
    expect(shown(host)).to.deep.equal(['Previous page', '1', '2', '3', 'Next page']);
    expect(host.shadowRoot!.querySelector('[aria-current=page]')!.getAttribute('aria-label')).to.equal('Page 2');
    await expect(host).to.be.accessible();
  });
});
