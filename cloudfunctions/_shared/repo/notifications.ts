import { createHash } from 'node:crypto';
import { isDuplicateKeyError } from '../cloud';
import { COLLECTIONS } from '../../../contract/constants';
import { MAX_SEND_ATTEMPTS, type NotificationDoc } from '../models';
import { _, db } from './db';

const collection = () => db.collection(COLLECTIONS.notifications);

/**
 * The deterministic `_id` that makes a reader's message about an item unique: one per item and
 * reader. The reader appears hashed, so the id itself (in logs, in the audit) names nobody.
 */
export function notificationId(itemId: string, touser: string): string {
  return `${itemId}:${createHash('sha256').update(touser).digest('hex').slice(0, 32)}`;
}

/**
 * Claims the reader's one message about the item (status `reserved`); `false` when it was claimed
 * before (a duplicate `_id`), by this fan-out or a concurrent one, which is not an error.
 */
export async function reserveNotification(doc: NotificationDoc): Promise<boolean> {
  try {
    await collection().add(doc);
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/** A reserved message whose credit is now used up becomes `pending`, ready to send. */
export async function attachSubscription(id: string, subscriptionId: string, now: Date): Promise<void> {
  await collection()
    .where({ _id: id, status: 'reserved' })
    .update({ status: 'pending', subscriptionId, updatedAt: now });
}

/** Drops a reservation the reader had no credit for, so a credit found later can still be used. */
export async function releaseReservation(id: string): Promise<void> {
  await collection().where({ _id: id, status: 'reserved' }).remove();
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

/**
 * Deletes every message addressed to `openId`, and those about `itemIds` (staff alerts naming the
 * person's enquiries); answers how many.
 */
export async function removeNotificationsOf(openId: string, itemIds: string[] = []): Promise<number> {
  const query =
    itemIds.length > 0 ? _.or([{ touser: openId }, { itemId: _.in(itemIds) }]) : { touser: openId };
  const { deleted } = (await collection().where(query).remove()) as { deleted?: number };
  return deleted ?? 0;
}
