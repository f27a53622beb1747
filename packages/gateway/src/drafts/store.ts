import { sql, type Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { DraftTable } from '../db/schema.js';

export type DraftRow = Selectable<DraftTable>;
export interface DraftKey {
  kommun_id: string;
  subject: string;
  service: string;
}

/** Drafts by owner: every read and write is one statement on one row, so two tabs cannot interleave. */
export class DraftStore {
  constructor(private readonly db: Db) {}

  private row(key: DraftKey) {
    return this.db
      .selectFrom('draft')
      .selectAll()
      .where('kommun_id', '=', key.kommun_id)
      .where('subject', '=', key.subject)
      .where('service', '=', key.service);
  }

  get(key: DraftKey): Promise<DraftRow | undefined> {
    return this.row(key).executeTakeFirst();
  }

  /**
   * Saves a draft. Without `revision` unconditionally (revision 1, or one more than stored).
   * With it, only when the stored draft is still that revision: one conditional UPDATE, so of
   * two saves based on one revision exactly one wins. A repeat of the save that won (a retry
   * whose first answer was lost) finds its own content one revision on and is answered with it.
   * Undefined: the draft has changed or is gone, and nothing was written.
   */
  async save(key: DraftKey, edit: { data: unknown; step: string | null; revision?: number | undefined }): Promise<DraftRow | undefined> {
    const data = JSON.stringify(edit.data);
    const updatedAt = new Date();
    if (edit.revision === undefined) {
      return this.db
        .insertInto('draft')
        .values({ ...key, data, step: edit.step, revision: 1, updated_at: updatedAt })
        .onConflict((conflict) =>
          conflict.columns(['kommun_id', 'subject', 'service']).doUpdateSet({ data, step: edit.step, revision: sql`draft.revision + 1`, updated_at: updatedAt }),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
    }
    const saved = await this.db
      .updateTable('draft')
      .set({ data, step: edit.step, revision: sql`revision + 1`, updated_at: updatedAt })
      .where('kommun_id', '=', key.kommun_id)
      .where('subject', '=', key.subject)
      .where('service', '=', key.service)
      .where('revision', '=', edit.revision)
      .returningAll()
      .executeTakeFirst();
    if (saved) return saved;
    // jsonb compares by value (key order aside), which a comparison of JSON text would not.
    return this.row(key)
      .where('revision', '=', edit.revision + 1)
      .where(sql<boolean>`data = cast(${data} as jsonb)`)
      .where(sql<boolean>`step is not distinct from ${edit.step}`)
      .executeTakeFirst();
  }

  async delete(key: DraftKey): Promise<void> {
    await this.db
      .deleteFrom('draft')
      .where('kommun_id', '=', key.kommun_id)
      .where('subject', '=', key.subject)
      .where('service', '=', key.service)
      .execute();
  }
}
