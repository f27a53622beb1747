import type { Invoice, InvoicesPage, InvoiceSummary, NewInvoiceMessage } from '@kommunkit/contract';
import { openInvoiceStatuses } from '@kommunkit/contract/fakturor-routes';
import { http, HttpResponse } from 'msw';

/**
 * The gateway's citizen side of mina fakturor as MSW handlers, for the component tests and the
 * stories: a logged-in test person, their invoices (filtered, paged, anyone else's a 404), one
 * whole, and messages that land in its history. Built from the contract's types.
 */
export const api = 'http://gateway.test';

const problemJson = (status: number, type: string, title: string, extra: Record<string, unknown> = {}) =>
  HttpResponse.json({ type: `urn:kommunkit:problem:${type}`, title, status, ...extra }, { status, headers: { 'content-type': 'application/problem+json' } });

export const user = { name: 'Johan Berg', givenName: 'Johan', familyName: 'Berg', kommun: 'exempelstad' };

let counter = 0;
const uuid = (): string => `7a2b3c4d-5e6f-4a1b-8c2d-${String(++counter).padStart(12, '0')}`;

const supplier: Invoice['supplier'] = {
  name: 'Exempelstads kommun',
  registrationName: 'Exempelstads kommun',
  organisationNumber: '212000-0001',
  vatNumber: 'SE212000000101',
  endpoint: { scheme: '0007', id: '2120000001' },
  country: 'SE',
  address: { street: 'Stadshustorget 1', postalCode: '123 45', city: 'Exempelstad' },
  identifiers: [],
};
const customer: Invoice['customer'] = {
  name: 'Johan Berg',
  registrationName: null,
  organisationNumber: null,
  vatNumber: null,
  endpoint: null,
  country: 'SE',
  address: null,
  identifiers: [{ scheme: null, id: '19830817-****', kind: 'personnummer' }],
};

/** A whole invoice of the test person: a childcare fee of 1 234,50 kr by bankgiro, due in December 2026, unless `over` says otherwise. */
export function invoice(over: Partial<Invoice> = {}): Invoice {
  const id = over.id ?? uuid();
  return {
    id,
    number: `2026-${String(1000 + counter)}`,
    documentType: 'invoice',
    label: 'Barnomsorgsavgift november',
    issueDate: '2026-11-15',
    dueDate: '2026-12-31',
    currency: 'SEK',
    payableAmount: '1234.50',
    roundingAmount: '-0.40',
    amountPaid: '0.00',
    amountDue: '1234.50',
    status: 'sent',
    overdue: false,
    disputed: false,
    billingReference: null,
    relatedInvoiceId: null,
    supplierName: 'Exempelstads kommun',
    paymentReference: '1234567897',
    paymentTerms: '30 dagar',
    period: { start: '2026-11-01', end: '2026-11-30' },
    buyerReference: null,
    notes: ['Barnomsorgsavgift november'],
    paymentMeans: [{ code: '30', reference: '1234567897', referenceType: 'ocr', account: '56781234', accountType: 'bankgiro', accountName: 'Exempelstads kommun', institution: 'SE:BANKGIRO' }],
    lines: [
      { id: '1', name: 'Förskola, avgift', description: null, quantity: '1', unitCode: 'MON', unitPrice: '987.92', amount: '987.92', vatCategory: 'E', vatPercent: '0', period: { start: '2026-11-01', end: '2026-11-30' } },
      { id: '2', name: 'Lunch', description: null, quantity: '20', unitCode: 'C62', unitPrice: '12.35', amount: '247.00', vatCategory: 'E', vatPercent: '0', period: null },
    ],
    vat: [{ category: 'E', percent: '0', taxableAmount: '1234.92', taxAmount: '0.00', exemptionReason: 'Undantag enligt ML' }],
    totals: { lineExtensionAmount: '1234.92', allowanceTotalAmount: null, chargeTotalAmount: null, taxExclusiveAmount: '1234.92', taxAmount: '0.00', taxInclusiveAmount: '1234.92', prepaidAmount: null },
    attachments: [],
    supplier,
    customer,
    history: [{ at: '2026-11-15T08:00:00.000Z', status: 'sent', kind: 'imported', date: null, amount: null, note: null }],
    messages: [],
    ...over,
  };
}

/** The summary of an invoice, as the list gives it. */
export function summary(whole: Invoice): InvoiceSummary {
  const { paymentReference: _r, paymentTerms: _t, period: _p, buyerReference: _b, notes: _n, paymentMeans: _m, lines: _l, vat: _v, totals: _to, attachments: _a, supplier: _s, customer: _c, history: _h, messages: _ms, ...rest } = whole;
  return rest;
}

