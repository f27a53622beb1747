import { sql } from 'kysely';
import type { ResolvedConfig } from '../../src/config/load.js';
import type { TestDb } from './gateway.js';

/**
 * Peppol BIS Billing 3.0 documents for the fakturor tests, built from a few facts with the
 * totals worked out here (in öre, as bigints) independently of the gateway's reader, so a test
 * can change one element and know exactly what the answer must be.
 */

export const financeKey = 'finance-key-exempelstad-0123456789';
export const api = '/api/v1/exempelstad/fakturor';

/** Turns fakturor on for Exempelstad in a test config (grannby stays without it). */
export function withFakturor(config: ResolvedConfig): void {
  const kommun = config.kommunById.get('exempelstad')!;
  kommun.services.fakturor = { adapter: 'builtin', financeApiKey: financeKey };
}

/** Fakturor's tables emptied: on a PostgreSQL server they outlive the test files. */
export async function resetFakturor(db: TestDb): Promise<void> {
  await sql`truncate table fakturor_invoice_message, fakturor_invoice_event, fakturor_invoice`.execute(db);
}

/** The dev IdP's test persons' numbers. */
export const personnummer = { johan: '198308172397', anna: '198004262385' } as const;
/** Exempelstads Bollklubb, which Karin Lind represents. */
export const bollklubben = '802471-3565';

export interface LineSpec {
  name: string;
  quantity: string;
  price: string;
  unitCode?: string;
  /** S (25, 12, 6 %), E (exempt, 0 %), Z, O. */
  category?: string;
  percent?: string | null;
  period?: [string, string];
}

export interface DocumentSpec {
  type?: 'invoice' | 'creditNote';
  number: string;
  issueDate?: string;
  dueDate?: string | null;
  currency?: string;
  note?: string;
  billingReference?: string;
  customer?: { name: string; identifiers: { id: string; scheme?: string }[]; email?: string };
  lines?: LineSpec[];
  rounding?: string;
  payment?: { code?: string; ocr?: string | null; account: string; branch?: string | null } | null;
  paymentTerms?: string;
  attachments?: { id: string; mimeCode: string; filename: string; base64: string; description?: string }[];
}

const parse = (value: string): bigint => {
  const [whole = '0', fraction = ''] = value.replace('-', '').split('.');
  const minor = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
  return value.startsWith('-') ? -minor : minor;
};
export const money = (minor: bigint): string => `${minor < 0n ? '-' : ''}${String((minor < 0n ? -minor : minor) / 100n)}.${String((minor < 0n ? -minor : minor) % 100n).padStart(2, '0')}`;
const roundDiv = (numerator: bigint, denominator: bigint): bigint => (numerator * 2n + denominator) / (denominator * 2n);

