import { CATEGORIES, COLLECTIONS } from '../../../../contract/constants';
import type { Category, NewsItem } from '../../../../contract/models';
import { _, db } from '../../../_shared/repo/db';
import { NEWS_LIST_FIELDS } from '../fields';

/** A published news item as lists show it: no body. */
export type NewsListDoc = Pick<
  NewsItem,
  '_id' | 'title' | 'summary' | 'cover' | 'tags' | 'pinned' | 'dateLabel'
> &
  // Absent on items stored before categories existed.
  Partial<Pick<NewsItem, 'category'>> & {
    publishAt: Date;
  };

export type PublicNewsDoc = NewsListDoc & Pick<NewsItem, 'body' | 'source'>;

/** Where a page ends in the list order (pinned first, then newest `publishAt`, then `_id`). */
export interface NewsPosition {
  pinned: boolean;
  publishAt: Date;
  id: string;
}

/** What the public may see: published, and its publish time has come (index status_pinned_publishAt_id). */
function visible(now: Date) {
  return { status: 'published', publishAt: _.lte(now) };
}

/**
 * Strictly after `after` in the list order: a range on the sort key, so deep pages cost what the
 * first does. "Older, or as old with a smaller id" is written as `publishAt ≤ t AND (publishAt < t OR
 * _id < id)`: one range bound on publishAt the index can seek to, and no equality on a date.
 */
function afterPosition(after: NewsPosition) {
  const sameGroup = _.and([
    { pinned: after.pinned, publishAt: _.lte(after.publishAt) },
    _.or([{ publishAt: _.lt(after.publishAt) }, { _id: _.lt(after.id) }]),
  ]);
  // Pinned items come first, so after a pinned one every unpinned item follows.
  return after.pinned ? _.or([{ pinned: false }, sameGroup]) : sameGroup;
}

export async function listVisibleNews(query: {
  now: Date;
  tag?: string;
  category?: Category;
  after: NewsPosition | null;
  limit: number;
}): Promise<{ items: NewsListDoc[]; hasMore: boolean }> {
  const filter = {
    ...visible(query.now),
    ...(query.tag !== undefined ? { tags: query.tag } : {}),
    ...(query.category !== undefined ? { category: query.category } : {}),
  };
  const { data } = await db
    .collection(COLLECTIONS.news)
    .where(query.after ? _.and([filter, afterPosition(query.after)]) : filter)
    .orderBy('pinned', 'desc')
    .orderBy('publishAt', 'desc')
    .orderBy('_id', 'desc')
    .field(NEWS_LIST_FIELDS)
    .limit(query.limit + 1)
    .get();
  const items = data as NewsListDoc[];
  return { items: items.slice(0, query.limit), hasMore: items.length > query.limit };
}

/**
 * The categories with at least one item the public may see now, in the order of `CATEGORIES`: one
 * indexed look-up per category (index category_status_pinned_publishAt_id), however many items there are.
 */
export async function visibleNewsCategories(now: Date): Promise<Category[]> {
  const found = await Promise.all(
    CATEGORIES.map(async (category) => {
      const { data } = await db
        .collection(COLLECTIONS.news)
        .where({ category, ...visible(now) })
        .field({ _id: true })
        .limit(1)
        .get();
      return data.length > 0;
    }),
  );
  return CATEGORIES.filter((_category, index) => found[index]);
}

/** The item if the public may see it now; null for drafts, scheduled, future, archived, deleted and unknown ids. */
export async function getVisibleNews(id: string, now: Date): Promise<PublicNewsDoc | null> {
  const { data } = await db
    .collection(COLLECTIONS.news)
    .where({ _id: id, ...visible(now) })
    .field({ ...NEWS_LIST_FIELDS, body: true, source: true })
    .limit(1)
    .get();
  return (data[0] as PublicNewsDoc | undefined) ?? null;
}
