/**
 * Documents only the server writes and reads (the staff side, the scheduler and notifications),
 * beyond the models the mini program shares in `contract/models`.
 */
import type { Admin, NewsItem, Opportunity, Subscription } from '../../contract/models';

/** A staff member's one-time credit for a new-enquiry alert (same document shape as a `news` subscription). */
export const ENQUIRY_ALERT_TOPIC = 'enquiry_alert';
export const NEWS_TOPIC = 'news';
/** A partner's message about a staff reply; its credits live on the enquiry (`replySubscriptions`). */
export const ENQUIRY_REPLY_TOPIC = 'enquiry_reply';
export type NotificationTopic = typeof NEWS_TOPIC | typeof ENQUIRY_ALERT_TOPIC | typeof ENQUIRY_REPLY_TOPIC;

export type AnySubscription = Omit<Subscription, 'topic'> & { topic: NotificationTopic };

/** Attempts at one subscription message before it stays `failed` for good. */
export const MAX_SEND_ATTEMPTS = 5;

/**
 * `reserved`: the reader's one message about an item is claimed, no subscription used up yet (never
 * sent as such; dropped again when the reader has no credit left).
 */
export const NOTIFICATION_STATUSES = [
  'reserved',
  'pending',
  'sending',
  'sent',
  'failed',
  'cancelled',
] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** The message as it will be sent, fixed when it is queued so a retry sends the same thing. */
export interface SubscribeMessage {
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

/**
 * One subscription message to one reader about one item. `_id` is `<itemId>:<reader hash>`, so a
 * reader gets at most one message per item however many credits they hold: a second insert is a
 * duplicate, not a second message.
 */
export interface NotificationDoc {
  _id: string;
  topic: NotificationTopic;
  /** The news item (or enquiry, for staff alerts) the message is about. */
  itemId: string;
  /** The credit used up for this message (set when it leaves `reserved`). */
  subscriptionId?: string;
  touser: string;
  message: SubscribeMessage;
  /** `sending` is claimed by one sender; only `pending` and `failed` can be claimed. */
  status: NotificationStatus;
  attempts: number;
  lastError?: string;
  createdAt: Date;
  updatedAt: Date;
  claimedAt?: Date;
  sentAt?: Date;
}

/** Whether a published item's subscribers still need to be told (`pending`) or have been (`done`). */
export type FanOutState = 'pending' | 'done';

/** Fields the staff side keeps on news beyond `NewsItem`. */
export interface StaffNewsFields {
  fanOut?: FanOutState;
  deletedAt?: Date;
}

export type NewsDoc = NewsItem & StaffNewsFields;
export type OpportunityDoc = Opportunity & { deletedAt?: Date };

/** A CSV export waiting to be deleted from storage once its link is long expired. */
export interface ExportDoc {
  _id: string;
  fileId: string;
  actor: string;
  count: number;
  /** Whose enquiries the file holds (hashed OPENIDs), so erasing a person deletes the file too. */
  subjects?: string[];
  createdAt: Date;
  deleteAfter: Date;
}

/** A staff member, optionally with a name colleagues recognise. */
export type AdminDoc = Admin & { name?: string };
