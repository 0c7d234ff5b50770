import { ENQUIRY_REPLY_TOPIC } from '../models';
import { attachSubscription, notificationId, releaseReservation } from '../repo/notifications';
import { useReplySubscription } from '../repo/replySubscriptions';
import { replyMessage } from './messages';
import { deliver, reserve } from './queue';

export type ReplyNotice = 'sent' | 'failed' | 'no_subscription' | 'already';

/**
 * Tells the partner at once that staff replied, as news notifications do: the message is reserved
 * under the deterministic id `<replyId>:<partner>` (a second attempt is a duplicate), one of their
 * open reply subscriptions on the enquiry is used up (none: the reservation is dropped), then the
 * message is claimed and sent. A failed send stays `failed` for the scheduler to retry. Never
 * throws: a notice can never fail the reply.
 */
export async function notifyPartnerOfReply(reply: {
  replyId: string;
  enquiryId: string;
  ref: string;
  touser: string;
  at: Date;
}): Promise<ReplyNotice> {
  const id = notificationId(reply.replyId, reply.touser);
  const message = replyMessage(reply);
  try {
    const notice = {
      topic: ENQUIRY_REPLY_TOPIC,
      itemId: reply.enquiryId,
      touser: reply.touser,
      message,
    } as const;
    if (!(await reserve(id, notice))) return 'already';
    const credit = await useReplySubscription(reply.enquiryId, new Date());
    if (!credit) {
      await releaseReservation(id);
      return 'no_subscription';
    }
    await attachSubscription(id, credit, new Date());
    return await deliver(id, reply.touser, message);
  } catch (error) {
    console.error(`[notify] reply notice ${id} stopped:`, error);
    return 'failed';
  }
}
