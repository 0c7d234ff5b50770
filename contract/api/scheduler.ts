import type { NotifyReport } from './admin';

/** What one scheduler run did (also recorded in `audit` as `scheduler.run`). */
export interface SchedulerRunReport {
  /** Scheduled news items that went public. */
  published: number;
  /** Their ids (which items the audit entry is about). */
  publishedIds: string[];
  /** Messages from fan-outs this run started or resumed. */
  notified: NotifyReport;
  /** Queued or failed messages sent again (sent + failed). */
  retried: number;
  /** Messages given up because their item went offline. */
  cancelled: number;
  /** Enquiries deleted because their retention ended. */
  erased: number;
  /** Stored files of those enquiries deleted. */
  files: number;
  /** Rate-limit records older than their window removed. */
  pruned: number;
  /** Old CSV exports removed from storage. */
  exports: number;
  /**
   * Used subscriptions, finished message records and cached translations older than
   * MESSAGE_RECORD_RETENTION_DAYS deleted.
   */
  purged: number;
  /** Jobs that failed this run (the next run tries again). */
  errors: string[];
}

/**
 * The `scheduler` function runs only on its timer trigger (`every-5-minutes`); the event is the
 * platform's timer event, not `{ action }`. A call from the mini program is FORBIDDEN.
 */
export interface SchedulerApi {
  timer: { input: never; output: SchedulerRunReport };
}
