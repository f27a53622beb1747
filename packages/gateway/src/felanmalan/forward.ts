import { reportStatuses, type Open311RequestCreated, type Open311ServiceRequest, type ReportStatus } from '@kommunkit/contract';
import type { FastifyBaseLogger } from 'fastify';
import type { FelanmalanSettings, KommunConfig } from '../config/schema.js';
import type { ReportStore, StoredReport } from './store.js';

type Forward = NonNullable<FelanmalanSettings['forward']>;

/** Where a kommun's reports go on to, when it uses the Open311 adapter. */
export const forwardTarget = (settings: FelanmalanSettings): Forward | undefined =>
  settings.adapter === 'open311' ? settings.forward : undefined;

/** How long a status read back from the kommun's server is trusted before asking again. */
const freshForMs = 30_000;
const timeoutMs = 10_000;

const isStatus = (value: unknown): value is ReportStatus => reportStatuses.includes(value as ReportStatus);

/**
 * The Open311 adapter: reports are kept here (the citizen's reference, photos, history) and
 * sent on to the kommun's own Open311 server, whose status is read back when the citizen
 * looks. A report the server could not take is not lost: it stays here and is sent again on
 * the next look or sync.
 */
export class Open311Forwarder {
  constructor(
    private readonly store: ReportStore,
    private readonly mediaUrl: (kommun: KommunConfig, photoId: string) => string,
    private readonly log: FastifyBaseLogger,
  ) {}

  private url(forward: Forward, path: string, query: Record<string, string> = {}): string {
    const url = new URL(`${forward.url.replace(/\/$/, '')}/${path}`);
    if (forward.jurisdictionId) url.searchParams.set('jurisdiction_id', forward.jurisdictionId);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return url.href;
  }

  /** Sends a stored report to the kommun's server; true when it took it. */
  async send(kommun: KommunConfig, forward: Forward, row: StoredReport): Promise<boolean> {
    const body = new URLSearchParams({ api_key: forward.apiKey, service_code: row.service_code, description: row.description });
    const optional: [string, string | number | null][] = [
      ['lat', row.lat],
      ['long', row.long],
      ['address_string', row.address_string],
      ['address_id', row.address_id],
      ['first_name', row.first_name],
      ['last_name', row.last_name],
      ['email', row.email],
      ['phone', row.phone],
    ];
    for (const [name, value] of optional) if (value !== null) body.set(name, String(value));
    for (const [code, value] of Object.entries(row.attributes)) {
      if (Array.isArray(value)) for (const item of value) body.append(`attribute[${code}][]`, item);
      else body.set(`attribute[${code}]`, value);
    }
    const [photo] = row.photoIds;
    if (photo) body.set('media_url', this.mediaUrl(kommun, photo));
    try {
      const response = await fetch(this.url(forward, 'requests.json'), { method: 'POST', body, signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) throw new Error(`HTTP ${String(response.status)}: ${await response.text()}`);
      const [created] = (await response.json()) as Open311RequestCreated;
      const externalId = created?.service_request_id ?? (created?.token ? `token:${created.token}` : undefined);
      if (!externalId) throw new Error('no service_request_id or token in the answer');
      await this.store.setExternal(row.id, externalId);
      return true;
    } catch (error) {
      this.log.warn({ err: error, kommun: kommun.id, reference: row.reference }, 'forwarding a report failed; it will be sent again');
      return false;
    }
  }

  /** The report with its status read back from the kommun's server, when that is due. */
  async refresh(kommun: KommunConfig, forward: Forward, row: StoredReport): Promise<StoredReport> {
    if (row.synced_at && Date.now() - row.synced_at.getTime() < freshForMs) return row;
    if (!row.external_id) {
      await this.send(kommun, forward, row);
      return (await this.store.byReference(kommun.id, row.reference)) ?? row;
    }
    try {
      const id = await this.resolve(forward, row.external_id);
      if (!id) return row;
      const response = await fetch(this.url(forward, `requests/${encodeURIComponent(id)}.json`, { extensions: 'true' }), { signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) throw new Error(`HTTP ${String(response.status)}`);
      const [remote] = (await response.json()) as Open311ServiceRequest[];
      if (!remote) throw new Error('empty answer');
      const detailed = remote.extended_attributes?.detailed_status;
      const status: ReportStatus = isStatus(detailed) ? detailed : remote.status === 'closed' ? 'atgardad' : (row.status as ReportStatus);
      const note = remote.status_notes ?? undefined;
      const changed = status !== row.status || (note !== undefined && note !== row.status_notes);
      const updated = changed ? await this.store.changeStatus(kommun.id, row.reference, { status, note }) : row;
      await this.store.markSynced(row.id, id === row.external_id ? undefined : id);
      return updated ?? row;
    } catch (error) {
      this.log.warn({ err: error, kommun: kommun.id, reference: row.reference }, 'reading a status back failed');
      return row;
    }
  }

  /** A token from a server that answers later is exchanged for its id when there is one. */
  private async resolve(forward: Forward, externalId: string): Promise<string | undefined> {
    if (!externalId.startsWith('token:')) return externalId;
    const response = await fetch(this.url(forward, `tokens/${encodeURIComponent(externalId.slice(6))}.json`), { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return undefined;
    const [entry] = (await response.json()) as { service_request_id?: string }[];
    return entry?.service_request_id;
  }
}
