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
  '0002-felanmalan': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('report_counter')
        .addColumn('kommun_id', 'text', (col) => col.notNull())
        .addColumn('year', 'integer', (col) => col.notNull())
        .addColumn('value', 'integer', (col) => col.notNull())
        .addPrimaryKeyConstraint('report_counter_pkey', ['kommun_id', 'year'])
        .execute();
      await db.schema
        .createTable('report')
        .addColumn('id', 'bigserial', (col) => col.primaryKey())
        .addColumn('kommun_id', 'text', (col) => col.notNull())
        .addColumn('reference', 'text', (col) => col.notNull())
        .addColumn('service_code', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('description', 'text', (col) => col.notNull())
        .addColumn('lat', 'double precision')
        .addColumn('long', 'double precision')
        .addColumn('address_string', 'text')
        .addColumn('address_id', 'text')
        .addColumn('attributes', 'jsonb', (col) => col.notNull())
        .addColumn('first_name', 'text')
        .addColumn('last_name', 'text')
        .addColumn('email', 'text')
        .addColumn('phone', 'text')
        .addColumn('device_id', 'text')
        .addColumn('account_id', 'text')
        .addColumn('status_notes', 'text')
        .addColumn('expected_at', 'timestamptz')
        .addColumn('requested_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        .addColumn('idempotency_key', 'text')
        .addColumn('external_id', 'text')
        .addUniqueConstraint('report_reference_key', ['kommun_id', 'reference'])
        .addUniqueConstraint('report_idempotency_key', ['kommun_id', 'idempotency_key'])
        .execute();
      await db.schema.createIndex('report_kommun_requested').on('report').columns(['kommun_id', 'requested_at']).execute();
      await db.schema.createIndex('report_kommun_position').on('report').columns(['kommun_id', 'lat', 'long']).execute();
      await db.schema
        .createTable('report_event')
        .addColumn('id', 'bigserial', (col) => col.primaryKey())
        .addColumn('report_id', 'bigint', (col) => col.notNull().references('report.id').onDelete('cascade'))
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('note', 'text')
        .addColumn('at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('report_event_report').on('report_event').column('report_id').execute();
      await db.schema
        .createTable('report_photo')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('report_id', 'bigint', (col) => col.notNull().references('report.id').onDelete('cascade'))
        .addColumn('position', 'integer', (col) => col.notNull())
        .addColumn('media_type', 'text', (col) => col.notNull())
        .addColumn('bytes', 'bytea', (col) => col.notNull())
        .addColumn('width', 'integer', (col) => col.notNull())
        .addColumn('height', 'integer', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('report_photo_report').on('report_photo').column('report_id').execute();
    },
  },
  '0003-felanmalan-forwarding': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('report').addColumn('synced_at', 'timestamptz').execute();
    },
  },
  '0004-hardening': {
    async up(db: Kysely<unknown>) {
      // Sessions are short-lived: dropping the ones in flight is cheaper than re-encrypting them.
      await db.deleteFrom('session' as never).execute();
      await db.schema.alterTable('session').dropColumn('personnummer').execute();
      await db.schema.alterTable('session').addColumn('personnummer_sealed', 'text').execute();
      await db.deleteFrom('auth_request' as never).execute();
      await db.schema.alterTable('auth_request').addColumn('browser_hash', 'text', (col) => col.notNull()).execute();
      await db.schema.alterTable('report').addColumn('request_hash', 'text').execute();
      await db.schema
        .createTable('rate_limit')
        .addColumn('key', 'text', (col) => col.primaryKey())
        .addColumn('count', 'integer', (col) => col.notNull())
        .addColumn('reset_at', 'timestamptz', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('rate_limit_reset_at').on('rate_limit').column('reset_at').execute();
      await db.schema
        .createTable('dev_idp_entry')
        .addColumn('model', 'text', (col) => col.notNull())
        .addColumn('id', 'text', (col) => col.notNull())
        .addColumn('payload', 'jsonb', (col) => col.notNull())
        .addColumn('uid', 'text')
        .addColumn('grant_id', 'text')
        .addColumn('expires_at', 'timestamptz')
        .addPrimaryKeyConstraint('dev_idp_entry_pkey', ['model', 'id'])
        .execute();
      await db.schema.createIndex('dev_idp_entry_uid').on('dev_idp_entry').column('uid').execute();
      await db.schema.createIndex('dev_idp_entry_grant').on('dev_idp_entry').column('grant_id').execute();
    },
  },
};
