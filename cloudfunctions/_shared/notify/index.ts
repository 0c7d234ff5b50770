/**
 * Subscription messages: each reader with an open subscription gets exactly one message per item,
 * never two, however many subscriptions (credits) they hold, and a failed send is recorded and retried.
 *
 * - Queue: per reader, first reserve the message under the deterministic `_id` `<itemId>:<reader>`
 *   (a second insert, by this or a concurrent fan-out, is a duplicate: that reader is done), then use
 *   up one of the reader's open subscriptions with a conditional update (`open` → `used`; of two
 *   concurrent publishers exactly one wins each credit). No credit left: the reservation is dropped.
 * - Send: claim the message with a conditional update (`pending | failed` → `sending`), so two
 *   concurrent senders never both send; then `sent`, or `failed` with `attempts + 1`. The scheduler
 *   retries `failed` (and leftover `pending`) messages up to MAX_SEND_ATTEMPTS.
 *
 * Delivery is at most once: a crash between reserving and queuing a message, or between sending and
 * recording `sent`, loses that one message rather than risking a second.
 */
import type { NotifyReport } from '../../../contract/api/admin';
import type { EnquiryTopic } from '../../../contract/models';
import {
  ENQUIRY_ALERT_TOPIC,
  NEWS_TOPIC,
  type AnySubscription,
  type NotificationTopic,
  type SubscribeMessage,
} from '../models';
import { staffIdsAmong } from '../repo/admins';
import { markFanOutDone, publishedIds } from '../repo/news';
import type { After } from '../repo/keyset';
import {
  attachSubscription,
  cancelNotification,
  notificationId,
  releaseReservation,
  retryableNotifications,
} from '../repo/notifications';
import { openSubscriptions, useSubscription } from '../repo/subscriptions';
import { enquiryAlertMessage, newsMessage } from './messages';
import { deliver, reserve } from './queue';

export { notificationId } from '../repo/notifications';

/** Subscriptions read per round of a fan-out. */
const FAN_OUT_BATCH = 100;
/** Requests to the database or WeChat in flight at once. */
const CONCURRENCY = 8;
/** Messages the scheduler retries per run. */
const RETRY_BATCH = 200;

export const emptyReport = (): NotifyReport => ({ queued: 0, sent: 0, failed: 0 });

/** Runs `work` over `items` with at most `limit` in flight. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Sends one queued message unless another sender has claimed it, and counts what became of it. */
async function deliverCounted(id: string, touser: string, message: SubscribeMessage, report: NotifyReport) {
  const delivery = await deliver(id, touser, message);
  if (delivery !== 'already') report[delivery] += 1;
}

interface FanOut {
  topic: NotificationTopic;
  itemId: string;
  message: SubscribeMessage;
  /** Only subscriptions accepted by then take part, so a fan-out ends. */
  cutoff: Date;
  /** Skip (leave open) subscriptions this says no to. */
  accept?: (openIds: string[]) => Promise<Set<string>>;
  /** Stop queuing new rounds after this moment (the rest is left for the scheduler). */
  deadline: number;
}

/**
 * Sends `touser` the item's one message, using up one of `credits` (their open subscriptions in this
 * batch, oldest first). True when the reader is done for this item (messaged now or before); false
 * when every credit was taken by a concurrent fan-out, so a later batch may still hold one.
 */
async function notifyReader(
  job: FanOut,
  touser: string,
  credits: AnySubscription[],
  report: NotifyReport,
): Promise<boolean> {
  const id = notificationId(job.itemId, touser);
  if (!(await reserve(id, { topic: job.topic, itemId: job.itemId, touser, message: job.message })))
    return true;
  for (const credit of credits) {
    if (!(await useSubscription(credit._id, new Date()))) continue;
    await attachSubscription(id, credit._id, new Date());
    report.queued += 1;
    await deliverCounted(id, touser, job.message, report);
    return true;
  }
  await releaseReservation(id);
  return false;
}

/** Walks the topic's open subscriptions once, sending each reader one message; true when all were handled. */
async function fanOut(job: FanOut, report: NotifyReport): Promise<boolean> {
  const done = new Set<string>();
  let after: After | null = null;
  for (;;) {
    if (Date.now() > job.deadline) return false;
    const batch = await openSubscriptions(job.topic, job.cutoff, after, FAN_OUT_BATCH);
    const last = batch[batch.length - 1];
    if (!last) return true;
    after = { at: last.createdAt, id: last._id };
    const byReader = new Map<string, AnySubscription[]>();
    for (const sub of batch) {
      if (!done.has(sub._openid)) byReader.set(sub._openid, [...(byReader.get(sub._openid) ?? []), sub]);
    }
    const accepted = job.accept ? await job.accept([...byReader.keys()]) : null;
    await eachLimited([...byReader], CONCURRENCY, async ([touser, credits]) => {
      if (accepted && !accepted.has(touser)) return;
      if (await notifyReader(job, touser, credits, report)) done.add(touser);
    });
  }
}

/**
 * Tells every reader with an open news subscription about a newly published item, then records
 * that the item's fan-out is done. Never throws: whatever is left (time ran out, an error) stays
 * pending and the scheduler finishes it.
 */
export async function fanOutNews(
  news: { id: string; title: string; publishAt: Date },
  budgetMs: number,
): Promise<NotifyReport> {
  const report = emptyReport();
  try {
    const done = await fanOut(
      {
        topic: NEWS_TOPIC,
        itemId: news.id,
        message: newsMessage(news),
        cutoff: new Date(),
        deadline: Date.now() + budgetMs,
      },
      report,
    );
    if (done) await markFanOutDone(news.id);
  } catch (error) {
    console.error(`[notify] fan-out of news ${news.id} stopped; the scheduler resumes it:`, error);
  }
  return report;
}

/**
 * Alerts staff who asked for it (an open `enquiry_alert` subscription) to a new enquiry. For the
 * `enquiry` function to call once the enquiry is stored; never throws, so an alert can never fail
 * a submission. Only current staff are alerted; the message carries no personal data.
 */
export async function notifyStaffOfEnquiry(
  enquiry: { id: string; ref?: string; topic: EnquiryTopic; createdAt: Date },
  budgetMs = 3000,
): Promise<NotifyReport> {
  const report = emptyReport();
  try {
    await fanOut(
      {
        topic: ENQUIRY_ALERT_TOPIC,
        itemId: enquiry.id,
        message: enquiryAlertMessage(enquiry),
        cutoff: new Date(),
        accept: staffIdsAmong,
        deadline: Date.now() + budgetMs,
      },
      report,
    );
  } catch (error) {
    console.error(`[notify] staff alert for enquiry ${enquiry.id} stopped:`, error);
  }
  return report;
}

/**
 * Sends queued messages and retries failed ones with attempts left (the scheduler's job). A news
 * message whose item is no longer published is cancelled instead.
 */
export async function retryNotifications(): Promise<NotifyReport & { cancelled: number }> {
  const report = { ...emptyReport(), cancelled: 0 };
  const due = await retryableNotifications(RETRY_BATCH);
  const newsIds = [...new Set(due.filter((n) => n.topic === NEWS_TOPIC).map((n) => n.itemId))];
  const live = await publishedIds(newsIds);
  await eachLimited(due, CONCURRENCY, async (notification) => {
    if (notification.topic === NEWS_TOPIC && !live.has(notification.itemId)) {
      await cancelNotification(notification._id, 'news no longer published', new Date());
      report.cancelled += 1;
      return;
    }
    await deliverCounted(notification._id, notification.touser, notification.message, report);
  });
  return report;
}
