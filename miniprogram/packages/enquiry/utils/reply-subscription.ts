import { SUBSCRIBE_TEMPLATE_REPLY } from '../../../config';
import { t } from '../../../i18n/index';
import { ServiceError } from '../../../services/cloud';
import { subscribeReplies } from '../../../services/enquiry';
import { askSubscription, type SubscribeAnswer } from '../../../utils/subscribe';

/** How asking for reply notifications ended, and what to tell the partner. */
export interface ReplySubscriptionResult {
  subscribed: boolean;
  /** Open reply subscriptions on the enquiry now, when the function answered. */
  open?: number;
  message: string;
}

/** What to tell the partner when the platform's prompt did not end in consent. */
function declinedMessage(answer: SubscribeAnswer): string {
  if (answer === 'ban' || answer === 'off') return t('enquiry.subscribe.banned');
  if (answer === 'failed') return t('enquiry.subscribe.failed');
  // The template was filtered out by the platform (e.g. revoked): nothing the partner can do.
  if (answer === 'filter') return t('enquiry.subscribe.unavailable');
  return t('enquiry.subscribe.declined');
}

/**
 * 回复提醒: the platform's one-time consent for the reply template first, then one recorded
 * subscription on the enquiry (`enquiry` `subscribe`), used up by the office's next reply.
 */
export async function subscribeToReplies(id: string): Promise<ReplySubscriptionResult> {
  const templateId = SUBSCRIBE_TEMPLATE_REPLY;
  if (!templateId) {
    // No template configured (development, or not yet approved on 微信公众平台).
    return { subscribed: false, message: t('enquiry.subscribe.unavailable') };
  }
  const answer = await askSubscription(templateId);
  if (answer !== 'accept') return { subscribed: false, message: declinedMessage(answer) };
  try {
    const { open, recorded } = await subscribeReplies(id);
    return {
      subscribed: true,
      open,
      message: recorded ? t('enquiry.subscribe.done') : t('enquiry.subscribe.full'),
    };
  } catch (error) {
    return {
      subscribed: false,
      message: error instanceof ServiceError ? error.message : t('enquiry.subscribe.failed'),
    };
  }
}
