import { createHash } from 'node:crypto';

/**
 * An Idempotency-Key stands for one request: a retry with the same key and the same payload
 * gets the first answer; the same key with another payload is refused (422, as Stripe does),
 * so a client bug never silently drops a second, different report.
 */
export class IdempotencyConflict extends Error {
  override name = 'IdempotencyConflict';
  constructor() {
    super('Nyckeln i Idempotency-Key har redan använts för en annan begäran. Skicka den nya begäran med en ny nyckel.');
  }
}

/** SHA-256 over the request's parts, each length-prefixed so that no two payloads hash alike by concatenation. */
export function requestHash(parts: Iterable<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part) : part;
    hash.update(`${String(bytes.byteLength)}:`).update(bytes);
  }
  return hash.digest('base64url');
}
