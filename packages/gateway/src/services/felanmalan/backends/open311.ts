import type { Open311RequestCreated, Open311ServiceRequest, ReportStatus } from '@kommunkit/contract';
import type { FastifyBaseLogger } from 'fastify';
import type { KommunConfig } from '../../../config/schema.js';
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

  /** The report with its status read back from the kommun's server, when that is due. */
  async current(row: StoredReport): Promise<StoredReport> {
    const { kommun, store, log } = this.options;
    if (row.synced_at && Date.now() - row.synced_at.getTime() < this.freshForMs) return row;
    if (!row.external_id) {
      await this.send(row);
      return (await store.byReference(kommun.id, row.reference)) ?? row;
    }
    try {
      const id = await this.resolve(row.external_id);
      if (!id) return row;
      const response = await this.call(this.url(`requests/${encodeURIComponent(id)}.json`, { extensions: 'true' }));
      if (!response.ok) throw new Error(`HTTP ${String(response.status)}`);
      const [remote] = (await response.json()) as Open311ServiceRequest[];
      if (!remote) throw new Error('empty answer');
      const status = statusFromOpen311(remote, row.status as ReportStatus);
      const note = remote.status_notes ?? undefined;
      const changed = status !== row.status || (note !== undefined && note !== row.status_notes);
      const updated = changed ? await store.changeStatus(kommun.id, row.reference, { status, note }) : row;
      await store.markSynced(row.id, id === row.external_id ? undefined : id);
      return updated ?? row;
    } catch (error) {
      log.warn({ err: error, kommun: kommun.id, reference: row.reference }, 'reading a status back failed');
      return row;
    }
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
