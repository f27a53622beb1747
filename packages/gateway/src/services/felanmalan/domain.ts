import { idempotencyHeader, maxDescriptionLength, textLength, type ReportStatus } from '@kommunkit/contract';
import { createHash, randomBytes } from 'node:crypto';
import type { KommunConfig } from '../../config/schema.js';
import { serviceSettings } from '../../http/guards.js';
import { IdempotencyConflict } from '../../http/idempotency.js';
import { sameSecret } from '../../http/secrets.js';
import type { ReportBackend } from './backend.js';
import { nearestWithinMetres, type Geocoder } from './geocoder.js';
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
  /** Hand out a secret for editing or withdrawing the new report (only to the citizen's own page). */
  withEditToken?: boolean | undefined;
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

/** The status of a report its reporter withdrew (closed). */
export const withdrawnStatus: ReportStatus = 'aterkallad';

/** A report its reporter may no longer change: the message says why and what to do instead. */
export class NotEditable extends Error {
  override name = 'NotEditable';
}

/** The reporter's own change of a new report. */
export type Revision = { description: string } | { withdraw: true };

/** Who asks to change a report: a session's subject, the secret from filing, or both. */
export interface Reporter {
  accountId?: string | undefined;
  editToken?: string | undefined;
}

/** The history notes of the reporter's own changes, public like every status note. */
export const revisionNotes = {
  edited: 'Beskrivningen ändrades av den som anmälde.',
  withdrawn: 'Anmälan återkallades av den som anmälde.',
} as const;

export const hashEditToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

/**
 * Minutes after filing in which the reporter may change a report. A report handed on to the
 * kommun's own Open311 server cannot be changed there, so forwarding kommuner have none.
 */
export const editWindowMinutes = (settings: FelanmalanSettings): number => (settings.adapter === 'builtin' ? (settings.editWindowMinutes ?? 60) : 0);

/** Until when the reporter may change the report, or null once they may not (or never could). */
export function editableUntil(settings: FelanmalanSettings, report: Pick<StoredReport, 'status' | 'requested_at'>, now = Date.now()): Date | null {
  const minutes = editWindowMinutes(settings);
  const until = new Date(report.requested_at.getTime() + minutes * 60_000);
  return minutes > 0 && report.status === initialStatus && until.getTime() > now ? until : null;
}

/** A description as filing checks it (trimmed, not empty, at most 4000 characters): the text, or the citizen's fix. */
export function checkedDescription(text: string | undefined): { description: string } | { error: string } {
  const description = text?.trim() ?? '';
  if (!description) return { error: 'Beskriv felet.' };
  if (textLength(description) > maxDescriptionLength) return { error: `Beskrivningen får vara högst ${String(maxDescriptionLength)} tecken.` };
  return { description };
}

/**
 * Felanmälan's use cases, whatever protocol brought the request: file a report (once per
 * idempotency key, with a reference number), look one up (as the kommun's system has it now),
 * list and change status. No HTTP here; the protocol layers call this.
 */
