import type { EnquiryStatus, NewsStatus, OpportunityStatus } from '../../../contract/models';

/** TDesign `<t-tag theme>` per status, so a state reads the same on every staff page. */
export const NEWS_STATUS_THEME: Record<Exclude<NewsStatus, 'deleted'>, string> = {
  draft: 'default',
  scheduled: 'warning',
  published: 'success',
  archived: 'default',
};

export const OPPORTUNITY_STATUS_THEME: Record<Exclude<OpportunityStatus, 'deleted'>, string> = {
  draft: 'default',
  published: 'success',
  archived: 'default',
};

export const ENQUIRY_STATUS_THEME: Record<EnquiryStatus, string> = {
  received: 'primary',
  pending_review: 'warning',
  in_progress: 'success',
  closed: 'default',
};
