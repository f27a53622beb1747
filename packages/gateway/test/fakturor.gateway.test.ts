import type { FinanceInvoice, FinanceMessages, Invoice, InvoicesPage, Problem } from '@kommunkit/contract';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pages, startGateway, type TestGateway } from './support/gateway.js';
import { writeHeaders, type Browser } from './support/http.js';
import { api, financeCall, importDocument, resetFakturor, tinyPdf, ublDocument, withFakturor, type DocumentSpec } from './support/fakturor.js';
import { loggedIn, persons } from './support/lokalbokning.js';

let gateway: TestGateway;
let johan: Browser;

/** A date `days` from today in Sweden, so overdue stays overdue whatever day the test runs. */
const day = (days: number): string => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(Date.now() + days * 86_400_000));

const ids: Record<string, string> = {};
async function importAs(key: string, spec: DocumentSpec): Promise<FinanceInvoice> {
  const response = await importDocument(gateway.url, ublDocument(spec));
  expect(response.status).toBe(201);
  const body = (await response.json()) as FinanceInvoice;
  ids[key] = body.id;
  return body;
}

beforeAll(async () => {
  gateway = await startGateway({ configure: withFakturor });
  await resetFakturor(gateway.db);
  await importAs('overdue', { number: 'EXS-F-1', issueDate: day(-40), dueDate: day(-10), note: 'Barnomsorgsavgift' });
  await importAs('upcoming', { number: 'EXS-F-2', issueDate: day(-5), dueDate: day(25), note: 'Vatten och avfall', lines: [{ name: 'Vatten och avlopp', quantity: '1', price: '1000' }] });
  await importAs('terms', { number: 'EXS-F-3', issueDate: day(-20), dueDate: null, paymentTerms: 'Betalas inom 30 dagar.' });
  await importAs('credit', { type: 'creditNote', number: 'EXS-K-1', issueDate: day(-1), dueDate: null, payment: null, billingReference: 'EXS-F-2', lines: [{ name: 'Kreditering', quantity: '1', price: '200' }] });
  await importAs('old', { number: 'EXS-F-0', issueDate: '2025-06-01', dueDate: '2025-06-30', attachments: [{ id: 'Faktura', mimeCode: 'application/pdf', filename: 'f.pdf', base64: tinyPdf.toString('base64') }] });
  const paid = await financeCall(gateway.url, `/finance/invoices/${ids.old!}/status`, { status: 'paid', date: '2025-06-20', amount: '2813.33' });
  expect(paid.status).toBe(200);
  johan = await loggedIn(gateway.url, persons.johan);
}, 60_000);
afterAll(() => gateway.close());

