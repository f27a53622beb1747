import { sql } from 'kysely';

/**
 * A service's counter of reference numbers, one row per kommun and year. Each service keeps
 * its own counter table (created by its migrations), so its numbers run on their own.
 */
export interface ReferenceCounterTable {
  kommun_id: string;
  year: number;
  value: number;
}

/** Where a statement runs: the database or a transaction on it. */
type Executor = Parameters<ReturnType<typeof sql>['execute']>[0];

/** `EXS-2026-000042`: the kommun's prefix, the year, and the year's running number. */
export const formatReference = (prefix: string, year: number, value: number): string => `${prefix}-${String(year)}-${String(value).padStart(6, '0')}`;

/**
 * The next reference number of a kommun in a counter table. One statement that takes the
 * row's lock, so two requests at once never get the same number; run it in the transaction
 * that stores the case, so a case that is not stored uses up no number.
 */
export async function nextReference(db: Executor, counter: string, kommunId: string, prefix: string, now = new Date()): Promise<string> {
  const year = now.getFullYear();
  const { rows } = await sql<{ value: number }>`
    insert into ${sql.table(counter)} (kommun_id, year, value) values (${kommunId}, ${year}, 1)
    on conflict (kommun_id, year) do update set value = ${sql.table(counter)}.value + 1
    returning value`.execute(db);
  const value = rows[0]?.value;
  if (value === undefined) throw new Error(`no value from the reference counter ${counter}`);
  return formatReference(prefix, year, value);
}

/**
 * `nextReference` as a common table expression, with one row `{ reference }`, for a write that
 * stores its case in the same statement (`db.with('next_reference', () => nextReferenceCte(…))`):
 * the counter row's lock is then held for that one statement only, not across a transaction's
 * round trips, and a statement that fails (a unique violation further on) uses up no number.
 * The number is formatted as `formatReference` does.
 */
export function nextReferenceCte(counter: string, kommunId: string, prefix: string, now = new Date()) {
  const year = now.getFullYear();
  // In parentheses: Kysely writes a raw expression into `with name as …` as it is.
  return sql<{ reference: string }>`(
    insert into ${sql.table(counter)} (kommun_id, year, value) values (${kommunId}, ${year}, 1)
    on conflict (kommun_id, year) do update set value = ${sql.table(counter)}.value + 1
    returning ${prefix}::text || '-' || year::text || '-' || lpad(value::text, greatest(6, length(value::text)), '0') as reference)`;
}
