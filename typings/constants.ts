/**
 * Runtime values shared by the mini program and the cloud functions: collection names and the
 * allowed values of every string-literal union in `./models` (whose types derive from these arrays,
 * so a value added here is accepted everywhere at once).
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
} as const;

/** `_id` of the single document in the `profile` collection. */
export const PROFILE_ID = 'region';

export const NEWS_STATUSES = ['draft', 'scheduled', 'published', 'archived', 'deleted'] as const;

export const OPPORTUNITY_STATUSES = ['draft', 'published', 'archived', 'deleted'] as const;

export const OPPORTUNITY_KINDS = [
  'business_programme',
  'research',
  'education',
  'culture',
  'delegation_visit',
  'mou',
] as const;

export const ENQUIRY_TOPICS = ['business', 'knowledge', 'research', 'culture', 'other'] as const;

export const ENQUIRY_STATUSES = ['received', 'pending_review', 'in_progress', 'closed'] as const;

/**
 * The four focus areas of the sister-city agreement. They share their ids with the enquiry topics,
 * so a focus-area page can open the enquiry form with its topic preselected.
 */
export const FOCUS_AREA_IDS = ['business', 'knowledge', 'research', 'culture'] as const;

export const SUBSCRIPTION_TOPICS = ['news'] as const;

export const SUBSCRIPTION_STATUSES = ['open', 'used'] as const;
