import type { Page } from '../contract/api/common';
import type {
  EnquirySubscribeOutput,
  MyEnquiry,
  MyEnquiryDetail,
  SubmitEnquiryInput,
  SubmitEnquiryOutput,
} from '../contract/api/enquiry';
import { call } from './cloud';

/**
 * Sends an enquiry once. No automatic retry: the form keeps its `requestId` until a submission
 * succeeds, so the user's own retry after a failure is idempotent on the server (one record).
 */
export function submit(input: SubmitEnquiryInput): Promise<SubmitEnquiryOutput> {
  return call('enquiry', 'submit', input);
}

/** One page of the caller's own enquiries with their status, newest first; a read, so retried once. */
export function mine(cursor?: string | null): Promise<Page<MyEnquiry>> {
  return call('enquiry', 'mine', cursor ? { cursor } : {}, { retry: true });
}

/** One of the caller's own enquiries with its timeline; a read, so retried once. */
export function get(id: string): Promise<MyEnquiryDetail> {
  return call('enquiry', 'get', { id }, { retry: true });
}

/**
 * Records one accepted reply subscription, after `wx.requestSubscribeMessage` for the reply
 * template; not retried, as a retry after a lost answer would record a second one.
 */
export function subscribeReplies(id: string): Promise<EnquirySubscribeOutput> {
  return call('enquiry', 'subscribe', { id });
}
