import type { FieldError, InvoiceStatusUpdate, NewInvoiceMessage } from '@kommunkit/contract';
import { createHash } from 'node:crypto';
import type { StoredDocument, StoredInvoice } from './mapping.js';
import { maskPersonnummer, recognise, type RecipientKeys } from './recipients.js';
import { InvoiceStore, type ListOptions } from './store.js';
import { fromMinor, toMinor } from './ubl/amounts.js';
import { parseUbl, type ParsedDocument, type ParsedParty } from './ubl/parse.js';

/** A use case refused: `conflict` (409) or `rule` (422, naming the field). */
export class InvoiceRefused extends Error {
  constructor(
    readonly kind: 'conflict' | 'rule',
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
  }
}

const stockholmDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });
/** Today in Sweden, `YYYY-MM-DD`: an invoice is overdue the day after its due date there. */
export const today = (at: Date = new Date()): string => stockholmDate.format(at);

const paymentStatuses = new Set(['paid', 'partially_paid', 'overpaid']);

/** Who the recipient is: the first personnummer among the customer's identifiers, else the first organisationsnummer. */
function recipientOf(customer: ParsedParty): { kind: 'person' | 'organisation' | 'unmatched'; number: string | null } {
  const recognised = customer.identifiers.map((identifier) => recognise(identifier.scheme, identifier.id));
  const person = recognised.find((entry) => entry.kind === 'personnummer');
  if (person?.normalised) return { kind: 'person', number: person.normalised };
  const organisation = recognised.find((entry) => entry.kind === 'organisationsnummer');
  if (organisation?.normalised) return { kind: 'organisation', number: organisation.normalised };
  return { kind: 'unmatched', number: null };
}

/** A party as stored: each identifier with what it was recognised as, a personnummer masked wherever it appears. */
function storedParty(party: ParsedParty): StoredDocument['customer'] {
  const masked = new Map<string, string>();
  const identifiers = party.identifiers.map((identifier) => {
    const { kind, normalised } = recognise(identifier.scheme, identifier.id);
    const id = kind === 'personnummer' && normalised ? maskPersonnummer(normalised) : identifier.id;
    if (id !== identifier.id) masked.set(identifier.id, id);
    return { scheme: identifier.scheme, id, kind };
  });
  const mask = (value: string | null) => (value === null ? null : (masked.get(value) ?? value));
  return {
    name: party.name,
    registrationName: party.registrationName,
    organisationNumber: mask(party.organisationNumber),
    vatNumber: party.vatNumber,
    endpoint: party.endpoint ? { scheme: party.endpoint.scheme, id: mask(party.endpoint.id)! } : null,
    country: party.country,
    address: party.address,
    identifiers,
  };
}

/** The supplier as the idempotency key knows it: its Peppol address, else its organisationsnummer, else its name. */
const supplierKeyOf = (supplier: ParsedParty): string =>
  supplier.endpoint ? `${supplier.endpoint.scheme}:${supplier.endpoint.id}` : supplier.organisationNumber ? `org:${supplier.organisationNumber}` : `name:${supplier.name}`;

function storedDocument(parsed: ParsedDocument, pdfIndex: number): StoredDocument {
  const { attachments, supplier, customer, ...rest } = parsed;
  const label = (parsed.notes[0] ?? parsed.lines[0]?.name ?? parsed.number).slice(0, 200);
  return {
    ...rest,
    label,
    supplier: storedParty(supplier),
    customer: storedParty(customer),
    attachments: attachments.map((attachment, index) => ({
      id: attachment.id,
      description: attachment.description,
      mimeType: attachment.mimeType,
      filename: attachment.filename,
      size: attachment.bytes?.length ?? null,
      isPdf: attachment.isPdf,
      externalUrl: attachment.externalUrl,
      stored: index === pdfIndex,
    })),
  };
}

export interface Imported {
  created: boolean;
  invoice: StoredInvoice;
}

/** Mina fakturor's use cases: import, the citizen's reads and messages, the finance system's updates. */
export class Fakturor {
  constructor(
    private readonly store: InvoiceStore,
    private readonly keys: RecipientKeys,
  ) {}

  /** The keys of what a citizen may see: their own (by personnummer) and their föreningar's. */
  recipientKeys(personnummer: string | null, organisationsnummer: readonly string[]): string[] {
    return [...(personnummer ? [this.keys.person(personnummer)] : []), ...organisationsnummer.map((number) => this.keys.organisation(number))];
  }

  /**
   * Imports a UBL document. The same bytes again answer the stored document (`created: false`);
   * other bytes under the same supplier, type and number are a conflict. A refused document
   * (`UblRefused`) stores nothing.
   */
  async import(kommunId: string, xml: string): Promise<Imported> {
    const parsed = parseUbl(xml);
    const contentHash = createHash('sha256').update(xml).digest('hex');
    const supplierKey = supplierKeyOf(parsed.supplier);
    const existing = async (): Promise<Imported | undefined> => {
      const found = await this.store.findByKey(kommunId, supplierKey, parsed.documentType, parsed.number);
      if (!found) return undefined;
      if (found.content_hash !== contentHash) {
        throw new InvoiceRefused('conflict', `${parsed.documentType === 'invoice' ? 'Fakturan' : 'Kreditnotan'} ${parsed.number} från ${parsed.supplier.name} är redan inläst med annat innehåll. Ett nytt innehåll behöver ett nytt nummer (eller en kreditnota).`);
      }
      return { created: false, invoice: (await this.store.get(kommunId, found.id))! };
    };
    // No look for it first: the insert stores nothing when the document is there (or being
    // stored by another instance at the same moment), and then it is a repeat or a conflict.
    const recipient = recipientOf(parsed.customer);
    const pdfIndex = parsed.attachments.findIndex((attachment) => attachment.isPdf);
    const document = storedDocument(parsed, pdfIndex);
    const invoice = await this.store.insert(
      {
        kommunId,
        supplierKey,
        contentHash,
        recipient: recipient.kind,
        recipientKey: recipient.number === null ? null : recipient.kind === 'person' ? this.keys.person(recipient.number) : this.keys.organisation(recipient.number),
        document,
        pdf: pdfIndex >= 0 ? parsed.attachments[pdfIndex]!.bytes : null,
      },
      parsed.documentType === 'invoice' ? 'Fakturan skickades.' : 'Kreditnotan skickades.',
    );
    if (invoice) return { created: true, invoice };
    const repeat = await existing();
    if (!repeat) throw new Error(`fakturor: ${parsed.number} was neither stored nor found`);
    return repeat;
  }

