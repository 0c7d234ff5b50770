/**
 * The `admin` function (staff only). `whoami` answers everyone; every other action re-checks the
 * caller's OPENID against `admins` on the server and answers FORBIDDEN to anyone else, changing
 * nothing. Dates travel as ISO 8601 strings.
 */
import type {
  Attachment,
  Availability,
  Category,
  ContactInfo,
  EnquiryKind,
  EnquiryStatus,
  EnquiryTopic,
  FocusArea,
  InternationalOffice,
  KeyFact,
  NewsStatus,
  OpportunityContact,
  OpportunityStatus,
  ParticipationMode,
  ProfileImage,
  ProfileSection,
  RegionDocument,
  ReplyLanguage,
  StaffLanguage,
  TranslateTarget,
  VisitDetails,
} from '../models';
import type { Page } from './common';
import type { RichTextNode } from './content';

/**
 * Markdown rendered for `<rich-text nodes>` by the same renderer as the public pages (the
 * `content` function's `renderMarkdown`): only safe tags and attributes. Images keep their
 * `cloud://` sources here, which `<image>`/`<rich-text>` in the mini program resolve for staff.
 */
export type RenderedMarkdown = RichTextNode[];

// ---------------------------------------------------------------------------------------------
// identity and staff
// ---------------------------------------------------------------------------------------------

export interface WhoamiOutput {
  isAdmin: boolean;
  /** The caller's own OPENID, so a future colleague can hand it to a staff member to be added. */
  openId: string | null;
}

export interface StaffMember {
  openId: string;
  /** Display name; absent for someone added without one (the page shows a neutral label). */
  name?: string;
  addedAt: string;
  /** Display name of whoever added or invited them, when they have one (never an OPENID). */
  addedByName?: string;
  /** True for the caller. */
  self: boolean;
}

export interface StaffInviteOutput {
  /** Shown once: only a hash of it is stored. */
  code: string;
  /** ISO time after which the code is refused. */
  expiresAt: string;
}

// ---------------------------------------------------------------------------------------------
// news
// ---------------------------------------------------------------------------------------------

/** Statuses the staff list shows: everything except (soft-)deleted. */
export type StaffNewsStatus = Exclude<NewsStatus, 'deleted'>;

export interface CoverInput {
  /** `cloud://…` from `wx.cloud.uploadFile` (jpg, jpeg, png or webp). */
  fileId: string;
  alt: string;
}

export interface NewsSummary {
  id: string;
  title: string;
  summary: string;
  status: StaffNewsStatus;
  category: Category;
  tags: string[];
  pinned: boolean;
  cover?: CoverInput;
  /** When it goes (or went) public. */
  publishAt?: string;
  publishedAt?: string;
  /** What readers see instead of the day when the source dates the item by year or season only. */
  dateLabel?: string;
  createdAt: string;
  updatedAt: string;
  /** Published, then edited: the public page shows 已更新. */
  edited: boolean;
}

export interface NewsDetail extends NewsSummary {
  /** Markdown as the editor wrote it. */
  body: string;
}

export interface NewsSaveInput {
  /** Absent: a new draft. Present: replaces the item's editable fields, keeping its status. */
  id?: string;
  title: string;
  summary: string;
  body: string;
  /** Absent: a new item is filed under `other`, an existing one keeps its category. */
  category?: Category;
  tags?: string[];
  pinned?: boolean;
  cover?: CoverInput;
}

export interface NewsPublishOutput {
  id: string;
  status: 'published' | 'scheduled';
  publishAt: string;
  /** Subscription messages handled by this call (the scheduler finishes whatever remains). */
  notifications: NotifyReport;
}

export interface NotifyReport {
  queued: number;
  sent: number;
  failed: number;
}

// ---------------------------------------------------------------------------------------------
// opportunities
// ---------------------------------------------------------------------------------------------

export type StaffOpportunityStatus = Exclude<OpportunityStatus, 'deleted'>;

