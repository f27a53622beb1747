import { openInvoiceStatuses } from '@kommunkit/contract';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { InvoiceRow, StoredDocument, StoredInvoice } from './mapping.js';
import type { FakturorTables } from './tables.js';

type Tables = Database & FakturorTables;

export interface NewInvoice {
  kommunId: string;
  supplierKey: string;
  contentHash: string;
  recipient: 'person' | 'organisation' | 'unmatched';
  recipientKey: string | null;
  document: StoredDocument;
  pdf: Buffer | null;
}

export interface ListOptions {
  filter: 'unpaid' | 'paid' | 'all';
  year?: number | undefined;
  offset: number;
  limit: number;
}

export interface StateChange {
  status?: string;
  amountPaid?: string;
  disputed?: boolean;
}

const openStatuses = [...openInvoiceStatuses];

/**
 * The credit note of an invoice `i`, or the invoice a credit note `i` credits: same supplier
 * and recipient. `i` needs the columns the document key and the recipient are made of.
 */
const relatedId = sql<string | null>`(select r.id from fakturor_invoice r
  where r.kommun_id = i.kommun_id and r.supplier_key = i.supplier_key and r.recipient_key is not distinct from i.recipient_key
    and ((i.document_type = 'creditNote' and r.document_type = 'invoice' and r.number = i.billing_reference)
      or (i.document_type = 'invoice' and r.document_type = 'creditNote' and r.billing_reference = i.number))
  order by r.created_at, r.id limit 1)`.as('related_id');

/** Fakturor's queries: nothing else touches its tables. */
export class InvoiceStore {
  private readonly db: Kysely<Tables>;

  constructor(db: Db) {
    this.db = db.withTables<FakturorTables>();
  }

  private rows(kommunId: string) {
    return this.db
      .selectFrom('fakturor_invoice as i')
      .select(['i.id', 'i.kommun_id', 'i.recipient', 'i.status', 'i.amount_paid', 'i.disputed', 'i.document'])
      .select(relatedId)
      .where('i.kommun_id', '=', kommunId);
  }

  /** The document already imported under the same supplier, type and number. */
  findByKey(kommunId: string, supplierKey: string, documentType: string, number: string): Promise<{ id: string; content_hash: string } | undefined> {
    return this.db
      .selectFrom('fakturor_invoice')
      .select(['id', 'content_hash'])
      .where('kommun_id', '=', kommunId)
      .where('supplier_key', '=', supplierKey)
      .where('document_type', '=', documentType)
      .where('number', '=', number)
      .executeTakeFirst();
  }

  /**
   * Stores a new document with its first history event and answers it as `get` would, in one
   * statement (no BEGIN/COMMIT, nothing read back). Undefined, with nothing written, when a
   * document of the same supplier, type and number is stored already, or by another request
   * at the same moment (the insert waits for it to commit).
   */
  async insert(invoice: NewInvoice, note: string): Promise<StoredInvoice | undefined> {
    const row = await this.db
      .with('inserted', (db) =>
        db
          .insertInto('fakturor_invoice')
          .values({
            kommun_id: invoice.kommunId,
            supplier_key: invoice.supplierKey,
            document_type: invoice.document.documentType,
            number: invoice.document.number,
            content_hash: invoice.contentHash,
            recipient: invoice.recipient,
            recipient_key: invoice.recipientKey,
            issue_date: invoice.document.issueDate,
            due_date: invoice.document.dueDate,
            status: invoice.document.documentType === 'creditNote' ? 'credited' : 'sent',
            amount_paid: '0.00',
            billing_reference: invoice.document.billingReference,
            document: JSON.stringify(invoice.document),
            pdf: invoice.pdf,
          })
          .onConflict((conflict) => conflict.columns(['kommun_id', 'supplier_key', 'document_type', 'number']).doNothing())
          // What `rows` answers and `relatedId` reads; not the PDF's bytes.
          .returning(['id', 'kommun_id', 'recipient', 'status', 'amount_paid', 'disputed', 'document', 'supplier_key', 'recipient_key', 'document_type', 'number', 'billing_reference', 'issue_date']),
      )
      // `select … from inserted`, not `values`: a document not stored gets no event either.
      .with('event', (db) =>
        db
          .insertInto('fakturor_invoice_event')
          .columns(['invoice_id', 'kind', 'date', 'note'])
          .expression(db.selectFrom('inserted').select(['id', sql<string>`${'imported'}`.as('kind'), 'issue_date', sql<string>`${note}`.as('note')]))
          .returning(['kind', 'status', 'date', 'amount', 'note', 'at']),
      )
      .selectFrom(['inserted as i', 'event'])
      .select(['i.id', 'i.kommun_id', 'i.recipient', 'i.status', 'i.amount_paid', 'i.disputed', 'i.document', relatedId])
      .select(['event.kind', 'event.status as event_status', 'event.date', 'event.amount', 'event.note', 'event.at'])
      .executeTakeFirst();
    if (!row) return undefined;
    const { kind, event_status, date, amount, note: eventNote, at, ...invoiceRow } = row;
    return { ...invoiceRow, history: [{ kind, status: event_status, date, amount, note: eventNote, at }], messages: [] };
  }

