import type { StoredReport } from './store.js';

/**
 * The kommun's system that handles reports, as a port. Every report is stored here first (the
 * citizen's reference, photos, history); a backend is what happens beyond that. No
 * method throws for the system's sake: a report the system could not take stays here and is
 * handed on again later, and a status that cannot be read back is the one known.
 */
export interface ReportBackend {
  /** A report that was just stored (not a repeat of an earlier request): hand it on. */
  accepted(report: StoredReport): Promise<void>;
  /** The report as the kommun's system has it now, read when someone looks at it. */
  current(report: StoredReport): Promise<StoredReport>;
  /**
   * A list's reports as the kommun's system has them now, in the same order: one question to
   * the system for the whole list, however long.
   */
  currentAll(reports: readonly StoredReport[]): Promise<StoredReport[]>;
}
