/** The staff side's moves in a news item's life (see `_shared/publishing` for the lifecycle). */
import { AppError } from '../../_shared/errors';
import type { NewsDoc } from '../../_shared/models';
import { goPublic, type PublishDecision } from '../../_shared/publishing';
import type { Patch } from '../../_shared/repo/write';
import { messages } from './i18n';

/** The item, unless it is missing or deleted (NOT_FOUND). */
export function existing(current: NewsDoc | null): NewsDoc {
  if (!current || current.status === 'deleted') throw new AppError('NOT_FOUND', messages.newsNotFound);
  return current;
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
