import { RESPONSE_WORKING_DAYS_DEFAULT } from '../../contract/constants';

/**
 * Working days within which the office usually answers (shown as 通常在 N 个工作日内答复): the
 * calling function's `ENQUIRY_RESPONSE_WORKING_DAYS` (its config.json: `enquiry` for the partner's
 * enquiry page, `content` for the contact page; keep them equal), else the contract's default.
 */
export function responseWorkingDays(): number {
  const configured = Number(process.env.ENQUIRY_RESPONSE_WORKING_DAYS);
  return Number.isInteger(configured) && configured > 0 ? configured : RESPONSE_WORKING_DAYS_DEFAULT;
}
