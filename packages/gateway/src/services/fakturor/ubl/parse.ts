import { bankgiroProblem, ocrProblem, plusgiroProblem, type IdentifierProblem } from '@kommunkit/contract/fakturor-rules';
import type { FieldError } from '@kommunkit/contract';
import { decimalOf, fromMinor, percentOf, toMinor } from './amounts.js';
import { attributeOf, elementsAt, hasElementChildren, namespaces, parseXml, textOf, XmlRefused, type Element } from './xml.js';

/**
 * Reads a Peppol BIS Billing 3.0 document (UBL 2.1 `Invoice` or `CreditNote`) into plain data,
 * or refuses it naming each element that is wrong (`UblRefused`). What it checks, beyond XML:
 * the BIS 3 CustomizationID and ProfileID, the mandatory elements the service needs and BIS 3
 * requires (BR-01…BR-16, the parties' electronic addresses and countries, BuyerReference or an
 * order reference), that the totals add up (BR-CO-10…16, each VAT breakdown's taxable and tax
 * amount), that every amount is in the document's currency with at most two decimals, and that
 * a bankgiro or plusgiro number has its check digit (`@kommunkit/contract/fakturor-rules`).
 * Amounts are exact: integer minor units while adding, decimal strings in the result.
 */

export const bisCustomizationId = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';

/** A refusal: one entry per element, `pointer` `/body/<UBL path>`, `detail` in Swedish. */
export class UblRefused extends Error {
  constructor(
    readonly errors: FieldError[],
    readonly reason: 'doctype' | 'malformed' | 'not-ubl' | 'rules' = 'rules',
  ) {
    super(errors.map((error) => `${error.pointer}: ${error.detail}`).join('; '));
  }
}

export interface ParsedParty {
  name: string;
  registrationName: string | null;
  organisationNumber: string | null;
  vatNumber: string | null;
  endpoint: { scheme: string; id: string } | null;
  country: string | null;
  address: { street: string | null; postalCode: string | null; city: string | null } | null;
  /** Every identifier the party carries, as written (a personnummer whole: the caller masks it). */
  identifiers: { scheme: string | null; id: string }[];
}

export interface ParsedAttachment {
  id: string;
  description: string | null;
  mimeType: string | null;
  filename: string | null;
  externalUrl: string | null;
  /** The embedded bytes, when there are any. */
  bytes: Buffer | null;
  isPdf: boolean;
}

export interface ParsedDocument {
  documentType: 'invoice' | 'creditNote';
  number: string;
  typeCode: string;
  issueDate: string;
  dueDate: string | null;
  currency: string;
  notes: string[];
  buyerReference: string | null;
  billingReference: string | null;
  paymentTerms: string | null;
  period: { start: string | null; end: string | null } | null;
  payableAmount: string;
  roundingAmount: string | null;
  totals: {
    lineExtensionAmount: string;
    allowanceTotalAmount: string | null;
    chargeTotalAmount: string | null;
    taxExclusiveAmount: string;
    taxAmount: string;
    taxInclusiveAmount: string;
    prepaidAmount: string | null;
  };
  paymentMeans: {
    code: string;
    reference: string | null;
    referenceType: 'ocr' | 'message' | null;
    account: string | null;
    accountType: 'bankgiro' | 'plusgiro' | 'iban' | 'bban' | 'other';
    accountName: string | null;
    institution: string | null;
  }[];
  lines: {
    id: string;
    name: string;
    description: string | null;
    quantity: string;
    unitCode: string;
    unitPrice: string;
    amount: string;
    vatCategory: string;
    vatPercent: string | null;
    period: { start: string | null; end: string | null } | null;
  }[];
  vat: { category: string; percent: string | null; taxableAmount: string; taxAmount: string; exemptionReason: string | null }[];
  attachments: ParsedAttachment[];
  supplier: ParsedParty;
  customer: ParsedParty;
}

const identifierWords: Record<Exclude<IdentifierProblem, null>, string> = {
  format: 'får bara innehålla siffror',
  length: 'har fel antal siffror',
  check: 'har fel kontrollsiffra',
};

