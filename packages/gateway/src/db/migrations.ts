import { sql, type Kysely, type Migration } from 'kysely';

/**
 * One set of migrations for PGlite and PostgreSQL servers alike. Append new ones; never edit
 * one that has shipped.
 */
export const migrations: Record<string, Migration> = {
  '0001-auth-and-drafts': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('auth_request')
        .addColumn('state', 'text', (col) => col.primaryKey())
        .addColumn('kommun_id', 'text', (col) => col.notNull())
        .addColumn('code_verifier', 'text', (col) => col.notNull())
        .addColumn('nonce', 'text', (col) => col.notNull())
        .addColumn('return_url', 'text', (col) => col.notNull())
        .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
        .execute();
      await db.schema
        .createTable('session')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('kommun_id', 'text', (col) => col.notNull())
        .addColumn('subject', 'text', (col) => col.notNull())
        .addColumn('personnummer', 'text')
        .addColumn('given_name', 'text', (col) => col.notNull())
        .addColumn('family_name', 'text', (col) => col.notNull())
        .addColumn('name', 'text', (col) => col.notNull())
        .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        .addColumn('last_seen_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('session_expires_at').on('session').column('expires_at').execute();
      await db.schema
        .createTable('draft')
        .addColumn('kommun_id', 'text', (col) => col.notNull())
        .addColumn('subject', 'text', (col) => col.notNull())
        .addColumn('service', 'text', (col) => col.notNull())
        .addColumn('data', 'jsonb', (col) => col.notNull())
        .addColumn('step', 'text')
        .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        .addPrimaryKeyConstraint('draft_pkey', ['kommun_id', 'subject', 'service'])
        .execute();
    },
  },
};
