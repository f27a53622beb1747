import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Fakturor's tables. The name is dated so it sorts after every shipped migration and never
 * collides with another service's; append new ones, never edit one that has shipped.
 */
export const fakturorMigrations: Record<string, Migration> = {
  '2026-12-02-fakturor': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('fakturor_invoice')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('kommun_id', 'text', (col) => col.notNull())
        .addColumn('supplier_key', 'text', (col) => col.notNull())
        .addColumn('document_type', 'text', (col) => col.notNull())
        .addColumn('number', 'text', (col) => col.notNull())
        .addColumn('content_hash', 'text', (col) => col.notNull())
        .addColumn('recipient', 'text', (col) => col.notNull())
        .addColumn('recipient_key', 'text')
        .addColumn('issue_date', 'text', (col) => col.notNull())
        .addColumn('due_date', 'text')
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('amount_paid', 'text', (col) => col.notNull())
        .addColumn('disputed', 'boolean', (col) => col.notNull().defaultTo(false))
        .addColumn('billing_reference', 'text')
        .addColumn('document', 'jsonb', (col) => col.notNull())
        .addColumn('pdf', 'bytea')
        .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        // Idempotent import: one document per supplier, type and number.
        .addUniqueConstraint('fakturor_invoice_document_key', ['kommun_id', 'supplier_key', 'document_type', 'number'])
        .execute();
      await db.schema.createIndex('fakturor_invoice_recipient').on('fakturor_invoice').columns(['kommun_id', 'recipient_key', 'issue_date']).execute();
      await db.schema.createIndex('fakturor_invoice_unmatched').on('fakturor_invoice').columns(['kommun_id', 'recipient', 'created_at']).execute();
      await db.schema
        .createTable('fakturor_invoice_event')
        .addColumn('id', 'bigserial', (col) => col.primaryKey())
        .addColumn('invoice_id', 'uuid', (col) => col.notNull().references('fakturor_invoice.id').onDelete('cascade'))
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('status', 'text')
        .addColumn('date', 'text')
        .addColumn('amount', 'text')
        .addColumn('note', 'text')
        .addColumn('at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('fakturor_invoice_event_invoice').on('fakturor_invoice_event').column('invoice_id').execute();
      await db.schema
        .createTable('fakturor_invoice_message')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('invoice_id', 'uuid', (col) => col.notNull().references('fakturor_invoice.id').onDelete('cascade'))
        .addColumn('sender', 'text', (col) => col.notNull())
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('text', 'text', (col) => col.notNull())
        .addColumn('at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('fakturor_invoice_message_invoice').on('fakturor_invoice_message').columns(['invoice_id', 'at']).execute();
    },
  },
};
