import { decodeCursor, encodeCursor } from '../../_shared/paging/cursor';
import { AppError } from '../../_shared/errors';
import { docId } from '../../_shared/validation';
import type { NewsPosition } from './repo/news';
import type { OpportunityPosition } from './repo/opportunities';

/**
 * The opaque list cursors: base64url JSON of the last item's sort-key values
 * (news: [pinned, publishAt, _id]; opportunities: [publishedAt, _id]), checked value by value on the way in.
 */

function checkedId(id: string): string {
  if (!docId.safeParse(id).success) {
    throw new AppError('INVALID_ARGUMENT', '分页参数无效，请刷新后重试', { cursor: '分页参数无效' });
  }
  return id;
}

export function encodeNewsCursor(position: NewsPosition): string {
  return encodeCursor([position.pinned, position.publishAt, position.id]);
}

export function decodeNewsCursor(cursor: string): NewsPosition {
  const [pinned, publishAt, id] = decodeCursor(cursor, ['boolean', 'date', 'string']);
  return { pinned: pinned as boolean, publishAt: publishAt as Date, id: checkedId(id as string) };
}

export function encodeOpportunityCursor(position: OpportunityPosition): string {
  return encodeCursor([position.publishedAt, position.id]);
}

export function decodeOpportunityCursor(cursor: string): OpportunityPosition {
  const [publishedAt, id] = decodeCursor(cursor, ['date', 'string']);
  return { publishedAt: publishedAt as Date, id: checkedId(id as string) };
}
