import type { EnquiryKind, EnquiryStatus, EnquiryTopic, VisitDetails } from '../models';
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
  /** A WeChat ID: 6–20 chars, a letter first. At least one of email, phone and wechatId. */
  wechatId?: string;
  topic: EnquiryTopic;
  message: string;
  /** `general` when absent. */
  kind?: EnquiryKind;
  /** With `kind: "visit"` only, and required then. */
  visit?: VisitDetails;
  consent: { privacy: true; crossBorder: true };
}

export interface SubmitEnquiryOutput {
  id: string;
  /** `CDR-YYYYMMDD-NNN`, to read out on the phone; the same on a duplicate answer. */
  ref: string;
  status: Extract<EnquiryStatus, 'received' | 'pending_review'>;
  /** True when this `requestId` was already submitted by the caller: nothing new was stored. */
  duplicate: boolean;
}

/** One of the caller's own enquiries, as `mine` lists it. */
export interface MyEnquiry {
  id: string;
  ref: string;
  kind: EnquiryKind;
  topic: EnquiryTopic;
  organization: string;
  /** The start of the message. */
  excerpt: string;
  status: EnquiryStatus;
  /** ISO 8601 */
  createdAt: string;
  updatedAt: string;
  /** ISO 8601 of the latest staff reply, or null. */
  lastReplyAt: string | null;
}

/** One step of an enquiry's history, as its partner sees it. */
export interface EnquiryTimelineEntry {
  /** ISO 8601 */
  at: string;
  type: 'submitted' | 'status' | 'reply';
  /** The status it moved to (`status`), or the status at submission (`submitted`). */
  status?: EnquiryStatus;
  /** The office's reply in Chinese (`reply`). */
  body?: string;
  /** The replying staff member's display name (`reply`). */
  author?: string;
  /** The reply was written in another language and machine-translated (then checked by staff). */
  machineTranslated?: boolean;
}

/** `get`: one of the caller's own enquiries with its history. */
export interface MyEnquiryDetail {
  id: string;
  ref: string;
  kind: EnquiryKind;
  topic: EnquiryTopic;
  status: EnquiryStatus;
  organization: string;
  message: string;
  visit?: VisitDetails;
  createdAt: string;
  updatedAt: string;
  /** Oldest first. */
  timeline: EnquiryTimelineEntry[];
  /** The office usually answers within this many working days (通常在 N 个工作日内答复). */
  responseWorkingDays: number;
  /** The caller's open reply subscriptions on this enquiry. */
  openReplySubscriptions: number;
}

export interface EnquirySubscribeOutput {
  /** Open reply subscriptions on this enquiry after this call. */
  open: number;
  /** False when the enquiry already held the maximum open: nothing new was stored. */
  recorded: boolean;
}

export interface EnquiryApi {
  submit: { input: SubmitEnquiryInput; output: SubmitEnquiryOutput };
  mine: { input: { cursor?: string }; output: Page<MyEnquiry> };
  get: { input: { id: string }; output: MyEnquiryDetail };
  /** After `wx.requestSubscribeMessage` accepted the reply template. */
  subscribe: { input: { id: string }; output: EnquirySubscribeOutput };
}