export interface OpportunitySummary {
  id: string;
  category: Category;
  title: string;
  summary: string;
  status: StaffOpportunityStatus;
  /** As stored: an `open_until` whose deadline has passed reads as closed to the public. */
  availability: Availability;
  deadline?: string;
  attachmentCount: number;
  publishedAt?: string;
  createdAt: string;
  updatedAt: string;
  edited: boolean;
}

export interface OpportunityDetail extends OpportunitySummary {
  body: string;
  audience: string;
  availabilityNote?: string;
  participation: ParticipationMode;
  attachments: Attachment[];
  contact: OpportunityContact;
}

export interface OpportunitySaveInput {
  id?: string;
  category: Category;
  title: string;
  summary: string;
  body: string;
  /** Who may take part. */
  audience: string;
  availability: Availability;
  /** ISO 8601; required with `open_until`, refused otherwise. */
  deadline?: string;
  /** What the availability rests on. */
  availabilityNote?: string;
  participation: ParticipationMode;
  /** PDFs only: `name` ends in `.pdf`, `fileId` is a `cloud://…pdf`. */
  attachments?: { fileId: string; name: string; sizeBytes: number }[];
  contact: OpportunityContact;
}

// ---------------------------------------------------------------------------------------------
// profile
// ---------------------------------------------------------------------------------------------

/** The contact card as staff edit it: one phone number, from which the function derives `mobile`. */
export interface ContactInput extends Omit<ContactInfo, 'mobile'> {
  /** As staff type it ('+45 2160 1445', or a Danish number alone); see `phoneNumberOf` in contract/rules. */
  phone: string;
}

/** A timeline entry as staff write it; its year is read from `dateLabel` ('2016年春' → 2016). */
export interface TimelineEntryInput {
  dateLabel: string;
  title: string;
  description: string;
}

/** A focus area's texts; its id names which of the four, its icon stays. */
export type FocusAreaInput = Pick<FocusArea, 'id' | 'title' | 'titleOriginal' | 'summary' | 'paragraphs'>;

/** The home page's images: an absent one is removed. */
export interface ProfileImages {
  hero?: ProfileImage;
  logo?: ProfileImage;
}

/** The profile's editable parts; at least one per save, each saved whole (`focusArea`: the one named). */
export interface ProfileSaveInput {
  intro?: ProfileSection;
  keyFacts?: KeyFact[];
  internationalOffice?: InternationalOffice;
  representativeOffice?: ProfileSection;
  contact?: ContactInput;
  /** In the order readers see it. */
  timeline?: TimelineEntryInput[];
  focusArea?: FocusAreaInput;
  images?: ProfileImages;
}

export interface ProfileEditable {
  intro: ProfileSection;
  keyFacts: KeyFact[];
  internationalOffice: InternationalOffice;
  representativeOffice: ProfileSection;
  contact: ContactInput;
  timeline: TimelineEntryInput[];
  /** The four, in the source's order. */
  focusAreas: FocusAreaInput[];
  /** `cloud://` file IDs, which `<image>` shows to staff as they are. */
  images: ProfileImages;
  updatedAt: string;
}

// ---------------------------------------------------------------------------------------------
// documents (the MoUs the profile lists)
// ---------------------------------------------------------------------------------------------

/** A document's PDF as staff uploaded it. */
export interface DocumentFile {
  fileId: string;
  name: string;
  sizeBytes: number;
}

type DocumentTexts = Pick<
  RegionDocument,
  'title' | 'titleOriginal' | 'counterparty' | 'counterpartyOriginal' | 'summary' | 'availability'
>;

export interface DocumentEditable extends DocumentTexts {
  id: string;
  file?: DocumentFile;
  updatedAt?: string;
}

/** Absent `id`: a new document, listed last on the profile. */
export interface DocumentSaveInput extends DocumentTexts {
  id?: string;
  file?: DocumentFile;
}

// ---------------------------------------------------------------------------------------------
// enquiries
// ---------------------------------------------------------------------------------------------

/** `new` lists both new statuses: `received` and `pending_review`. */
export type EnquiryStatusFilter = EnquiryStatus | 'new';

