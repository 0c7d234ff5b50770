/**
 * Database document models, shared by the cloud functions and the mini program (`import type`).
 * Stored dates are JS `Date`s. The unions' allowed values live in `./constants`.
 */
import type {
  AVAILABILITIES,
  CATEGORIES,
  ENQUIRY_KINDS,
  ENQUIRY_STATUSES,
  ENQUIRY_TOPICS,
  FOCUS_AREA_IDS,
  NEWS_STATUSES,
  OPPORTUNITY_STATUSES,
  PARTICIPATION_MODES,
  PROFILE_ID,
  REPLY_LANGUAGES,
  STAFF_LANGUAGES,
  SUBSCRIPTION_STATUSES,
  SUBSCRIPTION_TOPICS,
  TRANSLATE_TARGETS,
} from './constants';

export type NewsStatus = (typeof NEWS_STATUSES)[number];
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];
/** One of the app's categories: a focus area, an enquiry topic, an opportunity type, a news category. */
export type Category = (typeof CATEGORIES)[number];
export type Availability = (typeof AVAILABILITIES)[number];
export type ParticipationMode = (typeof PARTICIPATION_MODES)[number];
export type EnquiryTopic = (typeof ENQUIRY_TOPICS)[number];
export type EnquiryStatus = (typeof ENQUIRY_STATUSES)[number];
export type EnquiryKind = (typeof ENQUIRY_KINDS)[number];
export type ReplyLanguage = (typeof REPLY_LANGUAGES)[number];
export type TranslateTarget = (typeof TRANSLATE_TARGETS)[number];
export type StaffLanguage = (typeof STAFF_LANGUAGES)[number];
export type FocusAreaId = (typeof FOCUS_AREA_IDS)[number];
export type SubscriptionTopic = (typeof SUBSCRIPTION_TOPICS)[number];
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** Where an item's facts come from. No `url` unless the source itself gives one. */
export interface SourceRef {
  title: string;
  url?: string;
  /** A Chinese note for readers: the publisher and the part of the source the item draws on. */
  note?: string;
  /** The heading of that part as the source writes it (original language), for the record. */
  section?: string;
  /** When the source describes things, as precisely as it says and no more: '2016年'. */
  asOf?: string;
}

/** A name in Chinese with the original (English or Danish) beside it. */
export interface LocalizedName {
  zh: string;
  original: string;
}

// ---------------------------------------------------------------------------------------------
// profile (a single document)
// ---------------------------------------------------------------------------------------------

export interface KeyFact {
  label: string;
  value: string;
}

export interface TimelineEntry {
  /** The year `dateLabel` names. The entries are stored in the order staff give them (the seed's: ascending). */
  year: number;
  /** What to display, as precise as the source is and no more: '2003年', '2016年春'. */
  dateLabel: string;
  title: string;
  description: string;
}

export interface FocusArea {
  id: FocusAreaId;
  title: string;
  titleOriginal: string;
  /** One line, for cards. */
  summary: string;
  paragraphs: string[];
  /** A TDesign mini program icon name (`<t-icon name="…">`). */
  icon: string;
}

/** A titled block of plain paragraphs on the profile page. */
export interface ProfileSection {
  title: string;
  paragraphs: string[];
}

export interface InternationalOffice {
  name: string;
  nameOriginal: string;
  /** Where the office sits, in Chinese with the original place name. */
  location: string;
  description: string;
}

export interface PhoneNumber {
  /** As shown to readers: '+45 2160 1445'. */
  display: string;
  /** E.164, for `wx.makePhoneCall`: '+4521601445'. */
  dial: string;
}

export interface PostalAddress {
  /** The address exactly as it is written for the post, one line each. */
  linesOriginal: string[];
  /** A Chinese rendering for readers; not for the envelope. */
  zh: string;
}

/** A social-media presence. Identifiers are optional: record only what the source gives. */
export interface SocialProfile {
  platform: string;
  description: string;
  url?: string;
  accountName?: string;
}

/** The WeChat presence: an official account (公众号) once staff enter its username. */
export interface WechatProfile extends SocialProfile {
  /** The account's original ID (`gh_…`), which `wx.openOfficialAccountProfile` opens. */
  username?: string;
}

