import type { ReportStatus } from '@kommunkit/contract';
import { sql, type Kysely, type Selectable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { nextReferenceCte } from '../../db/references.js';
import type { Database } from '../../db/schema.js';
import type { StoredPhoto } from './photos.js';
import type { FelanmalanTables, ReportTable } from './tables.js';

export type ReportRow = Selectable<ReportTable>;

export interface ReportEvent {
  status: string;
  note: string | null;
  at: Date;
}

/** A report as the module uses it: its row, its status history (oldest first) and its photos. */
export type StoredReport = ReportRow & { history: ReportEvent[]; photoIds: string[] };

/** What a new report holds, as checked by the protocol that brought it. */
export interface NewReport {
  serviceCode: string;
  description: string;
  lat?: number | undefined;
  long?: number | undefined;
  addressString?: string | undefined;
  addressId?: string | undefined;
  attributes: Record<string, string | string[]>;
  firstName?: string | undefined;
  lastName?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  deviceId?: string | undefined;
  accountId?: string | undefined;
  photos: StoredPhoto[];
  idempotencyKey?: string | undefined;
  /** Hash of the request that carried the key (`requestHash`). */
  requestHash?: string | undefined;
  /** SHA-256 of the secret handed to the reporter for editing it (`hashEditToken`). */
  editTokenHash?: string | undefined;
}

export interface ReportFilter {
  references?: string[];
  serviceCodes?: string[];
  start?: Date;
  end?: Date;
  statuses?: readonly ReportStatus[];
  near?: { lat: number; long: number; radius: number };
  limit: number;
}

export interface StatusChange {
  status: ReportStatus;
  note?: string | undefined;
  expectedAt?: Date | undefined;
}

const metresPerDegreeLat = 111_320;
const earthRadiusMetres = 6_371_000;

/**
 * Reports within `radius` metres of a position, in SQL so the limit counts only those: a box
 * the GiST index `report_kommun_point` serves (the same expression and predicate as the
 * index), then the exact great-circle distance, the formula of the contract's `metresBetween`.
 * The box is 1 % wider than the circle so rounding never drops a report at its edge.
 */
function within({ lat, long, radius }: { lat: number; long: number; radius: number }) {
  const dLat = (radius / metresPerDegreeLat) * 1.01;
  const dLong = (radius / (metresPerDegreeLat * Math.cos((lat * Math.PI) / 180))) * 1.01;
  return sql<boolean>`lat is not null and long is not null
    and point(long, lat) <@ box(point(${long - dLong}::float8, ${lat - dLat}::float8), point(${long + dLong}::float8, ${lat + dLat}::float8))
    and 2 * ${earthRadiusMetres}::float8 * asin(sqrt(
      power(sin(radians(lat - ${lat}::float8) / 2), 2)
      + cos(radians(${lat}::float8)) * cos(radians(lat)) * power(sin(radians(long - ${long}::float8) / 2), 2)
    )) <= ${radius}::float8`;
}

/** Reports, their status history and photos, per kommun: the queries. Every write is one transaction. */
export class ReportStore {
  private readonly db: Kysely<Database & FelanmalanTables>;

  constructor(db: Db) {
    this.db = db.withTables<FelanmalanTables>();
  }

  /**
   * Stores a report with its photos, its first history entry and the kommun's next reference
   * number, all or nothing. Throws the unique violation when another report took its
   * idempotency key meanwhile.
   */
  async insert(kommunId: string, prefix: string, report: NewReport, initialStatus: ReportStatus): Promise<StoredReport> {
    // One statement (counter, report, first event, photos as data-modifying CTEs): all or
    // nothing without a BEGIN/COMMIT round trip, and the counter row is locked only while it runs.
    const photoIds = report.photos.map(() => randomUUID());
    const stored = this.db
      .with('next_reference', () => nextReferenceCte('report_counter', kommunId, prefix))
      .with('inserted', (db) =>
        db
          .insertInto('report')
          .values({
            kommun_id: kommunId,
            reference: db.selectFrom('next_reference').select('reference'),
            service_code: report.serviceCode,
            status: initialStatus,
            description: report.description,
            lat: report.lat ?? null,
            long: report.long ?? null,
            address_string: report.addressString ?? null,
            address_id: report.addressId ?? null,
            attributes: JSON.stringify(report.attributes),
            first_name: report.firstName ?? null,
            last_name: report.lastName ?? null,
            email: report.email ?? null,
            phone: report.phone ?? null,
            device_id: report.deviceId ?? null,
            account_id: report.accountId ?? null,
            idempotency_key: report.idempotencyKey ?? null,
            request_hash: report.idempotencyKey ? (report.requestHash ?? null) : null,
            edit_token_hash: report.editTokenHash ?? null,
          })
          .returningAll(),
      )
      .with('event', (db) =>
        db
          .insertInto('report_event')
          .columns(['report_id', 'status'])
          .expression(db.selectFrom('inserted').select(['id', 'status']))
          .returning(['status', 'note', 'at']),
      );
    const withPhotos =
      report.photos.length === 0
        ? stored
        : (stored.with('photo', (db) =>
            db.insertInto('report_photo').values(
              report.photos.map((photo, position) => ({
                id: photoIds[position]!,
                report_id: db.selectFrom('inserted').select('id'),
                position,
                media_type: photo.mediaType,
                bytes: photo.bytes,
                width: photo.width,
                height: photo.height,
              })),
            ),
          ) as unknown as typeof stored);
    const { event_status, event_note, event_at, ...row } = await withPhotos
      .selectFrom(['inserted', 'event'])
      .selectAll('inserted')
      .select(['event.status as event_status', 'event.note as event_note', 'event.at as event_at'])
      .executeTakeFirstOrThrow();
    return { ...row, history: [{ status: event_status, note: event_note, at: event_at }], photoIds };
  }

  /** Reports of a kommun, each with its history and photo ids: one query, however many reports. */
  private reports(kommunId: string) {
    return this.db
      .selectFrom('report')
      .selectAll('report')
      .select((eb) => [
        jsonArrayFrom(eb.selectFrom('report_event').select(['status', 'note', 'at']).whereRef('report_event.report_id', '=', 'report.id').orderBy('at').orderBy('id')).as(
          'history',
        ),
        jsonArrayFrom(eb.selectFrom('report_photo').select('id').whereRef('report_photo.report_id', '=', 'report.id').orderBy('position')).as('photos'),
      ])
      .where('kommun_id', '=', kommunId);
  }

  async byIdempotencyKey(kommunId: string, key: string): Promise<StoredReport | undefined> {
    const row = await this.reports(kommunId).where('idempotency_key', '=', key).executeTakeFirst();
    return row && stored(row);
  }

  async byReference(kommunId: string, reference: string): Promise<StoredReport | undefined> {
    const row = await this.reports(kommunId).where('reference', '=', reference).executeTakeFirst();
    return row && stored(row);
  }

  /** The reports filed by one account (a session's subject), newest first. */
  async byAccount(kommunId: string, accountId: string, limit: number): Promise<StoredReport[]> {
    const rows = await this.reports(kommunId).where('account_id', '=', accountId).orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map(stored);
  }

  /**
   * The reporter's own change of a new report and its history event, in one transaction, only
   * while the report is still `status` and was filed after `filedAfter` (checked in the same
   * statement, so a case worker's change in between wins). Undefined when it no longer is.
   */
  async reviseNew(
    kommunId: string,
    reportId: string,
    change: { description: string } | { status: ReportStatus },
    note: string,
    { status, filedAfter }: { status: ReportStatus; filedAfter: Date },
  ): Promise<StoredReport | undefined> {
    const reference = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('report')
        .set({ ...('status' in change ? { status: change.status, status_notes: note } : { description: change.description }), updated_at: new Date() })
        .where('kommun_id', '=', kommunId)
        .where('id', '=', reportId)
        .where('status', '=', status)
        .where('requested_at', '>', filedAfter)
        .returning(['id', 'reference', 'status'])
        .executeTakeFirst();
      if (!row) return undefined;
      await trx.insertInto('report_event').values({ report_id: row.id, status: row.status, note }).execute();
      return row.reference;
    });
    return reference === undefined ? undefined : this.byReference(kommunId, reference);
  }

  async list(kommunId: string, filter: ReportFilter): Promise<StoredReport[]> {
    let query = this.reports(kommunId);
    if (filter.references) query = query.where('reference', 'in', filter.references.length > 0 ? filter.references : ['']);
    else {
      if (filter.serviceCodes?.length) query = query.where('service_code', 'in', filter.serviceCodes);
      if (filter.start) query = query.where('requested_at', '>=', filter.start);
      if (filter.end) query = query.where('requested_at', '<=', filter.end);
      if (filter.statuses?.length) query = query.where('status', 'in', filter.statuses);
      if (filter.near) query = query.where(within(filter.near));
    }
    const rows = await query.orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
    return rows.map(stored);
  }

  photo(kommunId: string, id: string) {
    return this.db
      .selectFrom('report_photo')
      .innerJoin('report', 'report.id', 'report_photo.report_id')
      .select(['report_photo.bytes', 'report_photo.media_type'])
      .where('report.kommun_id', '=', kommunId)
      .where('report_photo.id', '=', id)
      .executeTakeFirst();
  }

  async setExternal(reportId: string, externalId: string): Promise<void> {
    await this.db.updateTable('report').set({ external_id: externalId }).where('id', '=', reportId).execute();
  }

  async markSynced(reportId: string, externalId?: string): Promise<void> {
    await this.db
      .updateTable('report')
      .set({ synced_at: new Date(), ...(externalId ? { external_id: externalId } : {}) })
      .where('id', '=', reportId)
      .execute();
  }

  /** The reports' statuses were read back just now (a list's, in one statement). */
  async markAllSynced(reportIds: readonly string[]): Promise<void> {
    if (reportIds.length === 0) return;
    await this.db.updateTable('report').set({ synced_at: new Date() }).where('id', 'in', reportIds).execute();
  }

  /**
   * A new status, and its public note, become the report's and part of its history: one
   * transaction. With `from`, only while the report still has that status and note (a status
   * read back by two instances at once is one change, not two); undefined when it has not.
   */
  async changeStatus(kommunId: string, reference: string, change: StatusChange, from?: { status: string; note: string | null }): Promise<StoredReport | undefined> {
    const changed = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('report')
        .set({
          status: change.status,
          updated_at: new Date(),
          ...(change.note !== undefined ? { status_notes: change.note } : {}),
          ...(change.expectedAt !== undefined ? { expected_at: change.expectedAt } : {}),
        })
        .where('kommun_id', '=', kommunId)
        .where('reference', '=', reference)
        .$call((query) => (from ? query.where('status', '=', from.status).where('status_notes', from.note === null ? 'is' : '=', from.note) : query))
        .returningAll()
        .executeTakeFirst();
      if (!row) return false;
      await trx.insertInto('report_event').values({ report_id: row.id, status: change.status, note: change.note ?? null }).execute();
      return true;
    });
    return changed ? this.byReference(kommunId, reference) : undefined;
  }
}

/**
 * JSON carries no dates: the history's timestamps come back from the nested query as text.
 * Typed as Kysely infers them, with what they are at run time.
 */
function stored({ history, photos, ...row }: ReportRow & { history: { status: string; note: string | null; at: Date | string }[]; photos: { id: string }[] }): StoredReport {
  return { ...row, history: history.map((event) => ({ ...event, at: new Date(event.at) })), photoIds: photos.map((photo) => photo.id) };
}
