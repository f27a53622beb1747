import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Felanmälan's tables: reports, their history and photos, and the reference counter. Their
 * names and order are those they shipped with inside the gateway's one list, so databases that
 * ran them go on from where they are. Append new ones; never edit one that has shipped.
 */
export const felanmalanMigrations: Record<string, Migration> = {
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
    // The felanmälan part of the shared `0004-hardening` (see collectMigrations).
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('report').addColumn('request_hash', 'text').execute();
    },
  },
  '0006-felanmalan-api-keys': {
    // Open311 api_keys issued at run time; only their hash is stored.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('felanmalan_api_key')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('kommun_id', 'text', (col) => col.notNull())
        .addColumn('label', 'text', (col) => col.notNull())
        .addColumn('key_hash', 'text', (col) => col.notNull())
        .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        .addColumn('revoked_at', 'timestamptz')
        .addUniqueConstraint('felanmalan_api_key_hash_key', ['key_hash'])
        .execute();
      await db.schema.createIndex('felanmalan_api_key_kommun').on('felanmalan_api_key').columns(['kommun_id', 'created_at']).execute();
    },
  },
  '0007-felanmalan-edit-token': {
    // The citizen's own reports: by session (`account_id`) or by the secret handed out when filing.
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('report').addColumn('edit_token_hash', 'text').execute();
      await db.schema.createIndex('report_kommun_account').on('report').columns(['kommun_id', 'account_id', 'requested_at']).execute();
    },
  },
  '2026-12-02-felanmalan-position-gist': {
    // Nearby reports: a btree on (kommun_id, lat, long) can range over lat only, so a 200 m
    // query read a whole band of latitude. A GiST over the position (with btree_gist for the
    // kommun, as lokalbokning's exclusion constraint uses) reads only the box. The store's
    // `near` filter repeats this exact expression and predicate so the planner can use it.
    async up(db: Kysely<unknown>) {
      await sql`create extension if not exists btree_gist`.execute(db);
      await sql`create index report_kommun_point on report using gist (kommun_id, point(long, lat)) where lat is not null and long is not null`.execute(db);
      await db.schema.dropIndex('report_kommun_position').execute();
    },
  },
};
