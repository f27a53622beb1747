import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * A service's counter of reference numbers, one row per kommun and year. Each service keeps
 * its own counter table (created by its migrations), so its numbers run on their own.
 */
export interface ReferenceCounterTable {
  kommun_id: string;
  year: number;
  value: number;
}

/**
 * The next reference number of a kommun in a counter table, as a common table expression with
 * one row `{ reference }`, for a write that stores its case in the same statement
 * (`db.with('next_reference', () => nextReferenceCte(…))`). The upsert takes the counter row's
 * lock, so two writes at once never get the same number; the lock is held for that statement
 * (or until its transaction commits), not across round trips that number and store separately,
 * and a statement that fails (a unique violation further on) uses up no number.
 * The reference is `EXS-2026-000042`: the prefix, the year, and the year's running number.
 *
 * With `only`, a condition checked in the same statement (a limit, say), the counter moves only
 * when it holds; otherwise the CTE has no row, so a case inserted with `select … from
 * next_reference` is not stored either and no number is used.
 */
export function nextReferenceCte(counter: string, kommunId: string, prefix: string, { now = new Date(), only }: { now?: Date; only?: Expression<SqlBool> } = {}) {
  const year = now.getFullYear();
  const row = only === undefined ? sql`values (${kommunId}, ${year}, 1)` : sql`select ${kommunId}, ${year}, 1 where ${only}`;
  // In parentheses: Kysely writes a raw expression into `with name as …` as it is.
  return sql<{ reference: string }>`(
    insert into ${sql.table(counter)} (kommun_id, year, value) ${row}
    on conflict (kommun_id, year) do update set value = ${sql.table(counter)}.value + 1
    returning ${prefix}::text || '-' || year::text || '-' || lpad(value::text, greatest(6, length(value::text)), '0') as reference)`;
}
