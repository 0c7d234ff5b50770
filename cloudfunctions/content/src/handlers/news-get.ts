import type { NewsDetail } from '../../../../contract/api/content';
import { AppError } from '../../../_shared/errors';
import type { Context } from '../../../_shared/function';
import { coverFileIds, newsListItem } from '../present';
import { tempFileUrls } from '../repo/files';
import { getVisibleNews } from '../repo/news';
import type { ByIdInput } from '../schema';

/** One published news item with its body rendered; anything the public may not see is NOT_FOUND. */
export async function newsGet(input: ByIdInput, ctx: Context): Promise<NewsDetail> {
  const doc = await getVisibleNews(input.id, ctx.now);
  if (!doc) throw new AppError('NOT_FOUND');
  // Loaded on first use: the list and home actions, a partner's first screen, do not pay for it.
  const { cloudImageSources, renderMarkdown, withResolvedImages } = await import('../../../_shared/markdown');
  const body = renderMarkdown(doc.body);
  const urls = await tempFileUrls([...coverFileIds(doc.cover), ...cloudImageSources(body)]);
  return {
    ...newsListItem(doc, urls),
    body: withResolvedImages(body, urls),
    source: doc.source,
  };
}
