import { MY_ENQUIRIES_PAGE_SIZE } from '../../../../contract/constants';
import type { MyEnquiry } from '../../../../contract/api/enquiry';
import type { Page } from '../../../../contract/api/common';
import { requireOpenId, type Context } from '../../../_shared/function';
import { afterCursor, toPage } from '../../../_shared/paging/page';
import { listMine } from '../repo/enquiries';
import { enquirySummary } from '../summary';

const EXCERPT_CHARS = 60;

/** The caller's own enquiries with their status; never anyone else's. */
export async function mine(input: { cursor?: string }, ctx: Context): Promise<Page<MyEnquiry>> {
  const openId = requireOpenId(ctx);
  const page = await listMine(openId, afterCursor(input.cursor), MY_ENQUIRIES_PAGE_SIZE);
  return toPage(
    page,
    (doc) => doc.createdAt,
    (doc) => {
      const chars = [...doc.message];
      return {
        ...enquirySummary(doc),
        excerpt: chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : doc.message,
        lastReplyAt: doc.lastReplyAt ? new Date(doc.lastReplyAt).toISOString() : null,
      };
    },
  );
}
