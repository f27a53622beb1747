import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ListDetailController, listDetail, type ListDetailItem, type ListDetailOptions } from '../src/list-detail.js';
import { useLocale } from '../src/localization.js';
import { pager } from '../src/pager.js';
import type { KkTestHost } from './host.js';
import './host.js';

const text = (element: Element | null | undefined) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const active = (host: KkTestHost) => host.shadowRoot!.activeElement as HTMLElement | null;

const applications: ListDetailItem[] = [
  { id: 'a-1', title: 'Förskoleplats för Alva', secondary: 'Skickad 1 december 2026', status: { label: 'Väntar på beslut', tone: 'info' } },
  { id: 'a-2', title: 'Fritidshem för Nils', secondary: 'Skickad 3 november 2026', status: { label: 'Beviljad', tone: 'success' } },
  { id: 'a-3', title: 'Förskoleplats för Nils' },
];

type State = ListDetailOptions<ListDetailItem>['state'];

/** A widget-like host with a list/detail view whose state the test changes. */
async function render(initial: State, extra: Partial<ListDetailOptions<ListDetailItem>> = {}, lang = 'sv') {
  const host = await fixture<KkTestHost>(html`<kk-test-host lang=${lang}></kk-test-host>`);
  const opened: (string | undefined)[] = [];
  const controller = new ListDetailController(host, { onChange: (id) => opened.push(id) });
  const view = { state: initial };
  host.template = () =>
    listDetail({
      controller,
      title: 'Mina ansökningar',
      headingLevel: 2,
      emptyText: 'Du har inga ansökningar.',
      detail: (item) => html`<p class="detail-body">Detaljer om ${item.id}</p>`,
      ...extra,
      state: view.state,
    });
  await host.updateComplete;
  const setState = async (state: State) => {
    view.state = state;
    host.requestUpdate();
    await host.updateComplete;
  };
  return { host, controller, opened, setState };
}

const rows = (host: KkTestHost) => [...host.shadowRoot!.querySelectorAll<HTMLButtonElement>('.kk-list__row')];

