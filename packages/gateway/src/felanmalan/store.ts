import type { ReportStatus } from '@kommunkit/contract';
import { sql, type Selectable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.js';
import { IdempotencyConflict } from '../http/idempotency.js';
import type { ReportTable } from '../db/schema.js';
import type { StoredPhoto } from './photos.js';

export type ReportRow = Selectable<ReportTable>;

export interface ReportEvent {
  status: string;
  note: string | null;
  at: Date;
}

/** A report as the routes use it: its row, its status history (oldest first) and its photos. */
export type StoredReport = ReportRow & { history: ReportEvent[]; photoIds: string[] };

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

const metresPerDegreeLat = 111_320;

/** Great-circle distance in metres (haversine), for the precise cut after the bounding box. */
export function distance(a: { lat: number; long: number }, b: { lat: number; long: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLong = (b.long - a.long) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLong / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** Reports, their status history and photos, per kommun. Every write is one transaction. */
export class ReportStore {
  constructor(private readonly db: Db) {}

  /**
   * Stores a report with its photos and first history entry, or returns the report an earlier
   * request with the same idempotency key and payload created (the same key with another
   * payload throws IdempotencyConflict). Never half a report.
   */
  async create(kommunId: string, prefix: string, report: NewReport, initialStatus: ReportStatus): Promise<{ row: StoredReport; created: boolean }> {
    const repeat = async (): Promise<{ row: StoredReport; created: false } | undefined> => {
      const earlier = report.idempotencyKey ? await this.byIdempotencyKey(kommunId, report.idempotencyKey) : undefined;
      if (!earlier) return undefined;
      if (earlier.request_hash !== (report.requestHash ?? null)) throw new IdempotencyConflict();
      return { row: earlier, created: false };
    };
    const earlier = await repeat();
    if (earlier) return earlier;
    try {
      return await this.db.transaction().execute(async (trx) => {
        const year = new Date().getFullYear();
        const { value } = await trx
          .insertInto('report_counter')
          .values({ kommun_id: kommunId, year, value: 1 })
          .onConflict((conflict) => conflict.columns(['kommun_id', 'year']).doUpdateSet({ value: sql`report_counter.value + 1` }))
          .returning('value')
          .executeTakeFirstOrThrow();
        const row = await trx
          .insertInto('report')
          .values({
            kommun_id: kommunId,
            reference: `${prefix}-${String(year)}-${String(value).padStart(6, '0')}`,
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
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const event = await trx
          .insertInto('report_event')
          .values({ report_id: row.id, status: initialStatus, note: null })
          .returning(['status', 'note', 'at'])
          .executeTakeFirstOrThrow();
        const photoIds = report.photos.map(() => randomUUID());
        if (report.photos.length > 0) {
          await trx
            .insertInto('report_photo')
            .values(
              report.photos.map((photo, position) => ({
                id: photoIds[position]!,
                report_id: row.id,
                position,
                media_type: photo.mediaType,
                bytes: photo.bytes,
                width: photo.width,
                height: photo.height,
              })),
            )
            .execute();
        }
        return { row: { ...row, history: [event], photoIds }, created: true };
      });
    } catch (error) {
      // Two requests with one key raced: the loser answers with the winner's report.
      const winner = await repeat();
      if (winner) return winner;
      throw error;
    }
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

  private async byIdempotencyKey(kommunId: string, key: string): Promise<StoredReport | undefined> {
    const row = await this.reports(kommunId).where('idempotency_key', '=', key).executeTakeFirst();
    return row && stored(row);
  }

  async byReference(kommunId: string, reference: string): Promise<StoredReport | undefined> {
    const row = await this.reports(kommunId).where('reference', '=', reference).executeTakeFirst();
    return row && stored(row);
  }

  async list(kommunId: string, filter: ReportFilter): Promise<StoredReport[]> {
    let query = this.reports(kommunId);
    if (filter.references) query = query.where('reference', 'in', filter.references.length > 0 ? filter.references : ['']);
    else {
      if (filter.serviceCodes?.length) query = query.where('service_code', 'in', filter.serviceCodes);
      if (filter.start) query = query.where('requested_at', '>=', filter.start);
      if (filter.end) query = query.where('requested_at', '<=', filter.end);
      if (filter.statuses?.length) query = query.where('status', 'in', filter.statuses);
      if (filter.near) {
        // A bounding box the index can use, then the exact circle below.
        const dLat = filter.near.radius / metresPerDegreeLat;
        const dLong = filter.near.radius / (metresPerDegreeLat * Math.cos((filter.near.lat * Math.PI) / 180));
        query = query
          .where('lat', '>=', filter.near.lat - dLat)
          .where('lat', '<=', filter.near.lat + dLat)
          .where('long', '>=', filter.near.long - dLong)
          .where('long', '<=', filter.near.long + dLong);
      }
    }
    const rows = (await query.orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute()).map(stored);
    const near = filter.near;
    return near && !filter.references ? rows.filter((row) => row.lat !== null && row.long !== null && distance(near, { lat: row.lat, long: row.long }) <= near.radius) : rows;
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

  /** A case worker's change: the new status and public note become part of the history. */
  async changeStatus(
    kommunId: string,
    reference: string,
    change: { status: ReportStatus; note?: string | undefined; expectedAt?: Date | undefined },
  ): Promise<StoredReport | undefined> {
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
