import { decodeCursor, encodeCursor } from '../../_shared/paging/cursor';
import type { NewsPosition } from './repo/news';
import type { OpportunityPosition } from './repo/opportunities';

/**
 * The opaque list cursors: base64url JSON of the last item's sort-key values
 * (news: [pinned, publishAt, _id]; opportunities: [publishedAt, _id]), checked value by value on the way in.
 */

export function encodeNewsCursor(position: NewsPosition): string {
  return encodeCursor([position.pinned, position.publishAt, position.id]);
}

export function decodeNewsCursor(cursor: string): NewsPosition {
  const [pinned, publishAt, id] = decodeCursor(cursor, ['boolean', 'date', 'id']);
  return { pinned: pinned as boolean, publishAt: publishAt as Date, id: id as string };
}

export function encodeOpportunityCursor(position: OpportunityPosition): string {
  return encodeCursor([position.publishedAt, position.id]);
}

export function decodeOpportunityCursor(cursor: string): OpportunityPosition {
  const [publishedAt, id] = decodeCursor(cursor, ['date', 'id']);
  return { publishedAt: publishedAt as Date, id: id as string };
}
