import { bookingTimeZone, type Booking, type BookingPrice, type BookingStatus, type Lokal, type LokalSummary, type SeasonOccurrence, type SeasonRequest } from '@kommunkit/contract';
import type { LokalEntry } from './settings.js';
import type { StoredBooking, StoredSeasonRequest } from './store.js';
import { toOffsetIso } from './time.js';

export function toLokalSummary(lokal: LokalEntry): LokalSummary {
  return {
    id: lokal.id,
    name: lokal.name,
    type: lokal.type,
    summary: lokal.summary,
    address: lokal.address,
    ...(lokal.position ? { position: lokal.position } : {}),
    capacity: lokal.capacity,
    accessibility: lokal.accessibility,
    prices: lokal.prices,
    approval: lokal.rules.approval,
  };
}

export const toLokal = (lokal: LokalEntry): Lokal => ({ ...lokal, approval: lokal.rules.approval, timeZone: bookingTimeZone });

export function toBooking(row: StoredBooking, lokalName: string): Booking {
  return {
    id: row.id,
    reference: row.reference,
    lokalId: row.lokal_id,
    lokalName,
    start: toOffsetIso(row.start_at),
    end: toOffsetIso(row.end_at),
    status: row.status as BookingStatus,
    purpose: row.purpose,
    ...(row.attendees !== null ? { attendees: row.attendees } : {}),
    ...(row.forening_orgnr !== null ? { forening: { organisationsnummer: row.forening_orgnr, name: row.forening_name ?? '' } } : {}),
    price: {
      customerType: row.customer_type as BookingPrice['customerType'],
      perHourOre: row.per_hour_ore,
      netOre: row.net_ore,
      vatOre: row.vat_ore,
      totalOre: row.total_ore,
      vatPercent: row.vat_percent,
    },
    cancellableUntil: row.cancellable_until ? toOffsetIso(row.cancellable_until) : null,
    ...(row.season_request_id !== null ? { seasonRequestId: row.season_request_id } : {}),
    createdAt: toOffsetIso(row.created_at),
    history: row.history.map((event) => ({ status: event.status as BookingStatus, at: toOffsetIso(event.at), ...(event.note !== null ? { note: event.note } : {}) })),
  };
}

export function toSeasonRequest(row: StoredSeasonRequest, lokalName: string, price: BookingPrice): SeasonRequest {
  return {
    id: row.id,
    reference: row.reference,
    lokalId: row.lokal_id,
    lokalName,
    forening: { organisationsnummer: row.forening_orgnr, name: row.forening_name, ...(row.forening_role !== null ? { role: row.forening_role } : {}) },
    weekday: row.weekday,
    startTime: row.start_time,
    endTime: row.end_time,
    fromDate: row.from_date,
    toDate: row.to_date,
    purpose: row.purpose,
    status: row.status as SeasonRequest['status'],
    occurrences: row.occurrences.map(
      (occurrence): SeasonOccurrence => ({
        start: toOffsetIso(occurrence.start_at),
        end: toOffsetIso(occurrence.end_at),
        conflict: occurrence.conflict as SeasonOccurrence['conflict'],
        ...(occurrence.reason !== null ? { reason: occurrence.reason } : {}),
        status: occurrence.status as SeasonOccurrence['status'],
        ...(occurrence.booking_id !== null ? { bookingId: occurrence.booking_id } : {}),
      }),
    ),
    price,
    createdAt: toOffsetIso(row.created_at),
  };
}
