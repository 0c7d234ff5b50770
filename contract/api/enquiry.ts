import type { EnquiryStatus, EnquiryTopic } from '../models';
import type { Page } from './common';

/** `enquiry` action `submit` (CONTRACTS.md). */
export interface SubmitEnquiryInput {
  /** 8–64 chars of A-Z a-z 0-9 _ -, made once per form fill by the client. */
  requestId: string;
  name: string;
  organization: string;
  title?: string;
  email?: string;
  phone?: string;
  topic: EnquiryTopic;
  message: string;
  consent: { privacy: true; crossBorder: true };
}

export interface SubmitEnquiryOutput {
  id: string;
  status: Extract<EnquiryStatus, 'received' | 'pending_review'>;
  /** True when this `requestId` was already submitted by the caller: nothing new was stored. */
  duplicate: boolean;
}

/** One of the caller's own enquiries, as `mine` lists it. */
export interface MyEnquiry {
  id: string;
  topic: EnquiryTopic;
  organization: string;
  /** The start of the message. */
  excerpt: string;
  status: EnquiryStatus;
  /** ISO 8601 */
  createdAt: string;
  updatedAt: string;
}

export interface EnquiryApi {
  submit: { input: SubmitEnquiryInput; output: SubmitEnquiryOutput };
  mine: { input: { cursor?: string }; output: Page<MyEnquiry> };
}
