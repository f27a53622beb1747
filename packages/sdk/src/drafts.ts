import type { Draft, DraftBody, ServiceId } from '@kommunkit/contract';
import { problemTypes } from '@kommunkit/contract/routes';
import { ApiError } from './errors.js';
import type { CallOptions, Request } from './http.js';

/** The logged-in citizen's saved, unfinished form per service (needs a session: 401 otherwise). */
export interface Drafts {
  /** The saved draft, or null when there is none. */
  get(service: ServiceId, options?: CallOptions): Promise<Draft | null>;
  /** Saves (replaces) the draft; retried safely, as a PUT is idempotent. */
  save(service: ServiceId, body: DraftBody, options?: CallOptions): Promise<Draft>;
  /** Throws the draft away (no error when there is none). */
  delete(service: ServiceId, options?: CallOptions): Promise<void>;
}

export function createDrafts(request: Request): Drafts {
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
