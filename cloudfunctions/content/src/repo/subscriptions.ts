import { COLLECTIONS } from '../../../../contract/constants';
import type { SubscriptionTopic } from '../../../../contract/models';
import { db } from '../../../_shared/repo/db';

export { claimSubscription } from '../../../_shared/repo/subscriptions';

/** The caller's unused subscriptions of a topic (index openid_topic_status). */
export async function countOpen(openId: string, topic: SubscriptionTopic): Promise<number> {
  const { total } = await db
    .collection(COLLECTIONS.subscriptions)
    .where({ _openid: openId, topic, status: 'open' })
    .count();
  return Number(total);
}
