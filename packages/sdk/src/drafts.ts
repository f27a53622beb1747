import type { Draft, DraftBody, ServiceId } from '@kommunkit/contract';
import { problemTypes } from '@kommunkit/contract/routes';
import { ApiError } from './errors.js';
import type { KommunkitClient } from './client.js';
import type { CallOptions } from './http.js';

/** The logged-in citizen's saved, unfinished form per service (needs a session: 401 otherwise). */
export interface Drafts {
  /** The saved draft, or null when there is none. */
  get(service: ServiceId, options?: CallOptions): Promise<Draft | null>;
  /**
   * Saves (replaces) the draft and answers it with its new `revision`. Pass the `revision` of
   * the draft the citizen's edit started from (what `get` or the last `save` answered): if the
   * draft was saved meanwhile from another browser or device, or deleted, the gateway changes
   * nothing and this throws an {@link ApiError} with status 409 and type
   * `problemTypes.conflict` — load the draft again and let the citizen choose. Without
   * `revision` the save is unconditional (the first save). Retried safely: a retry of a save
   * that went through is answered with that save.
   */
  save(service: ServiceId, body: DraftBody, options?: CallOptions): Promise<Draft>;
  /** Throws the draft away (no error when there is none). */
  delete(service: ServiceId, options?: CallOptions): Promise<void>;
}

/**
 * The logged-in citizen's drafts at the client's gateway and kommun. A function of its own, not a
 * member of the client, so widgets without drafts do not carry it.
 */
export function draftsFor({ request }: Pick<KommunkitClient, 'request'>): Drafts {
  return {
    async get(service, { signal } = {}) {
      try {
        return await request('getDraft', { params: { service }, signal });
      } catch (error) {
        // Only "no draft": a 404 for a service the kommun has not enabled is a real error.
        if (error instanceof ApiError && error.status === 404 && error.type === problemTypes.notFound) return null;
        throw error;
      }
    },
    save: (service, body, { signal } = {}) => request('saveDraft', { params: { service }, body, idempotent: true, signal }),
    async delete(service, { signal } = {}) {
      await request('deleteDraft', { params: { service }, idempotent: true, signal });
    },
  };
}
