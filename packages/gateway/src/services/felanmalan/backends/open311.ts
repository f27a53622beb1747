import type { Open311RequestCreated, Open311ServiceRequest, ReportStatus } from '@kommunkit/contract';
import type { FastifyBaseLogger } from 'fastify';
import type { KommunConfig } from '../../../config/schema.js';
import { textProblem } from '../../../http/hygiene.js';
import type { ReportBackend } from '../backend.js';
import { statusFromOpen311, toOpen311Form, type MediaUrl } from '../mapping.js';
import type { ForwardSettings } from '../settings.js';
import type { ReportStore, StoredReport } from '../store.js';

export interface Open311BackendOptions {
  kommun: KommunConfig;
  forward: ForwardSettings;
  store: ReportStore;
  mediaUrl: MediaUrl;
  log: FastifyBaseLogger;
  /** Outgoing HTTP: passed in, never the global one, so a gateway can route or replace it. */
  fetch: typeof fetch;
  /** Longest wait for the kommun's server, per request. */
  timeoutMs?: number;
  /** How long a status read back is trusted before asking again. */
  freshForMs?: number;
}

/**
 * A kommun's own Open311 GeoReport v2 server: reports are sent on to it, and its status is
 * read back when the citizen looks. A report the server could not take is not lost: it stays
 * here and is sent again on the next look.
 */
export class Open311Backend implements ReportBackend {
  private readonly timeoutMs: number;
  private readonly freshForMs: number;

  constructor(private readonly options: Open311BackendOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.freshForMs = options.freshForMs ?? 30_000;
  }

  private url(path: string, query: Record<string, string> = {}): string {
    const { forward } = this.options;
    const url = new URL(`${forward.url.replace(/\/$/, '')}/${path}`);
    if (forward.jurisdictionId) url.searchParams.set('jurisdiction_id', forward.jurisdictionId);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return url.href;
  }

  private call(url: string, init: RequestInit = {}): Promise<Response> {
    return this.options.fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
  }

  async accepted(report: StoredReport): Promise<void> {
    await this.send(report);
  }

  /** Sends a stored report to the kommun's server; true when it took it. */
  private async send(row: StoredReport): Promise<boolean> {
    const { kommun, forward, store, mediaUrl, log } = this.options;
    const [photo] = row.photoIds;
    const body = toOpen311Form(row, forward.apiKey, photo ? mediaUrl(kommun, photo) : undefined);
    try {
      const response = await this.call(this.url('requests.json'), { method: 'POST', body });
      if (!response.ok) throw new Error(`HTTP ${String(response.status)}: ${await response.text()}`);
      const [created] = (await response.json()) as Open311RequestCreated;
      const externalId = created?.service_request_id ?? (created?.token ? `token:${created.token}` : undefined);
      if (!externalId) throw new Error('no service_request_id or token in the answer');
      await store.setExternal(row.id, externalId);
      return true;
    } catch (error) {
      log.warn({ err: error, kommun: kommun.id, reference: row.reference }, 'forwarding a report failed; it will be sent again');
      return false;
    }
  }

  /** Whether a report's status is due to be read back (not read within `freshForMs`). */
  private isDue(row: StoredReport): boolean {
    return !row.synced_at || Date.now() - row.synced_at.getTime() >= this.freshForMs;
  }

  /** The report with its status read back from the kommun's server, when that is due. */
  async current(row: StoredReport): Promise<StoredReport> {
    const { kommun, store, log } = this.options;
    if (!this.isDue(row)) return row;
    if (!row.external_id) {
      await this.send(row);
      return (await store.byReference(kommun.id, row.reference)) ?? row;
    }
    let id: string | undefined;
    let remote: Open311ServiceRequest | undefined;
    try {
      id = await this.resolve(row.external_id);
      if (!id) return row;
      const response = await this.call(this.url(`requests/${encodeURIComponent(id)}.json`, { extensions: 'true' }));
      if (!response.ok) throw new Error(`HTTP ${String(response.status)}`);
      [remote] = (await response.json()) as Open311ServiceRequest[];
      if (!remote) throw new Error('empty answer');
    } catch (error) {
      log.warn({ err: error, kommun: kommun.id, reference: row.reference }, 'reading a status back failed');
      return row;
    }
    const updated = await this.apply(row, remote);
    await store.markSynced(row.id, id === row.external_id ? undefined : id);
    return updated;
  }

