import type { SchedulerRunReport } from '../../../contract/api/scheduler';
import { fanOutNews, retryNotifications } from '../../_shared/notify';
import { decideDue } from '../../_shared/publishing';
import { audit } from '../../_shared/repo/audit';
import { expiredExports, forgetExports } from '../../_shared/repo/exports';
import { changeNews, dueScheduledNews, newsAwaitingFanOut } from '../../_shared/repo/news';
import { deleteFiles } from '../../_shared/repo/storage';
import { MESSAGE_RECORD_RETENTION_DAYS } from '../../../contract/constants';
import {
  expiredEnquiries,
  pruneRateLimits,
  purgeMessageRecords,
  removeExpiredEnquiries,
} from './repo/retention';

export const SCHEDULER_ACTOR = 'scheduler';

/** Items handled per run; anything beyond waits five minutes for the next. */
const PUBLISH_BATCH = 50;
const FAN_OUT_BATCH = 20;
const ERASE_BATCH = 500;
const EXPORT_BATCH = 100;
/** The rate-limit window (one hour) after which a record holds nothing that counts. */
const RATE_WINDOW_MS = 3600_000;
/** Time all fan-outs of one run may take, within the function's 60 s. */
const FAN_OUT_BUDGET_MS = 30_000;

type Report = SchedulerRunReport;

/** Scheduled items whose time has come go public (each in its own transaction), then fan out. */
async function publishDue(now: Date, report: Report, deadline: number): Promise<void> {
  for (const item of await dueScheduledNews(now, PUBLISH_BATCH)) {
    const decision = await changeNews(item._id, now, (current) => {
      const due = decideDue(current, now);
      return { patch: due?.patch ?? {}, result: due };
    });
    if (!decision) continue;
    report.published += 1;
    report.publishedIds.push(item._id);
    if (decision.fanOut) {
      add(
        report.notified,
        await fanOutNews(
          { id: item._id, title: item.title, publishAt: decision.publishAt },
          Math.max(0, deadline - Date.now()),
        ),
      );
    }
  }
}

/** Fan-outs a publishing call could not finish (time ran out, an error) are resumed. */
async function resumeFanOuts(report: Report, deadline: number): Promise<void> {
  for (const item of await newsAwaitingFanOut(FAN_OUT_BATCH)) {
    if (Date.now() > deadline) return;
    add(
      report.notified,
      await fanOutNews(
        { id: item._id, title: item.title, publishAt: item.publishAt ?? item.publishedAt ?? item.updatedAt },
        Math.max(0, deadline - Date.now()),
      ),
    );
  }
}

async function retry(report: Report): Promise<void> {
  const outcome = await retryNotifications();
  report.retried += outcome.sent + outcome.failed;
  report.cancelled += outcome.cancelled;
}

/** Personal data is kept no longer than `retainUntil`: the enquiry goes, and any files it stored. */
async function eraseExpired(now: Date, report: Report): Promise<void> {
  for (;;) {
    const expired = await expiredEnquiries(now, ERASE_BATCH);
    if (expired.length === 0) return;
    report.files += await deleteFiles(expired.flatMap((doc) => doc.files ?? []));
    const erased = await removeExpiredEnquiries(
      expired.map((doc) => doc._id),
      now,
    );
    report.erased += erased;
    if (expired.length < ERASE_BATCH || erased === 0) return;
  }
}

async function prune(now: Date, report: Report): Promise<void> {
  report.pruned += await pruneRateLimits(new Date(now.getTime() - RATE_WINDOW_MS));
}

/** Records of subscriptions and messages (OPENIDs) and cached translations go after their stated period. */
async function purgeRecords(now: Date, report: Report): Promise<void> {
  report.purged += await purgeMessageRecords(
    new Date(now.getTime() - MESSAGE_RECORD_RETENTION_DAYS * 24 * 3600_000),
  );
}

async function removeOldExports(now: Date, report: Report): Promise<void> {
  const old = await expiredExports(now, EXPORT_BATCH);
  if (old.length === 0) return;
  report.exports += await deleteFiles(old.map((doc) => doc.fileId));
  await forgetExports(old.map((doc) => doc._id));
}

function add(total: Report['notified'], part: Report['notified']): void {
  total.queued += part.queued;
  total.sent += part.sent;
  total.failed += part.failed;
}

/**
 * One scheduler run. Each job runs even when an earlier one failed (the failure is logged and
 * named in `errors`; the next run tries again), and the run records one audit entry with counts.
 */
export async function run(now: Date): Promise<SchedulerRunReport> {
  const report: Report = {
    published: 0,
    publishedIds: [],
    notified: { queued: 0, sent: 0, failed: 0 },
    retried: 0,
    cancelled: 0,
    erased: 0,
    files: 0,
    pruned: 0,
    exports: 0,
    purged: 0,
    errors: [],
  };
  const deadline = Date.now() + FAN_OUT_BUDGET_MS;
  const jobs: [string, () => Promise<void>][] = [
    ['publish', () => publishDue(now, report, deadline)],
    ['fan-out', () => resumeFanOuts(report, deadline)],
    ['retry', () => retry(report)],
    ['retention', () => eraseExpired(now, report)],
    ['rate-limits', () => prune(now, report)],
    ['exports', () => removeOldExports(now, report)],
    ['message-records', () => purgeRecords(now, report)],
  ];
  for (const [name, job] of jobs) {
    try {
      await job();
    } catch (error) {
      console.error(`[scheduler] ${name} failed:`, error);
      report.errors.push(name);
    }
  }
  await audit({ actor: SCHEDULER_ACTOR, action: 'scheduler.run', details: { ...report } }, now);
  return report;
}
