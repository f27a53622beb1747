import { open311Status, reportStatuses } from '@kommunkit/contract';
import { isStorableDate } from '../../../http/hygiene.js';
import type { ReportFilter } from '../store.js';
import { Open311Error } from './format.js';

export type Query = Record<string, string | undefined>;

/**
 * The query as every Open311 route reads it: a parameter given empty (`status=`, as clients
 * that fill in a template send every field) is one not given. A required one, such as
 * `jurisdiction_id`, is then missing and refused as such.
 */
export const givenQuery = (query: unknown): Query =>
  Object.fromEntries(Object.entries((query ?? {}) as Query).filter(([, value]) => value !== undefined && value !== ''));

const isoTimestamp = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const maxRangeDays = 90;

/** `GET requests` query parameters as a filter, every refusal in Open311's words naming its parameter; empty ones are absent. */
export function requestsFilter(raw: Query): ReportFilter {
  const query = givenQuery(raw);
  const number = (name: string): number | undefined => {
    if (query[name] === undefined) return undefined;
    const value = Number(query[name]);
    if (!Number.isFinite(value)) throw Open311Error.of(400, `${name} ska vara ett tal.`, name);
    return value;
  };
  const date = (name: string): Date | undefined => {
    const text = query[name];
    if (!text) return undefined;
    // Only ISO 8601 as the spec says, and only years PostgreSQL and every client can store.
    const value = isoTimestamp.test(text) ? new Date(text) : new Date(Number.NaN);
    if (!isStorableDate(value)) {
      throw Open311Error.of(400, `${name} ska vara en tidpunkt i ISO 8601, till exempel 2026-11-01T00:00:00+01:00.`, name);
    }
    return value;
  };
  const start = date('start_date');
  const end = date('end_date');
  if (start && end && end.getTime() - start.getTime() > maxRangeDays * 86_400_000) {
    throw Open311Error.of(400, `Högst ${String(maxRangeDays)} dagar mellan start_date och end_date.`, 'end_date');
  }
  const statusFilter = query.status?.split(',').map((status) => status.trim());
  if (statusFilter?.some((status) => status !== 'open' && status !== 'closed')) throw Open311Error.of(400, 'status ska vara open eller closed.', 'status');
  const lat = number('lat');
  const long = number('long');
  if (lat !== undefined && Math.abs(lat) > 90) throw Open311Error.of(400, 'lat ska vara en latitud mellan -90 och 90 (WGS84).', 'lat');
  if (long !== undefined && Math.abs(long) > 180) throw Open311Error.of(400, 'long ska vara en longitud mellan -180 och 180 (WGS84).', 'long');
  const radius = Math.min(number('radius') ?? 200, 5000);
  const pageSize = Math.min(Math.max(number('page_size') ?? 50, 1), 200);
  return {
    ...(query.service_request_id ? { references: query.service_request_id.split(',').map((id) => id.trim()) } : {}),
    ...(query.service_code ? { serviceCodes: query.service_code.split(',') } : {}),
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(statusFilter ? { statuses: reportStatuses.filter((status) => statusFilter.includes(open311Status(status))) } : {}),
    ...(lat !== undefined && long !== undefined ? { near: { lat, long, radius } } : {}),
    limit: pageSize,
  };
}
