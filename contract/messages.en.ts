/**
 * The rules' labels and messages in English, for the staff pages' English side (the staff sit in
 * Denmark). The same keys as `messages.zh.ts`; the functions always answer in Chinese.
 */
import type { Availability, Category, EnquiryKind, EnquiryStatus, ParticipationMode } from './models';
import type { LabelKey, MessageKey, RuleTexts } from './messages.zh';

/** The categories' names for the staff pages' English side (`CATEGORY_LABELS`). */
export const CATEGORY_LABELS_EN = {
  business: 'Business and regional development',
  knowledge: 'Knowledge exchange and visits',
  research: 'Research collaboration',
  culture: 'Culture and education exchange',
  other: 'Other',
} as const satisfies Record<Category, string>;

/** `AVAILABILITY_LABELS` in English. */
export const AVAILABILITY_LABELS_EN = {
  open_until: 'Open until {date}',
  by_arrangement: 'By arrangement',
  closed: 'Closed',
} as const satisfies Record<Availability, string>;

/** `PARTICIPATION_LABELS` in English. */
export const PARTICIPATION_LABELS_EN = {
  enquiry: 'Online enquiry',
  visit: 'Visit request',
  contact: 'Through the contact person',
} as const satisfies Record<ParticipationMode, string>;

/** Enquiry topics in English (the staff pages and the English export): the categories. */
export const TOPIC_LABELS_EN = CATEGORY_LABELS_EN;

/** An enquiry's kind in English. */
export const ENQUIRY_KIND_LABELS_EN = {
  general: 'Enquiry',
  visit: 'Visit request',
} as const satisfies Record<EnquiryKind, string>;

/** An enquiry's status in English: `ENQUIRY_STATUS_LABELS`, the one wording of both sides. */
export const STAFF_ENQUIRY_STATUS_LABELS_EN = {
  received: 'Received',
  pending_review: 'Awaiting review',
  in_progress: 'In progress',
  closed: 'Closed',
} as const satisfies Record<EnquiryStatus, string>;

const LABELS: Record<LabelKey, string> = {
  name: 'Name',
  organization: 'Organisation',
  jobTitle: 'Job title',
  jobTitleOriginal: 'Original job title',
  email: 'E-mail',
  mobilePhone: 'Mobile number',
  message: 'Message',
  topic: 'Topic',
  requestId: 'Request ID',
  id: 'ID',
  cursor: 'Page cursor',
  tag: 'Tags',
  headline: 'Title',
  summary: 'Summary',
  body: 'Body',
  pinned: 'Pinned',
  cover: 'Cover image',
  coverAlt: 'Cover description',
  publishAt: 'Publication time',
  status: 'Status',
  subscriptionTopic: 'Subscription topic',
  category: 'Category',
  audience: 'Who it is for',
  availabilityStatus: 'Availability',
  availabilityNote: 'Availability note',
  participation: 'How to take part',
  deadline: 'Deadline',
  attachment: 'Attachment',
  attachmentName: 'Attachment name',
  attachmentSize: 'Attachment size',
  contactPerson: 'Contact person',
  contactJobTitle: 'Contact’s job title',
  contactEmail: 'Contact’s e-mail',
  contactPhone: 'Contact’s phone',
  contactName: 'Contact’s name',
  paragraph: 'Paragraphs',
  platform: 'Platform name',
  platformDescription: 'Platform description',
  accountName: 'Account name',
  link: 'Link',
  salutation: 'Salutation',
  phone: 'Phone',
  address: 'Address',
  addressZh: 'Chinese address',
  latitude: 'Latitude',
  longitude: 'Longitude',
  keyFact: 'Key facts',
  keyFactLabel: 'Key fact name',
  keyFactValue: 'Key fact value',
  officeName: 'Office name',
  officeNameOriginal: 'Original office name',
  officeLocation: 'Location',
  officeDescription: 'Office description',
  note: 'Note',
  consent: 'Privacy consent',
  wechatId: 'WeChat ID',
  enquiryKind: 'Enquiry type',
  visit: 'Visit details',
  visitFrom: 'First day of the visit',
  visitTo: 'Last day of the visit',
  groupSize: 'Group size',
  sector: 'Sectors',
  institutions: 'Institutions to visit',
  replyBody: 'Reply',
  replyOriginal: 'Original reply',
  language: 'Language',
  displayName: 'Display name',
  inviteCode: 'Invite code',
  translateText: 'Text to translate',
  dateLabel: 'Date',
  timelineEntry: 'Timeline entry',
  timelineTitle: 'Event title',
  timelineDescription: 'Event description',
  focusArea: 'Focus area',
  focusAreaTitle: 'Area name',
  titleOriginal: 'Original title',
  heroImage: 'Home page image',
  logo: 'Logo',
  imageAlt: 'Image description',
  officialAccount: 'Official account username',
  documentTitle: 'Document title',
  counterparty: 'Signed with',
  counterpartyOriginal: 'Signed with (original name)',
  documentSummary: 'Document description',
  availability: 'How to obtain it',
};

