/**
 * Method and path of mina fakturor's routes, and the few values its widget needs at run time
 * (statuses, message kinds, limits), free of TypeBox like `routes.ts`, in a module of its own so
 * that only the fakturor widget's code carries them (`@kommunkit/contract/fakturor-routes`);
 * `operations` adds the schemas.
 */
export const fakturorRoutes = {
  listInvoices: { method: 'GET', url: '/api/v1/:kommun/fakturor/invoices' },
  getInvoice: { method: 'GET', url: '/api/v1/:kommun/fakturor/invoices/:id' },
  invoicePdf: { method: 'GET', url: '/api/v1/:kommun/fakturor/invoices/:id/pdf' },
  sendInvoiceMessage: { method: 'POST', url: '/api/v1/:kommun/fakturor/invoices/:id/messages' },
} as const satisfies Record<string, { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string }>;

/** The kommun's finance system (its `financeApiKey`): import, payment status, messages, unmatched documents. */
export const fakturorFinanceRoutes = {
  importInvoice: { method: 'POST', url: '/api/v1/:kommun/fakturor/import' },
  getFinanceInvoice: { method: 'GET', url: '/api/v1/:kommun/fakturor/finance/invoices/:id' },
  updateInvoiceStatus: { method: 'POST', url: '/api/v1/:kommun/fakturor/finance/invoices/:id/status' },
  answerInvoiceMessage: { method: 'POST', url: '/api/v1/:kommun/fakturor/finance/invoices/:id/messages' },
  listInvoiceMessages: { method: 'GET', url: '/api/v1/:kommun/fakturor/finance/messages' },
  listUnmatchedInvoices: { method: 'GET', url: '/api/v1/:kommun/fakturor/finance/unmatched' },
} as const satisfies Record<string, { method: 'GET' | 'POST'; url: string }>;

/**
 * Where an invoice stands (the statuses of Sundsvall's invoice API): `sent` until the finance
 * system says more; `credited` when a credit note settled it; `overpaid` when more came in
 * than was due.
 */
export const invoiceStatuses = ['sent', 'partially_paid', 'paid', 'reminder', 'debt_collection', 'credited', 'written_off', 'overpaid'] as const;

/** Statuses of an invoice that still asks for money: the list's `unpaid` filter. */
export const openInvoiceStatuses = ['sent', 'partially_paid', 'reminder', 'debt_collection'] as const satisfies readonly (typeof invoiceStatuses)[number][];

/** What a citizen may write about an invoice: dispute it (bestrida) or ask for a payment plan. */
export const invoiceMessageKinds = ['bestrid', 'avbetalningsplan'] as const;

/** The list's filters: `unpaid` (invoices still asking for money), `paid` (settled invoices and credit notes), `all`. */
export const invoiceFilters = ['unpaid', 'paid', 'all'] as const;

/** Longest message text a citizen or the finance system may write. */
export const maxInvoiceMessageLength = 2000;
/** Largest UBL document the import takes (an embedded PDF included, base64). */
export const maxInvoiceDocumentBytes = 10 * 1024 * 1024;

/** UBL 2.1 documents as the import takes them. */
export const ublMediaType = 'application/xml';
