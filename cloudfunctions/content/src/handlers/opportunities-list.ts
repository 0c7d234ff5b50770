import { OPPORTUNITIES_PAGE_SIZE } from '../../../../contract/constants';
import type { OpportunityListItem } from '../../../../contract/api/content';
import type { Page } from '../../../../contract/api/common';
import type { Context } from '../../../_shared/function';
import { decodeOpportunityCursor, encodeOpportunityCursor } from '../cursors';
import { opportunityListItem } from '../present';
import { listVisibleOpportunities } from '../repo/opportunities';
import type { OpportunitiesListInput } from '../schema';

/** Published opportunities, newest first, optionally of one category; one page after the cursor. */
export async function opportunitiesList(
  input: OpportunitiesListInput,
  ctx: Context,
): Promise<Page<OpportunityListItem>> {
  const page = await listVisibleOpportunities({
    now: ctx.now,
    category: input.type,
    after: input.cursor ? decodeOpportunityCursor(input.cursor) : null,
    limit: OPPORTUNITIES_PAGE_SIZE,
  });
  const last = page.items[page.items.length - 1];
  return {
    items: page.items.map((doc) => opportunityListItem(doc, ctx.now)),
    nextCursor:
      page.hasMore && last
        ? encodeOpportunityCursor({ publishedAt: new Date(last.publishedAt), id: last._id })
        : null,
  };
}