const page = async (query = ''): Promise<InvoicesPage> => {
  const response = await johan.fetch(`${api}/invoices${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as InvoicesPage;
};
const numbers = (result: InvoicesPage) => result.items.map((item) => item.number);
const invoice = async (key: string): Promise<Invoice> => (await (await johan.fetch(`${api}/invoices/${ids[key]!}`)).json()) as Invoice;
const send = (key: string, body: unknown) => johan.fetch(`${api}/invoices/${ids[key]!}/messages`, { method: 'POST', headers: writeHeaders(pages.exempelstad), body: JSON.stringify(body) });
const status = (key: string, body: unknown) => financeCall(gateway.url, `/finance/invoices/${ids[key]!}/status`, body);

describe('the citizen\'s list', () => {
  it('puts unpaid first, earliest due first and no due date last, then the rest newest first', async () => {
    const all = await page();
    expect(numbers(all)).toEqual(['EXS-F-1', 'EXS-F-2', 'EXS-F-3', 'EXS-K-1', 'EXS-F-0']);
    expect(all.items.map((item) => [item.status, item.overdue, item.amountDue])).toEqual([
      ['sent', true, '2813.33'],
      ['sent', false, '1250.00'],
      ['sent', false, '2813.33'],
      ['credited', false, '0.00'],
      ['paid', false, '0.00'],
    ]);
    expect({ total: all.total, page: all.page, pageSize: all.pageSize, years: all.years }).toEqual({ total: 5, page: 1, pageSize: 20, years: [...new Set([day(-40), day(-5), day(-20), day(-1), '2025-06-01'].map((date) => Number(date.slice(0, 4))))].sort((a, b) => b - a) });
    expect(all.items[3]).toMatchObject({ documentType: 'creditNote', billingReference: 'EXS-F-2', relatedInvoiceId: ids.upcoming, label: 'Kreditering' });
    expect(all.items[1]).toMatchObject({ label: 'Vatten och avfall', relatedInvoiceId: ids.credit, supplierName: 'Exempelstads kommun', currency: 'SEK', payableAmount: '1250.00' });
  });

  it('filters unpaid, paid and by year, and pages', async () => {
    expect(numbers(await page('?filter=unpaid'))).toEqual(['EXS-F-1', 'EXS-F-2', 'EXS-F-3']);
    expect(numbers(await page('?filter=paid'))).toEqual(['EXS-K-1', 'EXS-F-0']);
    expect(numbers(await page('?filter=all&year=2025'))).toEqual(['EXS-F-0']);
    expect(numbers(await page('?year=2024'))).toEqual([]);
    const second = await page('?pageSize=2&page=2');
    expect({ numbers: numbers(second), total: second.total }).toEqual({ numbers: ['EXS-F-3', 'EXS-K-1'], total: 5 });
    for (const [query, pointer] of [
      ['?filter=obetalda', '/querystring/filter'],
      ['?year=20x5', '/querystring/year'],
      ['?pageSize=0', '/querystring/pageSize'],
    ] as const) {
      const response = await johan.fetch(`${api}/invoices${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as Problem).errors?.map((error) => error.pointer), query).toContain(pointer);
    }
  });

  it('shows one invoice whole, with the payee facts a payment QR code needs', async () => {
    const one = await invoice('overdue');
    expect(one).toMatchObject({
      number: 'EXS-F-1',
      overdue: true,
      paymentReference: '202612011421',
      paymentMeans: [{ accountType: 'bankgiro', account: '50501055', referenceType: 'ocr' }],
      supplier: { name: 'Exempelstads kommun', organisationNumber: '2120000555', country: 'SE' },
      history: [{ kind: 'imported', note: 'Fakturan skickades.' }],
    });
    expect(one).not.toHaveProperty('recipient');
  });
});

