import type { FinanceInvoice, Problem, UnmatchedInvoices } from '@kommunkit/contract';
import { sql } from 'kysely';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from './support/gateway.js';
import { bollklubben, financeCall, importDocument, resetFakturor, tinyPdf, ublDocument, withFakturor } from './support/fakturor.js';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startGateway({ configure: withFakturor });
}, 60_000);
beforeEach(() => resetFakturor(gateway.db));
afterAll(() => gateway.close());

async function imported(xml: string): Promise<{ status: number; body: FinanceInvoice }> {
  const response = await importDocument(gateway.url, xml);
  return { status: response.status, body: (await response.json()) as FinanceInvoice };
}
async function refused(xml: string): Promise<{ status: number; type: string | null; body: Problem }> {
  const response = await importDocument(gateway.url, xml);
  return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Problem };
}
const stored = async () => Number((await sql<{ count: string | number }>`select count(*) as count from fakturor_invoice`.execute(gateway.db)).rows[0]!.count);
const pointers = (problem: Problem) => problem.errors?.map((error) => error.pointer);

describe('importing Peppol BIS Billing 3.0 documents', () => {
  it('stores a complete invoice and answers it whole (201), matched to the citizen by personnummer, never storing the number', async () => {
    const { status, body } = await imported(ublDocument({ number: 'EXS-2026-1001', note: 'Barnomsorgsavgift november 2026' }));
    expect(status).toBe(201);
    expect(body).toMatchObject({
      number: 'EXS-2026-1001',
      documentType: 'invoice',
      label: 'Barnomsorgsavgift november 2026',
      issueDate: '2026-12-01',
      dueDate: '2026-12-31',
      currency: 'SEK',
      payableAmount: '2813.33',
      roundingAmount: null,
      amountPaid: '0.00',
      amountDue: '2813.33',
      status: 'sent',
      disputed: false,
      recipient: 'person',
      paymentReference: '202612011421',
      paymentMeans: [{ code: '30', reference: '202612011421', referenceType: 'ocr', account: '50501055', accountType: 'bankgiro', accountName: null, institution: 'SE:BANKGIRO' }],
      totals: { lineExtensionAmount: '2813.33', taxExclusiveAmount: '2813.33', taxAmount: '0.00', taxInclusiveAmount: '2813.33', prepaidAmount: null, allowanceTotalAmount: null, chargeTotalAmount: null },
      vat: [{ category: 'E', percent: '0', taxableAmount: '2813.33', taxAmount: '0.00', exemptionReason: 'Momsfri kommunal avgift' }],
      attachments: [],
      supplier: { name: 'Exempelstads kommun', organisationNumber: '2120000555', vatNumber: 'SE212000055501', country: 'SE', endpoint: { scheme: '0007', id: '2120000555' } },
      customer: {
        name: 'Johan Berg',
        country: 'SE',
        address: { street: 'Storgatan 21', postalCode: '123 40', city: 'Exempelstad' },
        identifiers: [
          { scheme: null, id: '19830817-****', kind: 'personnummer' },
          { scheme: 'EM', id: 'johan.berg@example.se', kind: 'other' },
        ],
      },
      messages: [],
    });
    expect(body.lines).toEqual([
      { id: '1', name: 'Barnomsorgsavgift förskola, Saga', description: null, quantity: '1', unitCode: 'MON', unitPrice: '1688', amount: '1688.00', vatCategory: 'E', vatPercent: '0', period: { start: '2026-11-01', end: '2026-11-30' } },
      { id: '2', name: 'Barnomsorgsavgift förskola, Elias', description: null, quantity: '1', unitCode: 'MON', unitPrice: '1125.33', amount: '1125.33', vatCategory: 'E', vatPercent: '0', period: { start: '2026-11-01', end: '2026-11-30' } },
    ]);
    expect(body.history).toMatchObject([{ kind: 'imported', status: null, date: '2026-12-01', note: 'Fakturan skickades.' }]);
    const row = (await sql<Record<string, unknown>>`select * from fakturor_invoice`.execute(gateway.db)).rows[0]!;
    expect(JSON.stringify(row)).not.toContain('198308172397');
    expect(row.recipient_key).toMatch(/^p:[A-Za-z0-9_-]{43}$/);
  });

  it('imports a credit note, linked both ways to the invoice it credits', async () => {
    const invoice = await imported(ublDocument({ number: 'EXS-2026-2001', lines: [{ name: 'Vatten och avlopp, kvartal 4', quantity: '1', price: '1000' }] }));
    const { status, body } = await imported(
      ublDocument({ type: 'creditNote', number: 'EXS-K-2026-0001', billingReference: 'EXS-2026-2001', dueDate: null, payment: null, lines: [{ name: 'Kreditering: fel mätarställning', quantity: '1', price: '200' }] }),
    );
    expect(status).toBe(201);
    expect(body).toMatchObject({
      documentType: 'creditNote',
      number: 'EXS-K-2026-0001',
      billingReference: 'EXS-2026-2001',
      relatedInvoiceId: invoice.body.id,
      dueDate: null,
      payableAmount: '250.00',
      amountDue: '0.00',
      status: 'credited',
      paymentMeans: [],
      vat: [{ category: 'S', percent: '25', taxableAmount: '200.00', taxAmount: '50.00', exemptionReason: null }],
      history: [{ kind: 'imported', note: 'Kreditnotan skickades.' }],
    });
    expect(body.lines.map((line) => [line.name, line.amount])).toEqual([['Kreditering: fel mätarställning', '200.00']]);
    const again = await financeCall(gateway.url, `/finance/invoices/${invoice.body.id}`);
    expect(((await again.json()) as FinanceInvoice).relatedInvoiceId).toBe(body.id);
  });

  it('keeps an embedded PDF that really is one, and offers it at the PDF route', async () => {
    const { status, body } = await imported(ublDocument({ number: 'EXS-2026-3001', attachments: [{ id: 'Faktura', description: 'Fakturan som PDF', mimeCode: 'application/pdf', filename: 'EXS-2026-3001.pdf', base64: tinyPdf.toString('base64') }] }));
    expect(status).toBe(201);
    expect(body.attachments).toEqual([{ id: 'Faktura', description: 'Fakturan som PDF', mimeType: 'application/pdf', filename: 'EXS-2026-3001.pdf', size: tinyPdf.length, isPdf: true, url: `/api/v1/exempelstad/fakturor/invoices/${body.id}/pdf` }]);
    const row = (await sql<{ pdf: Uint8Array }>`select pdf from fakturor_invoice where id = ${body.id}`.execute(gateway.db)).rows[0]!;
    expect(Buffer.from(row.pdf).equals(tinyPdf)).toBe(true);
  });

  it('does not take an embedded "PDF" for one when its bytes are not a PDF (by content, not by mime code)', async () => {
    const fake = Buffer.from('<html>Detta är ingen PDF</html>');
    const { status, body } = await imported(ublDocument({ number: 'EXS-2026-3002', attachments: [{ id: 'Faktura', mimeCode: 'application/pdf', filename: 'faktura.pdf', base64: fake.toString('base64') }] }));
    expect(status).toBe(201);
    expect(body.attachments).toEqual([{ id: 'Faktura', description: null, mimeType: 'application/pdf', filename: 'faktura.pdf', size: fake.length, isPdf: false, url: null }]);
    const row = (await sql<{ pdf: Uint8Array | null }>`select pdf from fakturor_invoice where id = ${body.id}`.execute(gateway.db)).rows[0]!;
    expect(row.pdf).toBeNull();
  });

  it('takes a negative rounding amount into the payable amount', async () => {
    const { status, body } = await imported(ublDocument({ number: 'EXS-2026-1002', rounding: '-0.33' }));
    expect(status).toBe(201);
    expect({ payable: body.payableAmount, rounding: body.roundingAmount, due: body.amountDue, inclusive: body.totals.taxInclusiveAmount }).toEqual({ payable: '2813.00', rounding: '-0.33', due: '2813.00', inclusive: '2813.33' });
  });

  it('ignores commented-out elements, also inside a value', async () => {
    const xml = ublDocument({ number: 'EXS-2026-1003' })
      .replace('<cbc:DueDate>2026-12-31</cbc:DueDate>', '<!-- <cbc:DueDate>2026-11-15</cbc:DueDate> --><cbc:DueDate>2026-12-31</cbc:DueDate>')
      .replace('<cbc:ID>EXS-2026-1003</cbc:ID>', '<cbc:ID><!-- EXS-2026-0999 -->EXS-2026-1003</cbc:ID>')
      .replace('<cac:InvoiceLine>', '<!-- <cac:InvoiceLine><cbc:ID>9</cbc:ID><cbc:InvoicedQuantity unitCode="C62">1</cbc:InvoicedQuantity><cbc:LineExtensionAmount currencyID="SEK">5000.00</cbc:LineExtensionAmount></cac:InvoiceLine> --><cac:InvoiceLine>');
    const { status, body } = await imported(xml);
    expect(status).toBe(201);
    expect({ number: body.number, dueDate: body.dueDate, lines: body.lines.length, payable: body.payableAmount }).toEqual({ number: 'EXS-2026-1003', dueDate: '2026-12-31', lines: 2, payable: '2813.33' });
    // A mandatory element that is only in a comment is missing.
    const commented = ublDocument({ number: 'EXS-2026-1004' }).replace(/(<cbc:PayableAmount currencyID="SEK">[^<]*<\/cbc:PayableAmount>)/, '<!-- $1 -->');
    const problem = await refused(commented);
    expect(problem.status).toBe(422);
    expect(pointers(problem.body)).toEqual(['/body/cac:LegalMonetaryTotal/cbc:PayableAmount']);
  });

  it('refuses a document missing a mandatory element with 422 naming it, and stores nothing', async () => {
    const problem = await refused(ublDocument({ number: 'EXS-2026-1005' }).replace(/<cbc:PayableAmount[^>]*>[^<]*<\/cbc:PayableAmount>/, ''));
    expect(problem.status).toBe(422);
    expect(problem.type).toMatch(/^application\/problem\+json/);
    expect(problem.body).toMatchObject({ type: 'urn:kommunkit:problem:validation', status: 422 });
    expect(problem.body.errors).toEqual([{ pointer: '/body/cac:LegalMonetaryTotal/cbc:PayableAmount', detail: 'cac:LegalMonetaryTotal/cbc:PayableAmount saknas men krävs av Peppol BIS Billing 3.0 (BR-15).' }]);
    const noCustomization = await refused(ublDocument({ number: 'EXS-2026-1006' }).replace(/<cbc:CustomizationID>[^<]*<\/cbc:CustomizationID>/, '<cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>'));
    expect(pointers(noCustomization.body)).toEqual(['/body/cbc:CustomizationID']);
    const noName = await refused(ublDocument({ number: 'EXS-2026-1007' }).replace('<cbc:Name>Barnomsorgsavgift förskola, Elias</cbc:Name>', ''));
    expect(pointers(noName.body)).toEqual(['/body/cac:InvoiceLine[2]/cac:Item/cbc:Name']);
    expect(await stored()).toBe(0);
  });

  it('refuses totals that do not add up, naming the element and the rule', async () => {
    const lineSum = await refused(ublDocument({ number: 'EXS-2026-1008' }).replace('<cbc:LineExtensionAmount currencyID="SEK">1125.33</cbc:LineExtensionAmount>', '<cbc:LineExtensionAmount currencyID="SEK">1125.30</cbc:LineExtensionAmount>'));
    expect(lineSum.status).toBe(422);
    expect(lineSum.body.errors).toEqual([
      { pointer: '/body/cac:TaxTotal/cac:TaxSubtotal/cbc:TaxableAmount', detail: 'cac:TaxTotal/cac:TaxSubtotal/cbc:TaxableAmount är 2813.33 men ska vara 2813.30: summan av raderna med momskategori E 0 %, minus rabatter och plus avgifter i den (BR-S-08).' },
      { pointer: '/body/cac:LegalMonetaryTotal/cbc:LineExtensionAmount', detail: 'cac:LegalMonetaryTotal/cbc:LineExtensionAmount är 2813.33 men ska vara 2813.30: summan av cac:InvoiceLine/cbc:LineExtensionAmount (BR-CO-10).' },
    ]);
    const payable = await refused(ublDocument({ number: 'EXS-2026-1009' }).replace('<cbc:PayableAmount currencyID="SEK">2813.33</cbc:PayableAmount>', '<cbc:PayableAmount currencyID="SEK">2813.34</cbc:PayableAmount>'));
    expect(payable.body.errors).toEqual([
      { pointer: '/body/cac:LegalMonetaryTotal/cbc:PayableAmount', detail: 'cac:LegalMonetaryTotal/cbc:PayableAmount är 2813.34 men ska vara 2813.33: belopp med moms minus förskott plus öresavrundning (BR-CO-16).' },
    ]);
    const tax = await refused(ublDocument({ number: 'EXS-2026-1010', lines: [{ name: 'Avfall', quantity: '1', price: '100' }] }).replace(/<cbc:TaxAmount currencyID="SEK">25.00<\/cbc:TaxAmount>\s*<cac:TaxCategory>/, '<cbc:TaxAmount currencyID="SEK">20.00</cbc:TaxAmount><cac:TaxCategory>'));
    expect(pointers(tax.body)).toEqual(['/body/cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount', '/body/cac:TaxTotal/cbc:TaxAmount']);
    const float = await refused(ublDocument({ number: 'EXS-2026-1011' }).replace('<cbc:PayableAmount currencyID="SEK">2813.33</cbc:PayableAmount>', '<cbc:PayableAmount currencyID="SEK">2813.333</cbc:PayableAmount>'));
    expect(pointers(float.body)).toEqual(['/body/cac:LegalMonetaryTotal/cbc:PayableAmount']);
    expect(await stored()).toBe(0);
  });

  it('refuses a bankgiro or plusgiro number with a wrong check digit, naming the account', async () => {
    const problem = await refused(ublDocument({ number: 'EXS-2026-1012', payment: { account: '50501056', branch: 'SE:BANKGIRO', ocr: '202612011421' } }));
    expect(problem.status).toBe(422);
    expect(problem.body.errors).toEqual([{ pointer: '/body/cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID', detail: 'Bankgironumret 50501056 har fel kontrollsiffra (SE-R-008/SE-R-009, 7–8 siffror med kontrollsiffra).' }]);
    const short = await refused(ublDocument({ number: 'EXS-2026-1013', payment: { account: '505010', branch: 'SE:BANKGIRO' } }));
    expect(short.body.errors?.[0]?.detail).toBe('Bankgironumret 505010 har fel antal siffror (SE-R-008/SE-R-009, 7–8 siffror med kontrollsiffra).');
    const plusgiro = await refused(ublDocument({ number: 'EXS-2026-1014', payment: { account: '1234567-5', branch: 'SE:PLUSGIRO' } }));
    expect(plusgiro.body.errors?.[0]?.detail).toBe('Plusgironumret 1234567-5 har fel kontrollsiffra (2–8 siffror med kontrollsiffra).');
    const good = await imported(ublDocument({ number: 'EXS-2026-1015', payment: { account: '1234567-4', branch: 'SE:PLUSGIRO', ocr: 'Faktura EXS-2026-1015' } }));
    expect(good.body.paymentMeans).toEqual([{ code: '30', reference: 'Faktura EXS-2026-1015', referenceType: 'message', account: '1234567-4', accountType: 'plusgiro', accountName: null, institution: 'SE:PLUSGIRO' }]);
    expect(await stored()).toBe(1);
  });

  it('answers an identical re-import with 200 and the same document; other content under the same number is a 409', async () => {
    const xml = ublDocument({ number: 'EXS-2026-1016' });
    const first = await imported(xml);
    const second = await imported(xml);
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.body).toEqual(first.body);
    const changed = await refused(ublDocument({ number: 'EXS-2026-1016', dueDate: '2027-01-15' }));
    expect(changed.status).toBe(409);
    expect(changed.body.detail).toBe('Fakturan EXS-2026-1016 från Exempelstads kommun är redan inläst med annat innehåll. Ett nytt innehåll behöver ett nytt nummer (eller en kreditnota).');
    expect(await stored()).toBe(1);
  });

  it('accepts an IBAN instead of a bankgiro number, and refuses one whose check digits are wrong', async () => {
    const { status, body } = await imported(ublDocument({ number: 'EXS-2026-1017', payment: { code: '58', account: 'SE4550000000058398257466', branch: 'ESSESESS', ocr: '202612011421' } }));
    expect(status).toBe(201);
    expect(body.paymentMeans).toEqual([{ code: '58', reference: '202612011421', referenceType: 'ocr', account: 'SE4550000000058398257466', accountType: 'iban', accountName: null, institution: 'ESSESESS' }]);
    const wrong = await refused(ublDocument({ number: 'EXS-2026-1018', payment: { code: '58', account: 'SE4650000000058398257466', branch: 'ESSESESS' } }));
    expect(pointers(wrong.body)).toEqual(['/body/cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID', '/body/cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID']);
  });

  it('accepts a foreign currency, and refuses an amount in another currency than the document', async () => {
    const { status, body } = await imported(ublDocument({ number: 'EXS-2026-1019', currency: 'EUR', lines: [{ name: 'Hamnavgift', quantity: '2', price: '12.50' }], payment: { code: '58', account: 'DE89370400440532013000', branch: 'COBADEFFXXX' } }));
    expect(status).toBe(201);
    expect({ currency: body.currency, payable: body.payableAmount, tax: body.totals.taxAmount, account: body.paymentMeans[0]?.accountType }).toEqual({ currency: 'EUR', payable: '31.25', tax: '6.25', account: 'iban' });
    const mixed = await refused(ublDocument({ number: 'EXS-2026-1020', currency: 'EUR', lines: [{ name: 'Hamnavgift', quantity: '1', price: '10' }] }).replace('<cbc:PayableAmount currencyID="EUR">', '<cbc:PayableAmount currencyID="SEK">'));
    expect(mixed.body.errors).toEqual([{ pointer: '/body/cac:LegalMonetaryTotal/cbc:PayableAmount', detail: 'cac:LegalMonetaryTotal/cbc:PayableAmount ska ha currencyID="EUR" som dokumentets valuta, inte "SEK".' }]);
  });

  it('accepts an invoice without a due date when it has payment terms (dueDate null), and refuses one with neither (BR-CO-25)', async () => {
    const { status, body } = await imported(ublDocument({ number: 'EXS-2026-1021', dueDate: null, paymentTerms: 'Betalas inom 30 dagar från fakturadatum.' }));
    expect(status).toBe(201);
    expect({ dueDate: body.dueDate, terms: body.paymentTerms, overdue: body.overdue }).toEqual({ dueDate: null, terms: 'Betalas inom 30 dagar från fakturadatum.', overdue: false });
    const neither = await refused(ublDocument({ number: 'EXS-2026-1022', dueDate: null }));
    expect(neither.body.errors).toEqual([{ pointer: '/body/cbc:DueDate', detail: 'cbc:DueDate eller cac:PaymentTerms/cbc:Note krävs när det finns ett belopp att betala (BR-CO-25).' }]);
  });

  it('refuses a DOCTYPE and entities, not UBL and not XML, storing nothing', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE Invoice [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>${ublDocument({ number: 'EXS-2026-1023' }).replace(/^<\?xml[^>]*>\s*/, '').replace('Johan Berg</cbc:RegistrationName>', '&b;</cbc:RegistrationName>')}`;
    const doctype = await refused(laughs);
    expect(doctype.status).toBe(422);
    expect(doctype.body.errors).toEqual([{ pointer: '/body', detail: 'Dokumentet har en DOCTYPE eller ENTITY-deklaration, vilket inte tas emot.' }]);
    const external = await refused(`<!DOCTYPE x SYSTEM "file:///etc/passwd"><Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>`);
    expect(pointers(external.body)).toEqual(['/body']);
    const notUbl = await refused('<Invoice xmlns="urn:example:not-ubl"><ID>1</ID></Invoice>');
    expect(notUbl.body.errors?.[0]?.detail).toBe('Dokumentet är inte en UBL 2.1 Invoice eller CreditNote (rotelementet är Invoice i namnrymden urn:example:not-ubl).');
    const broken = await refused('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><cbc:ID>');
    expect(broken.status).toBe(422);
    expect(broken.body.errors?.[0]?.detail).toMatch(/^Dokumentet är inte välformad XML/);
    expect(await stored()).toBe(0);
  });

  it('finds elements by namespace, whatever the prefixes', async () => {
    const xml = ublDocument({ number: 'EXS-2026-1024' }).replace(/cbc:/g, 'b:').replace(/cac:/g, 'a:').replace('xmlns:cac=', 'xmlns:a=').replace('xmlns:cbc=', 'xmlns:b=');
    const { status, body } = await imported(xml);
    expect(status).toBe(201);
    expect(body.payableAmount).toBe('2813.33');
    // The right local names in the wrong namespace are not UBL's.
    const wrong = await refused(ublDocument({ number: 'EXS-2026-1025' }).replace('xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"', 'xmlns:cbc="urn:example:other"'));
    expect(wrong.status).toBe(422);
    expect(pointers(wrong.body)).toContain('/body/cbc:CustomizationID');
  });

  it('matches a förening by organisationsnummer, and keeps a document for nobody it can match as unmatched', async () => {
    const forening = await imported(ublDocument({ number: 'EXS-2026-1026', customer: { name: 'Exempelstads Bollklubb', identifiers: [{ id: bollklubben.replace('-', ''), scheme: '0007' }] } }));
    expect({ status: forening.status, recipient: forening.body.recipient, kind: forening.body.customer.identifiers[0]?.kind }).toEqual({ status: 201, recipient: 'organisation', kind: 'organisationsnummer' });
    const nobody = await imported(ublDocument({ number: 'EXS-2026-1027', customer: { name: 'Okänd kund', identifiers: [{ id: 'KUND-778' }] } }));
    expect(nobody.body.recipient).toBe('unmatched');
    const list = (await (await financeCall(gateway.url, '/finance/unmatched')).json()) as UnmatchedInvoices;
    expect(list.items.map((item) => item.number)).toEqual(['EXS-2026-1027']);
    expect(list.total).toBe(1);
  });

  it('takes only XML with the finance key', async () => {
    const xml = ublDocument({ number: 'EXS-2026-1028' });
    expect((await importDocument(gateway.url, xml, { key: 'wrong-key-0123456789abcdef' })).status).toBe(401);
    expect((await fetch(`${gateway.url}/api/v1/exempelstad/fakturor/import`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: xml })).status).toBe(401);
    expect((await importDocument(gateway.url, JSON.stringify({ xml }), { contentType: 'application/json' })).status).toBe(415);
    expect((await importDocument(gateway.url, xml, { contentType: 'text/xml; charset=utf-8' })).status).toBe(201);
    // Grannby has no fakturor.
    expect((await fetch(`${gateway.url}/api/v1/grannby/fakturor/import`, { method: 'POST', headers: { authorization: 'Bearer x', 'content-type': 'application/xml' }, body: xml })).status).toBe(404);
  });

  it("imports Exempelstad's sample documents, for the dev IdP's invoice recipient, and again without change", async () => {
    const folder = new URL('../config/exempelstad-fakturor/', import.meta.url);
    const files = readdirSync(folder).filter((name) => name.endsWith('.xml')).sort();
    const first = await Promise.all(files.map(async (file) => imported(readFileSync(new URL(file, folder), 'utf8'))));
    expect(first.map(({ status, body }) => [status, body.number, body.documentType, body.recipient, body.payableAmount, body.roundingAmount, body.attachments.map((attachment) => attachment.isPdf)])).toEqual([
      [201, 'EXS-F-2026-100114', 'invoice', 'person', '1125.00', null, []],
      [201, 'EXS-F-2026-120114', 'invoice', 'person', '1125.00', null, [true]],
      [201, 'EXS-K-2026-000114', 'creditNote', 'person', '193.75', null, []],
      [201, 'EXS-F-2026-200114', 'invoice', 'person', '3912.00', '-0.16', []],
    ]);
    const again = await Promise.all(files.map(async (file) => (await importDocument(gateway.url, readFileSync(new URL(file, folder), 'utf8'))).status));
    expect(again).toEqual([200, 200, 200, 200]);
    expect(await stored()).toBe(4);
  });
});
