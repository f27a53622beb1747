import { Type, type Static, type TLiteral, type TSchema, type TUnion } from 'typebox';
import { invoiceFilters, invoiceMessageKinds, invoiceStatuses, maxInvoiceMessageLength } from './fakturor-routes.js';
import { KommunId } from './kommun.js';
import { NumberedPage, PageQuery } from './pagination.js';

/**
 * Mina fakturor: the kommun's invoices and credit notes to a citizen (or a förening they
 * represent), imported from Peppol BIS Billing 3.0 documents (UBL 2.1). Amounts are exact decimal
 * strings with two decimals (never floats); quantities, prices, rates, references and identifiers
 * are the strings the document wrote. Dates are `YYYY-MM-DD`.
 */

const literals = <const T extends readonly string[]>(values: T, options: { description?: string } = {}) =>
  Type.Union(values.map((value) => Type.Literal(value)), options) as unknown as TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }>;

/** An amount, exactly: the document's value with two decimals (`"1234.50"`, `"-0.40"`), read as integer öre, never a float. */
export const Amount = Type.String({ pattern: '^-?\\d{1,15}\\.\\d{2}$', description: 'An exact decimal amount in the document\'s currency, as a string with two decimals: `"1234.50"`. Never a float.' });
/** A quantity or a percentage: exact decimal, more decimals allowed. */
const Decimal = Type.String({ pattern: '^-?\\d{1,15}(\\.\\d{1,6})?$', description: 'An exact decimal, as a string.' });
const DateOnly = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '`YYYY-MM-DD`.' });
const At = Type.String({ format: 'date-time' });
const Nullable = <T extends TSchema>(schema: T, description?: string) => Type.Union([schema, Type.Null()], description ? { description } : {});

export const InvoiceStatus = literals(invoiceStatuses, { description: 'sent, partially_paid, paid, reminder, debt_collection, credited, written_off, overpaid.' });
export type InvoiceStatus = Static<typeof InvoiceStatus>;
export const InvoiceMessageKind = literals(invoiceMessageKinds, { description: '`bestrid`: the citizen disputes the invoice; `avbetalningsplan`: asks to pay in parts.' });
export type InvoiceMessageKind = Static<typeof InvoiceMessageKind>;
export const DocumentType = Type.Union([Type.Literal('invoice'), Type.Literal('creditNote')], { description: 'A UBL `Invoice` or `CreditNote`.' });
export type DocumentType = Static<typeof DocumentType>;

export const InvoiceParams = Type.Object({ kommun: KommunId, id: Type.String({ format: 'uuid', description: 'The invoice id.' }) });
export type InvoiceParams = Static<typeof InvoiceParams>;

/** An identifier of a party as the document gave it; a personnummer is shown masked (`19830817-****`), never whole. */
export const PartyIdentifier = Type.Object({
  scheme: Nullable(Type.String(), 'The `schemeID` (ISO 6523 ICD, e.g. `0007` for a Swedish organisationsnummer), or null.'),
  id: Type.String(),
  kind: Type.Union([Type.Literal('personnummer'), Type.Literal('organisationsnummer'), Type.Literal('other')], { description: 'What the gateway recognised it as.' }),
});

export const Party = Type.Object({
  name: Type.String({ description: 'The party\'s name (PartyName, else the registration name).' }),
  registrationName: Nullable(Type.String()),
  organisationNumber: Nullable(Type.String({ description: 'PartyLegalEntity/CompanyID: for the supplier the payee\'s organisationsnummer (UsingQR `cid`).' })),
  vatNumber: Nullable(Type.String()),
  endpoint: Nullable(Type.Object({ scheme: Type.String(), id: Type.String() }), 'The Peppol electronic address.'),
  country: Nullable(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 (UsingQR `cc`).' })),
  address: Nullable(Type.Object({ street: Nullable(Type.String()), postalCode: Nullable(Type.String()), city: Nullable(Type.String()) })),
  identifiers: Type.Array(PartyIdentifier),
});

export const PaymentMeans = Type.Object({
  code: Type.String({ description: 'UNCL 4461 payment means code (30 credit transfer, 58 SEPA credit transfer, …).' }),
  reference: Nullable(Type.String(), 'cbc:PaymentID: the OCR number or the message to give with the payment.'),
  referenceType: Nullable(Type.Union([Type.Literal('ocr'), Type.Literal('message')]), '`ocr` when the reference passes the OCR check (digits, Luhn), otherwise `message`.'),
  account: Nullable(Type.String({ description: 'PayeeFinancialAccount/ID as the document gave it.' })),
  accountType: Type.Union([Type.Literal('bankgiro'), Type.Literal('plusgiro'), Type.Literal('iban'), Type.Literal('bban'), Type.Literal('other')], {
    description: 'From FinancialInstitutionBranch/ID (`SE:BANKGIRO`, `SE:PLUSGIRO`) or the account\'s form: UsingQR `pt` is BG, PG, IBAN or BBAN.',
  }),
  accountName: Nullable(Type.String()),
  institution: Nullable(Type.String({ description: 'FinancialInstitutionBranch/ID (`SE:BANKGIRO`, a BIC, …).' })),
});

export const InvoiceLine = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  quantity: Decimal,
  unitCode: Type.String({ description: 'UN/ECE rec 20 unit (C62 piece, MON month, MTQ m³, …).' }),
  unitPrice: Decimal,
  amount: Amount,
  vatCategory: Type.String({ description: 'UNCL 5305 (S standard, Z zero, E exempt, O outside scope, …).' }),
  vatPercent: Nullable(Decimal),
  period: Nullable(Type.Object({ start: Nullable(DateOnly), end: Nullable(DateOnly) })),
});

