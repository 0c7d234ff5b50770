import type { ApiError, ErrorCode } from '../../contract/api/common';

/** Default Chinese messages per error code; a handler may give a more precise one. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  INVALID_ARGUMENT: '提交的信息有误，请检查后重试',
  UNAUTHENTICATED: '无法确认您的微信身份，请重新打开小程序后再试',
  FORBIDDEN: '您没有执行此操作的权限',
  NOT_FOUND: '内容不存在或已下线',
  CONFLICT: '内容已被他人修改，请刷新后重试',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  CONTENT_REJECTED: '内容未通过安全检测，请修改后重新提交',
  INTERNAL: '服务暂时不可用，请稍后再试',
};

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
