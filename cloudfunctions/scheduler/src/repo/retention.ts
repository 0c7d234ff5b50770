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

async function removeWhere(collection: string, query: object): Promise<number> {
  const { deleted } = (await db.collection(collection).where(query).remove()) as { deleted?: number };
  return deleted ?? 0;
}

/**
 * Deletes records kept only for a while once done with, older than `before`: used subscriptions,
 * messages no longer to be sent (sent, cancelled, failed for good, or a reservation left by a
 * crash) and cached machine translations. Answers how many.
 */
export async function purgeMessageRecords(before: Date): Promise<number> {
  const counts = await Promise.all([
    removeWhere(COLLECTIONS.subscriptions, { status: 'used', usedAt: _.lt(before) }),
    removeWhere(COLLECTIONS.notifications, {
      status: _.in(['sent', 'cancelled', 'failed', 'reserved']),
      updatedAt: _.lt(before),
    }),
    removeWhere(COLLECTIONS.translations, { createdAt: _.lt(before) }),
  ]);
  return counts.reduce((sum, count) => sum + count, 0);
}