export interface EnquirySummary {
  id: string;
  /** `CDR-YYYYMMDD-NNN` */
  ref: string;
  kind: EnquiryKind;
  name: string;
  organization: string;
  topic: EnquiryTopic;
  status: EnquiryStatus;
  excerpt: string;
  noteCount: number;
  createdAt: string;
}

export interface EnquiryNoteView {
  at: string;
  /** The staff member's OPENID, only to tell the caller's own notes apart: never shown. */
  by: string;
  /** The staff member's display name, when they have one (the page shows a neutral label otherwise). */
  author?: string;
  text: string;
}

export interface EnquiryDetail extends Omit<EnquirySummary, 'excerpt' | 'noteCount'> {
  title?: string;
  email?: string;
  phone?: string;
  wechatId?: string;
  message: string;
  visit?: VisitDetails;
  notes: EnquiryNoteView[];
  /** Oldest first. */
  replies: EnquiryReplyView[];
  updatedAt: string;
  retainUntil: string;
  consentAt: string;
  consentNoticeVersion: string;
}

export interface EnquiryReplyView {
  id: string;
  at: string;
  /** The staff member's display name. */
  author: string;
  /** What the partner read (Chinese). */
  body: string;
  original?: { text: string; language: ReplyLanguage };
}

export interface EnquiryReplyInput {
  id: string;
  /** What the partner reads: Chinese, 1–2000 chars. */
  body: string;
  /** What staff wrote, when in another language (1–4000 chars). */
  original?: { text: string; language: ReplyLanguage };
}

export interface TranslateInput {
  /** 1–4000 chars. */
  text: string;
  to: TranslateTarget;
  /** Detected when absent. */
  from?: ReplyLanguage;
}

export interface TranslateOutput {
  text: string;
  /** The source language as given or detected (a TMT language code). */
  from: string;
  /** Who translated, e.g. `tencent-tmt`. */
  provider: string;
  machine: true;
}

export interface EnquiryUpdateInput {
  id: string;
  /** new (received | pending_review) → in_progress → closed; the same status with a note adds the note. */
  status: Extract<EnquiryStatus, 'in_progress' | 'closed'>;
  note?: string;
}

export interface EnquiryExportOutput {
  fileId: string;
  /**
   * A temporary download link to an Excel workbook (.xlsx): headers and labels in the language
   * asked for, times in Danish time with the zone named; it expires at `expiresAt`.
   */
  url: string;
  expiresAt: string;
  count: number;
}

/** Deletes one person's data on request: by their OPENID or through one of their enquiries. */
export type EnquiryEraseInput = { openId: string; id?: never } | { id: string; openId?: never };

export interface EnquiryEraseOutput {
  enquiries: number;
  subscriptions: number;
  notifications: number;
  files: number;
}

// ---------------------------------------------------------------------------------------------
// dashboard and alerts
// ---------------------------------------------------------------------------------------------

export interface DashboardOutput {
  /** The last 12 ISO weeks (China time), oldest first, including empty weeks. */
  enquiriesPerWeek: { week: string; start: string; count: number }[];
  /** Enquiries of those 12 weeks per topic, every topic listed. */
  enquiriesPerTopic: { topic: EnquiryTopic; count: number }[];
  /** Enquiries not yet closed. */
  openEnquiries: number;
  newsPublished: number;
  /** Readers holding at least one open news subscription. */
  subscribers: number;
  /** New enquiries (received or awaiting review, visit requests included): the work waiting. */
  newEnquiries: number;
  /** New visit requests: how many, and the newest few. */
  newVisits: { count: number; items: DashboardVisit[] };
  /** The caller's open new-enquiry alerts (each allows WeChat to send one message) and the most one may hold. */
  alerts: { open: number; max: number };
}

/** A new visit request as the dashboard lists it. */
export interface DashboardVisit {
  id: string;
  ref: string;
  organization: string;
  /** `YYYY-MM-DD`, the visit's first and last day. */
  from: string;
  to: string;
  groupSize: number;
}

