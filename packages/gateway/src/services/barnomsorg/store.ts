import { activeApplicationStatuses } from '@kommunkit/contract/barnomsorg-rules';
import { type Kysely, type Selectable, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../../db/database.js';
import { nextReferenceCte } from '../../db/references.js';
import type { Database } from '../../db/schema.js';
import type { ApplicationTable, BarnomsorgTables, PlacementTable } from './tables.js';

type Tables = Database & BarnomsorgTables;

export type ApplicationRow = Selectable<ApplicationTable>;
export type PlacementRow = Selectable<PlacementTable>;
export interface ApplicationEvent {
  status: string;
  note: string | null;
  at: Date;
}
export interface ApplicationMessageRow {
  id: string;
  sender: string;
  author: string;
  text: string;
  at: Date;
}
/** An application with its ranked units, history, messages and the placement it became. */
export type StoredApplication = ApplicationRow & { units: string[]; history: ApplicationEvent[]; messages: ApplicationMessageRow[]; placement_id: string | null };

export type NewApplicationRow = Omit<ApplicationTable, 'id' | 'kommun_id' | 'reference' | 'status' | 'created_at' | 'offer_unit_id' | 'offer_start_date' | 'offer_reply_by' | 'offer_answer' | 'offer_answered_at'>;

/** Another application for the child and type is still active (the partial unique index refused it). */
export class ActiveApplicationExists extends Error {
  override name = 'ActiveApplicationExists';
}

const isUniqueViolation = (error: unknown, constraint: string): boolean => {
  const { code, constraint: name, message } = (error ?? {}) as { code?: unknown; constraint?: unknown; message?: unknown };
  return code === '23505' && (name === constraint || (typeof message === 'string' && message.includes(constraint)));
};

const active = [...activeApplicationStatuses];

/** What a status change writes besides the status: the offer's fields, the confirmation. */
export type ApplicationChange = Partial<Pick<ApplicationTable, 'offer_unit_id' | 'offer_start_date' | 'offer_reply_by' | 'offer_answer' | 'offer_answered_at' | 'other_guardian_confirmation'>>;

/** Applications, their history and messages, and placements, per kommun. Every write is one transaction. */
export class BarnomsorgStore {
  private readonly db: Kysely<Tables>;

  constructor(db: Db) {
    this.db = db.withTables<BarnomsorgTables>();
  }

  private applications(kommunId: string) {
    return this.db
      .selectFrom('barnomsorg_application')
      .selectAll('barnomsorg_application')
      .select((eb) => [
        jsonArrayFrom(eb.selectFrom('barnomsorg_application_unit').select('unit_id').whereRef('barnomsorg_application_unit.application_id', '=', 'barnomsorg_application.id').orderBy('rank')).as('units'),
        jsonArrayFrom(
          eb.selectFrom('barnomsorg_application_event').select(['status', 'note', 'at']).whereRef('barnomsorg_application_event.application_id', '=', 'barnomsorg_application.id').orderBy('at').orderBy('id'),
        ).as('history'),
        jsonArrayFrom(
          eb.selectFrom('barnomsorg_message').select(['id', 'sender', 'author', 'text', 'at']).whereRef('barnomsorg_message.application_id', '=', 'barnomsorg_application.id').orderBy('at').orderBy('id'),
        ).as('messages'),
        eb.selectFrom('barnomsorg_placement').select('barnomsorg_placement.id').whereRef('barnomsorg_placement.application_id', '=', 'barnomsorg_application.id').as('placement_id'),
      ])
      .where('barnomsorg_application.kommun_id', '=', kommunId);
  }

  async byId(kommunId: string, id: string): Promise<StoredApplication | undefined> {
    const row = await this.applications(kommunId).where('barnomsorg_application.id', '=', id).executeTakeFirst();
    return row && stored(row);
  }

  async byIdempotencyKey(kommunId: string, subject: string, key: string): Promise<StoredApplication | undefined> {
    const row = await this.applications(kommunId).where('sent_by_subject', '=', subject).where('idempotency_key', '=', key).executeTakeFirst();
    return row && stored(row);
  }

  /** The active application of a child for a type, if any. */
  async activeFor(kommunId: string, childId: string, type: string): Promise<StoredApplication | undefined> {
    const row = await this.applications(kommunId).where('child_id', '=', childId).where('type', '=', type).where('status', 'in', active).executeTakeFirst();
    return row && stored(row);
  }

  /** The applications of these children, newest first. */
  async ofChildren(kommunId: string, childIds: readonly string[]): Promise<StoredApplication[]> {
    if (childIds.length === 0) return [];
    const rows = await this.applications(kommunId).where('child_id', 'in', [...childIds]).orderBy('created_at', 'desc').orderBy('barnomsorg_application.id').limit(200).execute();
    return rows.map(stored);
  }

  /** The kommun's applications, oldest first, optionally of one status: a page and the total. */
  async incoming(kommunId: string, status: string | undefined, page: { offset: number; pageSize: number }): Promise<{ items: StoredApplication[]; total: number }> {
    let query = this.applications(kommunId);
    if (status) query = query.where('status', '=', status);
    const rows = await query.orderBy('created_at').orderBy('barnomsorg_application.id').offset(Math.min(page.offset, Number.MAX_SAFE_INTEGER)).limit(page.pageSize).execute();
    let count = this.db.selectFrom('barnomsorg_application').select((eb) => eb.fn.countAll<string>().as('count')).where('kommun_id', '=', kommunId);
    if (status) count = count.where('status', '=', status);
    return { items: rows.map(stored), total: Number((await count.executeTakeFirstOrThrow()).count) };
  }

  /**
   * Stores an application with its ranked units, first history entry and reference, and deletes
   * the sender's barnomsorg draft, all or nothing. Throws `ActiveApplicationExists` when the
   * partial unique index refuses it, or the unique violation of a raced idempotency key.
   *
   * One statement (counter, application, units, event and the draft's delete as data-modifying
   * CTEs): no BEGIN/COMMIT round trips, the counter row locked only while it runs, and a refused
   * application uses up no number. What it stored is the answer, so nothing is read back.
   */
  async insert(kommunId: string, prefix: string, application: NewApplicationRow, units: readonly string[], note: string | null): Promise<StoredApplication> {
    try {
      const { event_status, event_note, event_at, ...row } = await this.db
        .with('next_reference', () => nextReferenceCte('barnomsorg_counter', kommunId, `${prefix}-F`))
        .with('inserted', (db) =>
          db
            .insertInto('barnomsorg_application')
            .values({ ...application, kommun_id: kommunId, reference: db.selectFrom('next_reference').select('reference'), status: 'inskickad' })
            .returningAll(),
        )
        .with('ranked', (db) =>
          db
            .insertInto('barnomsorg_application_unit')
            .values(units.map((unit, index) => ({ application_id: db.selectFrom('inserted').select('id'), rank: index + 1, unit_id: unit })))
            .returning('rank'),
        )
        .with('event', (db) =>
          db
            .insertInto('barnomsorg_application_event')
            .values({ application_id: db.selectFrom('inserted').select('id'), status: 'inskickad', note })
            .returning(['status', 'note', 'at']),
        )
        // The utkast is done with once it is an application (as `DraftStore.delete`).
        .with('draft_done', (db) =>
          db.deleteFrom('draft').where('kommun_id', '=', kommunId).where('subject', '=', application.sent_by_subject).where('service', '=', 'barnomsorg').returning('service'),
        )
        .selectFrom(['inserted', 'event'])
        .selectAll('inserted')
        .select(['event.status as event_status', 'event.note as event_note', 'event.at as event_at'])
        .executeTakeFirstOrThrow();
      return { ...row, units: [...units], history: [{ status: event_status, note: event_note, at: event_at }], messages: [], placement_id: null };
    } catch (error) {
      if (isUniqueViolation(error, 'barnomsorg_application_one_active')) throw new ActiveApplicationExists();
      throw error;
    }
  }

  /**
   * Moves an application to `status` with its history entry, only while it is still one of
   * `from` (checked in the same statement). `then` runs in the same transaction (the placement
   * an accepted offer becomes). Undefined when it no longer is in one of `from`.
   */
  async changeStatus(
    kommunId: string,
    id: string,
    from: readonly string[],
    status: string,
    note: string | null,
    change: ApplicationChange = {},
    then?: (trx: Transaction<Tables>, row: ApplicationRow) => Promise<void>,
  ): Promise<StoredApplication | undefined> {
    const changed = await this.db.transaction().execute(async (trx) => {
      const row = await trx.updateTable('barnomsorg_application').set({ status, ...change }).where('kommun_id', '=', kommunId).where('id', '=', id).where('status', 'in', [...from]).returningAll().executeTakeFirst();
      if (!row) return false;
      await trx.insertInto('barnomsorg_application_event').values({ application_id: id, status, note }).execute();
      await then?.(trx, row);
      return true;
    });
    return changed ? this.byId(kommunId, id) : undefined;
  }

  /** The other guardian's confirmation: only while it is awaited and the application active. */
  async confirm(kommunId: string, id: string, note: string): Promise<StoredApplication | undefined> {
    const changed = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('barnomsorg_application')
        .set({ other_guardian_confirmation: 'bekraftad' })
        .where('kommun_id', '=', kommunId)
        .where('id', '=', id)
        .where('other_guardian_confirmation', '=', 'vantar')
        .where('status', 'in', active)
        .returning('status')
        .executeTakeFirst();
      if (!row) return false;
      await trx.insertInto('barnomsorg_application_event').values({ application_id: id, status: row.status, note }).execute();
      return true;
    });
    return changed ? this.byId(kommunId, id) : undefined;
  }

  async addMessage(kommunId: string, id: string, message: { sender: 'vardnadshavare' | 'kommun'; author: string; text: string }): Promise<StoredApplication | undefined> {
    const row = await this.db.selectFrom('barnomsorg_application').select('id').where('kommun_id', '=', kommunId).where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    await this.db.insertInto('barnomsorg_message').values({ application_id: id, ...message }).execute();
    return this.byId(kommunId, id);
  }

  // Placements.

  static async insertPlacement(trx: Transaction<Tables>, row: ApplicationRow): Promise<void> {
    await trx
      .insertInto('barnomsorg_placement')
      .values({
        kommun_id: row.kommun_id,
        application_id: row.id,
        type: row.type,
        child_id: row.child_id,
        child_given_name: row.child_given_name,
        child_family_name: row.child_family_name,
        unit_id: row.offer_unit_id!,
        start_date: row.offer_start_date!,
        status: 'aktiv',
      })
      .execute();
  }

  async placement(kommunId: string, id: string): Promise<PlacementRow | undefined> {
    return this.db.selectFrom('barnomsorg_placement').selectAll().where('kommun_id', '=', kommunId).where('id', '=', id).executeTakeFirst();
  }

  async placementsOf(kommunId: string, childIds: readonly string[]): Promise<PlacementRow[]> {
    if (childIds.length === 0) return [];
    return this.db.selectFrom('barnomsorg_placement').selectAll().where('kommun_id', '=', kommunId).where('child_id', 'in', [...childIds]).orderBy('start_date', 'desc').orderBy('id').limit(200).execute();
  }

  /** Notice on an active placement, with a history entry on its application; undefined when it is no longer active. */
  async giveNotice(kommunId: string, id: string, endDate: string, reason: string | null, note: string): Promise<PlacementRow | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('barnomsorg_placement')
        .set({ status: 'uppsagd', end_date: endDate, notice_given_at: new Date(), notice_reason: reason })
        .where('kommun_id', '=', kommunId)
        .where('id', '=', id)
        .where('status', '=', 'aktiv')
        .returningAll()
        .executeTakeFirst();
      if (!row) return undefined;
      await trx.insertInto('barnomsorg_application_event').values({ application_id: row.application_id, status: 'accepterad', note }).execute();
      return row;
    });
  }
}

type Json<T, Dates extends keyof T> = Omit<T, Dates> & { [K in Dates]: Date | string };

/** JSON carries no dates: nested timestamps come back as text. */
function stored({ units, history, messages, placement_id, ...row }: ApplicationRow & { units: { unit_id: string }[]; history: Json<ApplicationEvent, 'at'>[]; messages: Json<ApplicationMessageRow, 'at'>[]; placement_id: string | null }): StoredApplication {
  return {
    ...row,
    units: units.map((unit) => unit.unit_id),
    history: history.map((event) => ({ ...event, at: new Date(event.at) })),
    messages: messages.map((message) => ({ ...message, at: new Date(message.at) })),
    placement_id,
  };
}