/** ISO 13616 IBAN: country, check digits, up to 30 letters and digits, mod 97 = 1. */
function ibanValid(value: string): boolean {
  const iban = value.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const digits = `${iban.slice(4)}${iban.slice(0, 4)}`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1;
}

const isRealDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

/** Collects the refusals while reading, so one answer names every element that is wrong. */
class Reader {
  readonly errors: FieldError[] = [];
  currency = '';

  fail(path: string, detail: string): void {
    const pointer = `/body/${path}`;
    if (!this.errors.some((error) => error.pointer === pointer && error.detail === detail)) this.errors.push({ pointer, detail });
  }

  /** The one element at `path`, or undefined; two of a single-valued element is a refusal. */
  one(parent: Element, path: string, where: string): Element | undefined {
    const found = elementsAt(parent, path);
    if (found.length > 1) this.fail(`${where}${path}`, `${where}${path} får bara finnas en gång.`);
    return found[0];
  }

  /** The text at `path`, or null when absent or empty. */
  text(parent: Element, path: string, where = ''): string | null {
    const element = this.one(parent, path, where);
    if (!element) return null;
    if (hasElementChildren(element)) {
      this.fail(`${where}${path}`, `${where}${path} ska vara ett värde, inte innehålla andra element.`);
      return null;
    }
    const value = textOf(element);
    return value === '' ? null : value;
  }

  required(parent: Element, path: string, where = '', rule = ''): string | null {
    const value = this.text(parent, path, where);
    if (value === null && !this.errors.some((error) => error.pointer === `/body/${where}${path}`)) {
      this.fail(`${where}${path}`, `${where}${path} saknas men krävs av Peppol BIS Billing 3.0${rule ? ` (${rule})` : ''}.`);
    }
    return value;
  }

  date(parent: Element, path: string, where = '', required = false): string | null {
    const value = required ? this.required(parent, path, where) : this.text(parent, path, where);
    if (value !== null && !isRealDate(value)) {
      this.fail(`${where}${path}`, `${where}${path} ska vara ett datum ÅÅÅÅ-MM-DD, inte "${value.slice(0, 40)}".`);
      return null;
    }
    return value;
  }

  /** An amount in minor units: at most two decimals, in the document's currency. */
  amount(parent: Element, path: string, where = '', { required = false, rule = '' } = {}): bigint | null {
    const value = required ? this.required(parent, path, where, rule) : this.text(parent, path, where);
    if (value === null) return null;
    const element = this.one(parent, path, where)!;
    const minor = toMinor(value);
    if (minor === null) {
      this.fail(`${where}${path}`, `${where}${path} ska vara ett belopp med högst två decimaler, inte "${value.slice(0, 40)}".`);
      return null;
    }
    const currency = attributeOf(element, 'currencyID');
    if (currency !== this.currency) {
      this.fail(`${where}${path}`, `${where}${path} ska ha currencyID="${this.currency}" som dokumentets valuta, inte ${currency === null ? 'ingen' : `"${currency.slice(0, 10)}"`}.`);
      return null;
    }
    return minor;
  }

  decimal(parent: Element, path: string, where = '', required = false): string | null {
    const value = required ? this.required(parent, path, where) : this.text(parent, path, where);
    if (value === null) return null;
    const decimal = decimalOf(value);
    if (decimal === null) this.fail(`${where}${path}`, `${where}${path} ska vara ett tal, inte "${value.slice(0, 40)}".`);
    return decimal;
  }

  mismatch(path: string, stated: bigint, computed: bigint, how: string, rule: string): void {
    if (stated !== computed) this.fail(path, `${path} är ${fromMinor(stated)} men ska vara ${fromMinor(computed)}: ${how} (${rule}).`);
  }
}

const orNull = (value: bigint | null): string | null => (value === null ? null : fromMinor(value));
const sum = (values: readonly bigint[]): bigint => values.reduce((total, value) => total + value, 0n);
/** A VAT breakdown's key: category and rate, the rate compared as a number ("25" = "25.00"). */
const vatKey = (category: string, percent: string | null): string => `${category}|${percent === null ? '' : String(Number(percent))}`;