describe('the invoice as PDF', () => {
  it('makes a real PDF from the data when the document embeds none', async () => {
    const response = await johan.fetch(`${api}/invoices/${ids.overdue!}/pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="faktura-EXS-F-1.pdf"');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe('Faktura EXS-F-1 från Exempelstads kommun');
    expect(pdf.getSubject()).toBe('Barnomsorgsavgift');
    // The same invoice gives the same bytes.
    const again = Buffer.from(await (await johan.fetch(`${api}/invoices/${ids.overdue!}/pdf`)).arrayBuffer());
    expect(again.equals(bytes)).toBe(true);
  });

  it('answers the embedded PDF as it came, and a credit note as one', async () => {
    const embedded = Buffer.from(await (await johan.fetch(`${api}/invoices/${ids.old!}/pdf`)).arrayBuffer());
    expect(embedded.equals(tinyPdf)).toBe(true);
    const credit = await johan.fetch(`${api}/invoices/${ids.credit!}/pdf`);
    expect(credit.headers.get('content-disposition')).toBe('attachment; filename="kreditnota-EXS-K-1.pdf"');
    expect((await PDFDocument.load(await credit.arrayBuffer())).getTitle()).toBe('Kreditnota EXS-K-1 från Exempelstads kommun');
  });
});

describe('messages from the citizen', () => {
  it('marks a disputed invoice, shows the finance system the dispute, keeps it from debt collection until answered', async () => {
    const response = await send('upcoming', { kind: 'bestrid', text: 'Mätarställningen är fel.' });
    expect(response.status).toBe(201);
    const disputed = (await response.json()) as Invoice;
    expect(disputed.disputed).toBe(true);
    expect(disputed.messages).toMatchObject([{ from: 'citizen', kind: 'bestrid', text: 'Mätarställningen är fel.' }]);
    expect(disputed.history.map((event) => [event.kind, event.note])).toEqual([
      ['imported', 'Fakturan skickades.'],
      ['message', 'Du bestred fakturan: Mätarställningen är fel.'],
    ]);
    const open = (await (await financeCall(gateway.url, '/finance/messages?unanswered=true')).json()) as FinanceMessages;
    expect(open.items).toMatchObject([{ invoiceId: ids.upcoming, invoiceNumber: 'EXS-F-2', kind: 'bestrid', text: 'Mätarställningen är fel.', answered: false }]);
    const collection = await status('upcoming', { status: 'debt_collection' });
    expect(collection.status).toBe(409);
    expect(((await collection.json()) as Problem).detail).toBe('Fakturan är bestridd och får inte gå till inkasso förrän bestridandet är besvarat.');

    const answer = await financeCall(gateway.url, `/finance/invoices/${ids.upcoming!}/messages`, { text: 'Vi har rättat mätarställningen, se kreditnotan.' });
    expect(answer.status).toBe(201);
    const answered = await invoice('upcoming');
    expect({ disputed: answered.disputed, last: answered.messages.at(-1), history: answered.history.at(-1)?.kind }).toMatchObject({ disputed: false, last: { from: 'kommun', kind: 'svar', text: 'Vi har rättat mätarställningen, se kreditnotan.' }, history: 'answer' });
    expect(((await (await financeCall(gateway.url, '/finance/messages?unanswered=true')).json()) as FinanceMessages).items).toEqual([]);
    expect(((await (await financeCall(gateway.url, '/finance/messages')).json()) as FinanceMessages).items.map((message) => message.answered)).toEqual([true]);
  });

  it('takes a payment-plan request without marking a dispute, and refuses what is no message', async () => {
    const response = await send('terms', { kind: 'avbetalningsplan', text: 'Kan jag dela upp betalningen på tre månader?' });
    expect(response.status).toBe(201);
    expect(((await response.json()) as Invoice).disputed).toBe(false);
    expect((await send('terms', { kind: 'bestrid', text: '' })).status).toBe(400);
    expect((await send('terms', { kind: 'klagomal', text: 'x' })).status).toBe(400);
    expect((await send('terms', { kind: 'bestrid', text: 'x'.repeat(2001) })).status).toBe(400);
    const blank = await send('terms', { kind: 'bestrid', text: '   ' });
    expect(blank.status).toBe(422);
    expect(((await blank.json()) as Problem).errors).toEqual([{ pointer: '/body/text', detail: 'Skriv vad det gäller.' }]);
    const credit = await send('credit', { kind: 'bestrid', text: 'Fel' });
    expect(credit.status).toBe(409);
  });
});

describe('payment status from the finance system', () => {
  it('keeps each update as history, adds up partial payments, and moves a paid invoice out of unpaid', async () => {
    const partly = await status('overdue', { status: 'partially_paid', date: day(-2), amount: '1000' });
    expect(partly.status).toBe(200);
    expect((await partly.json()) as FinanceInvoice).toMatchObject({ status: 'partially_paid', amountPaid: '1000.00', amountDue: '1813.33', overdue: true });
    const reminder = await status('overdue', { status: 'reminder', date: day(-1), amount: '60', note: 'Påminnelse skickad, avgift 60 kr.' });
    expect(((await reminder.json()) as FinanceInvoice).amountPaid).toBe('1000.00');
    const missing = await status('overdue', { status: 'paid' });
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as Problem).errors).toEqual([{ pointer: '/body/amount', detail: 'Status paid behöver beloppet som kom in.' }]);
    const rest = await status('overdue', { status: 'paid', date: day(0), amount: '1813.33' });
    expect((await rest.json()) as FinanceInvoice).toMatchObject({ status: 'paid', amountPaid: '2813.33', amountDue: '0.00', overdue: false });
    const seen = await invoice('overdue');
    expect(seen.history.map((event) => [event.kind, event.status, event.date, event.amount, event.note])).toEqual([
      ['imported', null, day(-40), null, 'Fakturan skickades.'],
      ['status', 'partially_paid', day(-2), '1000.00', null],
      ['status', 'reminder', day(-1), '60.00', 'Påminnelse skickad, avgift 60 kr.'],
      ['status', 'paid', day(0), '1813.33', null],
    ]);
    expect(numbers(await page('?filter=unpaid'))).toEqual(['EXS-F-2', 'EXS-F-3']);
  });

  it('refuses a status for a credit note (409), a bad value (400), an unknown invoice (404) and a wrong key (401)', async () => {
    expect((await status('credit', { status: 'paid', amount: '1' })).status).toBe(409);
    expect((await status('upcoming', { status: 'betald' })).status).toBe(400);
    expect((await status('upcoming', { status: 'paid', amount: '12.345' })).status).toBe(400);
    expect((await status('upcoming', { status: 'reminder', date: '2026-02-30' })).status).toBe(422);
    expect((await financeCall(gateway.url, '/finance/invoices/00000000-0000-4000-8000-000000000000/status', { status: 'paid', amount: '1' })).status).toBe(404);
    const wrongKey = await fetch(`${gateway.url}${api}/finance/invoices/${ids.upcoming!}/status`, { method: 'POST', headers: { authorization: 'Bearer not-the-key-0123456789', 'content-type': 'application/json' }, body: JSON.stringify({ status: 'paid', amount: '1' }) });
    expect(wrongKey.status).toBe(401);
  });
});

describe('bad input', () => {
  it('refuses bad values in every slot of the citizen and finance routes with 400 naming the field, storing nothing', async () => {
    const cases: [string, Promise<Response>, string][] = [
      ['control character in text', send('upcoming', { kind: 'bestrid', text: 'Fel\u0000' }), '/body/text'],
      ['unknown field', send('upcoming', { kind: 'bestrid', text: 'Fel', amount: 1 }), '/body/amount'],
      ['array body', send('upcoming', [{ kind: 'bestrid', text: 'Fel' }]), '/body'],
      ['repeated query parameter', johan.fetch(`${api}/invoices?filter=unpaid&filter=paid`), '/querystring/filter'],
      ['id with a control character', johan.fetch(`${api}/invoices/%01`), '/params/id'],
      ['status note with a control character', status('upcoming', { status: 'reminder', note: 'a\u0007b' }), '/body/note'],
      ['answer too long', financeCall(gateway.url, `/finance/invoices/${ids.upcoming!}/messages`, { text: 'x'.repeat(2001) }), '/body/text'],
      ['unknown query parameter', financeCall(gateway.url, '/finance/messages?answered=true'), '/querystring/answered'],
    ];
    for (const [label, pending, pointer] of cases) {
      const response = await pending;
      expect(response.status, label).toBe(400);
      expect(response.headers.get('content-type'), label).toMatch(/^application\/problem\+json/);
      expect(((await response.json()) as Problem).errors?.map((error) => error.pointer), label).toContain(pointer);
    }
    const messages = (await invoice('upcoming')).messages.map((message) => message.text);
    expect(messages).not.toContain('Fel');
  });

  it('refuses an XML body with a control character (400) and one over 10 MB (413)', async () => {
    const control = await importDocument(gateway.url, ublDocument({ number: 'EXS-F-9' }).replace('Johan Berg</cbc:RegistrationName>', 'Johan\u0001Berg</cbc:RegistrationName>'));
    expect(control.status).toBe(400);
    const huge = await importDocument(gateway.url, ublDocument({ number: 'EXS-F-10', note: 'Stor' }).replace('<cbc:Note>', `<cbc:Note>${'x'.repeat(10 * 1024 * 1024)}`));
    expect(huge.status).toBe(413);
    expect(numbers(await page('?pageSize=100')).filter((number) => ['EXS-F-9', 'EXS-F-10'].includes(number))).toEqual([]);
  });
});
