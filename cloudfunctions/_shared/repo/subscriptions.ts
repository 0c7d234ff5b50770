import { COLLECTIONS } from '../../../contract/constants';
import type { AnySubscription, NotificationTopic } from '../models';
import { createHash } from 'node:crypto';
import { isDuplicateKeyError } from '../cloud';
import { _, db } from './db';
import type { After } from './keyset';

const collection = () => db.collection(COLLECTIONS.subscriptions);

/**
 * Open subscriptions of `topic` accepted no later than `cutoff`, oldest first, after the position
 * `after` (`createdAt`, `_id`) of the previous batch: a fan-out walks them once, whether it uses a
 * credit or leaves it open (a reader's further credits stay for later items).
 */
export async function openSubscriptions(
  topic: NotificationTopic,
  cutoff: Date,
  after: After | null,
  limit: number,
): Promise<AnySubscription[]> {
  const open = { topic, status: 'open', createdAt: _.lte(cutoff) };
  const query = after
    ? _.and([open, _.or([{ createdAt: _.gt(after.at) }, { createdAt: after.at, _id: _.gt(after.id) }])])
    : open;
  const { data } = await collection()
    .where(query)
    .orderBy('createdAt', 'asc')
    .orderBy('_id', 'asc')
    .limit(limit)
    .get();
  return data as AnySubscription[];
}

/**
 * Uses a subscription up: a conditional update that only an open subscription passes, so of two
 * concurrent publishers exactly one gets it (`true`).
 */
export async function useSubscription(id: string, now: Date): Promise<boolean> {
  const { updated } = (await collection()
    .where({ _id: id, status: 'open' })
    .update({ status: 'used', usedAt: now })) as { updated?: number };
  return updated === 1;
}

/** The `_id` of `openId`'s `slot`-th credit of `topic`: the reader appears hashed. */
function slotId(openId: string, topic: NotificationTopic, slot: number): string {
  return `${topic}-${createHash('sha256').update(openId).digest('hex').slice(0, 32)}-${slot}`;
}

/**
 * Records one accepted one-time subscription for `openId`, unless `max` are open already; answers
 * its `_id`, or null when the cap is reached. Each credit lives in one of `max` slots with a fixed
 * `_id`, claimed by a conditional write (a new document, or a used one made open again), so however
 * many calls race, no more than `max` are ever open at once.
 */
export async function claimSubscription(
  openId: string,
  topic: NotificationTopic,
  max: number,
  now: Date,
): Promise<string | null> {
  for (let slot = 0; slot < max; slot += 1) {
    const id = slotId(openId, topic, slot);
    try {
      await collection().add({ _id: id, _openid: openId, topic, status: 'open', createdAt: now });
      return id;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const { updated } = (await collection()
      .where({ _id: id, status: 'used' })
      .update({ status: 'open', createdAt: now, usedAt: _.remove() })) as { updated?: number };
    if (updated === 1) return id;
  }
  return null;
}

/** How many open subscriptions of `topic` `openId` holds. */
export async function countOpenOf(openId: string, topic: NotificationTopic): Promise<number> {
  const { total } = await collection().where({ _openid: openId, topic, status: 'open' }).count();
  return total;
}

/** Readers holding at least one open subscription of `topic`. */
export async function countOpenSubscribers(topic: NotificationTopic): Promise<number> {
  const { data } = (await collection()
    .aggregate()
    .match({ topic, status: 'open' })
    .group({ _id: '$_openid' })
    .count('subscribers')
    .end()) as { data: { subscribers?: number }[] };
  return data[0]?.subscribers ?? 0;
}

/** Deletes every subscription of `openId` (of one topic, when given); answers how many. */
export async function removeSubscriptionsOf(openId: string, topic?: NotificationTopic): Promise<number> {
  const { deleted } = (await collection()
    .where({ _openid: openId, ...(topic ? { topic } : {}) })
    .remove()) as { deleted?: number };
  return deleted ?? 0;
}
