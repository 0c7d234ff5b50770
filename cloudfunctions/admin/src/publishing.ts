/**
 * The life of a news item: draft → scheduled (publish time in the future) → published → archived,
 * and soft deletion from any state. Pure decisions over the current document, shared by the admin
 * actions and the scheduler; the repositories apply them in a transaction with the audit entry.
 *
 * Dates: `publishAt` is when the item goes (or went) public and orders the public list;
 * `publishedAt` is when it first actually did; `updatedAt` is the last change to its content. An
 * item edited after publication has `updatedAt > publishedAt`, which the public page shows as 已更新.
 */
import { AppError } from '../../_shared/errors';
import { messages } from './i18n';
import type { NewsDoc } from './models';
import type { Patch } from './repo/write';

export interface PublishDecision {
  patch: Patch;
  status: 'published' | 'scheduled';
  publishAt: Date;
  /** Subscribers are still to be told (first publication, or an unfinished fan-out). */
  fanOut: boolean;
}

/** The item, unless it is missing or deleted (NOT_FOUND). */
export function existing(current: NewsDoc | null): NewsDoc {
  if (!current || current.status === 'deleted') throw new AppError('NOT_FOUND', messages.newsNotFound);
  return current;
}

/** Goes public now: the first time with fresh dates and a fan-out; again (after archiving) as it was. */
function goPublic(current: NewsDoc, now: Date): PublishDecision {
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

/** `news.publish`: a future `at` schedules the item, anything else publishes it now. */
export function decidePublish(current: NewsDoc, at: Date | undefined, now: Date): PublishDecision {
  if (at && at.getTime() > now.getTime()) {
    if (current.status === 'published') throw new AppError('CONFLICT', messages.publishedCannotBeScheduled);
    return {
      patch: { status: 'scheduled', publishAt: at },
      status: 'scheduled',
      publishAt: at,
      fanOut: false,
    };
  }
  if (current.status === 'published') {
    // Publishing again changes nothing; it only finishes a fan-out that was cut short.
    return {
      patch: {},
      status: 'published',
      publishAt: current.publishAt ?? now,
      fanOut: current.fanOut === 'pending',
    };
  }
  return goPublic(current, now);
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

/** `news.unpublish`: published → archived; scheduled → back to draft (the schedule is cancelled). */
export function decideUnpublish(current: NewsDoc): { patch: Patch; status: 'archived' | 'draft' } {
  if (current.status === 'published') return { patch: { status: 'archived' }, status: 'archived' };
  if (current.status === 'scheduled') {
    return { patch: { status: 'draft', publishAt: undefined }, status: 'draft' };
  }
  throw new AppError('CONFLICT', messages.notPublished);
}

/** Published, then edited. */
export function isEdited(doc: { status: string; publishedAt?: Date; updatedAt: Date }): boolean {
  return (
    doc.status === 'published' &&
    doc.publishedAt !== undefined &&
    new Date(doc.updatedAt).getTime() > new Date(doc.publishedAt).getTime()
  );
}
