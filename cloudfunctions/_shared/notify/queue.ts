import type { NotificationTopic, SubscribeMessage } from '../models';
import { claimNotification, markFailed, markSent, reserveNotification } from '../repo/notifications';
import { sendSubscribeMessage } from '../wechat';

/**
 * Reserves the one message `touser` gets for `itemId` under its deterministic `id`; false when it
 * was reserved before (by this or a concurrent sender), so that reader is done.
 */
export function reserve(
  id: string,
  notice: { topic: NotificationTopic; itemId: string; touser: string; message: SubscribeMessage },
): Promise<boolean> {
  const now = new Date();
  return reserveNotification({
    _id: id,
    ...notice,
    status: 'reserved',
    attempts: 0,
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * Claims a queued message, so two concurrent senders never both send it, sends it and records
 * `sent`, or `failed` for the scheduler to retry; `already` when another sender claimed it first.
 */
export async function deliver(
  id: string,
  touser: string,
  message: SubscribeMessage,
): Promise<'sent' | 'failed' | 'already'> {
  if (!(await claimNotification(id, new Date()))) return 'already';
  const outcome = await sendSubscribeMessage(touser, message);
  if (outcome.ok) {
    await markSent(id, new Date());
    return 'sent';
  }
  console.warn(`[notify] ${id} failed: ${outcome.error}`);
  await markFailed(id, outcome.error, new Date());
  return 'failed';
}
