import { activeBookingStatuses } from '@kommunkit/contract';
import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../../db/database.js';
import { nextReferenceCte } from '../../db/references.js';
import type { Database } from '../../db/schema.js';
import type { BookingTable, LokalbokningTables, SeasonOccurrenceTable, SeasonRequestTable } from './tables.js';

type Tables = Database & LokalbokningTables;

export type BookingRow = Selectable<BookingTable>;
export interface BookingEvent {
  status: string;
  note: string | null;
  at: Date;
}
export type StoredBooking = BookingRow & { history: BookingEvent[] };
export type SeasonRequestRow = Selectable<SeasonRequestTable>;
export type OccurrenceRow = Selectable<SeasonOccurrenceTable>;
export type StoredSeasonRequest = SeasonRequestRow & { occurrences: OccurrenceRow[] };

/** A time already held: an active booking's range with its buffers. */
export interface TakenRange {
  start: Date;
  end: Date;
}

export interface NewBookingRow {
  lokalId: string;
  subject: string;
  forening?: { organisationsnummer: string; name: string } | undefined;
  customerType: string;
  start: Date;
  end: Date;
  /** The range with the lokal's buffers: what the exclusion constraint compares. */
  buffered: TakenRange;
  status: 'preliminar' | 'bekraftad';
  purpose: string;
  attendees?: number | undefined;
  price: { perHourOre: number; netOre: number; vatOre: number; totalOre: number; vatPercent: number };
  cancellableUntil: Date | null;
  seasonRequestId?: string | undefined;
  idempotencyKey?: string | undefined;
  requestHash?: string | undefined;
}

/** The database refused the booking: its buffered range overlaps an active booking of the lokal (SQLSTATE 23P01). */
export class SlotTaken extends Error {
  override name = 'SlotTaken';
}

/** The person already holds as many upcoming active bookings of the lokal as its rules allow. */
export class TooManyActive extends Error {
  override name = 'TooManyActive';
}

const isExclusionViolation = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === '23P01';

const active = [...activeBookingStatuses];
const rangeOf = (range: TakenRange) => sql<string>`tstzrange(${range.start.toISOString()}::timestamptz, ${range.end.toISOString()}::timestamptz, '[)')`;

/** Bookings, their history, season requests and calendar feeds, per kommun. Every write is one transaction. */
export class BookingStore {
  private readonly db: Kysely<Tables>;

  constructor(db: Db) {
    this.db = db.withTables<LokalbokningTables>();
  }

  private bookings(kommunId: string) {
    return this.db
      .selectFrom('lokalbokning_booking')
      .selectAll('lokalbokning_booking')
      .select((eb) => [
        jsonArrayFrom(
          eb
            .selectFrom('lokalbokning_booking_event')
            .select(['status', 'note', 'at'])
            .whereRef('lokalbokning_booking_event.booking_id', '=', 'lokalbokning_booking.id')
            .orderBy('at')
            .orderBy('id'),
        ).as('history'),
      ])
      .where('kommun_id', '=', kommunId);
  }

  /**
   * One booking as one statement's CTEs: the next reference (only while `only` holds, when
   * given), the booking selected from it and its first history entry. Ends in `inserted` and
   * `event`, for the caller to select from (or to add a CTE that uses the booking); they have
   * no row when `only` did not hold, and then nothing is stored and no number used.
   */
  private static insertOne(db: Kysely<Tables>, kommunId: string, prefix: string, booking: NewBookingRow, only?: Expression<SqlBool>) {
    const values = {
      kommun_id: kommunId,
      lokal_id: booking.lokalId,
      subject: booking.subject,
      forening_orgnr: booking.forening?.organisationsnummer ?? null,
      forening_name: booking.forening?.name ?? null,
      customer_type: booking.customerType,
      start_at: booking.start,
      end_at: booking.end,
      during: rangeOf(booking.buffered),
      status: booking.status,
      purpose: booking.purpose,
      attendees: booking.attendees ?? null,
      per_hour_ore: booking.price.perHourOre,
      net_ore: booking.price.netOre,
      vat_ore: booking.price.vatOre,
      total_ore: booking.price.totalOre,
      vat_percent: booking.price.vatPercent,
      cancellable_until: booking.cancellableUntil,
      season_request_id: booking.seasonRequestId ?? null,
      idempotency_key: booking.idempotencyKey ?? null,
      request_hash: booking.idempotencyKey ? (booking.requestHash ?? null) : null,
    };
    const columns = Object.keys(values) as (keyof typeof values)[];
    return (
      db
        .with('next_reference', () => nextReferenceCte('lokalbokning_counter', kommunId, `${prefix}-B`, { only }))
        // `insert … select … from next_reference`, not `values`: no reference, no booking. The
        // parameters take their types from the columns they are inserted into.
        .with('inserted', (db) =>
          db
            .insertInto('lokalbokning_booking')
            .columns([...columns, 'reference'])
            .expression(db.selectFrom('next_reference').select([...columns.map((column) => sql`${values[column]}`.as(column)), 'reference']))
            .returningAll(),
        )
        .with('event', (db) =>
          db
            .insertInto('lokalbokning_booking_event')
            .columns(['booking_id', 'status'])
            .expression(db.selectFrom('inserted').select(['id', 'status']))
            .returning(['status', 'note', 'at']),
        )
    );
  }

