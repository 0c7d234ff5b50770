import { randomBytes } from 'node:crypto';
import { COLLECTIONS } from '../../../../contract/constants';
import type {
  EnquiryDetail,
  EnquiryEraseOutput,
  EnquiryExportOutput,
  EnquirySummary,
} from '../../../../contract/api/admin';
import type { Page } from '../../../../contract/api/common';
import type { Enquiry, EnquiryStatus, EnquiryTopic } from '../../../../contract/models';
import { AppError } from '../../../_shared/errors';
import { csvDocument } from '../csv';
import type { Audited, StaffContext } from '../guard';
import { CSV_HEADERS, ENQUIRY_STATUS_LABELS, messages, TOPIC_LABELS } from '../i18n';
import { chinaTime } from '../../../_shared/time';
import { audit, completeAudit } from '../../../_shared/repo/audit';
import {
  allEnquiries,
  changeEnquiry,
  filesOfSubmitter,
  findEnquiry,
  listEnquiries,
  removeEnquiriesOf,
  removeRateLimitOf,
  type EnquiryFilter,
} from '../repo/enquiries';
import { recordExport } from '../../../_shared/repo/exports';
import { removeNotificationsTo } from '../../../_shared/repo/notifications';
import { deleteFiles, temporaryUrl, uploadFile } from '../../../_shared/repo/storage';
import { removeSubscriptionsOf } from '../../../_shared/repo/subscriptions';
import type { EnquiryStatusFilter } from '../schema';
import { afterCursor, toPage } from '../../../_shared/paging/page';
import { compact, iso, STAFF_PAGE_SIZE } from './common';

const EXCERPT_CHARS = 60;
/** The export's download link is short-lived: it carries personal data. */
const EXPORT_LINK_SECONDS = 10 * 60;
/** The export file itself is deleted by the scheduler after this. */
const EXPORT_FILE_HOURS = 1;

const NEW_STATUSES: readonly EnquiryStatus[] = ['received', 'pending_review'];

/** Allowed moves: new → in_progress | closed; in_progress → closed; the same status only adds a note. */
const TRANSITIONS: Record<EnquiryStatus, readonly EnquiryStatus[]> = {
  received: ['in_progress', 'closed'],
  pending_review: ['in_progress', 'closed'],
  in_progress: ['in_progress', 'closed'],
  closed: ['closed'],
};

const target = (id: string) => `${COLLECTIONS.enquiries}/${id}`;

function filterOf(input: { status?: EnquiryStatusFilter; topic?: EnquiryTopic }): EnquiryFilter {
  return {
    ...(input.status ? { statuses: input.status === 'new' ? NEW_STATUSES : [input.status] } : {}),
    ...(input.topic ? { topic: input.topic } : {}),
  };
}

function excerpt(message: string): string {
  const chars = [...message];
  return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : message;
}

export async function enquiriesList(
  input: { status?: EnquiryStatusFilter; topic?: EnquiryTopic; cursor?: string },
  _ctx: StaffContext,
): Promise<Audited<Page<EnquirySummary>>> {
  const page = await listEnquiries(filterOf(input), afterCursor(input.cursor), STAFF_PAGE_SIZE);
  const result = toPage(
    page,
    (doc) => doc.createdAt,
    (doc) => ({
      id: doc._id,
      name: doc.name,
      organization: doc.organization,
      topic: doc.topic,
      status: doc.status,
      excerpt: excerpt(doc.message),
      noteCount: doc.notes?.length ?? 0,
      createdAt: iso(doc.createdAt),
    }),
  );
  return {
    result,
    audit: { details: compact({ status: input.status, topic: input.topic, count: page.items.length }) },
  };
}

export async function enquiriesGet(input: { id: string }, _ctx: StaffContext): Promise<EnquiryDetail> {
  const doc = await findEnquiry(input.id);
  if (!doc) throw new AppError('NOT_FOUND', messages.enquiryNotFound);
  return compact({
    id: doc._id,
    name: doc.name,
    organization: doc.organization,
    title: doc.title,
    email: doc.email,
    phone: doc.phone,
    topic: doc.topic,
    status: doc.status,
    message: doc.message,
    notes: (doc.notes ?? []).map((note) => ({ at: iso(note.at), by: note.by, text: note.text })),
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
    retainUntil: iso(doc.retainUntil),
    consentAt: iso(doc.consent.at),
    consentNoticeVersion: doc.consent.noticeVersion,
  });
}

