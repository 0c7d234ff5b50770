import { randomBytes } from 'node:crypto';
import { notifyPartnerOfReply } from '../../../_shared/notify/reply';
import { COLLECTIONS } from '../../../../contract/constants';
import type {
  EnquiryDetail,
  EnquiryEraseOutput,
  EnquiryExportOutput,
  EnquirySummary,
} from '../../../../contract/api/admin';
import type { Page } from '../../../../contract/api/common';
import type {
  Enquiry,
  EnquiryKind,
  EnquiryReply,
  EnquiryStatus,
  EnquiryTopic,
  ReplyLanguage,
  StaffLanguage,
} from '../../../../contract/models';
import { staffNames } from '../../../_shared/repo/admins';
import { AppError } from '../../../_shared/errors';
import { enquiryWorkbook } from '../enquiry-workbook';
import type { Audited, StaffContext } from '../guard';
import { messages } from '../i18n';
import { audit, completeAudit } from '../../../_shared/repo/audit';
import {
  allEnquiries,
  changeEnquiry,
  enquiriesOfSubmitter,
  findEnquiry,
  listEnquiries,
  removeEnquiriesOf,
  removeRateLimitOf,
  type EnquiryFilter,
} from '../repo/enquiries';
import { exportsHolding, exportSubject, forgetExports, recordExport } from '../../../_shared/repo/exports';
import { removeNotificationsOf } from '../../../_shared/repo/notifications';
import { deleteFiles, temporaryUrl, uploadFile } from '../../../_shared/repo/storage';
import { removeSubscriptionsOf } from '../../../_shared/repo/subscriptions';
import { removeTranslationsOf } from '../repo/translations';
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

type Filter = { status?: EnquiryStatusFilter; topic?: EnquiryTopic; kind?: EnquiryKind };

function filterOf(input: Filter): EnquiryFilter {
  return {
    ...(input.status ? { statuses: input.status === 'new' ? NEW_STATUSES : [input.status] } : {}),
    ...(input.topic ? { topic: input.topic } : {}),
    ...(input.kind ? { kind: input.kind } : {}),
  };
}

/** Whoever wrote a reply, by display name; never a bare OPENID. */
const authorOf = (names: Map<string, string>, by: string) => names.get(by) ?? messages.officeAuthor;

function excerpt(message: string): string {
  const chars = [...message];
  return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : message;
}