  /** One invoice with its history and messages; with `recipientKeys` only if it is theirs. */
  async get(kommunId: string, id: string, recipientKeys?: readonly string[]): Promise<StoredInvoice | undefined> {
    if (recipientKeys?.length === 0) return undefined;
    let query = this.rows(kommunId).where('i.id', '=', id);
    if (recipientKeys) query = query.where('i.recipient_key', 'in', recipientKeys);
    const row = await query.executeTakeFirst();
    return row ? this.withHistory(row) : undefined;
  }

  private async withHistory(row: InvoiceRow): Promise<StoredInvoice> {
    const [history, messages] = await Promise.all([
      this.db.selectFrom('fakturor_invoice_event').select(['kind', 'status', 'date', 'amount', 'note', 'at']).where('invoice_id', '=', row.id).orderBy('at').orderBy('id').execute(),
      this.db.selectFrom('fakturor_invoice_message').select(['id', 'sender', 'kind', 'text', 'at']).where('invoice_id', '=', row.id).orderBy('at').orderBy('id').execute(),
    ]);
    return { ...row, history, messages };
  }

  async pdf(kommunId: string, id: string, recipientKeys: readonly string[]): Promise<{ pdf: Buffer | null } | undefined> {
    if (recipientKeys.length === 0) return undefined;
    return this.db.selectFrom('fakturor_invoice').select('pdf').where('kommun_id', '=', kommunId).where('id', '=', id).where('recipient_key', 'in', recipientKeys).executeTakeFirst();
  }

  /**
   * The recipients' documents: open invoices first, earliest due first (no due date last),
   * then the rest, newest first. With the years they have documents from.
   */
  async list(kommunId: string, recipientKeys: readonly string[], options: ListOptions): Promise<{ rows: InvoiceRow[]; total: number; years: number[] }> {
    if (recipientKeys.length === 0) return { rows: [], total: 0, years: [] };
    const isOpen = sql<boolean>`(i.document_type = 'invoice' and i.status in (${sql.join(openStatuses)}))`;
    let query = this.rows(kommunId).where('i.recipient_key', 'in', recipientKeys);
    if (options.filter === 'unpaid') query = query.where(isOpen);
    if (options.filter === 'paid') query = query.where(sql<boolean>`not ${isOpen}`);
    if (options.year !== undefined) query = query.where('i.issue_date', 'like', `${String(options.year)}-%`);
    const [rows, count, years] = await Promise.all([
      query
        .orderBy(sql`case when ${isOpen} then 0 else 1 end`)
        .orderBy(sql`case when ${isOpen} then i.due_date end asc nulls last`)
        .orderBy('i.issue_date', 'desc')
        .orderBy('i.id')
        .offset(options.offset)
        .limit(options.limit)
        .execute(),
      query.clearSelect().select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow(),
      this.db
        .selectFrom('fakturor_invoice')
        .select(sql<string>`substr(issue_date, 1, 4)`.as('year'))
        .distinct()
        .where('kommun_id', '=', kommunId)
        .where('recipient_key', 'in', recipientKeys)
        .orderBy('year', 'desc')
        .execute(),
    ]);
    return { rows, total: Number(count.count), years: years.map((row) => Number(row.year)) };
  }

