import type { EnquiryTopic } from '../../../../contract/models';
import { NOTIFY_TEXTS } from '../i18n';
import type { SubscribeMessage } from '../models';

/**
 * The subscription messages' contents. The data keys (`thing1`, `time2`) are those of the templates
 * chosen in the mini program console (a title and a time); the template IDs come from the function's
 * environment (`config.json`), with stand-ins for the local cloud.
 */
const TEMPLATE_DEFAULTS = {
  news: 'local-news-template',
  enquiry: 'local-enquiry-template',
} as const;

/** A `thing` value holds at most 20 characters. */
const THING_MAX = 20;
/** Times are shown in China Standard Time. */
const CHINA_OFFSET_MS = 8 * 3600_000;

export const NEWS_DETAIL_PAGE = 'pages/news-detail/index';
/** The staff inbox's enquiry page (in the staff subpackage). */
export const STAFF_ENQUIRY_PAGE = 'packages/admin/pages/enquiry/index';

export function newsTemplateId(): string {
  return process.env.SUBSCRIBE_TEMPLATE_NEWS || TEMPLATE_DEFAULTS.news;
}

export function enquiryTemplateId(): string {
  return process.env.SUBSCRIBE_TEMPLATE_ENQUIRY || TEMPLATE_DEFAULTS.enquiry;
}

export function thing(value: string): string {
  const chars = [...value];
  return chars.length <= THING_MAX ? value : `${chars.slice(0, THING_MAX - 1).join('')}…`;
}

/** `2026年1月5日 18:00` in China time, a format the `time` field accepts. */
export function chinaTime(at: Date): string {
  const d = new Date(at.getTime() + CHINA_OFFSET_MS);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hh}:${mm}`;
}

export function newsMessage(news: { id: string; title: string; publishAt: Date }): SubscribeMessage {
  return {
    templateId: newsTemplateId(),
    page: `${NEWS_DETAIL_PAGE}?id=${encodeURIComponent(news.id)}`,
    data: { thing1: { value: thing(news.title) }, time2: { value: chinaTime(news.publishAt) } },
  };
}

/** A staff alert names the topic and time only: no personal data leaves in a message. */
export function enquiryAlertMessage(enquiry: {
  id: string;
  topic: EnquiryTopic;
  createdAt: Date;
}): SubscribeMessage {
  return {
    templateId: enquiryTemplateId(),
    page: `${STAFF_ENQUIRY_PAGE}?id=${encodeURIComponent(enquiry.id)}`,
    data: {
      thing1: { value: thing(NOTIFY_TEXTS.enquiryAlert(enquiry.topic)) },
      time2: { value: chinaTime(enquiry.createdAt) },
    },
  };
}
