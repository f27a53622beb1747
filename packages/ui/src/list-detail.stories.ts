import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent } from 'storybook/test';
import type { KkTestHost } from '../test/host.js';
import '../test/host.js';
import { summaryList } from './forms/summary-list.js';
import { formatDate, formatMoney } from './format.js';
import { ListDetailController, listDetail, type ListDetailItem, type ListDetailOptions } from './list-detail.js';
import { pager } from './pager.js';
import { statusHistory } from './status-history.js';

interface Invoice extends ListDetailItem {
  amount: number;
  due: string;
}

const invoices: Invoice[] = (
  [
  { id: 'F-1001', title: 'Barnomsorgsavgift december', amount: 152500, due: '2026-12-31', status: { label: 'Obetald', tone: 'warning' } },
  { id: 'F-0977', title: 'Barnomsorgsavgift november', amount: 152500, due: '2026-11-30', status: { label: 'Betald', tone: 'success' } },
  { id: 'F-0901', title: 'Lokalhyra Sporthallen', amount: 45000, due: '2026-10-31', status: { label: 'Påminnelse', tone: 'error' } },
  ] satisfies Omit<Invoice, 'secondary'>[]
).map((invoice) => ({ ...invoice, secondary: `${formatMoney(invoice.amount)} · förfaller ${formatDate(invoice.due)}` }));

type State = ListDetailOptions<Invoice>['state'];

/**
 * "Mina fakturor" as a widget would build it: the controller on the host keeps the open
 * invoice and moves focus; the detail shows the invoice's facts and history.
 */
function render(state: State, options: { paged?: boolean; lang?: string } = {}) {
  let controller: ListDetailController | undefined;
  let page = 1;
  return html`<kk-test-host
    lang=${options.lang ?? 'sv'}
    .template=${(host: KkTestHost) => {
      controller ??= new ListDetailController(host);
      const list = controller;
      return listDetail({
        controller: list,
        title: 'Mina fakturor',
        headingLevel: 2,
        state,
        emptyText: 'Du har inga fakturor.',
        footer: options.paged
          ? pager({
              page,
              pageCount: 4,
              onPage: (n) => {
                page = n;
                list.focusList();
              },
            })
          : undefined,
        detail: (invoice) => html`${summaryList([
            { key: 'Fakturanummer', value: invoice.id },
            { key: 'Belopp', value: formatMoney(invoice.amount) },
            { key: 'Förfallodag', value: formatDate(invoice.due) },
          ])}
          ${statusHistory({
            title: 'Historik',
            headingLevel: 3,
            changes: [
              { label: 'Skickad', tone: 'info', at: '2026-11-15T09:00:00+01:00' },
              { label: invoice.status!.label, tone: invoice.status!.tone ?? 'neutral', at: '2026-12-01T10:00:00+01:00' },
            ],
          })}`,
      });
    }}
  ></kk-test-host>`;
}

/** A list of a citizen's things where each row opens its detail; focus follows. */
const meta: Meta = {
  title: 'ui/List and detail',
  // States reached by a play function or a mocked gateway need a page each: on the Docs page every story is a frame of its own.
  parameters: { docs: { story: { inline: false, height: '420px' } } },
};
export default meta;

type Story = StoryObj;

export const List: Story = {
  render: () => render({ status: 'ready', items: invoices }),
  play: async ({ canvasElement }) => {
    const host = canvasElement.querySelector('kk-test-host')!;
    await host.updateComplete;
    await userEvent.click(host.shadowRoot!.querySelectorAll('.kk-list__row')[1]!);
    await host.updateComplete;
    await expect(host.shadowRoot!.activeElement?.textContent).toBe('Barnomsorgsavgift november');
    await userEvent.click(host.shadowRoot!.querySelector('.kk-back-link')!);
    await host.updateComplete;
    await expect(host.shadowRoot!.activeElement).toBe(host.shadowRoot!.querySelectorAll('.kk-list__row')[1]);
  },
};

export const WithPager: Story = { render: () => render({ status: 'ready', items: invoices }, { paged: true }) };

export const Loading: Story = { render: () => render({ status: 'loading', label: 'Hämtar dina fakturor…' }) };

export const Failed: Story = { render: () => render({ status: 'error', onRetry: () => {} }) };

export const Empty: Story = { render: () => render({ status: 'ready', items: [] }) };

export const English: Story = { render: () => render({ status: 'error', onRetry: () => {} }, { lang: 'en' }) };
