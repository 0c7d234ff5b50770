import { isDuplicateKeyError } from '../cloud';
import { COLLECTIONS } from '../../../contract/constants';
import { MAX_SEND_ATTEMPTS, type NotificationDoc } from '../models';
import { _, db } from './db';

const collection = () => db.collection(COLLECTIONS.notifications);

/** The deterministic `_id` that makes queuing idempotent: one message per item and subscription. */
export function notificationId(itemId: string, subscriptionId: string): string {
  return `${itemId}:${subscriptionId}`;
}

/** Queues a message; `false` when it was queued before (a duplicate `_id`), which is not an error. */
export async function queueNotification(doc: NotificationDoc): Promise<boolean> {
  try {
    await collection().add(doc);
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/**
 * Claims a message for sending: `pending` or `failed` (with attempts left) → `sending`, as one
 * conditional update, so of two concurrent senders exactly one sends it.
 */
export async function claimNotification(id: string, now: Date): Promise<boolean> {
  const { updated } = (await collection()
    .where({ _id: id, status: _.in(['pending', 'failed']), attempts: _.lt(MAX_SEND_ATTEMPTS) })
    .update({ status: 'sending', claimedAt: now, updatedAt: now })) as { updated?: number };
  return updated === 1;
}

export async function markSent(id: string, now: Date): Promise<void> {
  await collection()
    .where({ _id: id, status: 'sending' })
    .update({ status: 'sent', sentAt: now, updatedAt: now, attempts: _.inc(1), lastError: _.remove() });
}

export async function markFailed(id: string, error: string, now: Date): Promise<void> {
  await collection()
    .where({ _id: id, status: 'sending' })
    .update({ status: 'failed', lastError: error, updatedAt: now, attempts: _.inc(1) });
}

/** Gives up on a message that is no longer wanted (its item went offline) unless it is being sent. */
export async function cancelNotification(id: string, reason: string, now: Date): Promise<void> {
  await collection()
    .where({ _id: id, status: _.in(['pending', 'failed']) })
    .update({ status: 'cancelled', lastError: reason, updatedAt: now });
}

/** Messages still to send: queued, or failed with attempts left; oldest first. */
export async function retryableNotifications(limit: number): Promise<NotificationDoc[]> {
  const { data } = await collection()
    .where({ status: _.in(['pending', 'failed']), attempts: _.lt(MAX_SEND_ATTEMPTS) })
    .orderBy('createdAt', 'asc')
    .limit(limit)
    .get();
  return data as NotificationDoc[];
}

/** Deletes every message addressed to `openId`; answers how many. */
export async function removeNotificationsTo(openId: string): Promise<number> {
  const { deleted } = (await collection().where({ touser: openId }).remove()) as { deleted?: number };
  return deleted ?? 0;
}
