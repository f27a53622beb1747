/**
 * Distances on the map, TypeBox-free (`@kommunkit/contract/geo-rules`): the gateway and the
 * widgets measure them the same way, and a widget bundle takes only this module for it.
 */

/**
 * Great-circle distance in metres between two WGS84 points (haversine): how the gateway decides
 * what is within a nearby search's radius, and how far from the place the widget says a report is.
 */
export function metresBetween(a: { lat: number; long: number }, b: { lat: number; long: number }): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.long - a.long) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}
