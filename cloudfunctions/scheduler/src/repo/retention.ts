import { COLLECTIONS } from '../../../../contract/constants';
import type { Enquiry } from '../../../../contract/models';
import { _, db } from '../../../_shared/repo/db';

/** Enquiries (with any stored files) whose retention ended, oldest first. */
export async function expiredEnquiries(
  now: Date,
  limit: number,
): Promise<(Pick<Enquiry, '_id'> & { files?: string[] })[]> {
  const { data } = await db
    .collection(COLLECTIONS.enquiries)
    .where({ retainUntil: _.lte(now) })
    .field({ _id: true, files: true })
    .orderBy('retainUntil', 'asc')
    .limit(limit)
    .get();
  return data as (Pick<Enquiry, '_id'> & { files?: string[] })[];
}

/** Deletes those of `ids` still past retention (re-checked in the query); answers how many. */
export async function removeExpiredEnquiries(ids: string[], now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const { deleted } = (await db
    .collection(COLLECTIONS.enquiries)
    .where({ _id: _.in(ids), retainUntil: _.lte(now) })
    .remove()) as { deleted?: number };
  return deleted ?? 0;
}

/** Removes rate-limit records untouched since `before` (all their stamps are older); answers how many. */
export async function pruneRateLimits(before: Date): Promise<number> {
  const { deleted } = (await db
    .collection(COLLECTIONS.rateLimits)
    .where({ updatedAt: _.lt(before) })
    .remove()) as { deleted?: number };
  return deleted ?? 0;
}