const MESSAGES: Record<MessageKey, string> = {
  'value.type': '{label} is not in a valid format',
  'value.invalid': '{label} is not valid',
  'value.tooLong': '{label} is too long',
  'text.control': '{label} contains control characters that are not allowed',
  'text.unpaired': '{label} contains characters that cannot be read',
  'text.required': 'Please fill in {label}',
  'text.tooShort': '{label} needs at least {min} characters',
  'text.tooLong': '{label} may have at most {max} characters',
  'choice.required': 'Please choose {label}',
  'format.email': '{label} is not a valid e-mail address',
  'format.phone': '{label} is not a valid number (+, spaces and dashes allowed, 6–20 digits)',
  'format.enquiryPhone': 'Not a valid phone number (+, spaces and dashes allowed, 6–20 digits)',
  'format.officePhone':
    '{label} must be a number that can be dialled from abroad, e.g. +45 2160 1445 (a Danish number may leave out +45)',
  'format.officialAccount': "{label} must be the official account's original ID, e.g. gh_0123456789ab",
  'format.yearLabel': '{label} must name the year, e.g. 2016',
  'format.https': '{label} must start with https://',
  'format.pdfName': '{label} must be a PDF file (.pdf)',
  'format.openId': 'Not a valid OPENID',
  'format.wechatId': '{label}: 6–20 characters, a letter first, then letters, digits, _ or -',
  'format.publicFiles':
    '{label} may only show images and files uploaded in the mini program; other cloud files cannot be public',
  'format.date': '{label} must be a valid date (year-month-day)',
  'date.past': '{label} cannot be before today',
  'file.cloud': '{label} must be a cloud storage file (cloud://)',
  'file.image': '{label} must be a JPG, PNG or WebP file',
  'file.pdf': '{label} must be a PDF file',
  'file.public': '{label} must be a cover or attachment uploaded in the mini program',
  'file.tooLarge': '{label} may be at most {mb} MB',
  'number.type': '{label} must be a number',
  'number.integer': '{label} must be a whole number',
  'number.range': '{label} must be between {min} and {max}',
  'number.pageSize': 'The page size must be a whole number from 1 to {max}',
  'list.minParagraphs': 'Please write at least one paragraph in {label}',
  'list.maxParagraphs': '{label}: at most {max} paragraphs',
  'list.maxLines': '{label}: at most {max} lines',
  'list.maxCount': '{label}: at most {max}',
  'list.maxEntries': '{label}: at most {max} entries',
  'list.duplicate': '{label} must not repeat',
  'schedule.tooFar': 'Publication can be scheduled at most {days} days ahead',
  'enquiry.contactMissing': 'Please give an e-mail address, a mobile number or a WeChat ID',
  'enquiry.privacy': 'Please read and accept the privacy notice',
  'enquiry.crossBorder': 'Please agree to the transfer of your information to Denmark',
  'enquiry.consent': 'Please confirm the {label}',
  'enquiry.statusMove': 'The status can only change to “In progress” or “Closed”',
  'enquiry.eraseTarget': 'Give either the submitter’s OPENID or the ID of one of their enquiries',
  'visit.details': 'Please fill in the {label} completely',
  'visit.required': 'A visit request needs its dates and group size',
  'visit.notAllowed': 'Only a visit request has visit details',
  'visit.dateOrder': 'The last day cannot be before the first day',
  'visit.tooLong': 'A visit lasts at most {days} days',
  'opportunity.deadlineRequired': '“Open until” needs a deadline',
  'opportunity.deadlineNotAllowed': 'Only “Open until” takes a deadline',
  'opportunity.contactReach': 'Give the contact’s e-mail or phone',
  'profile.nothingToSave': 'Change at least one thing',
  'generic.type': 'Not in a valid format',
  'generic.tooSmall': 'Too short',
  'generic.tooBig': 'Too long',
  'generic.value': 'Not an allowed value',
  'generic.unknownKey': 'Field not supported',
};

export const RULE_TEXTS_EN: RuleTexts = { labels: LABELS, messages: MESSAGES };
