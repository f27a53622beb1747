import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, createClient, problemTypes, type KommunkitClient } from '../src/index.js';
import { getInvoice, invoicePdfUrl, listInvoices, sendInvoiceMessage, type InvoicesPage } from '../src/services/fakturor.js';
import { ok, problem, startFakeGateway, type FakeGateway } from './support/fake-gateway.js';

let gateway: FakeGateway;
let client: KommunkitClient;
beforeEach(async () => {
  gateway = await startFakeGateway();
  client = createClient({ api: gateway.url, kommun: 'exempelstad', fetch, retry: { baseDelayMs: 5, maxDelayMs: 50 } });
});
afterEach(() => gateway.close());

const base = '/api/v1/exempelstad/fakturor';
const id = '6f1c2a7e-3b7d-4c7e-9a51-0d2b4f8e1a11';
const empty: InvoicesPage = { items: [], page: 1, pageSize: 20, total: 0, years: [] };

describe('listInvoices', () => {
  it('reads a page with the filter and year in the query, and without them', async () => {
    gateway.queue(ok({ ...empty, years: [2026] }), ok(empty));
    await expect(listInvoices(client, { filter: 'unpaid', year: 2026, page: 2, pageSize: 10 })).resolves.toEqual({ ...empty, years: [2026] });
    await listInvoices(client);
    expect(gateway.requests.map((request) => `${request.method} ${request.url}`)).toEqual([`GET ${base}/invoices?filter=unpaid&year=2026&page=2&pageSize=10`, `GET ${base}/invoices`]);
    expect(gateway.requests[0]!.headers['x-kommunkit-client']).toBeUndefined();
  });
});

describe('getInvoice', () => {
  it('reads one invoice, and passes a 404 on as an ApiError', async () => {
    gateway.queue(ok({ id }), problem(404, problemTypes.notFound, 'Hittades inte'));
    await expect(getInvoice(client, id)).resolves.toEqual({ id });
    const missing = await getInvoice(client, id).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(ApiError);
    expect((missing as ApiError).status).toBe(404);
    expect(gateway.requests.map((request) => request.url)).toEqual([`${base}/invoices/${id}`, `${base}/invoices/${id}`]);
  });
});

describe('invoicePdfUrl', () => {
  it('is the gateway\'s pdf route of the invoice', () => {
    expect(invoicePdfUrl(client, id)).toBe(`${gateway.url}${base}/invoices/${id}/pdf`);
  });
});

describe('sendInvoiceMessage', () => {
  it('posts the message as JSON with the client header, once even after a 503', async () => {
    gateway.queue(ok({ id }, 201));
    await expect(sendInvoiceMessage(client, id, { kind: 'bestrid', text: 'Fel period' })).resolves.toEqual({ id });
    const [received] = gateway.requests;
    expect(`${received!.method} ${received!.url}`).toBe(`POST ${base}/invoices/${id}/messages`);
    expect(received!.headers['x-kommunkit-client']).toMatch(/^sdk\//);
    expect(JSON.parse(received!.body)).toEqual({ kind: 'bestrid', text: 'Fel period' });

    gateway.queue(problem(503, problemTypes.unavailable, 'Tjänsten är inte tillgänglig just nu'));
    await expect(sendInvoiceMessage(client, id, { kind: 'avbetalningsplan', text: 'Tre månader' })).rejects.toMatchObject({ status: 503 });
    expect(gateway.requests).toHaveLength(2);
  });
});
