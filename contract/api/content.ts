import type {
  Availability,
  Category,
  FocusAreaId,
  GeoPoint,
  KeyFact,
  LocalizedName,
  OpportunityContact,
  ParticipationMode,
  PhoneNumber,
  PostalAddress,
  ProfileSection,
  SocialProfile,
  SourceRef,
  SubscriptionTopic,
  TimelineEntry,
  WechatProfile,
} from '../models';
import type { Page } from './common';

/*
 * The `content` function (public, CONTRACTS.md): what the mini program shows to everyone.
 * Dates are ISO 8601 strings; `dateLabel` is what to display (the day in China time, or the
 * coarser '2013年' / '2016年春' when only that much is known).
 */

// ---------------------------------------------------------------------------------------------
// Rich text: Markdown bodies rendered on the server for `<rich-text nodes>`
// ---------------------------------------------------------------------------------------------

/** The only tags a rendered body contains. Markdown headings move one level down (`#` → h2): the page title is the h1. */
export type RichTextTag =
  | 'p'
  | 'h2'
  | 'h3'
  | 'h4'
  | 'h5'
  | 'strong'
  | 'em'
  | 's'
  | 'ul'
  | 'ol'
  | 'li'
  | 'blockquote'
  | 'a'
  | 'img'
  | 'br'
  | 'hr'
  | 'code'
  | 'pre'
  | 'table'
  | 'thead'
  | 'tbody'
  | 'tr'
  | 'th'
  | 'td';

/** The only attributes a rendered body contains. */
export interface RichTextAttrs {
  /** Always present, for styling: `md-<tag>` (e.g. `md-h3`), plus `md-align-*` on aligned table cells. */
  class: string;
  /** On `a` only: http(s), mailto, tel, or an in-app path starting with a single `/`. */
  href?: string;
  /**
   * On `img` only: https. Bodies answered by the `content` function never hold `cloud://`: the function
   * resolves them to temporary https URLs (valid 24 hours) and drops images whose
   * file cannot be found. `renderMarkdown` itself keeps `cloud://` sources (for the staff preview).
   */
  src?: string;
  /** On `img` only. */
  alt?: string;
  /** On `ol` only: the number of the first item, digits only. */
  start?: string;
}

export interface RichTextElement {
  name: RichTextTag;
  attrs: RichTextAttrs;
  children?: RichTextNode[];
}

/** Text is entity-encoded (`&amp;`, `&lt;`, `&gt;`) because `<rich-text>` decodes entities in text nodes. */
export interface RichTextText {
  type: 'text';
  text: string;
}

export type RichTextNode = RichTextElement | RichTextText;

// ---------------------------------------------------------------------------------------------
// Shapes shared by several actions
// ---------------------------------------------------------------------------------------------

export interface Cover {
  /** https: a temporary URL for a cloud file, or the item's own https URL. */
  url: string;
  alt: string;
}

export interface NewsListItem {
  id: string;
  title: string;
  summary: string;
  cover: Cover | null;
  category: Category;
  /** Free keywords, secondary to `category`. */
  tags: string[];
  pinned: boolean;
  publishAt: string;
  dateLabel: string;
}

export interface NewsDetail extends NewsListItem {
  body: RichTextNode[];
  source: SourceRef;
}

export interface OpportunityListItem {
  id: string;
  category: Category;
  title: string;
  summary: string;
  /** Who may take part. */
  audience: string;
  /** As of now: `open_until` whose deadline has passed answers `closed`. */
  availability: Availability;
  /** The deadline of `open_until` (ISO 8601); otherwise null. */
  deadline: string | null;
  publishedAt: string;
  dateLabel: string;
}

export interface AttachmentLink {
  name: string;
  sizeBytes: number | null;
  fileId: string;
  /** Temporary download URL; null when the file cannot be found in storage. */
  url: string | null;
}

/** A document of the relationship (an MoU); the file itself may not be available. */
export interface DocumentSummary {
  id: string;
  title: string;
  titleOriginal: string;
  counterparty: string;
  summary: string;
  /** How readers can obtain it, e.g. '可向国际事务办公室索取'. */
  availability: string;
  hasFile: boolean;
  /** Temporary download URL when the file is stored and found; otherwise null. */
  url: string | null;
}

export interface OpportunityDetail extends OpportunityListItem {
  body: RichTextNode[];
  attachments: AttachmentLink[];
  /** The documents (MoUs) the opportunity rests on, in the order the opportunity lists them. */
  documents: DocumentSummary[];
  /** What the availability rests on, beside its label; null when nothing is said. */
  availabilityNote: string | null;
  /** How to take part: the enquiry or visit form, prefilled, or the contact directly. */
  participation: ParticipationMode;
  contact: OpportunityContact;
  source: SourceRef;
}

export interface FocusAreaCard {
  id: FocusAreaId;
  title: string;
  summary: string;
  /** A TDesign icon name. */
  icon: string;
}

