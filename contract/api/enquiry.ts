import type {
  Enquiry,
  EnquiryConsent,
  EnquiryKind,
  EnquiryStatus,
  EnquiryTopic,
  VisitDetails,
} from '../models';
import type { Page } from './common';

/**
 * `enquiry` action `submit` (CONTRACTS.md): the partner's own fields of an {@link Enquiry}. At
 * least one of email, phone and wechatId; `visit` with `kind: "visit"` only, and required then.
 */
export interface SubmitEnquiryInput extends Pick<
  Enquiry,
  | 'requestId'
  | 'name'
  | 'organization'
  | 'title'
  | 'email'
  | 'phone'
  | 'wechatId'
  | 'topic'
  | 'message'
  | 'visit'
> {
  /** `general` when absent. */
  kind?: EnquiryKind;
  consent: Pick<EnquiryConsent, 'privacy' | 'crossBorder'>;
}

export interface SubmitEnquiryOutput {
  id: string;
  /** `CDR-YYYYMMDD-NNN`, to read out on the phone; the same on a duplicate answer. */
  ref: string;
  status: Extract<EnquiryStatus, 'received' | 'pending_review'>;
  /** True when this `requestId` was already submitted by the caller: nothing new was stored. */
  duplicate: boolean;
}

/** What a partner sees of each of their own enquiries, in the list and on its page. */
export interface EnquirySummary {
  id: string;
  ref: string;
  kind: EnquiryKind;
  topic: EnquiryTopic;
  status: EnquiryStatus;
  organization: string;
  /** ISO 8601 */
  createdAt: string;
  updatedAt: string;
}

/** One of the caller's own enquiries, as `mine` lists it. */
export interface MyEnquiry extends EnquirySummary {
  /** The start of the message. */
  excerpt: string;
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
export interface MyEnquiryDetail extends EnquirySummary {
  message: string;
  visit?: VisitDetails;
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
