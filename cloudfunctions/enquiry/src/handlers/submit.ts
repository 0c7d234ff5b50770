import dayjs from 'dayjs';
import { ENQUIRY_RETENTION_MONTHS, PRIVACY_NOTICE_VERSION } from '../../../../contract/constants';
import type { SubmitEnquiryOutput } from '../../../../contract/api/enquiry';
import { AppError } from '../../../_shared/errors';
import { requireOpenId, type Context } from '../../../_shared/function';
import { notifyStaffOfEnquiry } from '../../../_shared/notify';
import { checkText, SEC_CHECK_SCENE } from '../../../_shared/wechat';
import { findByRequestId, insertWithinRateLimit, type NewEnquiry } from '../repo/enquiries';
import type { SubmitInput } from '../schema';

function retentionMonths(): number {
  const configured = Number(process.env.ENQUIRY_RETENTION_MONTHS);
  return Number.isInteger(configured) && configured > 0 ? configured : ENQUIRY_RETENTION_MONTHS;
}

function asOutput(
  earlier: { _id: string; ref: string; status: string },
  duplicate: boolean,
): SubmitEnquiryOutput {
  const status = earlier.status === 'received' ? 'received' : 'pending_review';
  return { id: earlier._id, ref: earlier.ref, status, duplicate };
}

/**
 * Takes a partner's enquiry: a retry of the same form fill answers the first result; new text is
 * checked by WeChat's content security first (risky → rejected, nothing stored; needs review or the
 * check failed → stored for staff review); then it is stored within the caller's hourly limit, and
 * staff who asked for new-enquiry alerts get one subscription message each.
 */
export async function submit(input: SubmitInput, ctx: Context): Promise<SubmitEnquiryOutput> {
  const openId = requireOpenId(ctx);

  // The lookup of an earlier try and the content check are independent round trips: overlapped,
  // a new enquiry (the common case) waits for one; a retry only spends a check it discards.
  const [earlier, verdict] = await Promise.all([
    findByRequestId(openId, input.requestId),
    checkText({
      openid: openId,
      scene: SEC_CHECK_SCENE.comment,
      title: input.organization,
      content: [input.name, input.title, input.organization, input.message, input.visit?.institutions]
        .filter(Boolean)
        .join('\n'),
    }),
  ]);
  if (earlier) return asOutput(earlier, true);
  if (verdict === 'risky') throw new AppError('CONTENT_REJECTED');

  const status = verdict === 'pass' ? 'received' : 'pending_review';
  const draft: Omit<NewEnquiry, 'ref'> = {
    _openid: openId,
    kind: input.kind ?? 'general',
    requestId: input.requestId,
    name: input.name,
    organization: input.organization,
    ...(input.title ? { title: input.title } : {}),
    ...(input.email ? { email: input.email } : {}),
    ...(input.phone ? { phone: input.phone } : {}),
    ...(input.wechatId ? { wechatId: input.wechatId } : {}),
    topic: input.topic,
    message: input.message,
    ...(input.visit ? { visit: input.visit } : {}),
    consent: { privacy: true, crossBorder: true, at: ctx.now, noticeVersion: PRIVACY_NOTICE_VERSION },
    status,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    retainUntil: dayjs(ctx.now).add(retentionMonths(), 'month').toDate(),
  };

  const outcome = await insertWithinRateLimit(draft, ctx.now);
  switch (outcome.kind) {
    case 'inserted': {
      const { id, ref } = outcome;
      // Stored first; the staff alert is best effort and never fails the submission.
      await notifyStaffOfEnquiry({ id, ref, topic: input.topic, createdAt: ctx.now });
      return asOutput({ _id: id, ref, status }, false);
    }
    case 'duplicate':
      return asOutput(outcome.existing, true);
    case 'rate_limited':
      throw new AppError('RATE_LIMITED', '您在一小时内提交的咨询较多，请稍后再试');
  }
}
