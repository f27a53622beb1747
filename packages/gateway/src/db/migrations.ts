import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The shared tables' migrations (sessions, logins, drafts, rate limits, the dev IdP), for
 * PGlite and PostgreSQL servers alike. Each service module brings its own (`migrations.ts`);
 * `collectMigrations` runs them all in one order, by name. Append new ones with a name that
 * sorts after every shipped one; never edit one that has shipped.
 */
export const sharedMigrations: Record<string, Migration> = {
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
  '0004-hardening': {
    async up(db: Kysely<unknown>) {
      // Sessions are short-lived: dropping the ones in flight is cheaper than re-encrypting them.
      await db.deleteFrom('session' as never).execute();
      await db.schema.alterTable('session').dropColumn('personnummer').execute();
      await db.schema.alterTable('session').addColumn('personnummer_sealed', 'text').execute();
      await db.deleteFrom('auth_request' as never).execute();
      await db.schema.alterTable('auth_request').addColumn('browser_hash', 'text', (col) => col.notNull()).execute();
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
  '0005-draft-revision': {
    async up(db: Kysely<unknown>) {
      // Drafts saved before revisions existed are revision 1: the next save based on them is 2.
      await db.schema.alterTable('draft').addColumn('revision', 'integer', (col) => col.notNull().defaultTo(1)).execute();
    },
  },
};

/**
 * All migrations, shared and the services', by name. A name several parts use is one
 * migration whose parts run in turn, shared first: `0004-hardening` shipped as one migration
 * touching shared and felanmälan tables, and databases that ran it must still find it under
 * that name. New migrations get names of their own.
 */
export function collectMigrations(shared: Record<string, Migration>, services: readonly Record<string, Migration>[]): Record<string, Migration> {
  const parts = new Map<string, Migration[]>();
  for (const set of [shared, ...services]) for (const [name, migration] of Object.entries(set)) parts.set(name, [...(parts.get(name) ?? []), migration]);
  return Object.fromEntries(
    [...parts].map(([name, migrations]) => [
      name,
      migrations.length === 1
        ? migrations[0]!
        : {
            async up(db: Kysely<unknown>) {
              for (const migration of migrations) await migration.up(db);
            },
          },
    ]),
  );
}