  /** The stored booking a statement of `insertOne` returns, with its one history entry. */
  private static selectInserted(query: ReturnType<typeof BookingStore.insertOne>) {
    return query.selectFrom(['inserted', 'event']).selectAll('inserted').select(['event.status as event_status', 'event.note as event_note', 'event.at as event_at']);
  }

  /**
   * Stores a booking with its first history entry and reference, all or nothing. The person's
   * upcoming active bookings of the lokal are counted under a lock on (kommun, person), so two
   * requests at once cannot both pass the limit. Throws `TooManyActive`, `SlotTaken` (the
   * exclusion constraint refused it) or the unique violation of a raced idempotency key.
   *
   * Four round trips: begin, the lock, one statement that counts, numbers and stores, commit.
   * The lock must be a statement of its own: a statement reads from a snapshot taken when it
   * starts, so a count in the statement that waited for the lock would miss the booking the
   * lock's previous holder just committed. The counter row stays locked from that statement to
   * the commit, one round trip (it was three: booking, event, commit).
   */
  async insert(kommunId: string, prefix: string, booking: NewBookingRow, limit: { maxActive: number; now: Date }): Promise<StoredBooking> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtextextended(${`lokalbokning:${kommunId}:${booking.subject}`}, 0))`.execute(trx);
        const upcoming = trx
          .selectFrom('lokalbokning_booking')
          .select((eb) => eb.fn.countAll().as('count'))
          .where('kommun_id', '=', kommunId)
          .where('subject', '=', booking.subject)
          .where('lokal_id', '=', booking.lokalId)
          .where('status', 'in', active)
          .where('end_at', '>', limit.now);
        const row = await BookingStore.selectInserted(BookingStore.insertOne(trx, kommunId, prefix, booking, sql<SqlBool>`${upcoming} < ${limit.maxActive}`)).executeTakeFirst();
        if (!row) throw new TooManyActive();
        return withFirstEvent(row);
      });
    } catch (error) {
      if (isExclusionViolation(error)) throw new SlotTaken();
      throw error;
    }
  }

  async byIdempotencyKey(kommunId: string, subject: string, key: string): Promise<StoredBooking | undefined> {
    const row = await this.bookings(kommunId).where('subject', '=', subject).where('idempotency_key', '=', key).executeTakeFirst();
    return row && stored(row);
  }

  async byId(kommunId: string, id: string): Promise<StoredBooking | undefined> {
    const row = await this.bookings(kommunId).where('id', '=', id).executeTakeFirst();
    return row && stored(row);
  }

  /** A person's bookings: upcoming (not yet ended) first, soonest first; then past ones, latest first. */
  async mine(kommunId: string, subject: string, now: Date, page: { offset: number; pageSize: number }): Promise<{ items: StoredBooking[]; total: number }> {
    const rows = await this.bookings(kommunId)
      .where('subject', '=', subject)
      .orderBy(sql`case when end_at > ${now.toISOString()}::timestamptz then 0 else 1 end`)
      .orderBy(sql`case when end_at > ${now.toISOString()}::timestamptz then start_at end`, 'asc')
      .orderBy('start_at', 'desc')
      .orderBy('id')
      // A page number far past the end is an empty page, not an offset PostgreSQL cannot hold.
      .offset(Math.min(page.offset, Number.MAX_SAFE_INTEGER))
      .limit(page.pageSize)
      .execute();
    const { count } = await this.db
      .selectFrom('lokalbokning_booking')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('kommun_id', '=', kommunId)
      .where('subject', '=', subject)
      .executeTakeFirstOrThrow();
    return { items: rows.map(stored), total: Number(count) };
  }

  /** A person's active bookings that have not ended, soonest first (the calendar feed). */
  async activeOf(kommunId: string, subject: string, since: Date): Promise<StoredBooking[]> {
    const rows = await this.bookings(kommunId).where('subject', '=', subject).where('status', 'in', active).where('end_at', '>', since).orderBy('start_at').limit(500).execute();
    return rows.map(stored);
  }

  /** The buffered ranges of a lokal's active bookings that overlap [from, to). */
  async taken(kommunId: string, lokalId: string, from: Date, to: Date): Promise<TakenRange[]> {
    const rows = await this.db
      .selectFrom('lokalbokning_booking')
      .select([sql<Date>`lower(during)`.as('start'), sql<Date>`upper(during)`.as('end')])
      .where('kommun_id', '=', kommunId)
      .where('lokal_id', '=', lokalId)
      .where('status', 'in', active)
      .where(sql<boolean>`during && ${rangeOf({ start: from, end: to })}`)
      .orderBy(sql`lower(during)`)
      .execute();
    return rows.map((row) => ({ start: new Date(row.start), end: new Date(row.end) }));
  }

  /** The lokaler among `lokalIds` with an active booking overlapping the range. */
  async busyLokaler(kommunId: string, range: TakenRange): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('lokalbokning_booking')
      .select('lokal_id')
      .distinct()
      .where('kommun_id', '=', kommunId)
      .where('status', 'in', active)
      .where(sql<boolean>`during && ${rangeOf(range)}`)
      .execute();
    return new Set(rows.map((row) => row.lokal_id));
  }

  /**
   * Moves an active booking to `status` with its history entry, only while it is still one of
   * `from` (checked in the same statement). Undefined when it no longer is.
   */
  async changeStatus(kommunId: string, id: string, from: readonly string[], status: string, note: string | null): Promise<StoredBooking | undefined> {
    const changed = await this.db.transaction().execute(async (trx) => {
      const row = await trx.updateTable('lokalbokning_booking').set({ status }).where('kommun_id', '=', kommunId).where('id', '=', id).where('status', 'in', [...from]).returning('id').executeTakeFirst();
      if (!row) return false;
      await trx.insertInto('lokalbokning_booking_event').values({ booking_id: id, status, note }).execute();
      return true;
    });
    return changed ? this.byId(kommunId, id) : undefined;
  }

  // Calendar feeds.

  async replaceFeed(kommunId: string, subject: string, tokenHash: string): Promise<void> {
    await this.db
      .insertInto('lokalbokning_calendar_feed')
      .values({ kommun_id: kommunId, subject, token_hash: tokenHash })
      .onConflict((oc) => oc.columns(['kommun_id', 'subject']).doUpdateSet({ token_hash: tokenHash, created_at: new Date() }))
      .execute();
  }

  async feedSubject(kommunId: string, tokenHash: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('lokalbokning_calendar_feed').select('subject').where('kommun_id', '=', kommunId).where('token_hash', '=', tokenHash).executeTakeFirst();
    return row?.subject;
  }

  // Season requests.

  private seasonRequests(kommunId: string) {
    return this.db
      .selectFrom('lokalbokning_season_request')
      .selectAll('lokalbokning_season_request')
      .select((eb) => [
        jsonArrayFrom(
          eb.selectFrom('lokalbokning_season_occurrence').selectAll().whereRef('lokalbokning_season_occurrence.request_id', '=', 'lokalbokning_season_request.id').orderBy('start_at'),
        ).as('occurrences'),
      ])
      .where('kommun_id', '=', kommunId);
  }

  async insertSeasonRequest(
    kommunId: string,
    prefix: string,
    request: Omit<SeasonRequestTable, 'id' | 'kommun_id' | 'reference' | 'created_at' | 'decided_at' | 'note' | 'status'>,
    occurrences: readonly Omit<OccurrenceRow, 'request_id' | 'booking_id'>[],
  ): Promise<StoredSeasonRequest> {
    // One statement (counter, request and its occurrences as CTEs), answered from what it stored.
    // A request always has occurrences: the domain refuses a season without a free time.
    if (occurrences.length === 0) throw new Error('a season request without occurrences');
    const row = await this.db
      .with('next_reference', () => nextReferenceCte('lokalbokning_counter', kommunId, `${prefix}-S`))
      .with('inserted', (db) =>
        db
          .insertInto('lokalbokning_season_request')
          .values({ ...request, kommun_id: kommunId, reference: db.selectFrom('next_reference').select('reference'), status: 'inskickad' })
          .returningAll(),
      )
      .with('occurrence', (db) =>
        db
          .insertInto('lokalbokning_season_occurrence')
          .values(occurrences.map((occurrence) => ({ ...occurrence, request_id: db.selectFrom('inserted').select('id'), booking_id: null })))
          .returningAll(),
      )
      .selectFrom('inserted')
      .selectAll('inserted')
      .select((eb) => [jsonArrayFrom(eb.selectFrom('occurrence').selectAll().orderBy('start_at')).as('occurrences')])
      .executeTakeFirstOrThrow();
    return storedSeason(row);
  }

  async seasonRequest(kommunId: string, id: string): Promise<StoredSeasonRequest | undefined> {
    const row = await this.seasonRequests(kommunId).where('id', '=', id).executeTakeFirst();
    return row && storedSeason(row);
  }

  async seasonByIdempotencyKey(kommunId: string, subject: string, key: string): Promise<StoredSeasonRequest | undefined> {
    const row = await this.seasonRequests(kommunId).where('subject', '=', subject).where('idempotency_key', '=', key).executeTakeFirst();
    return row && storedSeason(row);
  }

  /** The season requests of these föreningar, or made by this person, newest first. */
  async seasonRequestsOf(kommunId: string, subject: string, orgnrs: readonly string[]): Promise<StoredSeasonRequest[]> {
    const rows = await this.seasonRequests(kommunId)
      .where((eb) => eb.or([eb('subject', '=', subject), ...(orgnrs.length > 0 ? [eb('forening_orgnr', 'in', [...orgnrs])] : [])]))
      .orderBy('created_at', 'desc')
      .limit(200)
      .execute();
    return rows.map(storedSeason);
  }

  async undecidedSeasonRequests(kommunId: string): Promise<StoredSeasonRequest[]> {
    const rows = await this.seasonRequests(kommunId).where('status', '=', 'inskickad').orderBy('created_at').orderBy('id').limit(200).execute();
    return rows.map(storedSeason);
  }

  /**
   * A case worker's decision, in ONE transaction: a booking for each approved occurrence, the
   * rest refused, the request decided. When the database refuses any booking (taken meanwhile),
   * everything is rolled back and `SlotTaken` thrown. Undefined when it was decided meanwhile.
   */
  async decideSeasonRequest(
    kommunId: string,
    prefix: string,
    requestId: string,
    approved: readonly { start: Date; booking: NewBookingRow }[],
    note: string | null,
  ): Promise<StoredSeasonRequest | undefined> {
    try {
      const decided = await this.db.transaction().execute(async (trx) => {
        const request = await trx.updateTable('lokalbokning_season_request').set({ status: 'beslutad', decided_at: new Date(), note }).where('kommun_id', '=', kommunId).where('id', '=', requestId).where('status', '=', 'inskickad').returning('id').executeTakeFirst();
        if (!request) return false;
        await trx.updateTable('lokalbokning_season_occurrence').set({ status: 'avslagen' }).where('request_id', '=', requestId).execute();
        // One statement per approved occurrence: its booking, reference, history entry and the occurrence granted.
        for (const { start, booking } of approved) {
          await BookingStore.insertOne(trx, kommunId, prefix, booking)
            .with('granted', (db) =>
              db
                .updateTable('lokalbokning_season_occurrence')
                .set({ status: 'beviljad', booking_id: db.selectFrom('inserted').select('id') })
                .where('request_id', '=', requestId)
                .where('start_at', '=', start)
                .returning('request_id'),
            )
            .selectFrom('inserted')
            .select('id')
            .executeTakeFirstOrThrow();
        }
        return true;
      });
      return decided ? await this.seasonRequest(kommunId, requestId) : undefined;
    } catch (error) {
      if (isExclusionViolation(error)) throw new SlotTaken();
      throw error;
    }
  }
}

/** A row of `selectInserted` as a stored booking. */
function withFirstEvent({ event_status, event_note, event_at, ...row }: BookingRow & { event_status: string; event_note: string | null; event_at: Date }): StoredBooking {
  return { ...row, history: [{ status: event_status, note: event_note, at: event_at }] };
}

type HistoryJson = { status: string; note: string | null; at: Date | string }[];

/** JSON carries no dates: nested timestamps come back as text. */
function stored({ history, ...row }: BookingRow & { history: HistoryJson }): StoredBooking {
  return { ...row, history: history.map((event) => ({ ...event, at: new Date(event.at) })) };
}

function storedSeason({ occurrences, ...row }: SeasonRequestRow & { occurrences: (Omit<OccurrenceRow, 'start_at' | 'end_at'> & { start_at: Date | string; end_at: Date | string })[] }): StoredSeasonRequest {
  return { ...row, occurrences: occurrences.map((occurrence) => ({ ...occurrence, start_at: new Date(occurrence.start_at), end_at: new Date(occurrence.end_at) })) };
}
