import { open311Base, open311Status, type Open311ServiceRequest, type ReportStatus } from '@kommunkit/contract';
import type { ResolvedConfig } from '../config/load.js';
import type { FelanmalanSettings, KommunConfig } from '../config/schema.js';
import type { StoredReport } from './store.js';

/** Where the Open311 routes live, as the contract says. */
export const open311Prefix = open311Base;

/** The stable public URL of a stored photo. */
export const mediaUrlFor = (config: ResolvedConfig) => (kommun: KommunConfig, id: string) =>
  `${config.publicUrl}${open311Prefix}/media/${id}.jpg?jurisdiction_id=${kommun.id}`;

/**
 * Turns stored reports into Open311 service requests: public fields only (never the
 * reporter's contact details), photos as stable URLs, and with `extensions` the detailed
 * status and its history.
 */
export function serviceRequestsFrom(config: ResolvedConfig) {
  const mediaUrl = mediaUrlFor(config);

  return function serviceRequests(kommun: KommunConfig, settings: FelanmalanSettings, rows: readonly StoredReport[], extensions: boolean): Open311ServiceRequest[] {
    return rows.map((row) => {
      const category = settings.categories.find((candidate) => candidate.code === row.service_code);
      const media = row.photoIds.map((id) => mediaUrl(kommun, id));
      const request: Open311ServiceRequest = {
        service_request_id: row.reference,
        status: open311Status(row.status as ReportStatus),
        ...(row.status_notes ? { status_notes: row.status_notes } : {}),
        service_name: category?.name ?? row.service_code,
        service_code: row.service_code,
        description: row.description,
        agency_responsible: kommun.name,
        requested_datetime: row.requested_at.toISOString(),
        updated_datetime: row.updated_at.toISOString(),
        ...(row.expected_at ? { expected_datetime: row.expected_at.toISOString() } : {}),
        ...(row.address_string ? { address: row.address_string } : {}),
        ...(row.address_id ? { address_id: row.address_id } : {}),
        ...(row.lat !== null && row.long !== null ? { lat: row.lat, long: row.long } : {}),
        ...(media[0] ? { media_url: media[0] } : {}),
      };
      if (extensions) {
        request.extended_attributes = {
          detailed_status: row.status as ReportStatus,
          status_history: row.history.map((event) => ({
            status: event.status as ReportStatus,
            ...(event.note ? { note: event.note } : {}),
            at: event.at.toISOString(),
          })),
          media_urls: media,
        };
      }
      return request;
    });
  };
}