  list(kommunId: string, keys: readonly string[], options: ListOptions) {
    return this.store.list(kommunId, keys, options);
  }

  get(kommunId: string, id: string, keys?: readonly string[]): Promise<StoredInvoice | undefined> {
    return this.store.get(kommunId, id, keys);
  }

  /** The PDF bytes of the embedded PDF, or null when one has to be made; undefined when not theirs. */
  async storedPdf(kommunId: string, id: string, keys: readonly string[]): Promise<{ pdf: Buffer | null } | undefined> {
    const row = await this.store.pdf(kommunId, id, keys);
    return row && { pdf: row.pdf === null ? null : Buffer.from(row.pdf) };
  }

  /** A citizen's dispute or payment-plan request: stored, in the history; a dispute marks the invoice. */
  async message(kommunId: string, id: string, keys: readonly string[], message: NewInvoiceMessage): Promise<StoredInvoice | undefined> {
    const invoice = await this.store.get(kommunId, id, keys);
    if (!invoice) return undefined;
    if (invoice.document.documentType === 'creditNote') throw new InvoiceRefused('conflict', 'En kreditnota kan inte bestridas eller delbetalas. Skriv om fakturan den gäller.');
    const text = message.text.trim();
    if (text === '') throw new InvoiceRefused('rule', 'Skriv vad det gäller.', [{ pointer: '/body/text', detail: 'Skriv vad det gäller.' }]);
    await this.store.change(
      id,
      message.kind === 'bestrid' ? { disputed: true } : {},
      { kind: 'message', note: message.kind === 'bestrid' ? `Du bestred fakturan: ${text}` : `Du bad om en avbetalningsplan: ${text}` },
      { sender: 'citizen', kind: message.kind, text },
    );
    return this.store.get(kommunId, id, keys);
  }

  /** The kommun's answer to the citizen's messages; it ends a dispute. */
  async answer(kommunId: string, id: string, text: string): Promise<StoredInvoice | undefined> {
    const invoice = await this.store.get(kommunId, id);
    if (!invoice) return undefined;
    const answer = text.trim();
    if (answer === '') throw new InvoiceRefused('rule', 'Svaret är tomt.', [{ pointer: '/body/text', detail: 'Skriv ett svar.' }]);
    if (!invoice.messages.some((message) => message.sender === 'citizen')) throw new InvoiceRefused('conflict', 'Det finns inget meddelande från kunden att svara på.');
    await this.store.change(id, { disputed: false }, { kind: 'answer', note: answer }, { sender: 'kommun', kind: 'svar', text: answer });
    return this.store.get(kommunId, id);
  }

  /** A payment status from the finance system, kept as history. */
  async updateStatus(kommunId: string, id: string, update: InvoiceStatusUpdate): Promise<StoredInvoice | undefined> {
    const invoice = await this.store.get(kommunId, id);
    if (!invoice) return undefined;
    if (invoice.document.documentType === 'creditNote') throw new InvoiceRefused('conflict', 'En kreditnota har ingen betalstatus.');
    const payment = paymentStatuses.has(update.status);
    if (payment && update.amount === undefined) {
      throw new InvoiceRefused('rule', 'Ange beloppet som betalades.', [{ pointer: '/body/amount', detail: `Status ${update.status} behöver beloppet som kom in.` }]);
    }
    if (update.date !== undefined && !isRealDate(update.date)) throw new InvoiceRefused('rule', 'Datumet finns inte.', [{ pointer: '/body/date', detail: 'Ange ett datum som finns, ÅÅÅÅ-MM-DD.' }]);
    await this.store.change(
      id,
      { status: update.status },
      { kind: 'status', status: update.status, date: update.date ?? null, amount: update.amount === undefined ? null : fromMinor(toMinor(update.amount)!), note: update.note ?? null },
      undefined,
      async (trx) => {
        const current = await InvoiceStore.current(trx, id);
        if (update.status === 'debt_collection' && current.disputed) {
          throw new InvoiceRefused('conflict', 'Fakturan är bestridd och får inte gå till inkasso förrän bestridandet är besvarat.');
        }
        if (payment) {
          const paid = (toMinor(current.amount_paid) ?? 0n) + toMinor(update.amount!)!;
          await trx.updateTable('fakturor_invoice').set({ amount_paid: fromMinor(paid) }).where('id', '=', id).execute();
        }
      },
    );
    return this.store.get(kommunId, id);
  }

  messages(kommunId: string, options: { unanswered: boolean; offset: number; limit: number }) {
    return this.store.messages(kommunId, options);
  }

  unmatched(kommunId: string, options: { offset: number; limit: number }) {
    return this.store.unmatched(kommunId, options);
  }
}

const isRealDate = (value: string): boolean => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

