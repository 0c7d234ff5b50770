import type { EnquirySubscribeOutput } from '../../../../contract/api/enquiry';
import { AppError } from '../../../_shared/errors';
import { requireOpenId, type Context } from '../../../_shared/function';
import { addReplySubscription } from '../repo/enquiries';
import { ENQUIRY_TEXTS } from '../texts';

/** Records the caller's accepted one-time subscription to a reply on their own enquiry. */
export async function subscribe(input: { id: string }, ctx: Context): Promise<EnquirySubscribeOutput> {
  const openId = requireOpenId(ctx);
  const outcome = await addReplySubscription(openId, input.id, ctx.now);
  if (outcome.kind === 'not_found') throw new AppError('NOT_FOUND', ENQUIRY_TEXTS.notFound);
  return { open: outcome.open, recorded: outcome.recorded };
}