/** A focus area in full: plain paragraphs (no Markdown). The focus-area page reads it from `profile`. */
export interface FocusAreaDetail extends FocusAreaCard {
  titleOriginal: string;
  paragraphs: string[];
}

export interface OfficeInfo {
  name: string;
  nameOriginal: string;
  location: string;
  description: string;
}

/**
 * How far Denmark's clock is behind Beijing's on the day of the answer (Europe/Copenhagen, with its
 * summer time), and in the other season, for a reader in China planning a call.
 */
export interface TimeDifference {
  /** Hours Denmark is behind Beijing today: 7 in winter, 6 in summer time. */
  hoursBehind: number;
  /** Whether Denmark keeps summer time (CEST) today. */
  summerTime: boolean;
  /** The hours behind in the other season. */
  otherSeasonHoursBehind: number;
}

/** The contact line of the home page. */
export interface ContactSummary {
  name: string;
  salutation: string;
  title: string;
  email: string;
  phone: PhoneNumber;
  /** The office the contact works in: '国际事务办公室'. */
  office: string;
  timeDifference: TimeDifference;
}

/** The 联系 page's card. Social profiles carry only what the source gives (no invented accounts). */
export interface ContactCard {
  name: string;
  salutation: string;
  title: string;
  titleOriginal: string;
  email: string;
  /** `display` to show, `dial` (E.164) for `wx.makePhoneCall`. */
  phone: PhoneNumber;
  address: PostalAddress;
  linkedin: SocialProfile;
  /** `username` present only once staff have entered the official account's (the page offers to open it then). */
  wechat: WechatProfile;
  office: OfficeInfo;
  /** Present only once staff have chosen the office's place on a map. */
  location: GeoPoint | null;
  timeDifference: TimeDifference;
  /** Working days within which the office usually answers an enquiry. */
  responseWorkingDays: number;
}

// ---------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------

/** The home page's first screen in one call; no Markdown bodies (budget: 32 KB of JSON). */
export interface HomeOutput {
  /** `image` and `logo` once staff have uploaded them (temporary https URLs). */
  hero: { name: LocalizedName; partner: LocalizedName; image: Cover | null; logo: Cover | null };
  intro: { title: string; lead: string };
  keyFacts: KeyFact[];
  timeline: TimelineEntry[];
  /** The four focus areas, in the source's order. */
  focusAreas: FocusAreaCard[];
  /** The first 3 items of `news.list` (pinned first, then newest). */
  latestNews: NewsListItem[];
  /** Up to 3 opportunities one can take part in now (open until a date to come, or by arrangement), newest first. */
  featuredOpportunities: OpportunityListItem[];
  contact: ContactSummary;
  /** How current the profile's facts are: the source's date as the source gives it ('2016年'); null without one. */
  sourceAsOf: string | null;
  /** When the profile was last saved (ISO 8601): the page's 更新于. */
  updatedAt: string;
}

export interface ProfileOutput {
  name: LocalizedName;
  partner: LocalizedName;
  intro: ProfileSection;
  keyFacts: KeyFact[];
  timeline: TimelineEntry[];
  focusAreas: FocusAreaDetail[];
  internationalOffice: OfficeInfo;
  representativeOffice: ProfileSection;
  agreements: ProfileSection & { documents: DocumentSummary[] };
  contact: ContactCard;
  source: SourceRef;
  updatedAt: string;
}

export interface NewsListInput {
  /** 1–20, default 10. */
  limit?: number;
  /** `nextCursor` of the previous page, unchanged. */
  cursor?: string;
  /** Only items with exactly this tag. */
  tag?: string;
  /** Only items of this category. */
  category?: Category;
}

/** A page of news; the first page (no cursor) also names every category that has published items. */
export interface NewsListOutput extends Page<NewsListItem> {
  /** In the order of `CATEGORIES`; on the first page only. */
  categories?: Category[];
}

export interface OpportunitiesListInput {
  /** A category id. */
  type?: Category;
  cursor?: string;
}

export interface SubscribeInput {
  topic: SubscriptionTopic;
}

export interface SubscribeOutput {
  topic: SubscriptionTopic;
  /** The caller's unused subscriptions of this topic, after this call. */
  open: number;
  /** False when the caller already held the maximum of open subscriptions: nothing new was stored. */
  recorded: boolean;
}

type NoInput = Record<string, never>;

export interface ContentApi {
  home: { input: NoInput; output: HomeOutput };
  profile: { input: NoInput; output: ProfileOutput };
  contact: { input: NoInput; output: ContactCard };
  'news.list': { input: NewsListInput; output: NewsListOutput };
  'news.get': { input: { id: string }; output: NewsDetail };
  'opportunities.list': { input: OpportunitiesListInput; output: Page<OpportunityListItem> };
  'opportunities.get': { input: { id: string }; output: OpportunityDetail };
  subscribe: { input: SubscribeInput; output: SubscribeOutput };
}