/** Moves an enquiry along new → in_progress → closed, appending the note (who, when) if any. */
export async function enquiriesUpdate(
  input: { id: string; status: 'in_progress' | 'closed'; note?: string },
  ctx: StaffContext,
): Promise<{ id: string; status: EnquiryStatus }> {
  const { id, status, note } = input;
  return changeEnquiry(id, ctx.now, (current) => {
    if (!current) throw new AppError('NOT_FOUND', messages.enquiryNotFound);
    if (!TRANSITIONS[current.status].includes(status)) {
      throw new AppError('CONFLICT', messages.transitionNotAllowed, {
        status: messages.transitionNotAllowed,
      });
    }
    const notes = note ? [...(current.notes ?? []), { at: ctx.now, by: ctx.actor, text: note }] : undefined;
    const changes = current.status !== status || notes !== undefined;
    return {
      patch: changes ? { status, ...(notes ? { notes } : {}), updatedAt: ctx.now } : {},
      // The note's text stays in the enquiry (deleted with it); the audit trail only says one was added.
      audit: {
        ...ctx.audit,
        target: target(id),
        details: { from: current.status, to: status, noteAdded: !!note },
      },
      result: { id, status },
    };
  });
}

function csvRow(doc: Enquiry): string[] {
  return [
    doc._id,
    chinaTime(doc.createdAt),
    doc.name,
    doc.organization,
    doc.title ?? '',
    doc.email ?? '',
    doc.phone ?? '',
    TOPIC_LABELS[doc.topic] ?? doc.topic,
    doc.message,
    ENQUIRY_STATUS_LABELS[doc.status] ?? doc.status,
    (doc.notes ?? []).map((note) => `${chinaTime(note.at)} ${note.text}`).join('\n'),
  ];
}

/**
 * Exports the filtered inbox as CSV (UTF-8 with BOM, Chinese headers) to cloud storage and answers
 * a short-lived download link; the file is deleted by the scheduler soon after.
 */
export async function enquiriesExport(
  input: { status?: EnquiryStatusFilter; topic?: EnquiryTopic },
  ctx: StaffContext,
): Promise<Audited<EnquiryExportOutput>> {
  const docs = await allEnquiries(filterOf(input));
  const content = csvDocument([CSV_HEADERS, ...docs.map(csvRow)]);
  const stamp = ctx.now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const cloudPath = `exports/enquiries-${stamp}-${randomBytes(6).toString('hex')}.csv`;
  let fileId: string;
  let url: string;
  try {
    fileId = await uploadFile(cloudPath, content);
    url = await temporaryUrl(fileId, EXPORT_LINK_SECONDS);
  } catch (error) {
    console.error(`[admin] ${ctx.requestId} export failed:`, error);
    throw new AppError('INTERNAL', messages.exportFailed);
  }
  await recordExport({
    fileId,
    actor: ctx.actor,
    count: docs.length,
    createdAt: ctx.now,
    deleteAfter: new Date(ctx.now.getTime() + EXPORT_FILE_HOURS * 3600_000),
  });
  return {
    result: {
      fileId,
      url,
      expiresAt: iso(new Date(ctx.now.getTime() + EXPORT_LINK_SECONDS * 1000)),
      count: docs.length,
    },
    audit: {
      target: fileId,
      details: compact({ status: input.status, topic: input.topic, count: docs.length }),
    },
  };
}

/**
 * Deletes one person's data on request: all their enquiries (and files), subscriptions, queued
 * messages and rate record. Too many documents for one transaction, so the audit entry is written
 * first (the request, no personal data) and completed with the counts once the deletion is done.
 */
export async function enquiriesErase(
  input: { openId?: string; id?: string },
  ctx: StaffContext,
): Promise<EnquiryEraseOutput> {
  let openId = input.openId;
  if (input.id) {
    const doc = await findEnquiry(input.id);
    if (!doc) throw new AppError('NOT_FOUND', messages.enquiryNotFound);
    openId = doc._openid;
  }
  if (!openId) throw new AppError('INVALID_ARGUMENT', messages.eraseTarget);
  const entry = await audit(
    {
      ...ctx.audit,
      ...(input.id ? { target: target(input.id) } : {}),
      details: { by: input.id ? 'enquiry' : 'openId', state: 'started' },
    },
    ctx.now,
  );
  const files = await deleteFiles(await filesOfSubmitter(openId));
  const result: EnquiryEraseOutput = {
    enquiries: await removeEnquiriesOf(openId),
    subscriptions: await removeSubscriptionsOf(openId),
    notifications: await removeNotificationsTo(openId),
    files,
  };
  await removeRateLimitOf(openId);
  await completeAudit(entry, { by: input.id ? 'enquiry' : 'openId', state: 'done', ...result });
  return result;
}
