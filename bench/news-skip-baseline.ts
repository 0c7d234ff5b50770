/**
 * A bench-only cloud function: `news.list`'s query and order (content/src/repo/news.ts), paged by
 * `skip` instead of a cursor. bench/functions.ts deploys it beside the app's functions, so the skip
 * baseline pays the same function hop as `news.list` and the two differ only in how they page.
 */
import { createApp } from '../cloudfunctions/_shared/cloud';
import { NEWS_LIST_FIELDS } from '../cloudfunctions/content/src/fields';
import { COLLECTIONS } from '../contract/constants';

const db = createApp().database();
const _ = db.command;

export interface SkipPageEvent {
  skip: number;
  limit: number;
}

export async function main(event: SkipPageEvent): Promise<{ items: unknown[] }> {
  const { data } = await db
    .collection(COLLECTIONS.news)
    .where({ status: 'published', publishAt: _.lte(new Date()) })
    .orderBy('pinned', 'desc')
    .orderBy('publishAt', 'desc')
    .orderBy('_id', 'desc')
    .field(NEWS_LIST_FIELDS)
    .skip(event.skip)
    .limit(event.limit)
    .get();
  return { items: data };
}