/** An image of the profile (hero, logo), uploaded by staff into cloud storage. */
export interface ProfileImage {
  fileId: string;
  /** What the image shows, for readers who cannot see it. */
  alt: string;
}

export interface ContactInfo {
  name: string;
  /** '女士' / '先生', shown after the name. */
  salutation: string;
  title: string;
  titleOriginal: string;
  email: string;
  mobile: PhoneNumber;
  address: PostalAddress;
  linkedin: SocialProfile;
  wechat: WechatProfile;
  /**
   * Where the office is, for `wx.openLocation`. The source gives no coordinates, so it is absent
   * until staff choose the place on a map (`wx.chooseLocation`); the contact page offers a map only then.
   */
  location?: GeoPoint;
}

/**
 * Degrees as `wx.chooseLocation` answers them and `wx.openLocation` takes them (GCJ-02, which
 * outside mainland China is the same as WGS-84).
 */
export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export interface RegionProfile {
  _id: typeof PROFILE_ID;
  name: LocalizedName;
  partner: LocalizedName;
  intro: ProfileSection;
  keyFacts: KeyFact[];
  timeline: TimelineEntry[];
  /** Exactly four, in the source's order. */
  focusAreas: FocusArea[];
  internationalOffice: InternationalOffice;
  representativeOffice: ProfileSection;
  /** The MoUs that supplement the agreement; `documentIds` point into `documents`. */
  agreements: ProfileSection & { documentIds: string[] };
  contact: ContactInfo;
  /** The home page's large image; absent until staff upload one. */
  heroImage?: ProfileImage;
  logo?: ProfileImage;
  updatedAt: Date;
  source: SourceRef;
}

// ---------------------------------------------------------------------------------------------
// news, opportunities, documents
// ---------------------------------------------------------------------------------------------

export interface CoverImage {
  fileId?: string;
  url?: string;
  alt: string;
}

export interface NewsItem {
  _id: string;
  title: string;
  summary: string;
  /** Markdown; no raw HTML. */
  body: string;
  cover?: CoverImage;
  category: Category;
  /** Free keywords, secondary to `category`. */
  tags: string[];
  status: NewsStatus;
  /** When it goes (or went) public; set for 'scheduled' and 'published'. */
  publishAt?: Date;
  pinned: boolean;
  /**
   * Shown instead of the day of `publishAt` when the exact day is not known (seeded content
   * dated by year or season only): '2013年', '2016年春'.
   */
  dateLabel?: string;
  source: SourceRef;
  createdAt: Date;
  updatedAt: Date;
  publishedAt?: Date;
}

export interface Attachment {
  fileId: string;
  name: string;
  sizeBytes?: number;
}

export interface OpportunityContact {
  name: string;
  title?: string;
  email?: string;
  phone?: string;
}

export interface Opportunity {
  _id: string;
  category: Category;
  title: string;
  summary: string;
  /** Markdown; no raw HTML. */
  body: string;
  /** Who may take part, in one line: '上海市政府部门、机构和企业组团来访'. */
  audience: string;
  /** Whether one can take part, and on what basis (see `AVAILABILITIES`). */
  availability: Availability;
  /** The last moment to take part: required with `open_until`, absent otherwise. */
  deadline?: Date;
  /** What the availability rests on, shown beside it: '具体日程须与国际事务办公室商定'. */
  availabilityNote?: string;
  /** How to take part: the enquiry or visit form, prefilled, or the contact below. */
  participation: ParticipationMode;
  attachments: Attachment[];
  contact: OpportunityContact;
  /** Shown instead of the day of `publishedAt` when the exact day is not known (seeded content): '2016年'. */
  dateLabel?: string;
  /** `documents` this opportunity rests on (the MoUs). */
  documentIds?: string[];
  status: OpportunityStatus;
  source: SourceRef;
  createdAt: Date;
  updatedAt: Date;
  publishedAt?: Date;
}

