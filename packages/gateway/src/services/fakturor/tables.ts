import type { ColumnType, Generated } from 'kysely';
import type { GeneratedTimestamp } from '../../db/schema.js';
import type { StoredDocument } from './mapping.js';

/**
 * An imported invoice or credit note. `document` is what the UBL said, read once at import
 * (`ubl/parse.ts`), with any personnummer masked; the columns beside it are what the list
 * filters and orders by and what changes after the import (status, payments, dispute). A
 * citizen's invoices are found by `recipient_key`: for a person a keyed hash (HMAC-SHA256
 * under the gateway's data key) of the personnummer, never the number itself; for a förening
 * its organisationsnummer.
 */
export interface InvoiceTable {
  id: Generated<string>;
  kommun_id: string;
  /** Who sent it: the supplier's electronic address, else its organisationsnummer, else its name. */
  supplier_key: string;
  document_type: string;
  number: string;
  /** SHA-256 of the imported bytes: the same again is the same document (200), other bytes under the same number a 409. */
  content_hash: string;
  recipient: string;
  recipient_key: string | null;
  issue_date: string;
  due_date: string | null;
  status: string;
  /** Decimal string, the sum of the payments the finance system reported. */
  amount_paid: string;
  disputed: ColumnType<boolean, boolean | undefined, boolean>;
  billing_reference: string | null;
  document: ColumnType<StoredDocument, string, string>;
  /** The embedded attachment whose bytes are a PDF, if any. */
  pdf: Buffer | null;
  created_at: GeneratedTimestamp;
}

export interface InvoiceEventTable {
  id: Generated<string>;
  invoice_id: string;
  kind: string;
  status: string | null;
  date: string | null;
  amount: string | null;
  note: string | null;
  at: GeneratedTimestamp;
}

export interface InvoiceMessageTable {
  id: Generated<string>;
  invoice_id: string;
  sender: string;
  kind: string;
  text: string;
  at: GeneratedTimestamp;
}

/** Fakturor's tables, added to the shared ones with `db.withTables<FakturorTables>()`. */
export type FakturorTables = {
  fakturor_invoice: InvoiceTable;
  fakturor_invoice_event: InvoiceEventTable;
  fakturor_invoice_message: InvoiceMessageTable;
};