export const VatBreakdown = Type.Object({
  category: Type.String(),
  percent: Nullable(Decimal),
  taxableAmount: Amount,
  taxAmount: Amount,
  exemptionReason: Nullable(Type.String()),
});

export const InvoiceAttachment = Type.Object({
  id: Type.String(),
  description: Nullable(Type.String()),
  mimeType: Nullable(Type.String({ description: 'The `mimeCode` the document claimed.' })),
  filename: Nullable(Type.String()),
  size: Nullable(Type.Integer({ minimum: 0, description: 'Bytes of the embedded content; null for an external reference.' })),
  isPdf: Type.Boolean({ description: 'The embedded bytes really are a PDF (they start with `%PDF-`), whatever the mime code says.' }),
  url: Nullable(Type.String({ description: 'Where to get it: the invoice\'s PDF route for the embedded PDF, the document\'s external URI, or null.' })),
});

export const InvoiceHistoryEvent = Type.Object({
  at: At,
  status: Nullable(InvoiceStatus, 'The status it moved to, or null for a message.'),
  kind: Type.Union([Type.Literal('imported'), Type.Literal('status'), Type.Literal('message'), Type.Literal('answer')]),
  date: Nullable(DateOnly, 'The date the finance system gave (paid on, reminder sent on).'),
  amount: Nullable(Amount, 'Paid amount, or a fee.'),
  note: Nullable(Type.String()),
});

export const InvoiceMessage = Type.Object({
  id: Type.String({ format: 'uuid' }),
  from: Type.Union([Type.Literal('citizen'), Type.Literal('kommun')]),
  kind: Type.Union([InvoiceMessageKind, Type.Literal('svar')], { description: 'The citizen\'s `bestrid` or `avbetalningsplan`, or the kommun\'s `svar`.' }),
  text: Type.String(),
  at: At,
});

export const Totals = Type.Object({
  lineExtensionAmount: Amount,
  allowanceTotalAmount: Nullable(Amount),
  chargeTotalAmount: Nullable(Amount),
  taxExclusiveAmount: Amount,
  taxAmount: Amount,
  taxInclusiveAmount: Amount,
  prepaidAmount: Nullable(Amount),
});

const invoiceProperties = {
  id: Type.String({ format: 'uuid' }),
  number: Type.String({ description: 'cbc:ID: the invoice number.' }),
  documentType: DocumentType,
  label: Type.String({ description: 'What it is for, in a few words: the first cbc:Note, else the first line\'s name.' }),
  issueDate: DateOnly,
  dueDate: Nullable(DateOnly, 'Null when the document gave none (its payment terms say more).'),
  currency: Type.String({ pattern: '^[A-Z]{3}$' }),
  payableAmount: Amount,
  roundingAmount: Nullable(Amount, 'PayableRoundingAmount, may be negative; null when absent.'),
  amountPaid: Amount,
  amountDue: Amount,
  status: InvoiceStatus,
  overdue: Type.Boolean({ description: 'Still unpaid after its due date (Europe/Stockholm).' }),
  disputed: Type.Boolean(),
  billingReference: Nullable(Type.String(), 'For a credit note: the number of the invoice it credits.'),
  relatedInvoiceId: Nullable(Type.String({ format: 'uuid' }), 'The credited invoice (for a credit note) or the credit note (for an invoice), when stored here for the same recipient.'),
  supplierName: Type.String(),
};

/** One invoice in a list. */
export const InvoiceSummary = Type.Object(invoiceProperties, { $id: 'InvoiceSummary' });
export type InvoiceSummary = Static<typeof InvoiceSummary>;

/** An invoice or credit note, whole. */
export const Invoice = Type.Object(
  {
    ...invoiceProperties,
    paymentReference: Nullable(Type.String(), 'cbc:PaymentID of the first payment means: the OCR number or message.'),
    paymentTerms: Nullable(Type.String()),
    period: Nullable(Type.Object({ start: Nullable(DateOnly), end: Nullable(DateOnly) })),
    buyerReference: Nullable(Type.String()),
    notes: Type.Array(Type.String()),
    paymentMeans: Type.Array(PaymentMeans),
    lines: Type.Array(InvoiceLine),
    vat: Type.Array(VatBreakdown),
    totals: Totals,
    attachments: Type.Array(InvoiceAttachment),
    supplier: Party,
    customer: Party,
    history: Type.Array(InvoiceHistoryEvent, { description: 'Oldest first: the import, each status update and message.' }),
    messages: Type.Array(InvoiceMessage),
  },
  { $id: 'Invoice' },
);
export type Invoice = Static<typeof Invoice>;