function readParty(reader: Reader, root: Element, role: 'cac:AccountingSupplierParty' | 'cac:AccountingCustomerParty'): ParsedParty {
  const where = `${role}/cac:Party/`;
  const party = reader.one(root, `${role}/cac:Party`, '');
  if (!party) {
    reader.fail(`${role}/cac:Party`, `${role}/cac:Party saknas men krävs av Peppol BIS Billing 3.0.`);
    return { name: '', registrationName: null, organisationNumber: null, vatNumber: null, endpoint: null, country: null, address: null, identifiers: [] };
  }
  const endpointElement = reader.one(party, 'cbc:EndpointID', where);
  const endpointId = reader.required(party, 'cbc:EndpointID', where, role === 'cac:AccountingSupplierParty' ? 'PEPPOL-EN16931-R020' : 'PEPPOL-EN16931-R010');
  const endpointScheme = endpointElement ? attributeOf(endpointElement, 'schemeID') : null;
  if (endpointId !== null && !endpointScheme) reader.fail(`${where}cbc:EndpointID`, `${where}cbc:EndpointID saknar schemeID (BR-62/BR-63).`);
  const registrationName = reader.required(party, 'cac:PartyLegalEntity/cbc:RegistrationName', where, role === 'cac:AccountingSupplierParty' ? 'BR-06' : 'BR-07');
  const partyName = reader.text(party, 'cac:PartyName/cbc:Name', where);
  const country = reader.required(party, 'cac:PostalAddress/cac:Country/cbc:IdentificationCode', where, role === 'cac:AccountingSupplierParty' ? 'BR-09' : 'BR-11');
  if (country !== null && !/^[A-Z]{2}$/.test(country)) reader.fail(`${where}cac:PostalAddress/cac:Country/cbc:IdentificationCode`, 'Landkoden ska vara två versaler enligt ISO 3166-1, till exempel SE.');
  const street = reader.text(party, 'cac:PostalAddress/cbc:StreetName', where);
  const postalCode = reader.text(party, 'cac:PostalAddress/cbc:PostalZone', where);
  const city = reader.text(party, 'cac:PostalAddress/cbc:CityName', where);
  const identifiers: ParsedParty['identifiers'] = [];
  for (const element of elementsAt(party, 'cac:PartyIdentification/cbc:ID')) {
    const id = textOf(element);
    if (id) identifiers.push({ scheme: attributeOf(element, 'schemeID'), id });
  }
  const companyElement = elementsAt(party, 'cac:PartyLegalEntity/cbc:CompanyID')[0];
  const organisationNumber = reader.text(party, 'cac:PartyLegalEntity/cbc:CompanyID', where);
  if (organisationNumber !== null && companyElement) identifiers.push({ scheme: attributeOf(companyElement, 'schemeID'), id: organisationNumber });
  if (endpointId !== null && endpointScheme) identifiers.push({ scheme: endpointScheme, id: endpointId });
  const unique = identifiers.filter((identifier, index) => identifiers.findIndex((other) => other.scheme === identifier.scheme && other.id === identifier.id) === index);
  const vatNumber = elementsAt(party, 'cac:PartyTaxScheme')
    .filter((scheme) => elementsAt(scheme, 'cac:TaxScheme/cbc:ID').some((id) => textOf(id) === 'VAT'))
    .map((scheme) => elementsAt(scheme, 'cbc:CompanyID').map(textOf)[0] ?? null)[0] ?? null;
  return {
    name: partyName ?? registrationName ?? '',
    registrationName,
    organisationNumber,
    vatNumber,
    endpoint: endpointId !== null && endpointScheme ? { scheme: endpointScheme, id: endpointId } : null,
    country,
    address: street === null && postalCode === null && city === null ? null : { street, postalCode, city },
    identifiers: unique,
  };
}

function readPeriod(reader: Reader, parent: Element, path: string, where: string): { start: string | null; end: string | null } | null {
  if (elementsAt(parent, path).length === 0) return null;
  const period = reader.one(parent, path, where)!;
  const start = reader.date(period, 'cbc:StartDate', `${where}${path}/`);
  const end = reader.date(period, 'cbc:EndDate', `${where}${path}/`);
  if (start !== null && end !== null && end < start) reader.fail(`${where}${path}/cbc:EndDate`, `${where}${path}/cbc:EndDate är före startdatumet (BR-29/BR-30).`);
  return { start, end };
}

