import { COLLECTIONS } from '../../../../contract/constants';
import type {
  OpportunityDetail,
  OpportunitySummary,
  RenderedMarkdown,
  StaffOpportunityStatus,
} from '../../../../contract/api/admin';
import type { Page } from '../../../../contract/api/common';
import type { Category } from '../../../../contract/models';
import { AppError, DEFAULT_MESSAGES } from '../../../_shared/errors';
import type { StaffContext } from '../guard';
import { messages, STAFF_SOURCE } from '../i18n';
import type { OpportunityDoc } from '../../../_shared/models';
import { preview } from '../preview';
import { isEdited } from '../publishing';
import {
  changeOpportunity,
  createOpportunity,
  findOpportunity,
  listOpportunities,
} from '../repo/opportunities';
import { STAFF_OPPORTUNITY_STATUSES, type OpportunitySaveInput } from '../schema';
import { afterCursor, toPage } from '../../../_shared/paging/page';
import { privateFileErrors } from '../../../_shared/validation';
import { compact, iso, isoOrUndefined, STAFF_PAGE_SIZE } from './common';

/**
 * Opportunities follow the news editor's pattern without scheduling or notifications:
 * draft → published → archived, soft deletion, edits after publication shown as updated.
 */

const target = (id: string) => `${COLLECTIONS.opportunities}/${id}`;

function existing(current: OpportunityDoc | null): OpportunityDoc {
  if (!current || current.status === 'deleted') {
    throw new AppError('NOT_FOUND', messages.opportunityNotFound);
  }
  return current;
}

function summary(doc: OpportunityDoc): OpportunitySummary {
  return compact({
    id: doc._id,
    category: doc.category,
    title: doc.title,
    summary: doc.summary,
    status: doc.status as StaffOpportunityStatus,
    availability: doc.availability,
    deadline: isoOrUndefined(doc.deadline),
    attachmentCount: doc.attachments?.length ?? 0,
    publishedAt: isoOrUndefined(doc.publishedAt),
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
    edited: isEdited(doc),
  });
}

export async function opportunitiesList(
  input: { status?: StaffOpportunityStatus; category?: Category; cursor?: string },
  _ctx: StaffContext,
): Promise<Page<OpportunitySummary>> {
  const statuses = input.status ? [input.status] : STAFF_OPPORTUNITY_STATUSES;
  const page = await listOpportunities(statuses, input.category, afterCursor(input.cursor), STAFF_PAGE_SIZE);
  return toPage(page, (doc) => doc.updatedAt, summary);
}

export async function opportunitiesGet(
  input: { id: string },
  _ctx: StaffContext,
): Promise<{ item: OpportunityDetail; preview: RenderedMarkdown }> {
  const doc = existing(await findOpportunity(input.id));
  return {
    item: compact({
      ...summary(doc),
      body: doc.body,
      audience: doc.audience,
      availabilityNote: doc.availabilityNote,
      participation: doc.participation,
      attachments: doc.attachments ?? [],
      contact: doc.contact,
    }),
    preview: await preview(doc.body),
  };
}

export async function opportunitiesSave(
  input: OpportunitySaveInput,
  ctx: StaffContext,
): Promise<{ id: string; status: StaffOpportunityStatus }> {
  // Absent optional fields are removed from a stored item: a status without a date keeps none.
  const fields = {
    category: input.category,
    title: input.title,
    summary: input.summary,
    body: input.body,
    audience: input.audience,
    availability: input.availability,
    deadline: input.deadline,
    availabilityNote: input.availabilityNote,
    participation: input.participation,
    attachments: input.attachments,
    contact: compact(input.contact),
    updatedAt: ctx.now,
  };
  if (!input.id) {
    const id = await createOpportunity(
      compact({ ...fields, status: 'draft' as const, source: STAFF_SOURCE, createdAt: ctx.now }),
      (newId) => ({ ...ctx.audit, target: target(newId), details: { status: 'draft' } }),
      ctx.now,
    );
    return { id, status: 'draft' };
  }
  const id = input.id;
  return changeOpportunity(id, ctx.now, (current) => {
    const item = existing(current);
    return {
      patch: fields,
      audit: { ...ctx.audit, target: target(id), details: { status: item.status } },
      result: { id, status: item.status as StaffOpportunityStatus },
    };
  });
}

export async function opportunitiesPublish(
  input: { id: string },
  ctx: StaffContext,
): Promise<{ id: string; status: 'published' }> {
  const { id } = input;
  return changeOpportunity(id, ctx.now, (current) => {
    const item = existing(current);
    const privateFiles = privateFileErrors(item);
    if (Object.keys(privateFiles).length > 0) {
      throw new AppError('INVALID_ARGUMENT', DEFAULT_MESSAGES.INVALID_ARGUMENT, privateFiles);
    }
    const first = !item.publishedAt;
    return {
      patch:
        item.status === 'published'
          ? {}
          : { status: 'published', ...(first ? { publishedAt: ctx.now, updatedAt: ctx.now } : {}) },
      audit: { ...ctx.audit, target: target(id), details: { from: item.status, to: 'published' } },
      result: { id, status: 'published' as const },
    };
  });
}

export async function opportunitiesUnpublish(
  input: { id: string },
  ctx: StaffContext,
): Promise<{ id: string; status: 'archived' }> {
  const { id } = input;
  return changeOpportunity(id, ctx.now, (current) => {
    const item = existing(current);
    if (item.status !== 'published') throw new AppError('CONFLICT', messages.notPublished);
    return {
      patch: { status: 'archived' },
      audit: { ...ctx.audit, target: target(id), details: { from: item.status, to: 'archived' } },
      result: { id, status: 'archived' as const },
    };
  });
}

export async function opportunitiesDelete(input: { id: string }, ctx: StaffContext): Promise<{ id: string }> {
  const { id } = input;
  return changeOpportunity(id, ctx.now, (current) => {
    const item = existing(current);
    return {
      patch: { status: 'deleted', deletedAt: ctx.now },
      audit: { ...ctx.audit, target: target(id), details: { from: item.status } },
      result: { id },
    };
  });
}