/** The finance system's view: the invoice and to whom it was matched. */
export const FinanceInvoice = Type.Object(
  {
    ...Invoice.properties,
    recipient: Type.Union([Type.Literal('person'), Type.Literal('organisation'), Type.Literal('unmatched')], {
      description: 'Whom the customer\'s identifiers name: a citizen by personnummer, a förening by organisationsnummer, or nobody the gateway can show it to.',
    }),
  },
  { $id: 'FinanceInvoice' },
);
export type FinanceInvoice = Static<typeof FinanceInvoice>;

export const InvoicesQuery = Type.Object(
  {
    ...PageQuery.properties,
    filter: Type.Optional(literals(invoiceFilters, { description: '`unpaid` (invoices still asking for money), `paid` (settled invoices and credit notes), or `all` (the default).' })),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2999, description: 'Only documents issued this year.' })),
  },
  { additionalProperties: false },
);
export type InvoicesQuery = Static<typeof InvoicesQuery>;

/** The citizen's invoices: unpaid ones first (earliest due first), then the rest, newest first. */
export const InvoicesPage = Type.Object(
  {
    ...NumberedPage(InvoiceSummary).properties,
    years: Type.Array(Type.Integer(), { description: 'The years the citizen has documents from, newest first (for the year filter).' }),
  },
  { $id: 'InvoicesPage' },
);
export type InvoicesPage = Static<typeof InvoicesPage>;

export const NewInvoiceMessage = Type.Object(
  {
    kind: InvoiceMessageKind,
    text: Type.String({ minLength: 1, maxLength: maxInvoiceMessageLength, description: 'Why the invoice is disputed, or what plan is asked for.' }),
  },
  { $id: 'NewInvoiceMessage', additionalProperties: false },
);
export type NewInvoiceMessage = Static<typeof NewInvoiceMessage>;

export const InvoiceAnswer = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: maxInvoiceMessageLength }) },
  { $id: 'InvoiceAnswer', additionalProperties: false },
);
export type InvoiceAnswer = Static<typeof InvoiceAnswer>;

/** A payment status from the finance system; kept as a history event. */
export const InvoiceStatusUpdate = Type.Object(
  {
    status: InvoiceStatus,
    date: Type.Optional(DateOnly),
    amount: Type.Optional(Type.String({ pattern: '^\\d{1,15}(\\.\\d{1,2})?$', description: 'For `paid`, `partially_paid` and `overpaid`: the amount that came in (required); for `reminder` and `debt_collection`: the fee, if any.' })),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: maxInvoiceMessageLength, description: 'Shown to the citizen in the history.' })),
  },
  { $id: 'InvoiceStatusUpdate', additionalProperties: false },
);
export type InvoiceStatusUpdate = Static<typeof InvoiceStatusUpdate>;

export const FinanceMessage = Type.Object({
  ...InvoiceMessage.properties,
  invoiceId: Type.String({ format: 'uuid' }),
  invoiceNumber: Type.String(),
  answered: Type.Boolean({ description: 'The kommun has answered after it.' }),
});

export const FinanceMessagesQuery = Type.Object(
  { ...PageQuery.properties, unanswered: Type.Optional(Type.Boolean({ description: 'Only messages not answered yet.' })) },
  { additionalProperties: false },
);
export type FinanceMessagesQuery = Static<typeof FinanceMessagesQuery>;

export const FinanceMessages = Type.Object(NumberedPage(FinanceMessage).properties, { $id: 'FinanceMessages' });
export type FinanceMessages = Static<typeof FinanceMessages>;

export const UnmatchedInvoices = Type.Object(NumberedPage(FinanceInvoice).properties, { $id: 'UnmatchedInvoices' });
export type UnmatchedInvoices = Static<typeof UnmatchedInvoices>;

export const FinanceListQuery = Type.Object({ ...PageQuery.properties }, { additionalProperties: false });

/** The import's body: a UBL 2.1 Invoice or CreditNote (Peppol BIS Billing 3.0), as XML. */
export const UblDocument = Type.String({ description: 'A Peppol BIS Billing 3.0 document (UBL 2.1 `Invoice` or `CreditNote`), UTF-8 XML, without a DOCTYPE.' });

/** The invoice as a PDF file. */
export const PdfFile = Type.String({ description: 'The invoice as PDF: the one embedded in the document when it really is a PDF, otherwise one made from its data.', contentMediaType: 'application/pdf' });
