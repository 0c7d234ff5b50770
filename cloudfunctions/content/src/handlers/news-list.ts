import type { NewsListItem } from '../../../../contract/api/content';
import type { Page } from '../../../../contract/api/common';
import type { Context } from '../../../_shared/function';
import { decodeNewsCursor, encodeNewsCursor } from '../cursors';
import { coverFileIds, newsListItem } from '../present';
import { tempFileUrls } from '../repo/files';
import { listVisibleNews } from '../repo/news';
import type { NewsListInput } from '../schema';

/** Published news, pinned first, then newest; one page after the cursor. */
export async function newsList(input: NewsListInput, ctx: Context): Promise<Page<NewsListItem>> {
  const page = await listVisibleNews({
    now: ctx.now,
    tag: input.tag,
    after: input.cursor ? decodeNewsCursor(input.cursor) : null,
    limit: input.limit,
  });
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
  };
}
