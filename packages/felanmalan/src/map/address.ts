import { nearestAddress } from '@kommunkit/sdk/felanmalan-geocoder';
import type { FelanmalanController } from '../controller.js';

/** Longest wait for the address register; then the place is shown by its coordinates. */
const waitMs = 8000;

/**
 * Names a chosen position by its nearest address for `views.ts` ("Nära Storgatan 12"), in a
 * chunk of its own that loads with the first pin or position. Asked once per position: the
 * address, or null when none is near or no answer came in time (the coordinates are shown then).
 */
export async function nameOf(c: FelanmalanController, lat: number, long: number): Promise<void> {
  const key = `${lat},${long}`;
  const places = (c.places ??= new Map());
  // The positions being asked about now, in this widget.
  const pending = c.stateOf(nameOf, () => new Set<string>());
  if (places.has(key) || pending.has(key)) return;
  pending.add(key);
  const client = c.options.client();
  let label: string | null = null;
  try {
    label = (client && (await nearestAddress(client, { lat, long }, { signal: AbortSignal.timeout(waitMs) }))?.label) || null;
  } catch {
    // No answer: the coordinates, which always work.
  }
  pending.delete(key);
  places.set(key, label);
  c.host.requestUpdate();
}
