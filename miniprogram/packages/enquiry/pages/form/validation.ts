/**
 * The enquiry form's rules: a mirror of the `enquiry` function's `submit` schema
 * (cloudfunctions/enquiry/src/schema.ts with the text rules of cloudfunctions/_shared/validation.ts),
 * with the same messages, so the form flags exactly what the server would reject, in its words.
 * Keep the two in step: the server stays the authority, and its per-field messages are shown at
 * the same fields should they ever differ.
 */
import type { SubmitEnquiryInput } from '../../../../contract/api/enquiry';
import type { EnquiryTopic } from '../../../../contract/models';
import { t } from '../../../../i18n/index';
import { ENQUIRY_TOPICS } from '../../../../contract/constants';

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

export const MESSAGE_MAX_CHARS = 2000;

// C0 and C1 control characters; long text may hold tab, newline and carriage return.
// eslint-disable-next-line no-control-regex
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F-\u009F]/;
/** zod 4's `z.email()` pattern, which the server applies. */
const EMAIL =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const PHONE = /^\+?[0-9][0-9 -]*[0-9]$/;
const PHONE_DIGITS_MIN = 6;
const PHONE_DIGITS_MAX = 20;

type TextField = 'name' | 'organization' | 'title' | 'email' | 'phone' | 'message';

interface TextRule {
  min: number;
  max: number;
  optional: boolean;
  multiline: boolean;
}

const TEXT_RULES: Record<TextField, TextRule> = {
  name: { min: 1, max: 50, optional: false, multiline: false },
  organization: { min: 1, max: 100, optional: false, multiline: false },
  title: { min: 1, max: 50, optional: true, multiline: false },
  email: { min: 1, max: 254, optional: true, multiline: false },
  phone: { min: 1, max: 30, optional: true, multiline: false },
  message: { min: 10, max: MESSAGE_MAX_CHARS, optional: false, multiline: true },
};

/** Length as the server counts it: characters (code points) after trimming. */
export function charCount(value: string): number {
  return [...value.trim()].length;
}

function labelOf(field: TextField): string {
  return t(`enquiry.form.${field}`);
}

function checkText(field: TextField, value: string): string {
  const rule = TEXT_RULES[field];
  const trimmed = value.trim();
  if (rule.optional && trimmed === '') return '';
  const label = labelOf(field);
  if ((rule.multiline ? CONTROL_IN_TEXT : CONTROL_IN_LINE).test(trimmed))
    return t('enquiry.rules.control', { label });
  const length = [...trimmed].length;
  if (length < rule.min) {
    return rule.min === 1
      ? t('enquiry.rules.required', { label })
      : t('enquiry.rules.tooShort', { label, min: rule.min });
  }
  if (length > rule.max) return t('enquiry.rules.tooLong', { label, max: rule.max });
  return '';
}

function isPhone(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return PHONE.test(value) && digits >= PHONE_DIGITS_MIN && digits <= PHONE_DIGITS_MAX;
}

export function isTopic(value: string): value is EnquiryTopic {
  return (ENQUIRY_TOPICS as readonly string[]).includes(value);
}

/** The message for one field of `draft`, '' when the server would accept it. */
export function validateField(draft: EnquiryDraft, field: FieldName): string {
  switch (field) {
    case 'email':
    case 'phone': {
      const own = checkText(field, draft[field]);
      if (own) return own;
      const value = draft[field].trim();
      if (value === '') {
        return draft.email.trim() === '' && draft.phone.trim() === ''
          ? t('enquiry.rules.contactMissing')
          : '';
      }
      if (field === 'email') return EMAIL.test(value) ? '' : t('enquiry.rules.email');
      return isPhone(value) ? '' : t('enquiry.rules.phone');
    }
    case 'topic':
      return isTopic(draft.topic) ? '' : t('enquiry.rules.topic');
    case 'privacy':
      return draft.privacy ? '' : t('enquiry.rules.privacy');
    case 'crossBorder':
      return draft.crossBorder ? '' : t('enquiry.rules.crossBorder');
    default:
      return checkText(field, draft[field]);
  }
}

export function validateAll(draft: EnquiryDraft): FieldErrors {
  const errors = {} as FieldErrors;
  for (const field of FIELD_NAMES) errors[field] = validateField(draft, field);
  return errors;
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

/**
 * The form field a server field key belongs to (`consent.privacy` → `privacy`); undefined for
 * keys no field shows, such as `requestId`.
 */
export function fieldOfServerKey(key: string): FieldName | undefined {
  if (key === 'consent' || key === 'consent.privacy') return 'privacy';
  if (key === 'consent.crossBorder') return 'crossBorder';
  return (FIELD_NAMES as readonly string[]).includes(key) ? (key as FieldName) : undefined;
}
