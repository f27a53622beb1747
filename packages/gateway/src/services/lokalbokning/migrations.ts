import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Lokalbokning's tables. The name is dated so it sorts after every shipped migration and never
 * collides with another service's; append new ones, never edit one that has shipped.
 */
export const lokalbokningMigrations: Record<string, Migration> = {
  '2026-12-01-lokalbokning': {
    async up(db: Kysely<unknown>) {
      // Trusted on PostgreSQL 13+ (no superuser needed); PGlite loads it as an extension.
      await sql`create extension if not exists btree_gist`.execute(db);
      await db.schema
        .createTable('lokalbokning_counter')
        .addColumn('kommun_id', 'text', (col) => col.notNull())
        .addColumn('year', 'integer', (col) => col.notNull())
        .addColumn('value', 'integer', (col) => col.notNull())
        .addPrimaryKeyConstraint('lokalbokning_counter_pkey', ['kommun_id', 'year'])
        .execute();
      await db.schema
        .createTable('lokalbokning_season_request')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('kommun_id', 'text', (col) => col.notNull())
        .addColumn('reference', 'text', (col) => col.notNull())
        .addColumn('subject', 'text', (col) => col.notNull())
        .addColumn('lokal_id', 'text', (col) => col.notNull())
        .addColumn('forening_orgnr', 'text', (col) => col.notNull())
        .addColumn('forening_name', 'text', (col) => col.notNull())
        .addColumn('forening_role', 'text')
        .addColumn('weekday', 'integer', (col) => col.notNull())
        .addColumn('start_time', 'text', (col) => col.notNull())
        .addColumn('end_time', 'text', (col) => col.notNull())
        .addColumn('from_date', 'text', (col) => col.notNull())
        .addColumn('to_date', 'text', (col) => col.notNull())
        .addColumn('purpose', 'text', (col) => col.notNull())
        .addColumn('attendees', 'integer')
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('note', 'text')
        .addColumn('idempotency_key', 'text')
        .addColumn('request_hash', 'text')
        .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        .addColumn('decided_at', 'timestamptz')
        .addUniqueConstraint('lokalbokning_season_request_reference_key', ['kommun_id', 'reference'])
        .addUniqueConstraint('lokalbokning_season_request_idempotency_key', ['kommun_id', 'subject', 'idempotency_key'])
        .execute();
      await db.schema.createIndex('lokalbokning_season_request_status').on('lokalbokning_season_request').columns(['kommun_id', 'status', 'created_at']).execute();
      await db.schema
        .createTable('lokalbokning_booking')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('kommun_id', 'text', (col) => col.notNull())
        .addColumn('lokal_id', 'text', (col) => col.notNull())
        .addColumn('reference', 'text', (col) => col.notNull())
        .addColumn('subject', 'text', (col) => col.notNull())
        .addColumn('forening_orgnr', 'text')
        .addColumn('forening_name', 'text')
        .addColumn('customer_type', 'text', (col) => col.notNull())
        .addColumn('start_at', 'timestamptz', (col) => col.notNull())
        .addColumn('end_at', 'timestamptz', (col) => col.notNull())
        .addColumn('during', sql`tstzrange`, (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('purpose', 'text', (col) => col.notNull())
        .addColumn('attendees', 'integer')
        .addColumn('per_hour_ore', 'integer', (col) => col.notNull())
        .addColumn('net_ore', 'integer', (col) => col.notNull())
        .addColumn('vat_ore', 'integer', (col) => col.notNull())
        .addColumn('total_ore', 'integer', (col) => col.notNull())
        .addColumn('vat_percent', 'integer', (col) => col.notNull())
        .addColumn('cancellable_until', 'timestamptz')
        .addColumn('season_request_id', 'uuid', (col) => col.references('lokalbokning_season_request.id'))
        .addColumn('idempotency_key', 'text')
        .addColumn('request_hash', 'text')
        .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        .addUniqueConstraint('lokalbokning_booking_reference_key', ['kommun_id', 'reference'])
        .addUniqueConstraint('lokalbokning_booking_idempotency_key', ['kommun_id', 'subject', 'idempotency_key'])
        .addCheckConstraint('lokalbokning_booking_times', sql`start_at < end_at and lower(during) <= start_at and upper(during) >= end_at`)
        .execute();
      // Collisions impossible by construction: two active bookings of one lokal never overlap, buffers included.
      await sql`alter table lokalbokning_booking add constraint lokalbokning_booking_no_overlap
        exclude using gist (kommun_id with =, lokal_id with =, during with &&) where (status in ('preliminar', 'bekraftad'))`.execute(db);
      await db.schema.createIndex('lokalbokning_booking_subject').on('lokalbokning_booking').columns(['kommun_id', 'subject', 'start_at']).execute();
      await db.schema
        .createTable('lokalbokning_booking_event')
        .addColumn('id', 'bigserial', (col) => col.primaryKey())
        .addColumn('booking_id', 'uuid', (col) => col.notNull().references('lokalbokning_booking.id').onDelete('cascade'))
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('note', 'text')
        .addColumn('at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('lokalbokning_booking_event_booking').on('lokalbokning_booking_event').column('booking_id').execute();
      await db.schema
        .createTable('lokalbokning_season_occurrence')
        .addColumn('request_id', 'uuid', (col) => col.notNull().references('lokalbokning_season_request.id').onDelete('cascade'))
        .addColumn('start_at', 'timestamptz', (col) => col.notNull())
        .addColumn('end_at', 'timestamptz', (col) => col.notNull())
        .addColumn('conflict', 'text')
        .addColumn('reason', 'text')
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('booking_id', 'uuid', (col) => col.references('lokalbokning_booking.id'))
        .addPrimaryKeyConstraint('lokalbokning_season_occurrence_pkey', ['request_id', 'start_at'])
        .execute();
      await db.schema
        .createTable('lokalbokning_calendar_feed')
        .addColumn('kommun_id', 'text', (col) => col.notNull())
        .addColumn('subject', 'text', (col) => col.notNull())
        .addColumn('token_hash', 'text', (col) => col.notNull().unique())
        .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        .addPrimaryKeyConstraint('lokalbokning_calendar_feed_pkey', ['kommun_id', 'subject'])
        .execute();
    },
  },
};
