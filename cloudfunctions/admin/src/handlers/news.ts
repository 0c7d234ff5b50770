import { COLLECTIONS, DEFAULT_CATEGORY } from '../../../../contract/constants';
import type {
  NewsDetail,
  NewsPublishOutput,
  NewsSummary,
  RenderedMarkdown,
  StaffNewsStatus,
} from '../../../../contract/api/admin';
import type { Page } from '../../../../contract/api/common';
import { AppError, DEFAULT_MESSAGES } from '../../../_shared/errors';
import type { StaffContext } from '../guard';
import { messages, STAFF_SOURCE } from '../i18n';
import type { NewsDoc } from '../../../_shared/models';
import { emptyReport, fanOutNews } from '../../../_shared/notify';
import { preview } from '../preview';
import { decidePublish, decideUnpublish, existing, isEdited } from '../publishing';
import { createNews, findNews, listNews } from '../repo/news';
import { changeNews } from '../../../_shared/repo/news';
import { STAFF_NEWS_STATUSES, type NewsSaveInput } from '../schema';
import { afterCursor, toPage } from '../../../_shared/paging/page';
import { privateFileErrors } from '../../../_shared/validation';
import { compact, iso, isoOrUndefined, STAFF_PAGE_SIZE } from './common';

/** Time the publishing call spends telling subscribers; the scheduler finishes the rest. */
const FAN_OUT_BUDGET_MS = 12_000;

const target = (id: string) => `${COLLECTIONS.news}/${id}`;

function summary(doc: NewsDoc): NewsSummary {
  return compact({
    id: doc._id,
    title: doc.title,
    summary: doc.summary,
    status: doc.status as StaffNewsStatus,
    // Items written before categories existed read as the default.
    category: doc.category ?? DEFAULT_CATEGORY,
    tags: doc.tags ?? [],
    pinned: doc.pinned ?? false,
    cover: doc.cover?.fileId ? { fileId: doc.cover.fileId, alt: doc.cover.alt } : undefined,
    publishAt: isoOrUndefined(doc.publishAt),
    publishedAt: isoOrUndefined(doc.publishedAt),
    dateLabel: doc.dateLabel,
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
    edited: isEdited(doc),
  });
}

export async function newsList(
  input: { status?: StaffNewsStatus; cursor?: string },
  _ctx: StaffContext,
): Promise<Page<NewsSummary>> {
  const statuses = input.status ? [input.status] : STAFF_NEWS_STATUSES;
  const page = await listNews(statuses, afterCursor(input.cursor), STAFF_PAGE_SIZE);
  return toPage(page, (doc) => doc.updatedAt, summary);
}

export async function newsGet(
  input: { id: string },
  _ctx: StaffContext,
): Promise<{ item: NewsDetail; preview: RenderedMarkdown }> {
  const doc = await findNews(input.id);
  if (!doc) throw new AppError('NOT_FOUND', messages.newsNotFound);
  return { item: { ...summary(doc), body: doc.body }, preview: await preview(doc.body) };
}

export async function newsPreview(input: { body: string }, _ctx: StaffContext) {
  return { nodes: await preview(input.body) };
}

/** New → a draft; an existing item gets the editor's fields and keeps its status (published stays published). */
export async function newsSave(
  input: NewsSaveInput,
  ctx: StaffContext,
): Promise<{ id: string; status: StaffNewsStatus }> {
  const fields = {
    title: input.title,
    summary: input.summary,
    body: input.body,
    tags: input.tags,
    pinned: input.pinned,
    cover: input.cover,
    updatedAt: ctx.now,
  };
  // A save without a category files a new item under the default and leaves an existing one's alone.
  const category = input.category ? { category: input.category } : {};
  if (!input.id) {
    const id = await createNews(
      compact({
        ...fields,
        category: input.category ?? DEFAULT_CATEGORY,
        status: 'draft' as const,
        source: STAFF_SOURCE,
        createdAt: ctx.now,
      }),
      (newId) => ({ ...ctx.audit, target: target(newId), details: { status: 'draft' } }),
      ctx.now,
    );
    return { id, status: 'draft' };
  }
  const id = input.id;
  return changeNews(id, ctx.now, (current) => {
    const item = existing(current);
    return {
      patch: { ...fields, ...category },
      audit: { ...ctx.audit, target: target(id), details: { status: item.status } },
      result: { id, status: item.status as StaffNewsStatus },
    };
  });
}

/** Publishes now (and tells subscribers) or, with a future `at`, schedules. */
export async function newsPublish(
  input: { id: string; at?: Date },
  ctx: StaffContext,
): Promise<NewsPublishOutput> {
  const { id } = input;
  const decided = await changeNews(id, ctx.now, (current) => {
    const item = existing(current);
    const privateFiles = privateFileErrors(item);
    if (Object.keys(privateFiles).length > 0) {
      throw new AppError('INVALID_ARGUMENT', DEFAULT_MESSAGES.INVALID_ARGUMENT, privateFiles);
    }
    const decision = decidePublish(item, input.at, ctx.now);
    return {
      patch: decision.patch,
      audit: {
        ...ctx.audit,
        target: target(id),
        details: { from: item.status, to: decision.status, publishAt: iso(decision.publishAt) },
      },
      result: { decision, title: item.title },
    };
  });
  const { decision, title } = decided;
  const notifications = decision.fanOut
    ? await fanOutNews({ id, title, publishAt: decision.publishAt }, FAN_OUT_BUDGET_MS)
    : emptyReport();
  return { id, status: decision.status, publishAt: iso(decision.publishAt), notifications };
}

export async function newsUnpublish(
  input: { id: string },
  ctx: StaffContext,
): Promise<{ id: string; status: 'archived' | 'draft' }> {
  const { id } = input;
  return changeNews(id, ctx.now, (current) => {
    const item = existing(current);
    const { patch, status } = decideUnpublish(item);
    return {
      patch,
      audit: { ...ctx.audit, target: target(id), details: { from: item.status, to: status } },
      result: { id, status },
    };
  });
}

/** Soft deletion: the item disappears from every list but stays in the database. */
export async function newsDelete(input: { id: string }, ctx: StaffContext): Promise<{ id: string }> {
  const { id } = input;
  return changeNews(id, ctx.now, (current) => {
    const item = existing(current);
    return {
      patch: { status: 'deleted', deletedAt: ctx.now },
      audit: { ...ctx.audit, target: target(id), details: { from: item.status } },
      result: { id },
    };
  });
}
