import { CursorPage, maxPageSize, NumberedPage, Page, PageQuery, problemTypes } from '@kommunkit/contract';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { cursorPage, encodeCursor, numberedPage, pageRequest } from '../src/http/pagination.js';
import { HttpProblem } from '../src/http/problem.js';

const Booking = Type.Object({ id: Type.String() });
const bookings = Array.from({ length: 7 }, (_, index) => ({ id: `b${String(index + 1)}` }));

/** The field errors a bad page request is refused with. */
function refusal(run: () => unknown): { status: number; type: string; pointers: string[] } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof HttpProblem)) throw error;
    return { status: error.status, type: error.type, pointers: (error.errors ?? []).map((field) => field.pointer) };
  }
  throw new Error('not refused');
}

describe('contract: Page schemas', () => {
  it('builds a cursor page and a numbered page of any item', () => {
    expect(Page(Booking, 'cursor')).toEqual(CursorPage(Booking));
    expect(Page(Booking, 'number')).toEqual(NumberedPage(Booking));
    expect(Value.Check(CursorPage(Booking), { items: [{ id: 'b1' }], nextCursor: 'abc' })).toBe(true);
    expect(Value.Check(CursorPage(Booking), { items: [] })).toBe(true);
    expect(Value.Check(CursorPage(Booking), { items: [{ id: 1 }] })).toBe(false);
    expect(Value.Check(NumberedPage(Booking), { items: [], page: 1, pageSize: 20, total: 0 })).toBe(true);
    expect(Value.Check(NumberedPage(Booking), { items: [], page: 0, pageSize: 20, total: 0 })).toBe(false);
    expect(Value.Check(NumberedPage(Booking), { items: [], page: 1, pageSize: maxPageSize + 1, total: 0 })).toBe(false);
  });

  it('takes cursor, page and pageSize as query parameters, pageSize at most the maximum', () => {
    expect(Value.Check(PageQuery, { cursor: 'abc', pageSize: 10 })).toBe(true);
    expect(Value.Check(PageQuery, { page: 2 })).toBe(true);
    expect(Value.Check(PageQuery, { pageSize: maxPageSize + 1 })).toBe(false);
    expect(Value.Check(PageQuery, { page: 0 })).toBe(false);
    expect(Value.Check(PageQuery, { offset: 10 })).toBe(false);
  });
});

describe('gateway: pages of a list', () => {
  it('reads a list onwards by cursor: one more fetched says there is a next page, and its cursor starts after the last item', () => {
    const first = pageRequest({ pageSize: 3 }, 'cursor');
    expect(first).toEqual({ by: 'cursor', pageSize: 3 });
    const page = cursorPage(bookings.slice(0, 4), first, (item) => [item.id]);
    expect(page.items.map((item) => item.id)).toEqual(['b1', 'b2', 'b3']);
    expect(Value.Check(CursorPage(Booking), page)).toBe(true);
    expect(pageRequest({ cursor: page.nextCursor, pageSize: 3 }, 'cursor')).toEqual({ by: 'cursor', pageSize: 3, after: ['b3'] });

    const last = cursorPage(bookings.slice(6), first, (item) => [item.id]);
    expect(last).toEqual({ items: [{ id: 'b7' }] });
  });

  it('numbers pages from 1 with the offset of each, and the total', () => {
    expect(pageRequest({}, 'number')).toEqual({ by: 'number', pageSize: 20, page: 1, offset: 0 });
    const third = pageRequest({ page: 3, pageSize: 2 }, 'number');
    expect(third).toEqual({ by: 'number', pageSize: 2, page: 3, offset: 4 });
    const page = numberedPage(bookings.slice(4, 6), third, bookings.length);
    expect(page).toEqual({ items: [{ id: 'b5' }, { id: 'b6' }], page: 3, pageSize: 2, total: 7 });
    expect(Value.Check(NumberedPage(Booking), page)).toBe(true);
  });

  it('refuses every bad value at once, naming each parameter', () => {
    expect(refusal(() => pageRequest({ pageSize: 0, page: 1.5 }, 'number'))).toEqual({
      status: 400,
      type: problemTypes.validation,
      pointers: ['/querystring/pageSize', '/querystring/page'],
    });
    expect(refusal(() => pageRequest({ pageSize: maxPageSize + 1 }, 'cursor')).pointers).toEqual(['/querystring/pageSize']);
    expect(refusal(() => pageRequest({ cursor: 'not a cursor' }, 'cursor')).pointers).toEqual(['/querystring/cursor']);
    expect(refusal(() => pageRequest({ cursor: encodeCursor(['b1']) }, 'number')).pointers).toEqual(['/querystring/cursor']);
    expect(refusal(() => pageRequest({ page: 2 }, 'cursor')).pointers).toEqual(['/querystring/page']);
  });
});
