import type { KommunkitClient } from '@kommunkit/sdk';
import type { SubmittedReport } from '@kommunkit/sdk/felanmalan';
import type { View } from './types.js';

/**
 * What this tab keeps of a report beside its draft (sessionStorage, one record per kommun): the
 * idempotency key of a send that got no answer, with a fingerprint of what it sent, so a reload
 * and a resend still file once; the filed report, so reloading the confirmation keeps its
 * number; and the view to come back to after a login started there.
 */
export interface Sent {
  send?: { key: string; fingerprint: string } | undefined;
  report?: SubmittedReport | undefined;
  view?: View | undefined;
}

const keyOf = (client: KommunkitClient): string => `kommunkit:felanmalan-sent:${client.kommun}`;
const isText = (value: unknown): value is string => typeof value === 'string';

/** The tab's record; what is unreadable or of the wrong shape counts as absent (storage is input too). */
export function readSent(client: KommunkitClient): Sent {
  try {
    const { send, report, view } = JSON.parse(sessionStorage.getItem(keyOf(client)) ?? '{}') as Record<string, Record<string, unknown> | undefined>;
    return {
      send: isText(send?.key) && isText(send.fingerprint) ? (send as Sent['send']) : undefined,
      report: isText(report?.reference) ? (report as unknown as SubmittedReport) : undefined,
      view: (view as unknown) === 'mina' ? 'mina' : undefined,
    };
  } catch {
    return {};
  }
}

/** Keeps the record, or removes it when nothing is left (blocked or full storage: the page's copy only). */
export function writeSent(client: KommunkitClient, sent: Sent): void {
  try {
    const text = JSON.stringify(sent);
    if (text === '{}') sessionStorage.removeItem(keyOf(client));
    else sessionStorage.setItem(keyOf(client), text);
  } catch {
    // Nothing to do: only a reload loses what the page holds.
  }
}
