/**
 * This tab's sessionStorage, or undefined where the browser blocks it (privacy settings, a
 * sandboxed iframe): callers then keep what they hold in the page only.
 */
export function sessionStore(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}