function readPaymentMeans(reader: Reader, root: Element): ParsedDocument['paymentMeans'] {
  return elementsAt(root, 'cac:PaymentMeans').map((means, index, all) => {
    const where = all.length > 1 ? `cac:PaymentMeans[${String(index + 1)}]/` : 'cac:PaymentMeans/';
    const code = reader.required(means, 'cbc:PaymentMeansCode', where, 'BR-49') ?? '';
    const reference = reader.text(means, 'cbc:PaymentID', where);
    const account = reader.text(means, 'cac:PayeeFinancialAccount/cbc:ID', where);
    const accountName = reader.text(means, 'cac:PayeeFinancialAccount/cbc:Name', where);
    const institution = reader.text(means, 'cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID', where);
    const accountPath = `${where}cac:PayeeFinancialAccount/cbc:ID`;
    let accountType: ParsedDocument['paymentMeans'][number]['accountType'] = 'other';
    const giro = institution?.toUpperCase();
    if (giro === 'SE:BANKGIRO' || giro === 'SE:PLUSGIRO') {
      accountType = giro === 'SE:BANKGIRO' ? 'bankgiro' : 'plusgiro';
      const kind = accountType === 'bankgiro' ? 'Bankgironumret' : 'Plusgironumret';
      if (account === null) reader.fail(accountPath, `${accountPath} saknas: ${kind.toLowerCase()} behövs för att kunna betala.`);
      else {
        const problem = accountType === 'bankgiro' ? bankgiroProblem(account) : plusgiroProblem(account);
        if (problem) reader.fail(accountPath, `${kind} ${account.slice(0, 20)} ${identifierWords[problem]} (${accountType === 'bankgiro' ? 'SE-R-008/SE-R-009, 7–8 siffror' : '2–8 siffror'} med kontrollsiffra).`);
      }
    } else if (account !== null && /^[A-Z]{2}\d{2}/.test(account.replace(/\s/g, '').toUpperCase())) {
      if (ibanValid(account)) accountType = 'iban';
      else reader.fail(accountPath, `${accountPath} ser ut som ett IBAN men kontrollsiffrorna stämmer inte.`);
    } else if (account !== null && /^[\d\s-]+$/.test(account)) accountType = 'bban';
    if (code === '58' && accountType !== 'iban' && account !== null) reader.fail(accountPath, `Betalsätt 58 (SEPA) kräver ett IBAN i ${accountPath} (BR-61).`);
    // A numeric reference that passes the OCR check is an OCR number; anything else is a message to give with the payment.
    const referenceType = reference === null ? null : ocrProblem(reference) === null ? 'ocr' : 'message';
    return { code, reference, referenceType, account, accountType, accountName, institution };
  });
}

function readAttachments(reader: Reader, root: Element): ParsedAttachment[] {
  return elementsAt(root, 'cac:AdditionalDocumentReference').map((reference, index, all) => {
    const where = all.length > 1 ? `cac:AdditionalDocumentReference[${String(index + 1)}]/` : 'cac:AdditionalDocumentReference/';
    const id = reader.required(reference, 'cbc:ID', where, 'BR-52') ?? '';
    const description = reader.text(reference, 'cbc:DocumentDescription', where);
    const binary = reader.one(reference, 'cac:Attachment/cbc:EmbeddedDocumentBinaryObject', where);
    const externalUrl = reader.text(reference, 'cac:Attachment/cac:ExternalReference/cbc:URI', where);
    let bytes: Buffer | null = null;
    let mimeType: string | null = null;
    let filename: string | null = null;
    if (binary) {
      const path = `${where}cac:Attachment/cbc:EmbeddedDocumentBinaryObject`;
      mimeType = attributeOf(binary, 'mimeCode');
      filename = attributeOf(binary, 'filename');
      if (!mimeType) reader.fail(path, `${path} saknar mimeCode.`);
      if (!filename) reader.fail(path, `${path} saknar filename.`);
      const base64 = textOf(binary).replace(/\s+/g, '');
      if (base64 === '' || !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(base64)) reader.fail(path, `${path} är inte giltig base64.`);
      else bytes = Buffer.from(base64, 'base64');
    }
    // By content, not by the mime code: a PDF starts with "%PDF-".
    const isPdf = bytes !== null && bytes.subarray(0, 5).toString('latin1') === '%PDF-';
    return { id, description, mimeType, filename, externalUrl, bytes, isPdf };
  });
}

