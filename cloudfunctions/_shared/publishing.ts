/**
 * The life of a news item: draft → scheduled (publish time in the future) → published → archived,
 * and soft deletion from any state. Pure decisions over the current document, shared by the admin
 * actions and the scheduler; the repositories apply them in a transaction with the audit entry.
 *
 * Dates: `publishAt` is when the item goes (or went) public and orders the public list;
 * `publishedAt` is when it first actually did; `updatedAt` is the last change to its content. An
 * item edited after publication has `updatedAt > publishedAt`, which the public page shows as 已更新.
 */
import type { NewsDoc } from './models';
import type { Patch } from './repo/write';

export interface PublishDecision {
  patch: Patch;
  status: 'published' | 'scheduled';
  publishAt: Date;
  /** Subscribers are still to be told (first publication, or an unfinished fan-out). */
  fanOut: boolean;
}

/** Goes public now: the first time with fresh dates and a fan-out; again (after archiving) as it was. */
export function goPublic(current: NewsDoc, now: Date): PublishDecision {
  if (current.publishedAt) {
    return {
      patch: { status: 'published' },
      status: 'published',
      publishAt: current.publishAt ?? current.publishedAt,
      fanOut: current.fanOut === 'pending',
    };
  }
  return {
    patch: { status: 'published', publishAt: now, publishedAt: now, updatedAt: now, fanOut: 'pending' },
    status: 'published',
    publishAt: now,
    fanOut: true,
  };
}

/** The scheduler's move: a scheduled item whose time has come goes public; anything else stays. */
export function decideDue(current: NewsDoc | null, now: Date): PublishDecision | null {
  if (
    !current ||
    current.status !== 'scheduled' ||
    !current.publishAt ||
    current.publishAt.getTime() > now.getTime()
  ) {
    return null;
  }
  const decision = goPublic(current, now);
  if (!current.publishedAt) {
    // It went public at its scheduled time, which orders it in the public list.
    decision.patch.publishAt = current.publishAt;
    decision.publishAt = current.publishAt;
  }
  return decision;
}
