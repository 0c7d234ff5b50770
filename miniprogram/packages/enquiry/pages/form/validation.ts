/**
 * The enquiry form's checks: the `enquiry` function's own `submit` rules (contract/rules.ts), run
 * on what the form holds, so the form flags exactly what the function would refuse, in its words.
 * The function stays the authority: its per-field messages are shown at the same fields.
 */
import type { SubmitEnquiryInput } from '../../../../contract/api/enquiry';
import { ENQUIRY_TOPICS } from '../../../../contract/constants';
import { RULE_TEXTS_ZH } from '../../../../contract/messages.zh';
import type { EnquiryTopic } from '../../../../contract/models';
import { charCount as countChars, enquirySubmit, renderProblems } from '../../../../contract/rules';
import { validate } from '../../../../contract/validate';

/** The two forms: a general enquiry and a 来访申请 (visit request). */
export type FormKind = 'general' | 'visit';

export const FORM_KINDS: readonly FormKind[] = ['general', 'visit'];

/**
 * What the form holds: text as typed, the topic ('' until chosen), the two consents and, in a
 * visit request, the visit's dates (YYYY-MM-DD, '' until picked), group size as typed and sectors.
 */
export interface EnquiryDraft {
  name: string;
  organization: string;
  title: string;
  email: string;
  phone: string;
  wechatId: string;
  topic: string;
  message: string;
  visitFrom: string;
  visitTo: string;
  groupSize: string;
  sectors: string[];
  institutions: string;
  privacy: boolean;
  crossBorder: boolean;
}

export type FieldName = keyof EnquiryDraft;

/** One message per field; '' when the field is fine. */
export type FieldErrors = Record<FieldName, string>;

export const EMPTY_DRAFT: EnquiryDraft = {
  name: '',
  organization: '',
  title: '',
  email: '',
  phone: '',
  wechatId: '',
  topic: '',
  message: '',
  visitFrom: '',
  visitTo: '',
  groupSize: '',
  sectors: [],
  institutions: '',
  privacy: false,
  crossBorder: false,
};

/** Every field, in the order the form shows them (the first with a message is scrolled to). */
export const FIELD_NAMES: readonly FieldName[] = [
  'name',
  'organization',
  'title',
  'email',
  'phone',
  'wechatId',
  'visitFrom',
  'visitTo',
  'groupSize',
  'sectors',
  'institutions',
  'topic',
  'message',
  'privacy',
  'crossBorder',
];

/** The partner's own details, offered again on the next form. */
export const CONTACT_FIELDS = ['name', 'organization', 'title', 'email', 'phone', 'wechatId'] as const;
export type ContactDetails = Record<(typeof CONTACT_FIELDS)[number], string>;

/** One of these is needed: the function's `someOf` check puts its message on each. */
export const REACH_FIELDS: readonly FieldName[] = ['email', 'phone', 'wechatId'];

/** Fields that only a visit request has. */
export const VISIT_FIELDS: readonly FieldName[] = [
  'visitFrom',
  'visitTo',
  'groupSize',
  'sectors',
  'institutions',
];

export const MESSAGE_MAX_CHARS = enquirySubmit.fields.message.max;

/** Where the function reports a visit field (`visit.from`), by form field. */
const SERVER_KEYS: Partial<Record<string, FieldName>> = {
  consent: 'privacy',
  'consent.privacy': 'privacy',
  'consent.crossBorder': 'crossBorder',
  visit: 'visitFrom',
  'visit.from': 'visitFrom',
  'visit.to': 'visitTo',
  'visit.groupSize': 'groupSize',
  'visit.sectors': 'sectors',
  'visit.institutions': 'institutions',
};

/** Length as the rules count it: characters (code points) after trimming. */
export function charCount(value: string): number {
  return countChars(value.trim());
}

export function isTopic(value: string): value is EnquiryTopic {
  return (ENQUIRY_TOPICS as readonly string[]).includes(value);
}

/**
 * The form field a server field key belongs to (`consent.privacy` → `privacy`, `visit.sectors.1`
 * → `sectors`); undefined for keys no field shows, such as `requestId`.
 */
export function fieldOfServerKey(key: string): FieldName | undefined {
  const known = SERVER_KEYS[key] ?? SERVER_KEYS[key.replace(/\.\d+$/, '')];
  if (known) return known;
  return (FIELD_NAMES as readonly string[]).includes(key) ? (key as FieldName) : undefined;
}

/** The group size as the function reads it: a number when typed as one, else the text (refused). */
function groupSizeValue(typed: string): number | string {
  const trimmed = typed.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** What the form sends for `draft`, before trimming (the rules trim, as the function does). */
function submitShape(draft: EnquiryDraft, kind: FormKind): Record<string, unknown> {
  const { name, organization, title, email, phone, wechatId, topic, message, privacy, crossBorder } = draft;
  const shape: Record<string, unknown> = {
    name,
    organization,
    title,
    email,
    phone,
    wechatId,
    topic,
    message,
    consent: { privacy, crossBorder },
  };
  if (kind === 'visit') {
    shape.kind = 'visit';
    shape.visit = {
      from: draft.visitFrom || undefined,
      to: draft.visitTo || undefined,
      groupSize: draft.groupSize.trim() ? groupSizeValue(draft.groupSize) : undefined,
      sectors: draft.sectors,
      institutions: draft.institutions,
    };
  }
  return shape;
}

/** Every field's message for `draft` ('' where the function would accept it). */
export function validateAll(draft: EnquiryDraft, kind: FormKind = 'general', now = Date.now()): FieldErrors {
  // The request ID is the page's, not the partner's: its absence flags no field.
  const { problems } = validate(enquirySubmit, submitShape(draft, kind), now);
  const errors = Object.fromEntries(FIELD_NAMES.map((field) => [field, ''])) as FieldErrors;
  for (const [key, message] of Object.entries(renderProblems(problems, RULE_TEXTS_ZH))) {
    const field = fieldOfServerKey(key);
    if (field && !errors[field]) errors[field] = message;
  }
  return errors;
}

/** The message for one field of `draft`, '' when the function would accept it. */
export function validateField(draft: EnquiryDraft, field: FieldName, kind: FormKind = 'general'): string {
  return validateAll(draft, kind)[field];
}

export function hasErrors(errors: Partial<FieldErrors>): boolean {
  return Object.values(errors).some(Boolean);
}

/** The first field (in the form's order) with a message. */
export function firstError(errors: Partial<FieldErrors>): FieldName | undefined {
  return FIELD_NAMES.find((field) => errors[field]);
}

/** The `submit` input of a draft that passed `validateAll`: trimmed, empty optional fields left out. */
export function toSubmitInput(
  draft: EnquiryDraft,
  requestId: string,
  kind: FormKind = 'general',
): SubmitEnquiryInput {
  const { value } = validate(enquirySubmit, { ...submitShape(draft, kind), requestId });
  return value as SubmitEnquiryInput;
}

/** The partner's contact details in `draft`, trimmed. */
export function contactOf(draft: EnquiryDraft): ContactDetails {
  return Object.fromEntries(CONTACT_FIELDS.map((field) => [field, draft[field].trim()])) as ContactDetails;
}