describe('listDetail', () => {
  afterEach(() => useLocale('sv'));

  it('loading: the heading and an announced spinner', async () => {
    const { host } = await render({ status: 'loading', label: 'Hämtar dina ansökningar…' });
    expect(text(host.shadowRoot!.querySelector('h2'))).to.equal('Mina ansökningar');
    expect(text(host.shadowRoot!.querySelector('[role=status]'))).to.equal('Hämtar dina ansökningar…');
    expect(rows(host)).to.have.length(0);
    await expect(host).to.be.accessible();
  });

  it('error: an alert with "Försök igen" that works by keyboard', async () => {
    let retries = 0;
    const { host } = await render({ status: 'error', onRetry: () => (retries += 1) });
    const alertBox = host.shadowRoot!.querySelector('[role=alert]')!;
    expect(text(alertBox.querySelector('h3'))).to.equal('Det gick inte att hämta listan');
    expect(text(alertBox.querySelector('p'))).to.equal('Tjänsten svarar inte just nu. Försök igen om en stund.');
    const retry = alertBox.querySelector('button')!;
    expect(text(retry)).to.equal('Försök igen');
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: ' ' });
    expect(retries).to.equal(2);
    await expect(host).to.be.accessible();
  });

  it('empty: says so, and shows no footer', async () => {
    const { host } = await render({ status: 'ready', items: [] }, { footer: html`<p class="footer">Sidfot</p>` });
    expect(text(host.shadowRoot!.querySelector('.kk-list__empty'))).to.equal('Du har inga ansökningar.');
    expect(host.shadowRoot!.querySelector('.footer')).to.equal(null);
    await expect(host).to.be.accessible();
  });

  it('ready: each row a button named by its title, secondary text and status', async () => {
    const { host } = await render({ status: 'ready', items: applications });
    const list = host.shadowRoot!.querySelector('section')!;
    expect(list.getAttribute('aria-labelledby')).to.equal(host.shadowRoot!.querySelector('h2')!.id);
    expect(rows(host).map((row) => [row.tagName, row.type, text(row)])).to.deep.equal([
      ['BUTTON', 'button', 'Förskoleplats för Alva Skickad 1 december 2026 Väntar på beslut'],
      ['BUTTON', 'button', 'Fritidshem för Nils Skickad 3 november 2026 Beviljad'],
      ['BUTTON', 'button', 'Förskoleplats för Nils'],
    ]);
    expect(host.shadowRoot!.querySelectorAll('ul > li').length).to.equal(3);
    await expect(host).to.be.accessible();
  });

  it('opens a row with Enter, focuses the detail heading, and "Tillbaka till listan" returns focus to the row', async () => {
    const { host, controller, opened } = await render({ status: 'ready', items: applications });
    rows(host)[1]!.focus();
    await sendKeys({ press: 'Enter' });
    await host.updateComplete;
    expect(controller.selected).to.equal('a-2');
    const title = host.shadowRoot!.querySelector('h2')!;
    expect(text(title)).to.equal('Fritidshem för Nils');
    expect(active(host)).to.equal(title);
    expect(text(host.shadowRoot!.querySelector('.detail-body'))).to.equal('Detaljer om a-2');
    expect(text(host.shadowRoot!.querySelector('.kk-detail .kk-tag'))).to.equal('Beviljad');
    expect(rows(host)).to.have.length(0);
    await expect(host).to.be.accessible();

    // The back button comes before the heading.
    await sendKeys({ press: 'Shift+Tab' });
    expect(text(active(host))).to.equal('Tillbaka till listan');
    await sendKeys({ press: ' ' });
    await host.updateComplete;
    expect(controller.selected).to.equal(undefined);
    expect(active(host)).to.equal(rows(host)[1]);
    expect(opened).to.deep.equal(['a-2', undefined]);
  });

  it('opens a row with Space too', async () => {
    const { host, controller } = await render({ status: 'ready', items: applications });
    rows(host)[0]!.focus();
    await sendKeys({ press: ' ' });
    await host.updateComplete;
    expect(controller.selected).to.equal('a-1');
    expect(text(active(host))).to.equal('Förskoleplats för Alva');
  });

  it('returns focus to the list heading when the chosen row is gone', async () => {
    const { host, controller, setState } = await render({ status: 'ready', items: applications });
    controller.open('a-3');
    await host.updateComplete;
    await setState({ status: 'ready', items: applications.slice(0, 2) });
    // The open item left the list: the list shows again.
    expect(rows(host)).to.have.length(2);
    controller.back();
    await host.updateComplete;
    expect(active(host)).to.equal(host.shadowRoot!.querySelector('h2'));
    expect(text(active(host))).to.equal('Mina ansökningar');
  });

  it('with a pager: a page change moves focus to the list heading', async () => {
    let page = 1;
    const { host, controller } = await render(
      { status: 'ready', items: applications },
      {
        get footer() {
          return pager({
            page,
            pageCount: 3,
            onPage: (n) => {
              page = n;
              controller.focusList();
            },
          });
        },
      },
    );
    host.shadowRoot!.querySelector<HTMLButtonElement>('.kk-pager__next button')!.focus();
    await sendKeys({ press: 'Enter' });
    await host.updateComplete;
    expect(page).to.equal(2);
    expect(active(host)).to.equal(host.shadowRoot!.querySelector('h2'));
    expect(text(host.shadowRoot!.querySelector('[aria-current=page]'))).to.equal('2');
    await expect(host).to.be.accessible();
  });

  it('speaks English', async () => {
    const { host, controller, setState } = await render({ status: 'error', onRetry: () => {} }, {}, 'en');
    await waitUntil(() => text(host.shadowRoot!.querySelector('[role=alert] h3')) === 'The list could not be loaded', 'English did not load', {
      timeout: 5000,
    });
    expect(text(host.shadowRoot!.querySelector('[role=alert] button'))).to.equal('Try again');
    await setState({ status: 'loading' });
    expect(text(host.shadowRoot!.querySelector('[role=status]'))).to.equal('Loading…');
    await setState({ status: 'ready', items: applications });
    controller.open('a-1');
    await host.updateComplete;
    expect(text(host.shadowRoot!.querySelector('.kk-back-link'))).to.equal('Back to the list');
    await expect(host).to.be.accessible();
  });
});