export const defaultLines: LineSpec[] = [
  { name: 'Barnomsorgsavgift förskola, Saga', quantity: '1', price: '1688', unitCode: 'MON', category: 'E', percent: '0', period: ['2026-11-01', '2026-11-30'] },
  { name: 'Barnomsorgsavgift förskola, Elias', quantity: '1', price: '1125.33', unitCode: 'MON', category: 'E', percent: '0', period: ['2026-11-01', '2026-11-30'] },
];

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A BIS 3 document whose totals add up; the facts not given are Exempelstad's and Johan Berg's. */
export function ublDocument(spec: DocumentSpec): string {
  const type = spec.type ?? 'invoice';
  const currency = spec.currency ?? 'SEK';
  const lines = spec.lines ?? defaultLines;
  const customer = spec.customer ?? { name: 'Johan Berg', identifiers: [{ id: personnummer.johan }], email: 'johan.berg@example.se' };
  const amounts = lines.map((line) => roundDiv(parse(line.quantity) * parse(line.price), 100n));
  const groups = new Map<string, { category: string; percent: string | null; taxable: bigint }>();
  lines.forEach((line, index) => {
    const category = line.category ?? 'S';
    const percent = line.percent === undefined ? '25' : line.percent;
    const key = `${category}|${percent ?? ''}`;
    const group = groups.get(key) ?? { category, percent, taxable: 0n };
    group.taxable += amounts[index]!;
    groups.set(key, group);
  });
  const breakdown = [...groups.values()].map((group) => ({ ...group, tax: group.percent === null ? 0n : roundDiv(group.taxable * parse(group.percent), 10000n) }));
  const lineTotal = amounts.reduce((sum, amount) => sum + amount, 0n);
  const tax = breakdown.reduce((sum, group) => sum + group.tax, 0n);
  const rounding = spec.rounding === undefined ? null : parse(spec.rounding);
  const payable = lineTotal + tax + (rounding ?? 0n);
  const amount = (name: string, value: bigint) => `<cbc:${name} currencyID="${currency}">${money(value)}</cbc:${name}>`;
  const root = type === 'invoice' ? 'Invoice' : 'CreditNote';
  const lineName = type === 'invoice' ? 'InvoiceLine' : 'CreditNoteLine';
  const quantityName = type === 'invoice' ? 'InvoicedQuantity' : 'CreditedQuantity';
  const payment = spec.payment === undefined ? { code: '30', ocr: '202612011421', account: '50501055', branch: 'SE:BANKGIRO' } : spec.payment;
  const dueDate = spec.dueDate === undefined ? '2026-12-31' : spec.dueDate;
  const customerId = customer.identifiers.map((identifier) => `<cac:PartyIdentification><cbc:ID${identifier.scheme ? ` schemeID="${identifier.scheme}"` : ''}>${escape(identifier.id)}</cbc:ID></cac:PartyIdentification>`).join('\n      ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<${root} xmlns="urn:oasis:names:specification:ubl:schema:xsd:${root}-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
  <cbc:ID>${escape(spec.number)}</cbc:ID>
  <cbc:IssueDate>${spec.issueDate ?? '2026-12-01'}</cbc:IssueDate>
  ${type === 'invoice' && dueDate !== null ? `<cbc:DueDate>${dueDate}</cbc:DueDate>` : ''}
  <cbc:${root}TypeCode>${type === 'invoice' ? '380' : '381'}</cbc:${root}TypeCode>
  ${spec.note ? `<cbc:Note>${escape(spec.note)}</cbc:Note>` : ''}
  <cbc:DocumentCurrencyCode>${currency}</cbc:DocumentCurrencyCode>
  <cbc:BuyerReference>${escape(customer.name)}</cbc:BuyerReference>
  ${spec.billingReference ? `<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>${escape(spec.billingReference)}</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference>` : ''}
  ${(spec.attachments ?? [])
    .map(
      (attachment) => `<cac:AdditionalDocumentReference>
    <cbc:ID>${escape(attachment.id)}</cbc:ID>
    ${attachment.description ? `<cbc:DocumentDescription>${escape(attachment.description)}</cbc:DocumentDescription>` : ''}
    <cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode="${attachment.mimeCode}" filename="${escape(attachment.filename)}">${attachment.base64}</cbc:EmbeddedDocumentBinaryObject></cac:Attachment>
  </cac:AdditionalDocumentReference>`,
    )
    .join('\n  ')}
  <cac:AccountingSupplierParty>
    <cac:Party>
      <cbc:EndpointID schemeID="0007">2120000555</cbc:EndpointID>
      <cac:PartyName><cbc:Name>Exempelstads kommun</cbc:Name></cac:PartyName>
      <cac:PostalAddress>
        <cbc:StreetName>Stadshusgatan 1</cbc:StreetName>
        <cbc:CityName>Exempelstad</cbc:CityName>
        <cbc:PostalZone>123 01</cbc:PostalZone>
        <cac:Country><cbc:IdentificationCode>SE</cbc:IdentificationCode></cac:Country>
      </cac:PostalAddress>
      <cac:PartyTaxScheme><cbc:CompanyID>SE212000055501</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
      <cac:PartyLegalEntity><cbc:RegistrationName>Exempelstads kommun</cbc:RegistrationName><cbc:CompanyID schemeID="0007">2120000555</cbc:CompanyID></cac:PartyLegalEntity>
    </cac:Party>
  </cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty>
    <cac:Party>
      <cbc:EndpointID schemeID="EM">${escape(customer.email ?? 'kund@example.se')}</cbc:EndpointID>
      ${customerId}
      <cac:PostalAddress>
        <cbc:StreetName>Storgatan 21</cbc:StreetName>
        <cbc:CityName>Exempelstad</cbc:CityName>
        <cbc:PostalZone>123 40</cbc:PostalZone>
        <cac:Country><cbc:IdentificationCode>SE</cbc:IdentificationCode></cac:Country>
      </cac:PostalAddress>
      <cac:PartyLegalEntity><cbc:RegistrationName>${escape(customer.name)}</cbc:RegistrationName></cac:PartyLegalEntity>
    </cac:Party>
  </cac:AccountingCustomerParty>
  ${
    payment
      ? `<cac:PaymentMeans>
    <cbc:PaymentMeansCode>${payment.code ?? '30'}</cbc:PaymentMeansCode>
    ${type === 'creditNote' && dueDate !== null ? `<cbc:PaymentDueDate>${dueDate}</cbc:PaymentDueDate>` : ''}
    ${payment.ocr ? `<cbc:PaymentID>${payment.ocr}</cbc:PaymentID>` : ''}
    <cac:PayeeFinancialAccount>
      <cbc:ID>${payment.account}</cbc:ID>
      ${payment.branch ? `<cac:FinancialInstitutionBranch><cbc:ID>${payment.branch}</cbc:ID></cac:FinancialInstitutionBranch>` : ''}
    </cac:PayeeFinancialAccount>
  </cac:PaymentMeans>`
      : ''
  }
  ${spec.paymentTerms ? `<cac:PaymentTerms><cbc:Note>${escape(spec.paymentTerms)}</cbc:Note></cac:PaymentTerms>` : ''}
  <cac:TaxTotal>
    ${amount('TaxAmount', tax)}
    ${breakdown
      .map(
        (group) => `<cac:TaxSubtotal>
      ${amount('TaxableAmount', group.taxable)}
      ${amount('TaxAmount', group.tax)}
      <cac:TaxCategory>
        <cbc:ID>${group.category}</cbc:ID>
        ${group.percent === null ? '' : `<cbc:Percent>${group.percent}</cbc:Percent>`}
        ${group.category === 'E' ? '<cbc:TaxExemptionReason>Momsfri kommunal avgift</cbc:TaxExemptionReason>' : ''}
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:TaxCategory>
    </cac:TaxSubtotal>`,
      )
      .join('\n    ')}
  </cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    ${amount('LineExtensionAmount', lineTotal)}
    ${amount('TaxExclusiveAmount', lineTotal)}
    ${amount('TaxInclusiveAmount', lineTotal + tax)}
    ${rounding === null ? '' : amount('PayableRoundingAmount', rounding)}
    ${amount('PayableAmount', payable)}
  </cac:LegalMonetaryTotal>
  ${lines
    .map(
      (line, index) => `<cac:${lineName}>
    <cbc:ID>${String(index + 1)}</cbc:ID>
    <cbc:${quantityName} unitCode="${line.unitCode ?? 'C62'}">${line.quantity}</cbc:${quantityName}>
    ${amount('LineExtensionAmount', amounts[index]!)}
    ${line.period ? `<cac:InvoicePeriod><cbc:StartDate>${line.period[0]}</cbc:StartDate><cbc:EndDate>${line.period[1]}</cbc:EndDate></cac:InvoicePeriod>` : ''}
    <cac:Item>
      <cbc:Name>${escape(line.name)}</cbc:Name>
      <cac:ClassifiedTaxCategory>
        <cbc:ID>${line.category ?? 'S'}</cbc:ID>
        ${line.percent === null ? '' : `<cbc:Percent>${line.percent ?? '25'}</cbc:Percent>`}
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:ClassifiedTaxCategory>
    </cac:Item>
    <cac:Price><cbc:PriceAmount currencyID="${currency}">${line.price}</cbc:PriceAmount></cac:Price>
  </cac:${lineName}>`,
    )
    .join('\n  ')}
</${root}>
`;
}

/** POSTs a document to the import with the finance key. */
export async function importDocument(url: string, xml: string, { key = financeKey, contentType = 'application/xml' } = {}): Promise<Response> {
  return fetch(`${url}${api}/import`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': contentType }, body: xml });
}

/** The finance system's JSON calls. */
export function financeCall(url: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${url}${api}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${financeKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** A tiny real PDF (one empty page), as base64: what an invoicing system embeds. */
export const tinyPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
