import type { ColumnType, Generated } from 'kysely';
import type { ReferenceCounterTable } from '../../db/references.js';
import type { GeneratedTimestamp } from '../../db/schema.js';

/** A felanmälan. Contact details are for the kommun only and never leave through Open311. */
export interface ReportTable {
  id: Generated<string>;
  kommun_id: string;
  reference: string;
  service_code: string;
  status: string;
  description: string;
  lat: number | null;
  long: number | null;
  address_string: string | null;
  address_id: string | null;
  attributes: ColumnType<Record<string, string | string[]>, string, string>;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  device_id: string | null;
  account_id: string | null;
  status_notes: string | null;
  expected_at: Date | null;
  requested_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  idempotency_key: string | null;
  /** Id of the report at the kommun's own Open311 server, once forwarded. */
  external_id: string | null;
  /** When its status was last read back from that server. */
  synced_at: Date | null;
  /** SHA-256 of the request that carried `idempotency_key`: the same key with another payload is refused. */
  request_hash: string | null;
  /** SHA-256 (base64url) of the secret that lets the reporter edit or withdraw it without a session. */
  edit_token_hash: string | null;
}

export interface ReportEventTable {
  id: Generated<string>;
  report_id: string;
  status: string;
  note: string | null;
  at: GeneratedTimestamp;
}

export interface ReportPhotoTable {
  id: string;
  report_id: string;
  position: number;
  media_type: string;
  bytes: Uint8Array;
  width: number;
  height: number;
}

/**
 * An Open311 api_key a case worker issued to an app or system. Only its SHA-256 is kept; a
 * revoked key stays, with `revoked_at`, for the record.
 */
export interface ApiKeyTable {
  /** Public id (16 hex digits): what lists show and revocation names. */
  id: string;
  kommun_id: string;
  /** The app or system that holds it. */
  label: string;
  /** SHA-256 of the key, hex. */
  key_hash: string;
  created_at: GeneratedTimestamp;
  revoked_at: Date | null;
}

/** Felanmälan's tables, added to the shared ones with `db.withTables<FelanmalanTables>()`. */
export type FelanmalanTables = {
  report_counter: ReferenceCounterTable;
  report: ReportTable;
  report_event: ReportEventTable;
  report_photo: ReportPhotoTable;
  felanmalan_api_key: ApiKeyTable;
};