/** Reads and checks a UBL document; throws `UblRefused` naming what is wrong. */
export function parseUbl(source: string): ParsedDocument {
  let root: Element;
  try {
    const parsed = parseXml(source);
    root = parsed.documentElement as Element;
  } catch (error) {
    if (!(error instanceof XmlRefused)) throw error;
    throw new UblRefused([{ pointer: '/body', detail: error.message }], error.reason);
  }
  const documentType = root.namespaceURI === namespaces.invoice && root.localName === 'Invoice' ? 'invoice' : root.namespaceURI === namespaces.creditNote && root.localName === 'CreditNote' ? 'creditNote' : null;
  if (documentType === null) {
    throw new UblRefused([{ pointer: '/body', detail: `Dokumentet är inte en UBL 2.1 Invoice eller CreditNote (rotelementet är ${root.localName ?? '?'} i namnrymden ${root.namespaceURI ?? 'ingen'}).` }], 'not-ubl');
  }
  const reader = new Reader();
  const customization = reader.required(root, 'cbc:CustomizationID', '', 'BR-01');
  if (customization !== null && customization !== bisCustomizationId && !customization.startsWith(`${bisCustomizationId}#conformant#`)) {
    reader.fail('cbc:CustomizationID', `cbc:CustomizationID ska vara ${bisCustomizationId} (Peppol BIS Billing 3.0), inte "${customization.slice(0, 120)}".`);
  }
  reader.required(root, 'cbc:ProfileID', '', 'PEPPOL-EN16931-R001');
  const number = reader.required(root, 'cbc:ID', '', 'BR-02') ?? '';
  const issueDate = reader.date(root, 'cbc:IssueDate', '', true) ?? '';
  const typePath = documentType === 'invoice' ? 'cbc:InvoiceTypeCode' : 'cbc:CreditNoteTypeCode';
  const typeCode = reader.required(root, typePath, '', 'BR-04') ?? '';
  if (typeCode !== '' && !/^\d{1,3}$/.test(typeCode)) reader.fail(typePath, `${typePath} ska vara en kod ur UNCL 1001, till exempel ${documentType === 'invoice' ? '380' : '381'}.`);
  const currency = reader.required(root, 'cbc:DocumentCurrencyCode', '', 'BR-05');
  if (currency !== null && !/^[A-Z]{3}$/.test(currency)) reader.fail('cbc:DocumentCurrencyCode', 'cbc:DocumentCurrencyCode ska vara en valutakod enligt ISO 4217, till exempel SEK.');
  reader.currency = currency ?? '';
  // A credit note has no cbc:DueDate in UBL: BIS 3 carries it as the payment means' due date.
  const dueDate = documentType === 'invoice' ? reader.date(root, 'cbc:DueDate') : reader.date(root, 'cac:PaymentMeans/cbc:PaymentDueDate');
  const notes = elementsAt(root, 'cbc:Note').map(textOf).filter((note) => note !== '');
  const buyerReference = reader.text(root, 'cbc:BuyerReference');
  const orderReference = reader.text(root, 'cac:OrderReference/cbc:ID');
  if (buyerReference === null && orderReference === null) reader.fail('cbc:BuyerReference', 'cbc:BuyerReference eller cac:OrderReference/cbc:ID krävs (PEPPOL-EN16931-R003).');
  const billingReference = elementsAt(root, 'cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID').map(textOf)[0] ?? null;
  const paymentTerms = reader.text(root, 'cac:PaymentTerms/cbc:Note');
  const period = readPeriod(reader, root, 'cac:InvoicePeriod', '');
  const supplier = readParty(reader, root, 'cac:AccountingSupplierParty');
  const customer = readParty(reader, root, 'cac:AccountingCustomerParty');

  // Lines (BR-16: at least one), each with the elements BR-21…BR-27 and BR-CO-04 ask for.
  const lineName = documentType === 'invoice' ? 'cac:InvoiceLine' : 'cac:CreditNoteLine';
  const quantityName = documentType === 'invoice' ? 'cbc:InvoicedQuantity' : 'cbc:CreditedQuantity';
  const lineElements = elementsAt(root, lineName);
  if (lineElements.length === 0) reader.fail(lineName, `${lineName} saknas: dokumentet ska ha minst en rad (BR-16).`);
  const lineSums = new Map<string, bigint>();
  const lines = lineElements.map((line, index) => {
    const where = `${lineName}[${String(index + 1)}]/`;
    const id = reader.required(line, 'cbc:ID', where, 'BR-21') ?? '';
    const quantity = reader.decimal(line, quantityName, where, true) ?? '';
    const quantityElement = elementsAt(line, quantityName)[0];
    const unitCode = quantityElement ? attributeOf(quantityElement, 'unitCode') : null;
    if (quantityElement && !unitCode) reader.fail(`${where}${quantityName}`, `${where}${quantityName} saknar unitCode (BR-23).`);
    const amount = reader.amount(line, 'cbc:LineExtensionAmount', where, { required: true, rule: 'BR-24' });
    const name = reader.required(line, 'cac:Item/cbc:Name', where, 'BR-25') ?? '';
    const description = reader.text(line, 'cac:Item/cbc:Description', where);
    const unitPrice = reader.decimal(line, 'cac:Price/cbc:PriceAmount', where, true) ?? '';
    if (unitPrice.startsWith('-')) reader.fail(`${where}cac:Price/cbc:PriceAmount`, `${where}cac:Price/cbc:PriceAmount får inte vara negativt (BR-27).`);
    const vatCategory = reader.required(line, 'cac:Item/cac:ClassifiedTaxCategory/cbc:ID', where, 'BR-CO-04') ?? '';
    const vatPercent = reader.decimal(line, 'cac:Item/cac:ClassifiedTaxCategory/cbc:Percent', where, vatCategory !== 'O' && vatCategory !== '');
    if (amount !== null) lineSums.set(vatKey(vatCategory, vatPercent), (lineSums.get(vatKey(vatCategory, vatPercent)) ?? 0n) + amount);
    return { id, name, description, quantity, unitCode: unitCode ?? '', unitPrice, amount: orNull(amount) ?? '', vatCategory, vatPercent, period: readPeriod(reader, line, 'cac:InvoicePeriod', where) };
  });

  // Document-level allowances and charges, by VAT category (BR-CO-11, BR-CO-12, BR-S-08).
  let allowances = 0n;
  let charges = 0n;
  elementsAt(root, 'cac:AllowanceCharge').forEach((allowanceCharge, index, all) => {
    const where = all.length > 1 ? `cac:AllowanceCharge[${String(index + 1)}]/` : 'cac:AllowanceCharge/';
    const indicator = reader.required(allowanceCharge, 'cbc:ChargeIndicator', where);
    const amount = reader.amount(allowanceCharge, 'cbc:Amount', where, { required: true, rule: 'BR-31/BR-36' });
    const category = reader.required(allowanceCharge, 'cac:TaxCategory/cbc:ID', where, 'BR-32/BR-37') ?? '';
    const percent = reader.decimal(allowanceCharge, 'cac:TaxCategory/cbc:Percent', where, category !== 'O' && category !== '');
    if (indicator !== null && indicator !== 'true' && indicator !== 'false') reader.fail(`${where}cbc:ChargeIndicator`, `${where}cbc:ChargeIndicator ska vara true eller false.`);
    if (amount === null || indicator === null) return;
    const charge = indicator === 'true';
    if (charge) charges += amount;
    else allowances += amount;
    lineSums.set(vatKey(category, percent), (lineSums.get(vatKey(category, percent)) ?? 0n) + (charge ? amount : -amount));
  });

  // The VAT breakdown in the document's currency (a second TaxTotal may be in the tax currency, BR-53).
  const taxTotals = elementsAt(root, 'cac:TaxTotal').filter((taxTotal) => elementsAt(taxTotal, 'cbc:TaxAmount').some((amount) => attributeOf(amount, 'currencyID') === reader.currency));
  if (taxTotals.length === 0) reader.fail('cac:TaxTotal', `cac:TaxTotal med cbc:TaxAmount i ${reader.currency || 'dokumentets valuta'} saknas (BR-CO-18).`);
  if (taxTotals.length > 1) reader.fail('cac:TaxTotal', `cac:TaxTotal i dokumentets valuta får bara finnas en gång.`);
  const taxTotal = taxTotals[0];
  const taxAmount = taxTotal ? reader.amount(taxTotal, 'cbc:TaxAmount', 'cac:TaxTotal/', { required: true, rule: 'BR-CO-15' }) : null;
  const subtotals = taxTotal ? elementsAt(taxTotal, 'cac:TaxSubtotal') : [];
  if (taxTotal && subtotals.length === 0) reader.fail('cac:TaxTotal/cac:TaxSubtotal', 'cac:TaxTotal/cac:TaxSubtotal saknas: minst en momsuppdelning krävs (BR-CO-18).');
  const seenBreakdowns = new Set<string>();
  const vat = subtotals.map((subtotal, index) => {
    const where = subtotals.length > 1 ? `cac:TaxTotal/cac:TaxSubtotal[${String(index + 1)}]/` : 'cac:TaxTotal/cac:TaxSubtotal/';
    const taxable = reader.amount(subtotal, 'cbc:TaxableAmount', where, { required: true, rule: 'BR-45' });
    const tax = reader.amount(subtotal, 'cbc:TaxAmount', where, { required: true, rule: 'BR-46' });
    const category = reader.required(subtotal, 'cac:TaxCategory/cbc:ID', where, 'BR-47') ?? '';
    const percent = reader.decimal(subtotal, 'cac:TaxCategory/cbc:Percent', where, category !== 'O' && category !== '');
    const exemptionReason = reader.text(subtotal, 'cac:TaxCategory/cbc:TaxExemptionReason', where) ?? reader.text(subtotal, 'cac:TaxCategory/cbc:TaxExemptionReasonCode', where);
    const key = vatKey(category, percent);
    if (seenBreakdowns.has(key)) reader.fail(`${where}cac:TaxCategory`, `Momskategori ${category} ${percent ?? ''} finns i mer än en cac:TaxSubtotal.`);
    seenBreakdowns.add(key);
    if (taxable !== null) reader.mismatch(`${where}cbc:TaxableAmount`, taxable, lineSums.get(key) ?? 0n, `summan av raderna med momskategori ${category}${percent === null ? '' : ` ${percent} %`}, minus rabatter och plus avgifter i den`, 'BR-S-08');
    if (taxable !== null && tax !== null && percent !== null) {
      const expected = percentOf(taxable, percent);
      // Rounded per line or per document: a system may differ from the breakdown's rounding by one öre.
      if (tax - expected > 1n || expected - tax > 1n) reader.mismatch(`${where}cbc:TaxAmount`, tax, expected, `${fromMinor(taxable)} × ${percent} %`, 'BR-CO-17');
    }
    return { category, percent, taxableAmount: orNull(taxable) ?? '', taxAmount: orNull(tax) ?? '', exemptionReason, tax };
  });
  for (const key of lineSums.keys()) {
    if (!seenBreakdowns.has(key) && subtotals.length > 0) {
      const [category, percent] = key.split('|');
      reader.fail('cac:TaxTotal/cac:TaxSubtotal', `Momskategori ${category ?? ''}${percent ? ` ${percent} %` : ''} används på rader men saknar cac:TaxSubtotal (BR-CO-18).`);
    }
  }
  if (taxAmount !== null && vat.every((entry) => entry.tax !== null)) reader.mismatch('cac:TaxTotal/cbc:TaxAmount', taxAmount, sum(vat.map((entry) => entry.tax!)), 'summan av cac:TaxSubtotal/cbc:TaxAmount', 'BR-CO-14');

  // The totals (BR-12…BR-15 present; BR-CO-10, 11, 12, 13, 15, 16 add up).
  const totalPath = 'cac:LegalMonetaryTotal';
  const total = reader.one(root, totalPath, '');
  if (!total) reader.fail(totalPath, `${totalPath} saknas men krävs av Peppol BIS Billing 3.0 (BR-12–BR-15).`);
  const at = `${totalPath}/`;
  const lineExtension = total ? reader.amount(total, 'cbc:LineExtensionAmount', at, { required: true, rule: 'BR-12' }) : null;
  const allowanceTotal = total ? reader.amount(total, 'cbc:AllowanceTotalAmount', at) : null;
  const chargeTotal = total ? reader.amount(total, 'cbc:ChargeTotalAmount', at) : null;
  const taxExclusive = total ? reader.amount(total, 'cbc:TaxExclusiveAmount', at, { required: true, rule: 'BR-13' }) : null;
  const taxInclusive = total ? reader.amount(total, 'cbc:TaxInclusiveAmount', at, { required: true, rule: 'BR-14' }) : null;
  const prepaid = total ? reader.amount(total, 'cbc:PrepaidAmount', at) : null;
  const rounding = total ? reader.amount(total, 'cbc:PayableRoundingAmount', at) : null;
  const payable = total ? reader.amount(total, 'cbc:PayableAmount', at, { required: true, rule: 'BR-15' }) : null;
  const linesComplete = lines.every((line) => line.amount !== '');
  if (lineExtension !== null && linesComplete) reader.mismatch(`${at}cbc:LineExtensionAmount`, lineExtension, sum(lines.map((line) => toMinor(line.amount)!)), `summan av ${lineName}/cbc:LineExtensionAmount`, 'BR-CO-10');
  if ((allowanceTotal ?? 0n) !== allowances) reader.mismatch(`${at}cbc:AllowanceTotalAmount`, allowanceTotal ?? 0n, allowances, 'summan av rabatterna i cac:AllowanceCharge', 'BR-CO-11');
  if ((chargeTotal ?? 0n) !== charges) reader.mismatch(`${at}cbc:ChargeTotalAmount`, chargeTotal ?? 0n, charges, 'summan av avgifterna i cac:AllowanceCharge', 'BR-CO-12');
  if (taxExclusive !== null && lineExtension !== null) reader.mismatch(`${at}cbc:TaxExclusiveAmount`, taxExclusive, lineExtension - (allowanceTotal ?? 0n) + (chargeTotal ?? 0n), 'radsumman minus rabatter plus avgifter', 'BR-CO-13');
  if (taxInclusive !== null && taxExclusive !== null && taxAmount !== null) reader.mismatch(`${at}cbc:TaxInclusiveAmount`, taxInclusive, taxExclusive + taxAmount, 'belopp utan moms plus momsen', 'BR-CO-15');
  if (payable !== null && taxInclusive !== null) reader.mismatch(`${at}cbc:PayableAmount`, payable, taxInclusive - (prepaid ?? 0n) + (rounding ?? 0n), 'belopp med moms minus förskott plus öresavrundning', 'BR-CO-16');
  if (documentType === 'invoice' && payable !== null && payable > 0n && dueDate === null && paymentTerms === null && !reader.errors.some((error) => error.pointer === '/body/cbc:DueDate')) {
    reader.fail('cbc:DueDate', 'cbc:DueDate eller cac:PaymentTerms/cbc:Note krävs när det finns ett belopp att betala (BR-CO-25).');
  }

  const paymentMeans = readPaymentMeans(reader, root);
  const attachments = readAttachments(reader, root);
  if (reader.errors.length > 0) throw new UblRefused(reader.errors);
  return {
    documentType,
    number,
    typeCode,
    issueDate,
    dueDate,
    currency: reader.currency,
    notes,
    buyerReference: buyerReference ?? orderReference,
    billingReference,
    paymentTerms,
    period,
    payableAmount: fromMinor(payable!),
    roundingAmount: orNull(rounding),
    totals: {
      lineExtensionAmount: fromMinor(lineExtension!),
      allowanceTotalAmount: orNull(allowanceTotal),
      chargeTotalAmount: orNull(chargeTotal),
      taxExclusiveAmount: fromMinor(taxExclusive!),
      taxAmount: fromMinor(taxAmount!),
      taxInclusiveAmount: fromMinor(taxInclusive!),
      prepaidAmount: orNull(prepaid),
    },
    paymentMeans,
    lines,
    vat: vat.map(({ tax: _tax, ...entry }) => entry),
    attachments,
    supplier,
    customer,
  };
}
