import type { Page } from '../../../../contract/api/common';
import { decodeCursor, encodeCursor } from '../../../_shared/cursor';
import type { After, PageOf } from '../repo/db';

/** Items per page of every staff list. */
export const STAFF_PAGE_SIZE = 20;

export const iso = (date: Date): string => new Date(date).toISOString();
export const isoOrUndefined = (date: Date | undefined): string | undefined => (date ? iso(date) : undefined);

/** The cursor position a list resumes after. */
export function afterCursor(cursor: string | undefined): After | null {
  if (!cursor) return null;
  const [at, id] = decodeCursor(cursor, ['date', 'string']);
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

/** Drops keys whose value is undefined, so optional fields are absent rather than null. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
