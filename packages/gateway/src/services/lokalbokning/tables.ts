import type { ColumnType, Generated } from 'kysely';
import type { ReferenceCounterTable } from '../../db/references.js';
import type { GeneratedTimestamp } from '../../db/schema.js';

/**
 * A booking. `during` is the booked time with the lokal's buffers; the exclusion constraint
 * refuses two active bookings whose `during` overlap.
 */
export interface BookingTable {
  id: Generated<string>;
  kommun_id: string;
  lokal_id: string;
  reference: string;
  /** The session subject of the citizen who booked: the owner. */
  subject: string;
  forening_orgnr: string | null;
  forening_name: string | null;
  customer_type: string;
  start_at: Date;
  end_at: Date;
  /** tstzrange as text; written only by SQL (`tstzrange(start - before, end + after)`). */
  during: ColumnType<string, string, never>;
  status: string;
  purpose: string;
  attendees: number | null;
  per_hour_ore: number;
  net_ore: number;
  vat_ore: number;
  total_ore: number;
  vat_percent: number;
  cancellable_until: Date | null;
  season_request_id: string | null;
  idempotency_key: string | null;
  request_hash: string | null;
  created_at: GeneratedTimestamp;
}

export interface BookingEventTable {
  id: Generated<string>;
  booking_id: string;
  status: string;
  note: string | null;
  at: GeneratedTimestamp;
}

export interface SeasonRequestTable {
  id: Generated<string>;
  kommun_id: string;
  reference: string;
  subject: string;
  lokal_id: string;
  forening_orgnr: string;
  forening_name: string;
  forening_role: string | null;
  weekday: number;
  start_time: string;
  end_time: string;
  from_date: string;
  to_date: string;
  purpose: string;
  attendees: number | null;
  status: string;
  note: string | null;
  idempotency_key: string | null;
  request_hash: string | null;
  created_at: GeneratedTimestamp;
  decided_at: Date | null;
}

export interface SeasonOccurrenceTable {
  request_id: string;
  start_at: Date;
  end_at: Date;
  conflict: string | null;
  reason: string | null;
  status: string;
  booking_id: string | null;
}

/** A citizen's private calendar feed: only the token's SHA-256 is kept; a new one replaces the last. */
export interface CalendarFeedTable {
  kommun_id: string;
  subject: string;
  token_hash: string;
  created_at: GeneratedTimestamp;
}

export type LokalbokningTables = {
  lokalbokning_counter: ReferenceCounterTable;
  lokalbokning_booking: BookingTable;
  lokalbokning_booking_event: BookingEventTable;
  lokalbokning_season_request: SeasonRequestTable;
  lokalbokning_season_occurrence: SeasonOccurrenceTable;
  lokalbokning_calendar_feed: CalendarFeedTable;
};