export class Felanmalan {
  constructor(
    private readonly store: ReportStore,
    private readonly backendFor: (kommun: KommunConfig, settings: FelanmalanSettings) => ReportBackend,
    /** The kommun's address register, when it has one. */
    private readonly geocoderFor: (kommun: KommunConfig) => Geocoder | undefined = () => undefined,
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
  async file(kommun: KommunConfig, settings: FelanmalanSettings, details: ReportDetails, submission: Submission): Promise<{ report: StoredReport; created: boolean; editToken?: string }> {
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
    const place = await this.placeOf(kommun, details);
    // Only its hash is stored; the secret itself is answered once, to this request.
    const editToken = submission.withEditToken && editWindowMinutes(settings) > 0 ? randomBytes(32).toString('base64url') : undefined;
    let report: StoredReport;
    try {
      const editTokenHash = editToken && hashEditToken(editToken);
      report = await this.store.insert(kommun.id, settings.referencePrefix, { ...details, ...place, photos, idempotencyKey, requestHash, editTokenHash }, initialStatus);
    } catch (error) {
      // Two requests with one key raced: the loser answers with the winner's report.
      const winner = await repeat();
      if (winner) return { report: winner, created: false };
      throw error;
    }
    await this.backendFor(kommun, settings).accepted(report);
    return { report, created: true, ...(editToken ? { editToken } : {}) };
  }

  /**
   * A report placed only by a pin gets the nearest address as its place, so every Open311
   * client and the follow view show a place, not coordinates. The address is a help: without a
   * register, with none near, or with the register away, the report is filed with its position.
   */
  private async placeOf(kommun: KommunConfig, details: ReportDetails): Promise<Pick<ReportDetails, 'addressString'>> {
    const geocoder = this.geocoderFor(kommun);
    if (!geocoder || details.addressString?.trim() || details.lat === undefined || details.long === undefined) return {};
    const nearest = await geocoder.nearest({ lat: details.lat, long: details.long }, nearestWithinMetres).catch(() => undefined);
    return nearest ? { addressString: nearest.label } : {};
  }

  /** A report by its reference number, with its status as the kommun's system has it now. */
  async find(kommun: KommunConfig, settings: FelanmalanSettings, reference: string): Promise<StoredReport | undefined> {
    const stored = await this.store.byReference(kommun.id, reference);
    return stored && this.backendFor(kommun, settings).current(stored);
  }

  /**
   * Reports by the filter, newest first, with their statuses as the kommun's system has them
   * now (one question to it for the whole list). One whose status changed there so that it no
   * longer matches the statuses asked for is left out.
   */
  async list(kommun: KommunConfig, filter: ReportFilter): Promise<StoredReport[]> {
    const settings = serviceSettings(kommun, 'felanmalan');
    const stored = await this.store.list(kommun.id, filter);
    if (!settings || stored.length === 0) return stored;
    const current = await this.backendFor(kommun, settings).currentAll(stored);
    const { statuses, references } = filter;
    return statuses?.length && !references ? current.filter((row) => statuses.includes(row.status as ReportStatus)) : current;
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

  /** The reports filed by a logged-in citizen (their session's subject), newest first, with their status as the kommun's system has it now. */
  async mine(kommun: KommunConfig, settings: FelanmalanSettings, accountId: string): Promise<StoredReport[]> {
    return this.backendFor(kommun, settings).currentAll(await this.store.byAccount(kommun.id, accountId, maxOwnReports));
  }

  /** One of a citizen's own reports, with its status as the kommun's system has it now; undefined for anyone else's. */
  async own(kommun: KommunConfig, settings: FelanmalanSettings, reference: string, accountId: string): Promise<StoredReport | undefined> {
    const stored = await this.store.byReference(kommun.id, reference);
    return stored?.account_id === accountId ? this.backendFor(kommun, settings).current(stored) : undefined;
  }

  /**
   * The reporter's own correction or withdrawal, with its history event in one transaction.
   * Undefined when the report is not the caller's (no session of its owner, no right secret):
   * to them it does not exist. Throws `NotEditable` after the kommun's window or once a case
   * worker has moved it on, and `ReportRefused` for a description filing would refuse.
   */
  async revise(kommun: KommunConfig, settings: FelanmalanSettings, reference: string, reporter: Reporter, revision: Revision): Promise<StoredReport | undefined> {
    const stored = await this.store.byReference(kommun.id, reference);
    const byAccount = reporter.accountId !== undefined && stored?.account_id === reporter.accountId;
    const byToken = reporter.editToken !== undefined && !!stored?.edit_token_hash && sameSecret(stored.edit_token_hash, hashEditToken(reporter.editToken));
    if (!stored || !(byAccount || byToken)) return undefined;
    let change: { description: string } | { status: ReportStatus };
    if ('description' in revision) {
      const checked = checkedDescription(revision.description);
      if ('error' in checked) throw new ReportRefused('invalid', checked.error, 'description');
      // A repeat of the same correction (a retry after a lost answer) changes nothing.
      if (checked.description === stored.description) return stored;
      change = { description: checked.description };
    } else change = { status: withdrawnStatus };
    const refusal = (report: StoredReport): NotEditable =>
      report.status !== initialStatus
        ? new NotEditable(
            report.status === withdrawnStatus
              ? 'Anmälan är redan återkallad.'
              : 'Kommunen har redan börjat handlägga anmälan, så den kan inte ändras här längre. Kontakta kommunen och ange ärendenumret.',
          )
        : new NotEditable('Tiden för att ändra eller återkalla anmälan har gått ut. Kontakta kommunen och ange ärendenumret.');
    const until = editableUntil(settings, stored);
    if (!until) throw refusal(stored);
    const note = 'description' in change ? revisionNotes.edited : revisionNotes.withdrawn;
    const revised = await this.store.reviseNew(kommun.id, stored.id, change, note, { status: initialStatus, filedAfter: new Date(Date.now() - editWindowMinutes(settings) * 60_000) });
    if (revised) return revised;
    // A case worker or another tab got there first: say what holds now.
    const now = await this.store.byReference(kommun.id, reference);
    throw refusal(now ?? stored);
  }
}

/** Most reports "Mina anmälningar" lists: far more than anyone files, few enough for one answer. */
const maxOwnReports = 200;