  /** Changes the state and appends the history event (and the message, if any), in one transaction. */
  async change(
    id: string,
    change: StateChange,
    event: { kind: string; status?: string | null; date?: string | null; amount?: string | null; note?: string | null },
    message?: { sender: 'citizen' | 'kommun'; kind: string; text: string },
    guard?: (trx: Transaction<Tables>) => Promise<void>,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      // Serialises changes of one invoice, so two payments never read the same amount paid.
      await trx.selectFrom('fakturor_invoice').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
      await guard?.(trx);
      const set = {
        ...(change.status !== undefined ? { status: change.status } : {}),
        ...(change.amountPaid !== undefined ? { amount_paid: change.amountPaid } : {}),
        ...(change.disputed !== undefined ? { disputed: change.disputed } : {}),
      };
      if (Object.keys(set).length > 0) await trx.updateTable('fakturor_invoice').set(set).where('id', '=', id).execute();
      await trx
        .insertInto('fakturor_invoice_event')
        .values({ invoice_id: id, kind: event.kind, status: event.status ?? null, date: event.date ?? null, amount: event.amount ?? null, note: event.note ?? null })
        .execute();
      if (message) await trx.insertInto('fakturor_invoice_message').values({ invoice_id: id, sender: message.sender, kind: message.kind, text: message.text }).execute();
    });
  }

  /** The invoice's current state, read inside a change's transaction. */
  static current(trx: Transaction<Tables>, id: string) {
    return trx.selectFrom('fakturor_invoice').select(['status', 'amount_paid', 'disputed', 'document_type']).where('id', '=', id).executeTakeFirstOrThrow();
  }

  /** The citizens' messages, oldest first, each with whether the kommun answered after it. */
  async messages(kommunId: string, { unanswered, offset, limit }: { unanswered: boolean; offset: number; limit: number }) {
    const answered = sql<boolean>`exists (select 1 from fakturor_invoice_message a where a.invoice_id = m.invoice_id and a.sender = 'kommun' and a.at >= m.at)`;
    let query = this.db
      .selectFrom('fakturor_invoice_message as m')
      .innerJoin('fakturor_invoice as i', 'i.id', 'm.invoice_id')
      .where('i.kommun_id', '=', kommunId)
      .where('m.sender', '=', 'citizen');
    if (unanswered) query = query.where(sql<boolean>`not ${answered}`);
    const [rows, count] = await Promise.all([
      query
        .select(['m.id', 'm.sender', 'm.kind', 'm.text', 'm.at', 'm.invoice_id', 'i.number'])
        .select(answered.as('answered'))
        .orderBy('m.at')
        .orderBy('m.id')
        .offset(offset)
        .limit(limit)
        .execute(),
      query.select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.count) };
  }

  async unmatched(kommunId: string, { offset, limit }: { offset: number; limit: number }): Promise<{ rows: StoredInvoice[]; total: number }> {
    const query = this.rows(kommunId).where('i.recipient', '=', 'unmatched');
    const [rows, count] = await Promise.all([
      query.orderBy(sql`i.created_at`).orderBy('i.id').offset(offset).limit(limit).execute(),
      query.clearSelect().select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow(),
    ]);
    return { rows: await Promise.all(rows.map((row) => this.withHistory(row))), total: Number(count.count) };
  }
}
