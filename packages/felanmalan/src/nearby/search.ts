import { metresBetween } from '@kommunkit/contract/geo-rules';
import type { KommunkitClient } from '@kommunkit/sdk';
import { felanmalanFor, type Open311ServiceRequest } from '@kommunkit/sdk/felanmalan';
import { searchAddresses } from '@kommunkit/sdk/felanmalan-geocoder';
import type { Position } from '../types.js';

/*
 * The search behind "Är felet redan anmält?", in a chunk of its own that the place page's
 * "Fortsätt" loads: near the pin, or near the address the citizen typed as the kommun's address
 * register finds it.
 */

/** What the search reads of the widget's controller (described here: the controller loads this module). */
export interface Asked {
  options: { client(): KommunkitClient | undefined };
  placeForm: { values: { position: Position | null; address: string } };
  categoryForm: { values: { serviceCode: string } };
}

/** An open report near the place, with its distance from it in metres when it has a position. */
export type NearbyReport = Open311ServiceRequest & { distance?: number | undefined };

/**
 * Where a typed place is: the register's first hit for the whole text, or else for its part
 * before a comma ("Storgatan 12, vid busskuren"); undefined when it finds neither.
 */
async function positionOf(client: KommunkitClient, address: string): Promise<Position | undefined> {
  const text = address.trim();
  for (const q of new Set([text, text.split(/[,\n]/)[0]!.trim()])) {
    // Longer than the register takes (100 characters), it is a description, not an address.
    if (!q || q.length > 100) continue;
    const [first] = await searchAddresses(client, q);
    if (first) return { lat: first.lat, long: first.long };
  }
  return undefined;
}

/**
 * Open reports of the category near the pin, or else near the typed address: nearest first, at
 * most five, each with its distance. A help, so a failure (the register's too) is none found.
 */
export async function nearbyFor(c: Asked): Promise<NearbyReport[]> {
  const client = c.options.client();
  const { position, address } = c.placeForm.values;
  if (!client) return [];
  try {
    const at = position ?? (await positionOf(client, address));
    if (!at) return [];
    const reports = await felanmalanFor(client).nearby({ ...at, serviceCode: c.categoryForm.values.serviceCode });
    return reports
      .map((report) => ({ ...report, distance: report.lat === undefined || report.long === undefined ? undefined : metresBetween(at, { lat: report.lat, long: report.long }) }))
      .sort((a, b) => (a.distance ?? Infinity) - (b.distance ?? Infinity))
      .slice(0, 5);
  } catch {
    return [];
  }
}
