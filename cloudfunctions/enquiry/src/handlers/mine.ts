import { MY_ENQUIRIES_PAGE_SIZE } from '../../../../contract/constants';
import type { MyEnquiry } from '../../../../contract/api/enquiry';
import type { Page } from '../../../../contract/api/common';
import { decodeCursor, encodeCursor } from '../../../_shared/cursor';
import { requireOpenId, type Context } from '../../../_shared/function';
import { listMine } from '../repo/enquiries';

const EXCERPT_CHARS = 60;

/** The caller's own enquiries with their status; never anyone else's. */
export async function mine(input: { cursor?: string }, ctx: Context): Promise<Page<MyEnquiry>> {
  const openId = requireOpenId(ctx);
  const after = input.cursor ? decodeCursor(input.cursor, ['date', 'string']) : null;
  const page = await listMine(
    openId,
    after ? { createdAt: after[0] as Date, id: after[1] as string } : null,
    MY_ENQUIRIES_PAGE_SIZE,
  );
  const items = page.items.map((doc) => {
    const chars = [...doc.message];
    return {
      id: doc._id,
      topic: doc.topic,
      organization: doc.organization,
      excerpt: chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : doc.message,
      status: doc.status,
      createdAt: new Date(doc.createdAt).toISOString(),
      updatedAt: new Date(doc.updatedAt).toISOString(),
    };
  });
  const last = page.items[page.items.length - 1];
  return {
    items,
    nextCursor: page.hasMore && last ? encodeCursor([new Date(last.createdAt), last._id]) : null,
  };
}
