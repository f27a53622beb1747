import { createHash, timingSafeEqual } from 'node:crypto';

/** Compares a presented key with the configured one in constant time (hashing first evens out lengths). */
export function sameSecret(expected: string, given: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(given));
}
