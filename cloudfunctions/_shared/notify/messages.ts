import type { EnquiryTopic } from '../../../contract/models';
import { TOPIC_LABELS } from '../../../contract/messages.zh';
import { chinaTime } from '../time';
import type { SubscribeMessage } from '../models';

/**
 * The subscription messages' contents. The data keys are those of the templates chosen in the mini
 * program console: `thing1` (a title, at most 20 characters), `time2` (a time) and, on the enquiry
 * templates, `character_string3` (the reference, at most 32 letters, digits and symbols, so a
 * `CDR-…` reference is never cut short by the title's limit). The template IDs come from the
 * function's environment (`config.json`), with stand-ins for the local cloud.
 */
const TEMPLATE_DEFAULTS = {
  news: 'local-news-template',
  enquiry: 'local-enquiry-template',
  reply: 'local-reply-template',
} as const;

/** The messages' own words; topic names are the contract's. */
const NOTIFY_TEXTS = {
  enquiryAlert: (topic: EnquiryTopic) => `新咨询：${TOPIC_LABELS[topic]}`,
  reply: '办公室已回复您的咨询',
} as const;

/** A `thing` value holds at most 20 characters. */
const THING_MAX = 20;

export const NEWS_DETAIL_PAGE = 'pages/news-detail/index';
/** The staff inbox's enquiry page (in the staff subpackage). */
export const STAFF_ENQUIRY_PAGE = 'packages/admin/pages/enquiry/index';
/** The partner's own enquiry with its replies (in the enquiry subpackage). */
export const ENQUIRY_DETAIL_PAGE = 'packages/enquiry/pages/detail/index';

export function newsTemplateId(): string {
  return process.env.SUBSCRIBE_TEMPLATE_NEWS || TEMPLATE_DEFAULTS.news;
}

export function enquiryTemplateId(): string {
  return process.env.SUBSCRIBE_TEMPLATE_ENQUIRY || TEMPLATE_DEFAULTS.enquiry;
}

export function replyTemplateId(): string {
  return process.env.SUBSCRIBE_TEMPLATE_REPLY || TEMPLATE_DEFAULTS.reply;
}

export function thing(value: string): string {
  const chars = [...value];
  return chars.length <= THING_MAX ? value : `${chars.slice(0, THING_MAX - 1).join('')}…`;
}

export function newsMessage(news: { id: string; title: string; publishAt: Date }): SubscribeMessage {
  return {
    templateId: newsTemplateId(),
    page: `${NEWS_DETAIL_PAGE}?id=${encodeURIComponent(news.id)}`,
    data: { thing1: { value: thing(news.title) }, time2: { value: chinaTime(news.publishAt) } },
  };
}

/** A staff alert names the topic, time and reference only: no personal data leaves in a message. */
export function enquiryAlertMessage(enquiry: {
  id: string;
  /** The reference staff read out (CDR-…); it carries no personal data. */
  ref?: string;
  topic: EnquiryTopic;
  createdAt: Date;
}): SubscribeMessage {
  return {
    templateId: enquiryTemplateId(),
    page: `${STAFF_ENQUIRY_PAGE}?id=${encodeURIComponent(enquiry.id)}`,
    data: {
      thing1: { value: thing(NOTIFY_TEXTS.enquiryAlert(enquiry.topic)) },
      time2: { value: chinaTime(enquiry.createdAt) },
      ...(enquiry.ref ? { character_string3: { value: enquiry.ref } } : {}),
    },
  };
}

/** A partner's reply notice: the reference and the time, the reply itself is read in the mini program. */
export function replyMessage(reply: { enquiryId: string; ref: string; at: Date }): SubscribeMessage {
  return {
    templateId: replyTemplateId(),
    page: `${ENQUIRY_DETAIL_PAGE}?id=${encodeURIComponent(reply.enquiryId)}`,
    data: {
      thing1: { value: NOTIFY_TEXTS.reply },
      time2: { value: chinaTime(reply.at) },
      character_string3: { value: reply.ref },
    },
  };
}