  /**
   * A list's reports with their statuses read back in one `GET requests.json?service_request_id=a,b,c`
   * for those due. Reports not yet sent, or known only by a token, keep their known status here
   * (they are sent, or their token exchanged, when someone looks at one). When the server fails
   * or does not answer in time, every report keeps its known status.
   */
  async currentAll(rows: readonly StoredReport[]): Promise<StoredReport[]> {
    const { kommun, store, log } = this.options;
    // A comma cannot be asked for in a list; such an id is read back on its own.
    const due = new Map(
      rows.flatMap((row) => (row.external_id && !row.external_id.startsWith('token:') && !row.external_id.includes(',') && this.isDue(row) ? [[row.external_id, row] as const] : [])),
    );
    if (due.size === 0) return [...rows];
    let answer: unknown;
    try {
      const ids = [...due.keys()];
      // page_size: a server that pages its lists (as this gateway does) answers for all of them.
      const response = await this.call(this.url('requests.json', { service_request_id: ids.join(','), extensions: 'true', page_size: String(ids.length) }));
      if (!response.ok) throw new Error(`HTTP ${String(response.status)}`);
      answer = await response.json();
      if (!Array.isArray(answer)) throw new Error('the answer is not a list');
    } catch (error) {
      log.warn({ err: error, kommun: kommun.id, reports: due.size }, 'reading the statuses of a list back failed');
      return [...rows];
    }
    const updated = new Map<string, StoredReport>();
    for (const remote of answer as unknown[]) {
      // The spec's examples show ids as numbers too: every id is read as a string.
      const id = typeof remote === 'object' && remote !== null ? (remote as { service_request_id?: unknown }).service_request_id : undefined;
      const row = typeof id === 'string' || typeof id === 'number' ? due.get(String(id)) : undefined;
      if (!row || updated.has(row.id)) continue;
      updated.set(row.id, await this.apply(row, remote as Open311ServiceRequest));
    }
    await store.markAllSynced([...updated.keys()]);
    return rows.map((row) => updated.get(row.id) ?? row);
  }

  /**
   * What the server says of a report, made the report's: a new status or note becomes part of
   * its history, once, even when two instances read the same answer at the same time.
   */
  private async apply(row: StoredReport, remote: Open311ServiceRequest): Promise<StoredReport> {
    const { kommun, store } = this.options;
    const status = statusFromOpen311(remote, row.status as ReportStatus);
    // A note this database cannot store (NUL, a lone surrogate) is left out, not a failure.
    const note = typeof remote.status_notes === 'string' && !textProblem(remote.status_notes) ? remote.status_notes : undefined;
    const changed = status !== row.status || (note !== undefined && note !== row.status_notes);
    if (!changed) return row;
    const updated = await store.changeStatus(kommun.id, row.reference, { status, note }, { status: row.status, note: row.status_notes });
    return updated ?? (await store.byReference(kommun.id, row.reference)) ?? row;
  }

  /** A token from a server that answers later is exchanged for its id when there is one. */
  private async resolve(externalId: string): Promise<string | undefined> {
    if (!externalId.startsWith('token:')) return externalId;
    const response = await this.call(this.url(`tokens/${encodeURIComponent(externalId.slice(6))}.json`));
    if (!response.ok) return undefined;
    const [entry] = (await response.json()) as { service_request_id?: string }[];
    return entry?.service_request_id;
  }
}
