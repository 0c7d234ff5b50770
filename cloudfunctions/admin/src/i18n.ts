/** The staff side's Chinese texts: messages and labels, in one place. */
import {
  ENQUIRY_KIND_LABELS,
  MESSAGES,
  STAFF_ENQUIRY_STATUS_LABELS,
  TOPIC_LABELS,
} from '../../../contract/messages.zh';
import type { SourceRef } from '../../../contract/models';

/** Topic and status words are the contract's, shared with the mini program. */
export { ENQUIRY_KIND_LABELS, TOPIC_LABELS };
export const ENQUIRY_STATUS_LABELS = STAFF_ENQUIRY_STATUS_LABELS;

export const messages = {
  staffNotFound: '该工作人员不存在',
  lastStaff: '至少需要保留一名工作人员，不能移除最后一位',
  newsNotFound: '新闻不存在或已删除',
  opportunityNotFound: '合作机会不存在或已删除',
  profileMissing: '大区介绍尚未导入，请先导入初始内容',
  documentNotFound: '文件不存在或已删除',
  focusAreaNotFound: '该重点领域不存在',
  enquiryNotFound: '咨询不存在或已删除',
  publishedCannotBeScheduled: '已发布的新闻不能改为定时发布，请先下线',
  notPublished: '该内容当前未发布或未定时，无需下线',
  transitionNotAllowed: '该咨询当前状态不允许此操作',
  eraseTarget: MESSAGES['enquiry.eraseTarget'],
  exportFailed: '导出文件生成失败，请稍后重试',
  /** A reply's author when the staff member has no display name (never a bare OPENID). */
  officeAuthor: '国际事务办公室',
  translateFailed: '机器翻译暂时不可用，请稍后再试',
  translateBusy: '机器翻译请求过于频繁，请稍后再试',
  inviteInvalid: '邀请码无效、已使用或已过期，请向同事索取新的邀请码',
} as const;

/** Where items written by staff in the mini program come from: readers see 来源：中日德兰大区国际事务办公室. */
export const STAFF_SOURCE: SourceRef = {
  title: '中日德兰大区国际事务办公室',
};
