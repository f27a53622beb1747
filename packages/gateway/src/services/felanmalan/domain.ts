import { idempotencyHeader, type ReportStatus } from '@kommunkit/contract';
import type { KommunConfig } from '../../config/schema.js';
import { IdempotencyConflict } from '../../http/idempotency.js';
import type { ReportBackend } from './backend.js';
import { PhotoError, storablePhoto, type StoredPhoto } from './photos.js';
import type { CategoryConfig, FelanmalanSettings } from './settings.js';
import type { NewReport, ReportFilter, ReportStore, StatusChange, StoredReport } from './store.js';

/** What a protocol has read and checked of a new report, before its photos are. */
export type ReportDetails = Omit<NewReport, 'photos' | 'idempotencyKey' | 'requestHash'>;

export interface Submission {
  /** The photos as uploaded: checked and re-encoded here. */
  uploads: readonly Buffer[];
  idempotencyKey?: string | undefined;
  /** Hash of everything the request carried but its credentials (`requestHash`). */
  requestHash?: string | undefined;
}

/**
 * A report the rules refuse, naming the field it is about: `invalid` (the citizen can fix it)
 * or `conflict` (an idempotency key reused for another report). Each protocol says it in its
 * own shape.
 */
export class ReportRefused extends Error {
  override name = 'ReportRefused';
  constructor(
    readonly kind: 'invalid' | 'conflict',
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** Every new report starts here; case workers (or the kommun's system) move it on. */
export const initialStatus: ReportStatus = 'mottagen';

/**
 * Felanmälan's use cases, whatever protocol brought the request: file a report (once per
 * idempotency key, with a reference number), look one up (as the kommun's system has it now),
 * list and change status. No HTTP here; the protocol layers call this.
 */
export class Felanmalan {
  constructor(
    private readonly store: ReportStore,
    private readonly backendFor: (kommun: KommunConfig, settings: FelanmalanSettings) => ReportBackend,
  ) {}

  /** A category, or undefined when the kommun has none with that code. */
  category(settings: FelanmalanSettings, code: string): CategoryConfig | undefined {
    return settings.categories.find((candidate) => candidate.code === code);
  }

  /** The category a new report is filed in: it must exist and be one the kommun handles itself. */
  categoryToFile(settings: FelanmalanSettings, code: string | undefined): CategoryConfig {
    if (!code) throw new ReportRefused('invalid', 'Välj vad felet gäller.', 'service_code');
    const category = this.category(settings, code);
    if (!category) throw new ReportRefused('invalid', `Kategorin "${code}" finns inte.`, 'service_code');
    if (category.handoffNote) throw new ReportRefused('invalid', category.handoffNote, 'service_code');
    return category;
  }

  /**
   * Files a report: photos checked by their content and stripped of metadata, then stored
   * with its reference number and handed to the kommun's system. A repeat of a request (same
   * idempotency key, same content) gets the first report back and hands nothing on again; the
   * same key with other content is refused. Never half a report.
   */
  async file(kommun: KommunConfig, settings: FelanmalanSettings, details: ReportDetails, submission: Submission): Promise<{ report: StoredReport; created: boolean }> {
    const photos: StoredPhoto[] = [];
    for (const upload of submission.uploads) {
      try {
        photos.push(await storablePhoto(upload));
      } catch (error) {
        if (error instanceof PhotoError) throw new ReportRefused('invalid', error.message, 'media');
        throw error;
      }
    }
    const { idempotencyKey, requestHash } = submission;
    const repeat = async (): Promise<StoredReport | undefined> => {
      const earlier = idempotencyKey ? await this.store.byIdempotencyKey(kommun.id, idempotencyKey) : undefined;
      if (earlier && earlier.request_hash !== (requestHash ?? null)) throw new ReportRefused('conflict', new IdempotencyConflict().message, idempotencyHeader);
      return earlier;
    };
    const earlier = await repeat();
    if (earlier) return { report: earlier, created: false };
    let report: StoredReport;
    try {
      report = await this.store.insert(kommun.id, settings.referencePrefix, { ...details, photos, idempotencyKey, requestHash }, initialStatus);
    } catch (error) {
      // Two requests with one key raced: the loser answers with the winner's report.
      const winner = await repeat();
      if (winner) return { report: winner, created: false };
      throw error;
    }
    await this.backendFor(kommun, settings).accepted(report);
    return { report, created: true };
  }

  /** A report by its reference number, with its status as the kommun's system has it now. */
  async find(kommun: KommunConfig, settings: FelanmalanSettings, reference: string): Promise<StoredReport | undefined> {
    const stored = await this.store.byReference(kommun.id, reference);
    return stored && this.backendFor(kommun, settings).current(stored);
  }

  list(kommun: KommunConfig, filter: ReportFilter): Promise<StoredReport[]> {
    return this.store.list(kommun.id, filter);
  }

  photo(kommun: KommunConfig, id: string) {
    return this.store.photo(kommun.id, id);
  }

  /**
   * A case worker's change. Any status may follow any other (a report closed by mistake is
   * reopened the same way); every change, with its public note, becomes part of the history.
   */
  updateStatus(kommun: KommunConfig, reference: string, change: StatusChange): Promise<StoredReport | undefined> {
    return this.store.changeStatus(kommun.id, reference, change);
  }
}
