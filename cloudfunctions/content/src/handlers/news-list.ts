import type { NewsListOutput } from '../../../../contract/api/content';
import type { Context } from '../../../_shared/function';
import { decodeNewsCursor, encodeNewsCursor } from '../cursors';
import { coverFileIds, newsListItem } from '../present';
import { tempFileUrls } from '../repo/files';
import { listVisibleNews, visibleNewsCategories } from '../repo/news';
import type { NewsListInput } from '../schema';

/**
 * Published news, pinned first, then newest, optionally of one tag or category; one page after the
 * cursor. The first page also names every category with published items, for the filter strip.
 */
export async function newsList(input: NewsListInput, ctx: Context): Promise<NewsListOutput> {
  const first = !input.cursor;
  const [page, categories] = await Promise.all([
    listVisibleNews({
      now: ctx.now,
      tag: input.tag,
      category: input.category,
      after: input.cursor ? decodeNewsCursor(input.cursor) : null,
      limit: input.limit,
    }),
    first ? visibleNewsCategories(ctx.now) : undefined,
  ]);
  const urls = await tempFileUrls(page.items.flatMap((doc) => coverFileIds(doc.cover)));
  const last = page.items[page.items.length - 1];
  return {
    items: page.items.map((doc) => newsListItem(doc, urls)),
    nextCursor:
      page.hasMore && last
        ? encodeNewsCursor({
            pinned: last.pinned === true,
            publishAt: new Date(last.publishAt),
            id: last._id,
          })
        : null,
    ...(categories ? { categories } : {}),
  };
}
