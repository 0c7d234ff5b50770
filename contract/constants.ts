/**
 * Runtime values shared by the mini program and the cloud functions: collection names, limits and
 * the allowed values of every string-literal union in `contract/models` (whose types derive from
 * these arrays, so a value added here is accepted everywhere at once). The functions bundle it at
 * build time; the mini program imports the build's copy in `miniprogram/contract/`.
 */

/** Database collection names. */
export const COLLECTIONS = {
  profile: 'profile',
  news: 'news',
  opportunities: 'opportunities',
  documents: 'documents',
  enquiries: 'enquiries',
  admins: 'admins',
  subscriptions: 'subscriptions',
  audit: 'audit',
  rateLimits: 'rate_limits',
  /** Subscription messages queued, sent or failed (server only). */
  notifications: 'notifications',
  /** CSV exports waiting to be deleted from storage (server only). */
  exports: 'exports',
  /** Documents that serialise changes, e.g. to the staff roster (server only). */
  locks: 'locks',
  /** Per-day sequence counters of enquiry references (server only). */
  counters: 'counters',
  /** Machine translations keyed by a hash of text and target language (server only). */
  translations: 'translations',
  /** One-time staff invitations, keyed by a hash of the code (server only). */
  invites: 'invites',
} as const;

/** A staff member's display name is at most this many characters. */
export const STAFF_NAME_MAX = 30;
/** Invite codes use letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L). */
export const INVITE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITE_CODE_LENGTH = 10;
/** An invitation is valid this long after it was made. */
export const INVITE_TTL_HOURS = 72;
/** After this many wrong codes within an hour a caller may not try again until the hour has passed. */
export const INVITE_FAILURES_PER_HOUR = 5;

/** China Standard Time (UTC+8, no daylight saving), where the readers are: dates are shown in it. */
export const CHINA_OFFSET_MS = 8 * 3600_000;

/** `_id` of the single document in the `profile` collection. */
export const PROFILE_ID = 'region';

export const NEWS_STATUSES = ['draft', 'scheduled', 'published', 'archived', 'deleted'] as const;

export const OPPORTUNITY_STATUSES = ['draft', 'published', 'archived', 'deleted'] as const;

/**
 * The one list of categories (one vocabulary): the focus areas (all but `other`), enquiry topics,
 * opportunity types and news categories all take these ids; their names are in the messages.
 */
export const CATEGORIES = ['business', 'knowledge', 'research', 'culture', 'other'] as const;

/** The category of news saved without one. */
export const DEFAULT_CATEGORY = 'other' satisfies (typeof CATEGORIES)[number];

export const ENQUIRY_TOPICS = CATEGORIES;

/**
 * Whether one can take part in an opportunity, and on what basis: open until its deadline (a
 * `deadline` is required, and once it has passed the opportunity reads as closed), by arrangement
 * with the office, or closed.
 */
export const AVAILABILITIES = ['open_until', 'by_arrangement', 'closed'] as const;

/**
 * How to take part in an opportunity: the enquiry form (prefilled with its category and title),
 * the visit request form (来访申请, prefilled the same way), or its named contact directly.
 */
export const PARTICIPATION_MODES = ['enquiry', 'visit', 'contact'] as const;

export const ENQUIRY_STATUSES = ['received', 'pending_review', 'in_progress', 'closed'] as const;

/** A general enquiry, or a request to visit the region (来访申请). */
export const ENQUIRY_KINDS = ['general', 'visit'] as const;

/** A visit lasts at most this many days after its first day. */
export const VISIT_MAX_DAYS = 60;
export const VISIT_GROUP_MAX = 100;
/** Sectors (topic ids) a visit may name. */
export const VISIT_MAX_SECTORS = 5;

/** Languages staff write a reply in; the partner always reads it in Chinese. */
export const REPLY_LANGUAGES = ['zh', 'en', 'da'] as const;
/** Languages a machine translation is made into: Chinese for partners, English for staff. */
export const TRANSLATE_TARGETS = ['zh', 'en'] as const;

/** Languages the staff pages speak; the export writes its headers and labels in the caller's. */
export const STAFF_LANGUAGES = ['zh', 'en'] as const;

/** Open reply subscriptions one enquiry may hold at once. */
export const MAX_OPEN_REPLY_SUBSCRIPTIONS = 5;

/** Working days within which the office usually answers, unless the function is configured otherwise. */
export const RESPONSE_WORKING_DAYS_DEFAULT = 3;

/**
 * The four focus areas of the 友好城市（友城）关系: the categories but `other`, so a focus-area page
 * can open the enquiry form with its topic preselected.
 */
export const FOCUS_AREA_IDS = [
  'business',
  'knowledge',
  'research',
  'culture',
] as const satisfies readonly (typeof CATEGORIES)[number][];

export const SUBSCRIPTION_TOPICS = ['news'] as const;

export const SUBSCRIPTION_STATUSES = ['open', 'used'] as const;

/** Version of the privacy notice (隐私说明) an enquiry's consent refers to; bump it when the notice changes. */
export const PRIVACY_NOTICE_VERSION = '2026-12-05';

/** How long an enquiry (personal data) is kept after submission, unless configured otherwise. */
export const ENQUIRY_RETENTION_MONTHS = 12;

/**
 * How long records of subscription messages are kept once done with (a used subscription, a sent,
 * cancelled or abandoned message, a cached machine translation): they name a reader's OPENID or
 * repeat their words, and are deleted by the scheduler after this many days.
 */
export const MESSAGE_RECORD_RETENTION_DAYS = 30;

/** New enquiries one caller may submit per hour. */
export const ENQUIRY_RATE_LIMIT_PER_HOUR = 5;

/** Page sizes. */
export const NEWS_PAGE_SIZE_MAX = 20;
export const NEWS_PAGE_SIZE_DEFAULT = 10;
export const OPPORTUNITIES_PAGE_SIZE = 10;
export const MY_ENQUIRIES_PAGE_SIZE = 20;

/** Files staff attach: a news cover once compressed on the phone, and opportunity PDFs. */
export const COVER_MAX_BYTES = 2 * 1024 * 1024;
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;
export const MAX_TAGS = 8;
/** A news item may be scheduled at most this far ahead. */
export const MAX_SCHEDULE_DAYS = 366;