export async function enquiriesList(
  input: Filter & { cursor?: string },
  _ctx: StaffContext,
): Promise<Audited<Page<EnquirySummary>>> {
  const page = await listEnquiries(filterOf(input), afterCursor(input.cursor), STAFF_PAGE_SIZE);
  const result = toPage(
    page,
    (doc) => doc.createdAt,
    (doc) => ({
      id: doc._id,
      ref: doc.ref,
      kind: doc.kind ?? 'general',
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
    audit: {
      details: compact({
        status: input.status,
        topic: input.topic,
        kind: input.kind,
        count: page.items.length,
      }),
    },
  };
}

export async function enquiriesGet(input: { id: string }, _ctx: StaffContext): Promise<EnquiryDetail> {
  const doc = await findEnquiry(input.id);
  if (!doc) throw new AppError('NOT_FOUND', messages.enquiryNotFound);
  const names = await staffNames([...(doc.replies ?? []), ...(doc.notes ?? [])].map((entry) => entry.by));
  return compact({
    id: doc._id,
    ref: doc.ref,
    kind: doc.kind ?? 'general',
    name: doc.name,
    organization: doc.organization,
    title: doc.title,
    email: doc.email,
    phone: doc.phone,
    wechatId: doc.wechatId,
    topic: doc.topic,
    status: doc.status,
    message: doc.message,
    visit: doc.visit,
    replies: (doc.replies ?? []).map((reply) =>
      compact({
        id: reply.id,
        at: iso(reply.at),
        author: authorOf(names, reply.by),
        body: reply.body,
        original: reply.original,
      }),
    ),
    notes: (doc.notes ?? []).map((note) =>
      compact({ at: iso(note.at), by: note.by, author: names.get(note.by), text: note.text }),
    ),
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
    const moved = current.status !== status;
    const changes = moved || notes !== undefined;
    const statusEvents = moved ? [...(current.statusEvents ?? []), { at: ctx.now, status }] : undefined;
    return {
      patch: changes
        ? {
            status,
            ...(notes ? { notes } : {}),
            ...(statusEvents ? { statusEvents } : {}),
            updatedAt: ctx.now,
          }
        : {},
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

/**
 * Stores a staff reply (what the partner reads, and what staff wrote if in another language), moves
 * a new enquiry to in progress, audits it, all in one transaction; then tells the partner at once
 * if they hold an open reply subscription (one message, never failing the reply).
 */
export async function enquiriesReply(
  input: { id: string; body: string; original?: { text: string; language: ReplyLanguage } },
  ctx: StaffContext,
): Promise<{ replyId: string }> {
  const replyId = randomBytes(12).toString('hex');
  const reply: EnquiryReply = {
    id: replyId,
    at: ctx.now,
    by: ctx.actor,
    body: input.body,
    ...(input.original ? { original: input.original } : {}),
  };
  const enquiry = await changeEnquiry(input.id, ctx.now, (current) => {
    if (!current) throw new AppError('NOT_FOUND', messages.enquiryNotFound);
    const moves = NEW_STATUSES.includes(current.status);
    return {
      patch: {
        replies: [...(current.replies ?? []), reply],
        lastReplyAt: ctx.now,
        updatedAt: ctx.now,
        ...(moves
          ? {
              status: 'in_progress' as const,
              statusEvents: [
                ...(current.statusEvents ?? []),
                { at: ctx.now, status: 'in_progress' as const },
              ],
            }
          : {}),
      },
      // The reply's text stays with the enquiry (erased with it); the audit names the reply only.
      audit: {
        ...ctx.audit,
        target: target(input.id),
        details: compact({ replyId, language: input.original?.language, moved: moves }),
      },
      result: { openId: current._openid, ref: current.ref },
    };
  });
  await notifyPartnerOfReply({
    replyId,
    enquiryId: input.id,
    ref: enquiry.ref,
    touser: enquiry.openId,
    at: ctx.now,
  });
  return { replyId };
}

/**
 * Exports the filtered inbox as an Excel workbook (headers and labels in the caller's language,
 * Danish times) to cloud storage and answers a short-lived download link; the file is deleted by
 * the scheduler soon after.
 */
export async function enquiriesExport(
  input: Filter & { lang?: StaffLanguage },
  ctx: StaffContext,
): Promise<Audited<EnquiryExportOutput>> {
  const docs = await allEnquiries(filterOf(input));
  const names = await staffNames(docs.flatMap((doc) => (doc.notes ?? []).map((note) => note.by)));
  const stamp = ctx.now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const cloudPath = `exports/enquiries-${stamp}-${randomBytes(6).toString('hex')}.xlsx`;
  let fileId: string;
  let url: string;
  try {
    const content = await enquiryWorkbook(docs, input.lang ?? 'zh', names);
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
    subjects: [...new Set(docs.map((doc) => exportSubject(doc._openid)))],
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
      details: compact({
        status: input.status,
        topic: input.topic,
        kind: input.kind,
        lang: input.lang,
        count: docs.length,
      }),
    },
  };
}

/** Every text of an enquiry that staff may have had machine-translated (and so cached). */
function textsOf(doc: Enquiry): string[] {
  return [
    doc.message,
    ...(doc.replies ?? []).flatMap((reply) => [reply.body, ...(reply.original ? [reply.original.text] : [])]),
    ...(doc.notes ?? []).map((note) => note.text),
  ];
}

/**
 * Deletes one person's data on request, wherever it was copied: their enquiries (with replies,
 * notes and reply subscriptions inside) and stored files, exports that hold them (the file
 * goes, so its link stops working), cached translations of their texts, subscriptions, messages to
 * them and staff alerts about their enquiries, and the rate record. Too many documents for one
 * transaction, so the audit entry is written first (the request, no personal data) and completed
 * with the counts once the deletion is done.
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
  const enquiries = await enquiriesOfSubmitter(openId);
  const exports = await exportsHolding(openId);
  const files = await deleteFiles([
    ...enquiries.flatMap((doc) => doc.files ?? []),
    ...exports.map((doc) => doc.fileId),
  ]);
  await forgetExports(exports.map((doc) => doc._id));
  const translations = await removeTranslationsOf(enquiries.flatMap(textsOf));
  const result: EnquiryEraseOutput = {
    enquiries: await removeEnquiriesOf(openId),
    subscriptions: await removeSubscriptionsOf(openId),
    notifications: await removeNotificationsOf(
      openId,
      enquiries.map((doc) => doc._id),
    ),
    files,
  };
  await removeRateLimitOf(openId);
  await completeAudit(entry, {
    by: input.id ? 'enquiry' : 'openId',
    state: 'done',
    ...result,
    exports: exports.length,
    translations,
  });
  return result;
}
