import { Type, type Static, type TSchema } from 'typebox';

/** Most items one page may hold; a client asking for more gets this many. */
export const maxPageSize = 100;
/** Items per page when the client does not say. */
export const defaultPageSize = 20;

/**
 * Query parameters of a paged list: `cursor` (opaque, from the last page's `nextCursor`) for
 * lists read onwards, or `page` (from 1) for lists shown with page numbers; `pageSize` for both.
 */
export const PageQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512, description: 'Where the last page ended: its `nextCursor`, as it was.' })),
    page: Type.Optional(Type.Integer({ minimum: 1, description: 'Page number, from 1.' })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: maxPageSize, default: defaultPageSize, description: `Items per page, at most ${String(maxPageSize)}.` })),
  },
  { additionalProperties: false },
);
export type PageQuery = Static<typeof PageQuery>;

/** A page of a list read onwards: its items and, when there are more, the cursor of the next page. */
export const CursorPage = <Item extends TSchema>(item: Item) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Optional(Type.String({ description: 'Pass as `cursor` for the next page; absent on the last page.' })),
  });

/** A page of a list with page numbers: its items, where it is and how many there are in all. */
export const NumberedPage = <Item extends TSchema>(item: Item) =>
  Type.Object({
    items: Type.Array(item),
    page: Type.Integer({ minimum: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: maxPageSize }),
    total: Type.Integer({ minimum: 0, description: 'Items in the whole list.' }),
  });

/**
 * The schema of one page of a list of `item`: by cursor (`items`, `nextCursor`) or numbered
 * (`items`, `page`, `pageSize`, `total`). Every paged list of the contract is one of these.
 */
export function Page<Item extends TSchema>(item: Item, by: 'cursor'): ReturnType<typeof CursorPage<Item>>;
export function Page<Item extends TSchema>(item: Item, by: 'number'): ReturnType<typeof NumberedPage<Item>>;
export function Page<Item extends TSchema>(item: Item, by: 'cursor' | 'number') {
  return by === 'cursor' ? CursorPage(item) : NumberedPage(item);
}

export interface CursorPageOf<Item> {
  items: Item[];
  nextCursor?: string;
}
export interface NumberedPageOf<Item> {
  items: Item[];
  page: number;
  pageSize: number;
  total: number;
}
/** One page of a list, as the gateway answers it. */
export type PageOf<Item> = CursorPageOf<Item> | NumberedPageOf<Item>;
