/**
 * What the form keeps on the partner's phone (wx storage, never sent anywhere): the unfinished
 * fill of each form, so leaving the page loses nothing, and the contact details of the last
 * successful submission, offered for the next one.
 */
import {
  CONTACT_FIELDS,
  EMPTY_DRAFT,
  type ContactDetails,
  type EnquiryDraft,
  type FormKind,
} from './validation';

/** The unfinished fill of one form, with the request ID that fill has been sent under (if any). */
export interface StoredDraft {
  draft: EnquiryDraft;
  requestId: string;
}

const DRAFT_KEY_PREFIX = 'enquiry.draft.';
const LAST_CONTACT_KEY = 'enquiry.lastContact';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text fields of `value` that the form knows; anything else (an older app's leftovers) is dropped. */
function textsOf<K extends string>(
  value: Record<string, unknown>,
  keys: readonly K[],
): Partial<Record<K, string>> {
  const texts: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const text = value[key];
    if (typeof text === 'string') texts[key] = text;
  }
  return texts;
}

function read(key: string): unknown {
  try {
    return wx.getStorageSync(key);
  } catch {
    // Storage unavailable: the form starts empty, as on a first visit.
    return undefined;
  }
}

function write(key: string, value: unknown): void {
  try {
    wx.setStorageSync(key, value);
  } catch {
    // Storage full or unavailable: only the convenience is lost, never the submission.
  }
}

function remove(key: string): void {
  try {
    wx.removeStorageSync(key);
  } catch {
    // Nothing stored, or storage unavailable: nothing to clear.
  }
}

const TEXT_FIELDS = (Object.keys(EMPTY_DRAFT) as (keyof EnquiryDraft)[]).filter(
  (key) => typeof EMPTY_DRAFT[key] === 'string',
) as Exclude<keyof EnquiryDraft, 'privacy' | 'crossBorder' | 'sectors'>[];

export function loadDraft(kind: FormKind): StoredDraft | null {
  const stored = read(DRAFT_KEY_PREFIX + kind);
  if (!isRecord(stored) || !isRecord(stored.draft) || typeof stored.requestId !== 'string') return null;
  const sectors = Array.isArray(stored.draft.sectors)
    ? stored.draft.sectors.filter((sector): sector is string => typeof sector === 'string')
    : [];
  // Consent is given at submission each time, so it is not kept.
  const draft: EnquiryDraft = { ...EMPTY_DRAFT, ...textsOf(stored.draft, TEXT_FIELDS), sectors };
  return { draft, requestId: stored.requestId };
}

export function saveDraft(kind: FormKind, draft: EnquiryDraft, requestId: string): void {
  const { privacy: _privacy, crossBorder: _crossBorder, ...kept } = draft;
  write(DRAFT_KEY_PREFIX + kind, { draft: kept, requestId });
}

export function clearDraft(kind: FormKind): void {
  remove(DRAFT_KEY_PREFIX + kind);
}

/** The contact details of the last successful submission, if any were kept. */
export function loadLastContact(): ContactDetails | null {
  const stored = read(LAST_CONTACT_KEY);
  if (!isRecord(stored)) return null;
  const contact: ContactDetails = { ...emptyContact(), ...textsOf(stored, CONTACT_FIELDS) };
  return contact.name && contact.organization ? contact : null;
}

export function saveLastContact(contact: ContactDetails): void {
  write(LAST_CONTACT_KEY, contact);
}

function emptyContact(): ContactDetails {
  return Object.fromEntries(CONTACT_FIELDS.map((field) => [field, ''])) as ContactDetails;
}
