import type { EnquiryStatus } from '../../../contract/models';

/** TDesign tag themes of the statuses: received, waiting for review, being handled, done. */
export const STATUS_THEME: Record<EnquiryStatus, string> = {
  received: 'primary',
  pending_review: 'warning',
  in_progress: 'success',
  closed: 'default',
};
