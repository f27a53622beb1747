import type { MyReport, MyReportCreated, MyReports } from '@kommunkit/contract';
import { editTokenHeader, felanmalanCitizenRoutes as routes } from '@kommunkit/contract/felanmalan-routes';
import { idempotencyHeader, problemTypes } from '@kommunkit/contract/routes';
import type { KommunkitClient } from '../client.js';
import { ApiError } from '../errors.js';
import { idempotencyKey, type CallOptions } from '../http.js';
import { citizenCall } from './citizen-call.js';
import { reportFields, type FelanmalanReport, type SubmitOptions, type SubmittedReport } from './felanmalan.js';

export type { MyReport, MyReportCreated, MyReports } from '@kommunkit/contract';

/**
 * Felanmälan's citizen API at the client's gateway: a logged-in citizen files a report linked
 * to them and follows their own reports ("Mina anmälningar"); within the kommun's window the
 * one who filed a report corrects its description or withdraws it, by their session or with
 * the `editToken` from filing. Functions of their own, like `felanmalanFor`, so that only a
 * widget that uses them downloads them.
 */

export interface ReporterOptions extends CallOptions {
  /** The secret from filing (`SubmittedReport.editToken`), for a reporter without a session. */
  editToken?: string | undefined;
}

const visibleAscii = /^[\x21-\x7e]+$/;

const tokenHeader = (editToken: string | undefined, caller: string): Record<string, string> => {
  if (editToken === undefined) return {};
  // Checked here: fetch would refuse such a header value, and that would look like no answer.
  if (!visibleAscii.test(editToken)) throw new TypeError(`${caller}: editToken must be visible ASCII characters, as the gateway gave it`);
  return { [editTokenHeader]: editToken };
};

/**
 * Files a report as the logged-in citizen (`POST felanmalan/reports`): multipart with the
 * photos, the SDK's client header and an `Idempotency-Key` (the caller's `idempotencyKey`, or a
 * fresh one per call, the same on every retry), so it is retried safely. Without a session it
 * rejects with an `ApiError` 401. Field errors point at Open311's names (`fieldError('description')`).
 */
export async function fileMyReport(client: KommunkitClient, report: FelanmalanReport, { photos = [], idempotencyKey: key, signal }: SubmitOptions = {}): Promise<SubmittedReport> {
  if (key !== undefined && !visibleAscii.test(key)) throw new TypeError('fileMyReport: idempotencyKey must be visible ASCII characters, for example a UUID');
  const form = new FormData();
  for (const [name, value] of reportFields(report)) form.append(name, value);
  // Named as felanmalan's `submit` names them: the gateway reads the content, never the name.
  photos.forEach((photo, index) => {
    const type = photo.type.split('/')[1] ?? 'jpeg';
    form.append('media', photo, photo instanceof File ? photo.name : `foto-${index + 1}.${type === 'jpeg' ? 'jpg' : type}`);
  });
  const created = await citizenCall<MyReportCreated>(client, routes.createMyReport, {
    headers: { [idempotencyHeader]: key ?? idempotencyKey() },
    body: form,
    retryable: true,
    signal,
  });
  return { reference: created.reference, notice: created.notice, editToken: created.editToken, editableUntil: created.editableUntil ?? undefined };
}

/** The logged-in citizen's own reports, newest first, with status and history (`ApiError` 401 without a session). */
export async function myReports(client: KommunkitClient, { signal }: CallOptions = {}): Promise<MyReport[]> {
  return (await citizenCall<MyReports>(client, routes.listMyReports, { signal })).items;
}

/** One of the logged-in citizen's own reports, or null when they have none with that number (anyone else's included). */
export async function myReport(client: KommunkitClient, reference: string, { signal }: CallOptions = {}): Promise<MyReport | null> {
  try {
    return await citizenCall<MyReport>(client, routes.getMyReport, { params: { reference }, signal });
  } catch (error) {
    // Only "no such report of yours": a 404 for a service the kommun has not enabled is a real error.
    if (error instanceof ApiError && error.status === 404 && error.type === problemTypes.notFound) return null;
    throw error;
  }
}

/**
 * Corrects the description of a new report, by the owner's session or with `editToken`. Rejects
 * with an `ApiError`: 409 after the kommun's window or once the kommun has started on it (its
 * `detail` says which), 404 when it is not the caller's, 400 with `fieldError('description')`.
 * Retried safely: the same description again changes nothing.
 */
export async function editMyReport(client: KommunkitClient, reference: string, { description }: { description: string }, { editToken, signal }: ReporterOptions = {}): Promise<MyReport> {
  return citizenCall<MyReport>(client, routes.editMyReport, {
    params: { reference },
    headers: tokenHeader(editToken, 'editMyReport'),
    json: { description },
    retryable: true,
    signal,
  });
}

/**
 * Withdraws a new report (status `aterkallad`), by the owner's session or with `editToken`; the
 * same rejections as {@link editMyReport}. Sent once: a repeat would be a 409 "already withdrawn".
 */
export async function withdrawMyReport(client: KommunkitClient, reference: string, { editToken, signal }: ReporterOptions = {}): Promise<MyReport> {
  return citizenCall<MyReport>(client, routes.withdrawMyReport, { params: { reference }, headers: tokenHeader(editToken, 'withdrawMyReport'), signal });
}
