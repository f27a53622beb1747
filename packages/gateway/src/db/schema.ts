import type { ColumnType } from 'kysely';

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
  expires_at: Timestamp;
}

/** A logged-in citizen. `id` is the SHA-256 of the cookie token, so a database leak is no session leak. */
export interface SessionTable {
  id: string;
  kommun_id: string;
  subject: string;
  personnummer: string | null;
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

export interface Database {
  auth_request: AuthRequestTable;
  session: SessionTable;
  draft: DraftTable;
}
