import type { Unit } from '@kommunkit/sdk/barnomsorg';

const words = (text: string): string[] => text.toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);

/**
 * The units the search and the area filter leave, in the kommun's order: every word typed must
 * be in the name, the address or the profile (as the gateway's `q` does), and the area must be
 * the one chosen (none: every area).
 */
export function searchUnits(units: readonly Unit[], query: string, area: string): Unit[] {
  const wanted = words(query);
  return units.filter((unit) => {
    if (area && unit.area !== area) return false;
    const haystack = `${unit.name} ${unit.address} ${unit.profile}`.toLocaleLowerCase('sv');
    return wanted.every((word) => haystack.includes(word));
  });
}
