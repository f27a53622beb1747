import type { InvoicesPage, InvoiceSummary } from '@kommunkit/contract';
import { openInvoiceStatuses } from '@kommunkit/contract/fakturor-routes';
import type { KommunkitClient } from '@kommunkit/sdk';
import { listInvoices } from '@kommunkit/sdk/fakturor';
import { AuthController, getLocale, ListDetailController, prepareFormats, ReaderKey } from '@kommunkit/ui';
import { initialState, Task } from '@lit/task';
import type { ReactiveController, ReactiveElement } from 'lit';
import type { InvoiceOpenedDetail } from './events.js';
import type { Filter } from './types.js';

export interface FakturorOptions {
  client: () => KommunkitClient | undefined;
  onOpened: (detail: InvoiceOpenedDetail) => void;
}

export const pageSize = 10;

/** Where the login comes back to: the list, or the invoice that was open (`faktura:<id>`). */
const invoiceStep = 'faktura:';

/**
 * The widget's state: the login, the list's query (filter, year, page), which invoice is open
 * and what the live region says. The open invoice's own state lives in its chunk (`invoice/`).
 */
export class FakturorController implements ReactiveController {
  readonly auth: AuthController;
  readonly list: ListDetailController;
  readonly invoices: Task<[KommunkitClient | undefined, object | null, Filter, number | undefined, number, number], InvoicesPage>;
  filter: Filter = 'unpaid';
  year: number | undefined;
  page = 1;
  /** Bumped when the citizen goes back after sending a message: the list is read again. */
  revision = 0;
  /** While the list is read again after a change, the last one stays on the page. */
  stale = false;
  private changed = false;
  announcement = '';
  private returned = false;
  /** Per-chunk state, kept here so that it lives as long as the element (`stateOf`). */
  private readonly states = new WeakMap<object, unknown>();
  /** Whose list the task reads: asked for beside `auth/me`, not after it. */
  private readonly reader = new ReaderKey();

  constructor(
    readonly host: ReactiveElement,
    readonly options: FakturorOptions,
  ) {
    this.auth = new AuthController(host, { client: () => options.client() });
    this.list = new ListDetailController(host, {
      onChange: (id) => {
        if (id) options.onOpened({ invoiceId: id });
        else if (this.changed) {
          this.changed = false;
          this.stale = true;
          this.revision++;
        }
      },
    });
    this.invoices = new Task(host, {
      task: async ([client, viewer, filter, year, page], { signal }) => {
        if (!client || !viewer) return initialState;
        try {
          const list = listInvoices(client, { filter, year, page, pageSize }, { signal });
          // The list shows amounts and due dates: their formatters are made while it is on its way.
          prepareFormats(getLocale(), ['money', 'date']);
          return await list;
        } finally {
          this.stale = false;
        }
      },
      args: () => [options.client(), this.reader.keyFor(this.auth.user), this.filter, this.year, this.page, this.revision],
    });
    host.addController(this);
  }

  hostUpdate(): void {
    // Back from the login with an invoice open before: it opens again once the list is there.
    if (this.returned || this.auth.state !== 'authenticated') return;
    const step = this.auth.returnedTo?.step;
    if (!step?.startsWith(invoiceStep)) {
      this.returned = true;
      return;
    }
    if (this.invoices.value?.items.some((item) => item.id === step.slice(invoiceStep.length))) {
      this.returned = true;
      this.list.open(step.slice(invoiceStep.length));
    }
  }

  /** The place the login comes back to. */
  get returnStep(): string {
    return this.list.selected ? `${invoiceStep}${this.list.selected}` : 'lista';
  }

  stateOf<T>(key: object, make: () => T): T {
    if (!this.states.has(key)) this.states.set(key, make());
    return this.states.get(key) as T;
  }

  /** An open invoice changed (a message sent): the list is read again on the way back. */
  markChanged(): void {
    this.changed = true;
  }

  setFilter(filter: Filter): void {
    this.filter = filter;
    this.page = 1;
    this.host.requestUpdate();
  }

  setYear(year: number | undefined): void {
    this.year = year;
    this.page = 1;
    this.host.requestUpdate();
  }

  showPage(page: number): void {
    this.page = page;
    this.list.focusList();
  }

  /** Says `text` in the polite live region, again even when it was the last thing said. */
  async announce(text: string): Promise<void> {
    this.announcement = '';
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.announcement = text;
    this.host.requestUpdate();
  }
}

const open = new Set<string>(openInvoiceStatuses);
const rank = (invoice: InvoiceSummary): number => (invoice.documentType === 'invoice' && invoice.overdue ? 0 : invoice.documentType === 'invoice' && open.has(invoice.status) ? 1 : 2);

/**
 * The page's documents as the list shows them: overdue first, then the other unpaid, then the
 * rest (each group in the gateway's order); a credit note right after the invoice it credits
 * when both are on the page.
 */
export function ordered(items: readonly InvoiceSummary[]): InvoiceSummary[] {
  const sorted = items.map((item, index) => ({ item, index })).sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index).map(({ item }) => item);
  const ids = new Set(sorted.map((item) => item.id));
  const credits = (item: InvoiceSummary) => item.documentType === 'creditNote' && item.relatedInvoiceId !== null && ids.has(item.relatedInvoiceId);
  return sorted.filter((item) => !credits(item)).flatMap((item) => [item, ...sorted.filter((credit) => credits(credit) && credit.relatedInvoiceId === item.id)]);
}
