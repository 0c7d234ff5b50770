import { ServiceError } from '../../../services/cloud';
import { currentLang, t } from '../i18n/index';

/**
 * What to tell staff about a failed call. The function's own messages are Chinese and often more
 * precise (e.g. why a move is not allowed), so the Chinese pages show them; the English pages show
 * the message for the code.
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ServiceError)) return t('errors.INTERNAL');
  if (currentLang() === 'zh' && error.code !== 'NETWORK' && error.message) return error.message;
  return t(`errors.${error.code}`);
}

export function isForbidden(error: unknown): boolean {
  return error instanceof ServiceError && error.code === 'FORBIDDEN';
}

/** Chinese letters or punctuation: the server's own words, which the English pages do not show. */
const CHINESE = /[\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;

/**
 * A field message in the staff member's language: the checks run on the phone speak it already;
 * the server's (Chinese) field messages become a neutral "check this field" in the English pages.
 */
function inUiLanguage(message: string): string {
  return currentLang() === 'en' && CHINESE.test(message) ? t('errors.field') : message;
}

/**
 * The server's per-field messages (keys like `title`, `cover.alt`, `contact.mobile.dial`,
 * `intro.paragraphs.2`) placed on the form's fields: each goes to the longest known field key it
 * starts with (dots written as `_`, as WXML data paths need). Messages no field takes are returned
 * apart, for a toast.
 */
export function placeFieldErrors(
  error: unknown,
  knownFields: readonly string[],
): { fields: Record<string, string>; unplaced: string[] } {
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  if (!(error instanceof ServiceError)) return { fields, unplaced };
  const known = new Set(knownFields);
  for (const [key, said] of Object.entries(error.fields)) {
    const message = inUiLanguage(said);
    const parts = key.split('.');
    let placed = false;
    for (let length = parts.length; length > 0 && !placed; length -= 1) {
      const field = parts.slice(0, length).join('_');
      if (known.has(field)) {
        if (!fields[field]) fields[field] = message;
        placed = true;
      }
    }
    if (!placed) unplaced.push(message);
  }
  return { fields, unplaced };
}

/** `{ title: '', … }` for every field: no message shown. */
export function noErrors(knownFields: readonly string[]): Record<string, string> {
  return Object.fromEntries(knownFields.map((field) => [field, '']));
}
