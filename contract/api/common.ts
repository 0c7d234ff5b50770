/** The result envelope every cloud function answers (CONTRACTS.md). */

export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'CONTENT_REJECTED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  /** A user-facing message in Chinese. */
  message: string;
  /** Per-field messages in Chinese, where a field is at fault. */
  fields?: Record<string, string>;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** A page of results; `nextCursor` is opaque and null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Maps each action name to its input and output: one per function. */
export type ActionMap = Record<string, { input: unknown; output: unknown }>;
