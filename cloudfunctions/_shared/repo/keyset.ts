import { _, db } from './db';

/** A position in a list sorted by (`key` desc, `_id` desc). */
export interface After {
  at: Date;
  id: string;
}

export interface PageOf<T> {
  items: T[];
  hasMore: boolean;
}

/** One page of `filter`'s documents, newest `key` first, after the cursor position. */
export async function pageDesc<T>(
  collection: string,
  filter: Record<string, unknown>,
  key: string,
  after: After | null,
  limit: number,
): Promise<PageOf<T>> {
  const query = after
    ? _.and([filter, _.or([{ [key]: _.lt(after.at) }, { [key]: after.at, _id: _.lt(after.id) }])])
    : filter;
  const { data } = await db
    .collection(collection)
    .where(query)
    .orderBy(key, 'desc')
    .orderBy('_id', 'desc')
    .limit(limit + 1)
    .get();
  const items = data as T[];
  return { items: items.slice(0, limit), hasMore: items.length > limit };
}
