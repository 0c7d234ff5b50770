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

/** What the form holds: text as typed, the topic ('' until chosen) and the two consents. */
export interface EnquiryDraft {
  name: string;
  organization: string;
  title: string;
  email: string;
  phone: string;
  topic: string;
  message: string;
  privacy: boolean;
  crossBorder: boolean;
}

export type FieldName = keyof EnquiryDraft;

/** One message per field; '' when the field is fine. */
export type FieldErrors = Record<FieldName, string>;

export const FIELD_NAMES: readonly FieldName[] = [
  'name',
  'organization',
  'title',
  'email',
  'phone',
  'topic',
  'message',
  'privacy',
  'crossBorder',
];

export const MESSAGE_MAX_CHARS = enquirySubmit.fields.message.max;

/** Length as the rules count it: characters (code points) after trimming. */
export function charCount(value: string): number {
  return countChars(value.trim());
}

export function isTopic(value: string): value is EnquiryTopic {
  return (ENQUIRY_TOPICS as readonly string[]).includes(value);
}

/**
 * The form field a server field key belongs to (`consent.privacy` → `privacy`); undefined for
 * keys no field shows, such as `requestId`.
 */
export function fieldOfServerKey(key: string): FieldName | undefined {
  if (key === 'consent' || key === 'consent.privacy') return 'privacy';
  if (key === 'consent.crossBorder') return 'crossBorder';
  return (FIELD_NAMES as readonly string[]).includes(key) ? (key as FieldName) : undefined;
}

/** Every field's message for `draft` ('' where the function would accept it). */
export function validateAll(draft: EnquiryDraft): FieldErrors {
  const { privacy, crossBorder, ...texts } = draft;
  // The request ID is the page's, not the partner's: its absence flags no field.
  const { problems } = validate(enquirySubmit, { ...texts, consent: { privacy, crossBorder } });
  const errors = Object.fromEntries(FIELD_NAMES.map((field) => [field, ''])) as FieldErrors;
  for (const [key, message] of Object.entries(renderProblems(problems, RULE_TEXTS_ZH))) {
    const field = fieldOfServerKey(key);
    if (field && !errors[field]) errors[field] = message;
  }
  return errors;
}

/** The message for one field of `draft`, '' when the function would accept it. */
export function validateField(draft: EnquiryDraft, field: FieldName): string {
  return validateAll(draft)[field];
}

export function hasErrors(errors: Partial<FieldErrors>): boolean {
  return Object.values(errors).some(Boolean);
}

/** The `submit` input of a draft that passed `validateAll`: trimmed, empty optional fields left out. */
export function toSubmitInput(draft: EnquiryDraft, requestId: string): SubmitEnquiryInput {
  const optional = (value: string) => value.trim() || undefined;
  const input: SubmitEnquiryInput = {
    requestId,
    name: draft.name.trim(),
    organization: draft.organization.trim(),
    topic: draft.topic as EnquiryTopic,
    message: draft.message.trim(),
    consent: { privacy: true, crossBorder: true },
  };
  const title = optional(draft.title);
  const email = optional(draft.email);
  const phone = optional(draft.phone);
  return { ...input, ...(title ? { title } : {}), ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
}