/** The test person's documents: an overdue water bill, an unpaid childcare fee, a paid one and a credit note against it. */
export function sampleInvoices(): Invoice[] {
  const paid = invoice({
    label: 'Barnomsorgsavgift oktober',
    issueDate: '2026-10-15',
    dueDate: '2026-10-31',
    status: 'paid',
    amountPaid: '1234.50',
    amountDue: '0.00',
    history: [
      { at: '2026-10-15T08:00:00.000Z', status: 'sent', kind: 'imported', date: null, amount: null, note: null },
      { at: '2026-10-28T08:00:00.000Z', status: 'paid', kind: 'status', date: '2026-10-28', amount: '1234.50', note: null },
    ],
  });
  const credit = invoice({
    documentType: 'creditNote',
    label: 'Kredit barnomsorgsavgift oktober',
    payableAmount: '200.00',
    amountDue: '0.00',
    status: 'paid',
    billingReference: paid.number,
    relatedInvoiceId: paid.id,
    paymentMeans: [],
    paymentReference: null,
  });
  paid.relatedInvoiceId = credit.id;
  return [
    invoice({ label: 'Barnomsorgsavgift november' }),
    paid,
    credit,
    invoice({ label: 'Vatten och avfall, kvartal 3', dueDate: '2026-09-30', issueDate: '2026-09-01', overdue: true, status: 'reminder', payableAmount: '2150.00', amountDue: '2150.00', roundingAmount: null }),
  ];
}

export interface GatewayOptions {
  signedIn?: boolean;
  invoices?: Invoice[];
  /** The list answers 503. */
  listFails?: boolean;
  /** These ids answer 404 (as anyone else's invoice would). */
  missing?: string[];
}

/** The fake gateway; `received` keeps the list queries and the messages for the tests to check. */
export function gateway({ signedIn = true, invoices = sampleInvoices(), listFails = false, missing = [] }: GatewayOptions = {}) {
  const received = { queries: [] as URLSearchParams[], messages: [] as (NewInvoiceMessage & { id: string })[] };
  const store = new Map(invoices.map((whole) => [whole.id, whole]));
  const open = new Set<string>(openInvoiceStatuses);
  const base = `${api}/api/v1/:kommun`;
  const handlers = [
    http.get(base, ({ params }) => HttpResponse.json({ id: String(params.kommun), name: 'Exempelstads kommun', theme: {}, services: ['fakturor'] })),
    http.get(`${base}/auth/me`, () => (signedIn ? HttpResponse.json({ ...user, expiresAt: new Date(Date.now() + 3_600_000).toISOString() }) : new HttpResponse(null, { status: 204 }))),
    http.get(`${base}/fakturor/invoices`, ({ request }) => {
      const query = new URL(request.url).searchParams;
      received.queries.push(query);
      if (!signedIn) return problemJson(401, 'unauthenticated', 'Du behöver logga in');
      if (listFails) return problemJson(503, 'unavailable', 'Tjänsten är inte tillgänglig just nu');
      const filter = query.get('filter') ?? 'all';
      const year = query.get('year');
      const page = Number(query.get('page') ?? 1);
      const pageSize = Number(query.get('pageSize') ?? 20);
      const all = [...store.values()];
      const items = all
        .filter((whole) => (filter === 'all' ? true : filter === 'unpaid' ? whole.documentType === 'invoice' && open.has(whole.status) : !(whole.documentType === 'invoice' && open.has(whole.status))))
        .filter((whole) => !year || whole.issueDate.startsWith(year));
      const answer: InvoicesPage = {
        items: items.slice((page - 1) * pageSize, page * pageSize).map(summary),
        page,
        pageSize,
        total: items.length,
        years: [...new Set(all.map((whole) => Number(whole.issueDate.slice(0, 4))))].sort((a, b) => b - a),
      };
      return HttpResponse.json(answer);
    }),
    http.get(`${base}/fakturor/invoices/:id`, ({ params }) => {
      const found = store.get(String(params.id));
      if (!found || missing.includes(found.id)) return problemJson(404, 'not-found', 'Sidan eller uppgiften finns inte');
      return HttpResponse.json(found);
    }),
    http.post(`${base}/fakturor/invoices/:id/messages`, async ({ params, request }) => {
      const found = store.get(String(params.id));
      if (!found) return problemJson(404, 'not-found', 'Sidan eller uppgiften finns inte');
      const message = (await request.json()) as NewInvoiceMessage;
      received.messages.push({ ...message, id: found.id });
      const at = new Date().toISOString();
      const updated: Invoice = {
        ...found,
        disputed: found.disputed || message.kind === 'bestrid',
        messages: [...found.messages, { id: uuid(), from: 'citizen', kind: message.kind, text: message.text, at }],
        history: [...found.history, { at, status: null, kind: 'message', date: null, amount: null, note: message.text }],
      };
      store.set(found.id, updated);
      return HttpResponse.json(updated, { status: 201 });
    }),
  ];
  return { handlers, received };
}
