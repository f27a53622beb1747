import type { Generated } from 'kysely';
import type { ReferenceCounterTable } from '../../db/references.js';
import type { GeneratedTimestamp } from '../../db/schema.js';

/**
 * An application (ansökan). The child is kept by its register id with the name and birth date
 * it had when applying (what the kommun handles); the guardian who sent it by session subject.
 * Dates are `YYYY-MM-DD` text in Europe/Stockholm. A partial unique index allows one active
 * application (inskickad, mottagen, erbjudande) per child and type.
 */
export interface ApplicationTable {
  id: Generated<string>;
  kommun_id: string;
  reference: string;
  type: string;
  child_id: string;
  child_given_name: string;
  child_family_name: string;
  child_birth_date: string;
  desired_start_date: string;
  applied_on: string;
  guarantee_date: string;
  sibling_unit_id: string | null;
  hours_per_week: number;
  drop_off: string;
  pick_up: string;
  reason: string;
  special_needs: string | null;
  diet: string | null;
  mother_tongue: string | null;
  message: string | null;
  status: string;
  sent_by_subject: string;
  sent_by_name: string;
  /** behovs_inte, vantar or bekraftad. */
  other_guardian_confirmation: string;
  offer_unit_id: string | null;
  offer_start_date: string | null;
  offer_reply_by: string | null;
  offer_answer: string | null;
  offer_answered_at: Date | null;
  idempotency_key: string | null;
  request_hash: string | null;
  created_at: GeneratedTimestamp;
}

/** The ranked units of an application, first choice rank 1. */
export interface ApplicationUnitTable {
  application_id: string;
  rank: number;
  unit_id: string;
}

/** Every status change of an application (and the confirmation and notices, with their note). */
export interface ApplicationEventTable {
  id: Generated<string>;
  application_id: string;
  status: string;
  note: string | null;
  at: GeneratedTimestamp;
}

/** The messages between the guardians and the kommun on an application. */
export interface ApplicationMessageTable {
  id: Generated<string>;
  application_id: string;
  /** vardnadshavare or kommun. */
  sender: string;
  author: string;
  text: string;
  at: GeneratedTimestamp;
}

/** A place the guardians accepted; notice sets `end_date` and status uppsagd. */
export interface PlacementTable {
  id: Generated<string>;
  kommun_id: string;
  application_id: string;
  type: string;
  child_id: string;
  child_given_name: string;
  child_family_name: string;
  unit_id: string;
  start_date: string;
  end_date: string | null;
  status: string;
  notice_given_at: Date | null;
  notice_reason: string | null;
  created_at: GeneratedTimestamp;
}

export type BarnomsorgTables = {
  barnomsorg_counter: ReferenceCounterTable;
  barnomsorg_application: ApplicationTable;
  barnomsorg_application_unit: ApplicationUnitTable;
  barnomsorg_application_event: ApplicationEventTable;
  barnomsorg_message: ApplicationMessageTable;
  barnomsorg_placement: PlacementTable;
};
