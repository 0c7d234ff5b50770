import type { Page } from '../../../contract/api/common';
import type { After, PageOf } from '../repo/keyset';
import { decodeCursor, encodeCursor } from './cursor';

/** The position a list sorted by (date desc, `_id` desc) resumes after, from the client's cursor. */
export function afterCursor(cursor: string | undefined): After | null {
  if (!cursor) return null;
  const [at, id] = decodeCursor(cursor, ['date', 'id']);
  return { at: at as Date, id: id as string };
}

/** A page of views, with the cursor of its last document when more follow. */
export function toPage<D extends { _id: string }, V>(
  page: PageOf<D>,
  key: (doc: D) => Date,
  view: (doc: D) => V,
): Page<V> {
  const last = page.items[page.items.length - 1];
  return {
    items: page.items.map(view),
    nextCursor: page.hasMore && last ? encodeCursor([new Date(key(last)), last._id]) : null,
  };
}
