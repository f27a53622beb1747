import { openInvoiceStatuses, pathFor, fakturorRoutes, type FinanceInvoice, type Invoice, type InvoiceStatus, type InvoiceSummary } from '@kommunkit/contract';
import { fromMinor, toMinor } from './ubl/amounts.js';

/** What the UBL said, as stored (`fakturor_invoice.document`): the contract's invoice without what changes after the import. */
export type StoredDocument = Omit<Invoice, 'id' | 'amountPaid' | 'amountDue' | 'status' | 'overdue' | 'disputed' | 'relatedInvoiceId' | 'supplierName' | 'paymentReference' | 'attachments' | 'history' | 'messages'> & {
  typeCode: string;
  attachments: (Omit<Invoice['attachments'][number], 'url'> & { externalUrl: string | null; stored: boolean })[];
};

export interface InvoiceEventRow {
  kind: string;
  status: string | null;
  date: string | null;
  amount: string | null;
  note: string | null;
  at: Date;
}
export interface InvoiceMessageRow {
  id: string;
  sender: string;
  kind: string;
  text: string;
  at: Date;
}

/** A stored invoice as the store reads it. */
export interface InvoiceRow {
  id: string;
  kommun_id: string;
  recipient: string;
  status: string;
  amount_paid: string;
  disputed: boolean;
  document: StoredDocument;
  related_id: string | null;
}
export type StoredInvoice = InvoiceRow & { history: InvoiceEventRow[]; messages: InvoiceMessageRow[] };

const open = new Set<string>(openInvoiceStatuses);

/** Still asking for money: an invoice in an open status. */
export const isOpen = (row: Pick<InvoiceRow, 'status'> & { document: Pick<StoredDocument, 'documentType'> }): boolean => row.document.documentType === 'invoice' && open.has(row.status);

function state(row: InvoiceRow, today: string) {
  const { document } = row;
  const due = isOpen(row) ? (toMinor(document.payableAmount) ?? 0n) - (toMinor(row.amount_paid) ?? 0n) : 0n;
  return {
    id: row.id,
    amountPaid: row.amount_paid,
    amountDue: fromMinor(due > 0n ? due : 0n),
    status: row.status as InvoiceStatus,
    overdue: isOpen(row) && document.dueDate !== null && document.dueDate < today,
    disputed: row.disputed,
    relatedInvoiceId: row.related_id,
    supplierName: document.supplier.name,
  };
}

export function toInvoiceSummary(row: InvoiceRow, today: string): InvoiceSummary {
  const { document } = row;
  return {
    ...state(row, today),
    number: document.number,
    documentType: document.documentType,
    label: document.label,
    issueDate: document.issueDate,
    dueDate: document.dueDate,
    currency: document.currency,
    payableAmount: document.payableAmount,
    roundingAmount: document.roundingAmount,
    billingReference: document.billingReference,
  };
}

export function toInvoice(row: StoredInvoice, today: string): Invoice {
  const { typeCode: _typeCode, attachments, ...document } = row.document;
  const pdfUrl = pathFor(fakturorRoutes.invoicePdf.url, { kommun: row.kommun_id, id: row.id });
  return {
    ...document,
    ...state(row, today),
    paymentReference: document.paymentMeans.find((means) => means.reference !== null)?.reference ?? null,
    attachments: attachments.map(({ externalUrl, stored, ...attachment }) => ({ ...attachment, url: stored ? pdfUrl : externalUrl })),
    history: row.history.map((event) => ({
      at: event.at.toISOString(),
      status: event.status as InvoiceStatus | null,
      kind: event.kind as Invoice['history'][number]['kind'],
      date: event.date,
      amount: event.amount,
      note: event.note,
    })),
    messages: row.messages.map((message) => ({
      id: message.id,
      from: message.sender as 'citizen' | 'kommun',
      kind: message.kind as Invoice['messages'][number]['kind'],
      text: message.text,
      at: message.at.toISOString(),
    })),
  };
}

export const toFinanceInvoice = (row: StoredInvoice, today: string): FinanceInvoice => ({ ...toInvoice(row, today), recipient: row.recipient as FinanceInvoice['recipient'] });
