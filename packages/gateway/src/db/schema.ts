import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in (`default now()`) when an insert leaves it out. */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A login in progress: what the callback needs to finish the code flow, used once. */
export interface AuthRequestTable {
  state: string;
  kommun_id: string;
  code_verifier: string;
  nonce: string;
  return_url: string;
  /** SHA-256 of the login cookie set in the browser that started the login (login CSRF defence). */
  browser_hash: string;
  expires_at: Timestamp;
}

/** A logged-in citizen. `id` is the SHA-256 of the cookie token, so a database leak is no session leak. */
export interface SessionTable {
  id: string;
  kommun_id: string;
  subject: string;
  /** The personnummer encrypted with the gateway's data key (AES-256-GCM), never in plain text. */
  personnummer_sealed: string | null;
  given_name: string;
  family_name: string;
  name: string;
  created_at: GeneratedTimestamp;
  last_seen_at: GeneratedTimestamp;
  expires_at: Timestamp;
}

export interface DraftTable {
  kommun_id: string;
  subject: string;
  service: string;
  data: ColumnType<unknown, string, string>;
  step: string | null;
  updated_at: GeneratedTimestamp;
}

export interface ReportCounterTable {
  kommun_id: string;
  year: number;
  value: number;
}

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

/** A fixed-window rate-limit counter shared by every gateway instance. */
export interface RateLimitTable {
  key: string;
  count: number;
  reset_at: Timestamp;
}

/** The dev identity provider's state (oidc-provider adapter models and its keys), shared by instances. */
export interface DevIdpEntryTable {
  model: string;
  id: string;
  payload: ColumnType<unknown, string, string>;
  uid: string | null;
  grant_id: string | null;
  expires_at: Timestamp | null;
}

export interface Database {
  auth_request: AuthRequestTable;
  session: SessionTable;
  draft: DraftTable;
  report_counter: ReportCounterTable;
  report: ReportTable;
  report_event: ReportEventTable;
  report_photo: ReportPhotoTable;
  rate_limit: RateLimitTable;
  dev_idp_entry: DevIdpEntryTable;
}
