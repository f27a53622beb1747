import type { Invoice, InvoicesPage, NewInvoiceMessage } from '@kommunkit/contract';
import { fakturorRoutes as routes, type invoiceFilters } from '@kommunkit/contract/fakturor-routes';
import { pathFor } from '@kommunkit/contract/routes';
import type { KommunkitClient } from '../client.js';
import type { CallOptions } from '../http.js';
import { citizenCall } from './citizen-call.js';

export type { Invoice, InvoiceSummary, InvoicesPage, NewInvoiceMessage } from '@kommunkit/contract';

/**
 * Mina fakturor for the logged-in citizen: their invoices and credit notes, one whole, its PDF,
 * and a dispute or a payment-plan request. Every call needs the session: without one it
 * rejects with an `ApiError` 401, and the client's login state learns that the session is
 * gone. Anyone else's invoice is a 404.
 */

export interface InvoicesQuery {
  /** `unpaid` (still asking for money), `paid` (settled, credit notes), `all` (the gateway's default). */
  filter?: (typeof invoiceFilters)[number];
  /** Only documents issued this year. */
  year?: number;
  /** Page number, from 1. */
  page?: number;
  /** Invoices per page (the gateway's default when left out, at most 100). */
  pageSize?: number;
}

/** A page of the citizen's invoices (`GET fakturor/invoices`): unpaid first, earliest due first; with the years they have documents from. */
export function listInvoices(client: KommunkitClient, { filter, year, page, pageSize }: InvoicesQuery = {}, { signal }: CallOptions = {}): Promise<InvoicesPage> {
  return citizenCall<InvoicesPage>(client, routes.listInvoices, { query: { filter, year, page, pageSize }, signal });
}

/** One of the citizen's invoices, whole: lines, VAT, payment means, history and messages. */
export function getInvoice(client: KommunkitClient, id: string, { signal }: CallOptions = {}): Promise<Invoice> {
  return citizenCall<Invoice>(client, routes.getInvoice, { params: { id }, signal });
}

/** Where the browser downloads the invoice as PDF (with the session cookie: a link, not a fetch). */
export function invoicePdfUrl(client: KommunkitClient, id: string): string {
  return `${client.api}${pathFor(routes.invoicePdf.url, { kommun: client.kommun, id })}`;
}

/**
 * Disputes the invoice (`bestrid`, with the reason) or asks for a payment plan; answers the
 * invoice with the message in its history. Sent once: a repeat after a lost answer would be a
 * second message. Rejects with 409 for a credit note, 400 for a text out of bounds.
 */
export function sendInvoiceMessage(client: KommunkitClient, id: string, message: NewInvoiceMessage, { signal }: CallOptions = {}): Promise<Invoice> {
  return citizenCall<Invoice>(client, routes.sendInvoiceMessage, { params: { id }, json: message, signal });
}
