import { COLLECTIONS } from '../../../contract/constants';
import type { Enquiry } from '../../../contract/models';
import { inTransaction, readIn } from './db';

/**
 * Uses up the oldest open reply subscription the submitter holds on the enquiry: read and marked
 * `used` in one transaction, so two concurrent replies never spend the same one. The id of the
 * subscription used, or null when none is open (or the enquiry is gone).
 */
export function useReplySubscription(enquiryId: string, now: Date): Promise<string | null> {
  return inTransaction(async (tx) => {
    const doc = await readIn<Enquiry>(tx, COLLECTIONS.enquiries, enquiryId);
    const subscriptions = doc?.replySubscriptions ?? [];
    const open = subscriptions.find((subscription) => subscription.status === 'open');
    if (!open) return null;
    await tx
      .collection(COLLECTIONS.enquiries)
      .doc(enquiryId)
      .update({
        replySubscriptions: subscriptions.map((subscription) =>
          subscription === open ? { ...subscription, status: 'used', usedAt: now } : subscription,
        ),
      });
    return open.id;
  });
}
