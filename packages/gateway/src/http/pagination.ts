import { defaultPageSize, maxPageSize, problemTypes, type CursorPageOf, type FieldError, type NumberedPageOf } from '@kommunkit/contract';
import { HttpProblem } from './problem.js';

/** Which page a list request asks for: onwards from a cursor, or by number. */
export type PageRequest =
  | { by: 'cursor'; pageSize: number; /** What `cursorOf` put in the last page's cursor; absent on the first page. */ after?: unknown[] }
  | { by: 'number'; pageSize: number; page: number; offset: number };

const isWhole = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

/** A cursor is the values the list is ordered by at the last item, so the next page starts after it without counting. */
export const encodeCursor = (values: readonly unknown[]): string => Buffer.from(JSON.stringify(values)).toString('base64url');

function decodeCursor(cursor: string): unknown[] | undefined {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(values) ? values : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads `cursor`, `page` and `pageSize` (the contract's `PageQuery`, with the schema's checks
 * or without them) into a page request. Every bad value is a 400 naming its parameter; a list
 * is read by cursor or by number, never both.
 */
export function pageRequest<By extends PageRequest['by']>(query: { cursor?: unknown; page?: unknown; pageSize?: unknown }, by: By): Extract<PageRequest, { by: By }> {
  const errors: FieldError[] = [];
  const pageSize = query.pageSize ?? defaultPageSize;
  if (!isWhole(pageSize) || pageSize < 1 || pageSize > maxPageSize) {
    errors.push({ pointer: '/querystring/pageSize', detail: `Ska vara ett heltal från 1 till ${String(maxPageSize)}` });
  }
  let after: unknown[] | undefined;
  let page = 1;
  if (by === 'cursor') {
    if (query.page !== undefined) errors.push({ pointer: '/querystring/page', detail: 'Listan bläddras med cursor, inte sidnummer' });
    if (query.cursor !== undefined) {
      after = typeof query.cursor === 'string' ? decodeCursor(query.cursor) : undefined;
      if (!after) errors.push({ pointer: '/querystring/cursor', detail: 'Är inte en cursor som gatewayen har lämnat ut' });
    }
  } else {
    if (query.cursor !== undefined) errors.push({ pointer: '/querystring/cursor', detail: 'Listan bläddras med sidnummer, inte cursor' });
    if (query.page !== undefined) {
      if (isWhole(query.page) && query.page >= 1) page = query.page;
      else errors.push({ pointer: '/querystring/page', detail: 'Ska vara ett heltal från 1' });
    }
  }
  if (errors.length > 0) throw new HttpProblem(400, problemTypes.validation, undefined, errors);
  const size = pageSize as number;
  const request: PageRequest = by === 'cursor' ? { by, pageSize: size, ...(after ? { after } : {}) } : { by: 'number', pageSize: size, page, offset: (page - 1) * size };
  return request as Extract<PageRequest, { by: By }>;
}

/**
 * A page read onwards. Fetch one item more than `pageSize`: whether it came is whether
 * there is a next page, and the cursor points after the last item kept.
 */
export function cursorPage<Item>(fetched: readonly Item[], request: { pageSize: number }, cursorOf: (item: Item) => unknown[]): CursorPageOf<Item> {
  const items = fetched.slice(0, request.pageSize);
  const last = items.at(-1);
  return fetched.length > request.pageSize && last !== undefined ? { items, nextCursor: encodeCursor(cursorOf(last)) } : { items };
}

/** A numbered page: its items, where it is and the list's total. */
export function numberedPage<Item>(items: readonly Item[], request: { page: number; pageSize: number }, total: number): NumberedPageOf<Item> {
  return { items: items.slice(0, request.pageSize), page: request.page, pageSize: request.pageSize, total };
}
