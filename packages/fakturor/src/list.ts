import type { InvoicesPage, InvoiceSummary } from '@kommunkit/contract';
import { formatDate, getLocale, type HeadingLevel, listDetail, loadable, type Loadable, msg, pageCountOf, pager, radios, select, str, type ListDetailItem } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import { ordered, type FakturorController } from './controller.js';
import { invoiceTag, money } from './labels.js';
import type { Filter } from './types.js';

/** A row of the list, carrying its invoice for the detail. */
export interface InvoiceItem extends ListDetailItem {
  invoice: InvoiceSummary;
}

function secondary(invoice: InvoiceSummary, all: readonly InvoiceSummary[], lang: string): string {
  const amount = money(invoice.documentType === 'invoice' ? invoice.amountDue : invoice.payableAmount, invoice.currency, lang);
  if (invoice.documentType === 'creditNote') {
    const credited = invoice.billingReference ? msg(str`Krediterar faktura ${invoice.billingReference}`) : msg('Kreditfaktura');
    return `${invoice.supplierName} · ${credited} · ${amount}`;
  }
  const creditNote = all.find((other) => other.documentType === 'creditNote' && other.relatedInvoiceId === invoice.id);
  const due = invoice.dueDate ? (invoice.overdue ? msg(str`Förföll ${formatDate(invoice.dueDate, lang)}`) : msg(str`Förfaller ${formatDate(invoice.dueDate, lang)}`)) : msg(str`Faktura ${invoice.number}`);
  const parts = [invoice.supplierName, msg(str`Att betala ${amount}`), due];
  if (creditNote) parts.push(msg(str`Krediterad med ${creditNote.number}`));
  return parts.join(' · ');
}

function items(all: readonly InvoiceSummary[], lang: string): InvoiceItem[] {
  return ordered(all).map((invoice) => ({
    id: invoice.id,
    title: invoice.documentType === 'creditNote' ? msg(str`Kreditfaktura: ${invoice.label}`) : invoice.label,
    secondary: secondary(invoice, all, lang),
    status: invoiceTag(invoice),
    invoice,
  }));
}

const filterChoices = (): { value: Filter; label: string }[] => [
  { value: 'unpaid', label: msg('Obetalda') },
  { value: 'paid', label: msg('Betalda') },
  { value: 'all', label: msg('Alla') },
];

/** "Mina fakturor": the filters and the list; an open invoice is drawn by `detail`. */
export function listPage(c: FakturorController, headingLevel: HeadingLevel, detail: (item: InvoiceItem) => unknown): TemplateResult {
  const lang = getLocale();
  const ready = (page: InvoicesPage) => ({ page, items: items(page.items, lang) });
  const last = c.invoices.value;
  // Read again after a change (status 1, pending): the last list stays, so the row can take the focus back.
  const state: Loadable<ReturnType<typeof ready>> = c.stale && last && c.invoices.status === 1 ? { state: 'ready', value: ready(last) } : loadable(c.invoices, ready);
  const years = c.invoices.value?.years ?? (c.year ? [c.year] : []);
  const filters = c.list.selected
    ? nothing
    : html`<div class="kk-fa-filters">
        ${radios({ id: 'kk-fa-filter', name: 'filter', label: msg('Visa'), inline: true, choices: filterChoices(), value: c.filter, onChange: (value) => c.setFilter(value as Filter) })}
        ${select({
          id: 'kk-fa-year',
          name: 'year',
          label: msg('År'),
          optional: true,
          placeholder: msg('Alla år'),
          choices: years.map((year) => ({ value: String(year), label: String(year) })),
          value: c.year ? String(c.year) : '',
          onChange: (value) => c.setYear(value ? Number(value) : undefined),
        })}
      </div>`;
  const emptyText =
    c.filter === 'unpaid' ? msg('Du har inga obetalda fakturor.') : c.filter === 'paid' ? msg('Du har inga betalda fakturor här.') : msg('Du har inga fakturor från kommunen.');
  return html`${filters}
    ${listDetail<InvoiceItem>({
      controller: c.list,
      id: 'kk-fa',
      title: msg('Mina fakturor'),
      headingLevel,
      state:
        state.state === 'ready'
          ? { status: 'ready', items: state.value.items }
          : state.state === 'error'
            ? { status: 'error', message: msg('Vi kunde inte hämta dina fakturor just nu. Försök igen om en stund.'), onRetry: state.retry }
            : { status: 'loading', label: msg('Hämtar dina fakturor…') },
      emptyText,
      footer:
        state.state === 'ready'
          ? pager({ page: state.value.page.page, pageCount: pageCountOf(state.value.page), onPage: (page) => c.showPage(page), label: msg('Sidor med fakturor') })
          : nothing,
      detail,
      backLabel: msg('Tillbaka till mina fakturor'),
    })}
    <p class="kk-visually-hidden" role="status">${c.announcement}</p>`;
}
