import { Kysely, Migrator, sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { collectMigrations, sharedMigrations } from '../src/db/migrations.js';
import { pgliteDialect } from '../src/db/pglite.js';
import { serviceMigrations } from '../src/services/catalog.js';

const dir = mkdtempSync(join(tmpdir(), 'kk-migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The migrations data dirs ran before the services had modules of their own, in that order. */
const shipped = ['0001-auth-and-drafts', '0002-felanmalan', '0003-felanmalan-forwarding', '0004-hardening'];

describe('migrations, shared and the services\', in one order', () => {
  const migrations = collectMigrations(sharedMigrations, serviceMigrations);

  it('keep the names databases have already run, new ones after them', () => {
    const names = Object.keys(migrations).sort();
    expect(names.slice(0, shipped.length)).toEqual(shipped);
    expect(names).toContain('0005-draft-revision');
  });

  it('bring a data dir from before draft revisions up to date: its draft is revision 1, its report kept', { timeout: 60_000 }, async () => {
    // A data dir as the gateway left it before this change: migrated up to 0004, with data.
    const old = new Kysely<unknown>({ dialect: await pgliteDialect(dir) });
    const migrator = new Migrator({ db: old, provider: { getMigrations: () => Promise.resolve(migrations) } });
    const { error } = await migrator.migrateTo('0004-hardening');
    expect(error).toBeUndefined();
    await sql`insert into draft (kommun_id, subject, service, data) values ('exempelstad', 'subject-1', 'felanmalan', '{"beskrivning":"Klotter"}')`.execute(old);
    await sql`insert into report (kommun_id, reference, service_code, status, description, attributes, request_hash)
      values ('exempelstad', 'EXS-2026-000001', 'klotter', 'mottagen', 'Klotter på muren', '{}', 'hash')`.execute(old);
    await old.destroy();

    const db = await openDatabase({ dataDir: dir });
    try {
      const ran = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
      expect(ran.rows.map((row) => row.name)).toEqual(Object.keys(migrations).sort());
      const draft = await db.selectFrom('draft').select(['revision', 'data']).executeTakeFirstOrThrow();
      expect(draft).toEqual({ revision: 1, data: { beskrivning: 'Klotter' } });
      const report = await sql<{ reference: string; request_hash: string }>`select reference, request_hash from report`.execute(db);
      expect(report.rows).toEqual([{ reference: 'EXS-2026-000001', request_hash: 'hash' }]);
    } finally {
      await db.destroy();
    }
  });
});
