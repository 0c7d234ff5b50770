import type { EnquiryTimelineEntry, MyEnquiryDetail } from '../../../../contract/api/enquiry';
import type { Enquiry } from '../../../../contract/models';
import { AppError } from '../../../_shared/errors';
import { requireOpenId, type Context } from '../../../_shared/function';
import { staffNames } from '../../../_shared/repo/admins';
import { findOwn } from '../repo/enquiries';
import { enquirySummary } from '../summary';
import { responseWorkingDays } from '../../../_shared/response';
import { ENQUIRY_TEXTS } from '../texts';

const iso = (at: Date) => new Date(at).toISOString();

/** The enquiry's history, oldest first: submission, status changes and replies. */
function timelineOf(doc: Enquiry, names: Map<string, string>): EnquiryTimelineEntry[] {
  const entries: EnquiryTimelineEntry[] = [{ at: iso(doc.createdAt), type: 'submitted' }];
  for (const event of doc.statusEvents ?? [])
    entries.push({ at: iso(event.at), type: 'status', status: event.status });
  for (const reply of doc.replies ?? [])
    entries.push({
      at: iso(reply.at),
      type: 'reply',
      body: reply.body,
      author: names.get(reply.by) ?? ENQUIRY_TEXTS.officeAuthor,
      machineTranslated: reply.original !== undefined && reply.original.language !== 'zh',
    });
  // Stable: at the same instant a status change stays before the reply that caused it.
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** One of the caller's own enquiries with its history; anything else is NOT_FOUND, alike. */
export async function get(input: { id: string }, ctx: Context): Promise<MyEnquiryDetail> {
  const openId = requireOpenId(ctx);
  const doc = await findOwn(openId, input.id);
  if (!doc) throw new AppError('NOT_FOUND', ENQUIRY_TEXTS.notFound);
  const names = await staffNames((doc.replies ?? []).map((reply) => reply.by));
  return {
    ...enquirySummary(doc),
    message: doc.message,
    ...(doc.visit ? { visit: doc.visit } : {}),
    timeline: timelineOf(doc, names),
    responseWorkingDays: responseWorkingDays(),
    openReplySubscriptions: (doc.replySubscriptions ?? []).filter((s) => s.status === 'open').length,
  };
}
