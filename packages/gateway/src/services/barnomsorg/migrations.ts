import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Barnomsorg's tables. The name is dated so it sorts after every shipped migration and never
 * collides with another service's; append new ones, never edit one that has shipped.
 */
export const barnomsorgMigrations: Record<string, Migration> = {
  '2026-12-02-barnomsorg': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('barnomsorg_counter')
        .addColumn('kommun_id', 'text', (col) => col.notNull())
        .addColumn('year', 'integer', (col) => col.notNull())
        .addColumn('value', 'integer', (col) => col.notNull())
        .addPrimaryKeyConstraint('barnomsorg_counter_pkey', ['kommun_id', 'year'])
        .execute();
      await db.schema
        .createTable('barnomsorg_application')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('kommun_id', 'text', (col) => col.notNull())
        .addColumn('reference', 'text', (col) => col.notNull())
        .addColumn('type', 'text', (col) => col.notNull())
        .addColumn('child_id', 'text', (col) => col.notNull())
        .addColumn('child_given_name', 'text', (col) => col.notNull())
        .addColumn('child_family_name', 'text', (col) => col.notNull())
        .addColumn('child_birth_date', 'text', (col) => col.notNull())
        .addColumn('desired_start_date', 'text', (col) => col.notNull())
        .addColumn('applied_on', 'text', (col) => col.notNull())
        .addColumn('guarantee_date', 'text', (col) => col.notNull())
        .addColumn('sibling_unit_id', 'text')
        .addColumn('hours_per_week', 'integer', (col) => col.notNull())
        .addColumn('drop_off', 'text', (col) => col.notNull())
        .addColumn('pick_up', 'text', (col) => col.notNull())
        .addColumn('reason', 'text', (col) => col.notNull())
        .addColumn('special_needs', 'text')
        .addColumn('diet', 'text')
        .addColumn('mother_tongue', 'text')
        .addColumn('message', 'text')
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('sent_by_subject', 'text', (col) => col.notNull())
        .addColumn('sent_by_name', 'text', (col) => col.notNull())
        .addColumn('other_guardian_confirmation', 'text', (col) => col.notNull())
        .addColumn('offer_unit_id', 'text')
        .addColumn('offer_start_date', 'text')
        .addColumn('offer_reply_by', 'text')
        .addColumn('offer_answer', 'text')
        .addColumn('offer_answered_at', 'timestamptz')
        .addColumn('idempotency_key', 'text')
        .addColumn('request_hash', 'text')
        .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        .addUniqueConstraint('barnomsorg_application_reference_key', ['kommun_id', 'reference'])
        .addUniqueConstraint('barnomsorg_application_idempotency_key', ['kommun_id', 'sent_by_subject', 'idempotency_key'])
        .execute();
      // One active application per child and type, by construction: the loser of a race gets 23505.
      await sql`create unique index barnomsorg_application_one_active on barnomsorg_application (kommun_id, child_id, type)
        where (status in ('inskickad', 'mottagen', 'erbjudande'))`.execute(db);
      await db.schema.createIndex('barnomsorg_application_child').on('barnomsorg_application').columns(['kommun_id', 'child_id', 'created_at']).execute();
      await db.schema.createIndex('barnomsorg_application_status').on('barnomsorg_application').columns(['kommun_id', 'status', 'created_at']).execute();
      await db.schema
        .createTable('barnomsorg_application_unit')
        .addColumn('application_id', 'uuid', (col) => col.notNull().references('barnomsorg_application.id').onDelete('cascade'))
        .addColumn('rank', 'integer', (col) => col.notNull())
        .addColumn('unit_id', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('barnomsorg_application_unit_pkey', ['application_id', 'rank'])
        .addUniqueConstraint('barnomsorg_application_unit_once', ['application_id', 'unit_id'])
        .execute();
      await db.schema
        .createTable('barnomsorg_application_event')
        .addColumn('id', 'bigserial', (col) => col.primaryKey())
        .addColumn('application_id', 'uuid', (col) => col.notNull().references('barnomsorg_application.id').onDelete('cascade'))
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('note', 'text')
        .addColumn('at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('barnomsorg_application_event_application').on('barnomsorg_application_event').column('application_id').execute();
      await db.schema
        .createTable('barnomsorg_message')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('application_id', 'uuid', (col) => col.notNull().references('barnomsorg_application.id').onDelete('cascade'))
        .addColumn('sender', 'text', (col) => col.notNull())
        .addColumn('author', 'text', (col) => col.notNull())
        .addColumn('text', 'text', (col) => col.notNull())
        .addColumn('at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('barnomsorg_message_application').on('barnomsorg_message').columns(['application_id', 'at']).execute();
      await db.schema
        .createTable('barnomsorg_placement')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('kommun_id', 'text', (col) => col.notNull())
        .addColumn('application_id', 'uuid', (col) => col.notNull().unique().references('barnomsorg_application.id'))
        .addColumn('type', 'text', (col) => col.notNull())
        .addColumn('child_id', 'text', (col) => col.notNull())
        .addColumn('child_given_name', 'text', (col) => col.notNull())
        .addColumn('child_family_name', 'text', (col) => col.notNull())
        .addColumn('unit_id', 'text', (col) => col.notNull())
        .addColumn('start_date', 'text', (col) => col.notNull())
        .addColumn('end_date', 'text')
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('notice_given_at', 'timestamptz')
        .addColumn('notice_reason', 'text')
        .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('barnomsorg_placement_child').on('barnomsorg_placement').columns(['kommun_id', 'child_id']).execute();
    },
  },
};
