import type { Kysely, Selectable } from 'kysely';
import type { Db } from '../../../db/database.js';
import type { Database } from '../../../db/schema.js';
import type { ApiKeyTable, FelanmalanTables } from '../tables.js';

/** An issued key's row without its hash: what lists and answers are made of. */
export type ApiKeyRow = Omit<Selectable<ApiKeyTable>, 'key_hash'>;

const listed = ['id', 'kommun_id', 'label', 'created_at', 'revoked_at'] as const;

/** Issued Open311 api_keys, per kommun: the queries. Each is one statement. */
export class ApiKeyStore {
  private readonly db: Kysely<Database & FelanmalanTables>;

  constructor(db: Db) {
    this.db = db.withTables<FelanmalanTables>();
  }

  insert(row: { id: string; kommunId: string; label: string; keyHash: string }): Promise<ApiKeyRow> {
    return this.db
      .insertInto('felanmalan_api_key')
      .values({ id: row.id, kommun_id: row.kommunId, label: row.label, key_hash: row.keyHash })
      .returning(listed)
      .executeTakeFirstOrThrow();
  }

  /** Newest first, revoked ones included. */
  list(kommunId: string): Promise<ApiKeyRow[]> {
    return this.db.selectFrom('felanmalan_api_key').select(listed).where('kommun_id', '=', kommunId).orderBy('created_at', 'desc').orderBy('id').execute();
  }

  /** Whether the kommun has a valid (unrevoked) key with this hash. */
  async isValid(kommunId: string, keyHash: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('felanmalan_api_key')
      .select('id')
      .where('key_hash', '=', keyHash)
      .where('kommun_id', '=', kommunId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Revokes a key; one revoked before keeps its first time. Undefined when the kommun has no such key. */
  revoke(kommunId: string, id: string): Promise<ApiKeyRow | undefined> {
    return this.db
      .updateTable('felanmalan_api_key')
      .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.fn<Date>('now')) }))
      .where('kommun_id', '=', kommunId)
      .where('id', '=', id)
      .returning(listed)
      .executeTakeFirst();
  }
}
