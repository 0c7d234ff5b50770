import { COLLECTIONS } from '../../../contract/constants';
import type { AnySubscription, NotificationTopic } from '../models';
import type { AuditDraft } from './audit';
import { _, db } from './db';
import type { After } from './keyset';
import { insertWithAudit } from './write';

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

/** Records one accepted one-time subscription for `openId`, with its audit entry, in one transaction. */
export function addSubscription(
  openId: string,
  topic: NotificationTopic,
  auditFor: (id: string) => AuditDraft,
  now: Date,
): Promise<string> {
  return insertWithAudit(
    COLLECTIONS.subscriptions,
    { _openid: openId, topic, status: 'open', createdAt: now },
    auditFor,
    now,
  );
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