/** A document of the relationship (an MoU); the file itself may not be stored. */
export interface RegionDocument {
  _id: string;
  title: string;
  titleOriginal: string;
  counterparty: string;
  counterpartyOriginal: string;
  summary: string;
  /** Cloud storage file (a PDF); absent while the file is not in our hands. */
  fileId?: string;
  /** The file's name and size as staff uploaded it. */
  fileName?: string;
  sizeBytes?: number;
  /** How readers can obtain the document, e.g. '可向国际事务办公室索取'. */
  availability: string;
  source: SourceRef;
  /** Set when staff last changed it. */
  updatedAt?: Date;
}

// ---------------------------------------------------------------------------------------------
// enquiries and staff data
// ---------------------------------------------------------------------------------------------

export interface EnquiryConsent {
  privacy: true;
  crossBorder: true;
  at: Date;
  /** Version of the privacy notice the submitter agreed to. */
  noticeVersion: string;
}

export interface EnquiryNote {
  at: Date;
  /** The staff member's OPENID. */
  by: string;
  text: string;
}

/** What a visit request (`kind: "visit"`) asks for. Days are China dates, `YYYY-MM-DD`. */
export interface VisitDetails {
  from: string;
  to: string;
  groupSize: number;
  /** Topic ids the delegation is interested in. */
  sectors?: EnquiryTopic[];
  /** Institutions they hope to visit. */
  institutions?: string;
}

/** A staff reply: `body` is what the partner reads (Chinese). */
export interface EnquiryReply {
  id: string;
  at: Date;
  /** The staff member's OPENID; shown by their display name, never bare. */
  by: string;
  body: string;
  /** What staff wrote, when they wrote in another language than the body's. */
  original?: { text: string; language: ReplyLanguage };
}

/** A status change, for the partner's timeline. */
export interface EnquiryStatusEvent {
  at: Date;
  status: EnquiryStatus;
}

/** One accepted one-time subscription of the submitter to a reply on this enquiry. */
export interface ReplySubscription {
  id: string;
  at: Date;
  status: SubscriptionStatus;
  usedAt?: Date;
}

export interface Enquiry {
  _id: string;
  /** `CDR-YYYYMMDD-NNN`: the China day of submission and that day's sequence number. */
  ref: string;
  kind: EnquiryKind;
  /** The submitter, from the platform. */
  _openid: string;
  /** The client's idempotency key, unique per `_openid`: 8–64 chars of A-Z a-z 0-9 _ -. */
  requestId: string;
  name: string;
  organization: string;
  title?: string;
  email?: string;
  phone?: string;
  /** A WeChat ID: 6–20 chars, a letter first. */
  wechatId?: string;
  topic: EnquiryTopic;
  message: string;
  visit?: VisitDetails;
  consent: EnquiryConsent;
  status: EnquiryStatus;
  notes?: EnquiryNote[];
  replies?: EnquiryReply[];
  /** Status changes after submission, oldest first. */
  statusEvents?: EnquiryStatusEvent[];
  replySubscriptions?: ReplySubscription[];
  lastReplyAt?: Date;
  createdAt: Date;
  updatedAt: Date;
  /** After this the enquiry is deleted (personal data is kept no longer than needed). */
  retainUntil: Date;
}

export interface Admin {
  /** The staff member's OPENID. */
  _id: string;
  /** Display name, shown on notes and replies. */
  name?: string;
  addedAt: Date;
  /** OPENID of whoever added them, or how they were added (e.g. the start-up environment). */
  addedBy: string;
}

/** A one-time staff invitation; `_id` is the SHA-256 hex of the normalised code. */
export interface Invite {
  _id: string;
  /** Who the inviter meant it for, as they named them. */
  name: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt?: Date;
  usedBy?: string;
}

/** One accepted one-time subscription message (`wx.requestSubscribeMessage`). */
export interface Subscription {
  _id: string;
  _openid: string;
  topic: SubscriptionTopic;
  status: SubscriptionStatus;
  createdAt: Date;
  usedAt?: Date;
}

export interface AuditEntry {
  _id: string;
  /** OPENID of the staff member, or the system component, that acted. */
  actor: string;
  /** The staff member's display name when they had one at the time (so the trail reads by name). */
  actorName?: string;
  /** e.g. 'news.publish'. */
  action: string;
  /** `collection/_id` of the document acted on. */
  target?: string;
  at: Date;
  details?: Record<string, unknown>;
}
