import type { ColumnType } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in (`default now()`) when an insert leaves it out. */
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

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
  /** 1 on the first save, one more on every save; a save based on another revision is refused. */
  revision: ColumnType<number, number | undefined, number>;
  updated_at: GeneratedTimestamp;
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

/** The shared tables. A service's own come with its module (`services/<id>/tables.ts`). */
export interface Database {
  auth_request: AuthRequestTable;
  session: SessionTable;
  draft: DraftTable;
  rate_limit: RateLimitTable;
  dev_idp_entry: DevIdpEntryTable;
}
