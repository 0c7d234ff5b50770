import type { ApiError, ErrorCode } from '../../contract/api/common';
import { ERROR_MESSAGES } from '../../contract/messages.zh';

/** Default Chinese messages per error code (the contract's); a handler may give a more precise one. */
export const DEFAULT_MESSAGES = ERROR_MESSAGES;

/** An expected failure a handler reports to the client: it becomes `{ ok: false, error }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message };
  }
}