export interface AlertsSubscribeOutput {
  /** The caller's open new-enquiry alert credits, after this call. */
  open: number;
  /** False when the caller already held the maximum of open credits: nothing new was stored. */
  recorded: boolean;
}

type Id = { id: string };

export interface AdminApi {
  whoami: { input: Record<string, never>; output: WhoamiOutput };
  'staff.list': { input: Record<string, never>; output: { items: StaffMember[] } };
  'staff.add': { input: { openId: string; name?: string }; output: { openId: string; added: boolean } };
  'staff.remove': { input: { openId: string }; output: { openId: string } };
  /** A one-time code a colleague redeems to become staff (see `staff.redeem`). */
  'staff.invite': { input: { name: string }; output: StaffInviteOutput };
  /** The one action besides `whoami` a non-staff caller may call: makes the caller staff. */
  'staff.redeem': { input: { code: string; name: string }; output: { isAdmin: true } };
  /** Changes the caller's own display name. */
  'staff.rename': { input: { name: string }; output: { name: string } };

  'news.list': { input: { status?: StaffNewsStatus; cursor?: string }; output: Page<NewsSummary> };
  'news.get': { input: Id; output: { item: NewsDetail; preview: RenderedMarkdown } };
  'news.save': { input: NewsSaveInput; output: { id: string; status: StaffNewsStatus } };
  'news.preview': { input: { body: string }; output: { nodes: RenderedMarkdown } };
  'news.publish': { input: Id & { at?: string }; output: NewsPublishOutput };
  'news.unpublish': { input: Id; output: { id: string; status: 'archived' | 'draft' } };
  'news.delete': { input: Id; output: { id: string } };

  'opportunities.list': {
    input: { status?: StaffOpportunityStatus; category?: Category; cursor?: string };
    output: Page<OpportunitySummary>;
  };
  'opportunities.get': { input: Id; output: { item: OpportunityDetail; preview: RenderedMarkdown } };
  'opportunities.save': {
    input: OpportunitySaveInput;
    output: { id: string; status: StaffOpportunityStatus };
  };
  'opportunities.publish': { input: Id; output: { id: string; status: 'published' } };
  'opportunities.unpublish': { input: Id; output: { id: string; status: 'archived' } };
  'opportunities.delete': { input: Id; output: { id: string } };

  'profile.get': { input: Record<string, never>; output: ProfileEditable };
  'profile.save': { input: ProfileSaveInput; output: { updatedAt: string } };

  /** The profile's documents, in the order the public pages list them. */
  'documents.list': { input: Record<string, never>; output: { items: DocumentEditable[] } };
  'documents.save': { input: DocumentSaveInput; output: { id: string } };
  /** Removes the document and its place on the profile. */
  'documents.delete': { input: Id; output: { id: string } };

  'enquiries.list': {
    input: { status?: EnquiryStatusFilter; topic?: EnquiryTopic; kind?: EnquiryKind; cursor?: string };
    output: Page<EnquirySummary>;
  };
  'enquiries.get': { input: Id; output: EnquiryDetail };
  'enquiries.update': { input: EnquiryUpdateInput; output: { id: string; status: EnquiryStatus } };
  'enquiries.reply': { input: EnquiryReplyInput; output: { replyId: string } };
  'enquiries.export': {
    /** `lang`: the caller's staff-page language (Chinese when absent). */
    input: { status?: EnquiryStatusFilter; topic?: EnquiryTopic; kind?: EnquiryKind; lang?: StaffLanguage };
    output: EnquiryExportOutput;
  };
  'enquiries.erase': { input: EnquiryEraseInput; output: EnquiryEraseOutput };

  dashboard: { input: Record<string, never>; output: DashboardOutput };
  'alerts.subscribe': { input: Record<string, never>; output: AlertsSubscribeOutput };
  /** Turns the caller's new-enquiry alerts off: their open alerts are withdrawn. */
  'alerts.unsubscribe': { input: Record<string, never>; output: { open: 0 } };
  /** A machine translation for staff to read an enquiry or draft a reply; nothing is stored on failure. */
  translate: { input: TranslateInput; output: TranslateOutput };
}
