/**
 * The Chinese texts of the shared contract: field labels and validation messages (the rules in
 * `./rules` name them by key), enquiry topics and statuses. The functions answer with these texts;
 * the mini program shows the same ones when it finds a problem before sending. `messages.en.ts`
 * holds the same keys in English for the staff pages.
 */
import type { ErrorCode } from './api/common';
import type { Availability, Category, EnquiryKind, EnquiryStatus, ParticipationMode } from './models';

/** The message of each error code of the envelope: what a function answers unless it says more. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  INVALID_ARGUMENT: '提交的信息有误，请检查后重试',
  UNAUTHENTICATED: '无法确认您的微信身份，请重新打开小程序后再试',
  FORBIDDEN: '您没有执行此操作的权限',
  NOT_FOUND: '内容不存在或已下线',
  CONFLICT: '内容已被他人修改，请刷新后重试',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  CONTENT_REJECTED: '内容未通过安全检测，请修改后重新提交',
  INTERNAL: '服务暂时不可用，请稍后再试',
};

/**
 * The categories' names, chosen once: focus areas, enquiry topics, opportunity types and news
 * categories all read them. Education sits with culture, as the source's “Cultural- and
 * Educational Exchange” section places the educational institutions' collaboration there.
 */
export const CATEGORY_LABELS = {
  business: '商业与区域发展',
  knowledge: '知识交流与互访',
  research: '科研合作',
  culture: '文化与教育交流',
  other: '其他',
} as const satisfies Record<Category, string>;

/** Enquiry topics are the categories. */
export const TOPIC_LABELS = CATEGORY_LABELS;

/** Whether one can take part in an opportunity, as partners and staff read it (`{date}`: the deadline). */
export const AVAILABILITY_LABELS = {
  open_until: '开放至{date}',
  by_arrangement: '可商洽',
  closed: '已结束',
} as const satisfies Record<Availability, string>;

/** How to take part in an opportunity, as partners and staff read it. */
export const PARTICIPATION_LABELS = {
  enquiry: '在线咨询',
  visit: '提交来访申请',
  contact: '由联系人对接',
} as const satisfies Record<ParticipationMode, string>;

/** An enquiry's kind, as partners and staff read it. */
export const ENQUIRY_KIND_LABELS = {
  general: '一般咨询',
  visit: '来访申请',
} as const satisfies Record<EnquiryKind, string>;

/** An enquiry's status, as its partner and staff read it. */
export const ENQUIRY_STATUS_LABELS = {
  received: '已收到',
  pending_review: '待审核',
  in_progress: '处理中',
  closed: '已办结',
} as const satisfies Record<EnquiryStatus, string>;

/** Staff read an enquiry's status in the partner's words: one wording on both sides. */
export const STAFF_ENQUIRY_STATUS_LABELS = ENQUIRY_STATUS_LABELS;

/** What a message calls the field at fault (`{label}` in the messages below). */
export const LABELS = {
  name: '姓名',
  organization: '单位名称',
  jobTitle: '职务',
  jobTitleOriginal: '职务原文',
  email: '邮箱',
  mobilePhone: '手机号',
  message: '咨询内容',
  topic: '咨询类别',
  requestId: '请求编号',
  id: '编号',
  cursor: '分页参数',
  tag: '标签',
  headline: '标题',
  summary: '摘要',
  body: '正文',
  pinned: '置顶',
  cover: '封面图片',
  coverAlt: '封面说明',
  publishAt: '发布时间',
  status: '状态',
  subscriptionTopic: '订阅主题',
  category: '类别',
  audience: '面向对象',
  availabilityStatus: '参与状态',
  availabilityNote: '状态说明',
  participation: '参与方式',
  deadline: '截止日期',
  attachment: '附件',
  attachmentName: '附件名称',
  attachmentSize: '附件大小',
  contactPerson: '联系人',
  contactJobTitle: '联系人职务',
  contactEmail: '联系人邮箱',
  contactPhone: '联系人电话',
  contactName: '联系人姓名',
  paragraph: '段落',
  platform: '平台名称',
  platformDescription: '平台说明',
  accountName: '账号名称',
  link: '链接',
  salutation: '称谓',
  phone: '电话',
  address: '地址',
  addressZh: '中文地址',
  latitude: '纬度',
  longitude: '经度',
  keyFact: '要点',
  keyFactLabel: '要点名称',
  keyFactValue: '要点内容',
  officeName: '办公室名称',
  officeNameOriginal: '办公室原名',
  officeLocation: '所在地',
  officeDescription: '办公室介绍',
  note: '备注',
  consent: '隐私授权',
  wechatId: '微信号',
  enquiryKind: '咨询类型',
  visit: '来访信息',
  visitFrom: '来访开始日期',
  visitTo: '来访结束日期',
  groupSize: '来访人数',
  sector: '关注领域',
  institutions: '希望参访的机构',
  replyBody: '回复内容',
  replyOriginal: '回复原文',
  language: '语言',
  displayName: '显示名称',
  inviteCode: '邀请码',
  translateText: '待翻译内容',
  dateLabel: '时间',
  timelineEntry: '大事记条目',
  timelineTitle: '事件标题',
  timelineDescription: '事件说明',
  focusArea: '重点领域',
  focusAreaTitle: '领域名称',
  titleOriginal: '原文标题',
  heroImage: '首页大图',
  logo: '标志',
  imageAlt: '图片说明',
  officialAccount: '公众号用户名',
  documentTitle: '文件标题',
  counterparty: '签署方',
  counterpartyOriginal: '签署方原名',
  documentSummary: '文件说明',
  availability: '获取方式',
} as const;

export type LabelKey = keyof typeof LABELS;

/** Validation messages; `{label}` is the field's label, other `{…}` come from the rule. */
export const MESSAGES = {
  'value.type': '{label}格式不正确',
  'value.invalid': '{label}不正确',
  'value.tooLong': '{label}过长',
  'text.control': '{label}包含不允许的控制字符',
  'text.unpaired': '{label}包含无法识别的字符',
  'text.required': '请填写{label}',
  'text.tooShort': '{label}至少需要 {min} 个字',
  'text.tooLong': '{label}不能超过 {max} 个字',
  'choice.required': '请选择{label}',
  'format.email': '{label}格式不正确',
  'format.phone': '{label}格式不正确（可含 +、空格和短横线，6–20 位数字）',
  'format.enquiryPhone': '电话号码格式不正确（可含 +、空格和短横线，6–20 位数字）',
  'format.officePhone': '{label}须为可从国外拨打的号码，如 +45 2160 1445（丹麦号码可不写 +45）',
  'format.officialAccount': '{label}须为公众号的原始 ID，如 gh_0123456789ab',
  'format.yearLabel': '{label}须写明年份，如“2016年春”',
  'format.https': '{label}必须以 https:// 开头',
  'format.pdfName': '{label}必须是 PDF 文件（.pdf）',
  'format.openId': 'OPENID 格式不正确',
  'format.wechatId': '{label}须为 6–20 位，以字母开头，可含字母、数字、下划线和短横线',
  'format.publicFiles': '{label}只能引用在小程序中上传的图片和附件，其他云存储文件不能公开',
  'format.date': '{label}须为有效日期（年-月-日）',
  'date.past': '{label}不能早于今天',
  'file.cloud': '{label}必须是云存储文件（cloud://）',
  'file.image': '{label}必须是 JPG、PNG 或 WebP 文件',
  'file.pdf': '{label}必须是 PDF 文件',
  'file.public': '{label}必须是在小程序中上传的封面或附件',
  'file.tooLarge': '{label}不能超过 {mb} MB',
  'number.type': '{label}须为数字',
  'number.integer': '{label}须为整数',
  'number.range': '{label}须在 {min} 到 {max} 之间',
  'number.pageSize': '每页数量须为 1–{max} 之间的整数',
  'list.minParagraphs': '请至少填写一段{label}',
  'list.maxParagraphs': '{label}最多 {max} 段',
  'list.maxLines': '{label}最多 {max} 行',
  'list.maxCount': '{label}最多 {max} 个',
  'list.maxEntries': '{label}最多 {max} 条',
  'list.duplicate': '{label}不能重复',
  'schedule.tooFar': '定时发布最多可提前 {days} 天',
  'enquiry.contactMissing': '请至少填写邮箱、手机号或微信号中的一项',
  'enquiry.privacy': '请阅读并同意《隐私说明》',
  'enquiry.crossBorder': '请同意将您的信息传输至丹麦处理',
  'enquiry.consent': '请确认{label}',
  'enquiry.statusMove': `状态只能改为“${ENQUIRY_STATUS_LABELS.in_progress}”或“${ENQUIRY_STATUS_LABELS.closed}”`,
  'enquiry.eraseTarget': '请提供提交人的 OPENID 或其一条咨询的编号（二选一）',
  'visit.details': '请完整填写{label}',
  'visit.required': '来访申请请填写来访日期和人数',
  'visit.notAllowed': '仅来访申请可填写来访信息',
  'visit.dateOrder': '结束日期不能早于开始日期',
  'visit.tooLong': '来访时间最长 {days} 天',
  'opportunity.deadlineRequired': '“开放至某日”须填写截止日期',
  'opportunity.deadlineNotAllowed': '仅“开放至某日”可填写截止日期',
  'opportunity.contactReach': '请填写联系人的邮箱或电话',
  'profile.nothingToSave': '请至少修改一项内容',
  'generic.type': '格式不正确',
  'generic.tooSmall': '内容过短',
  'generic.tooBig': '内容过长',
  'generic.value': '取值不在允许范围内',
  'generic.unknownKey': '不支持的字段',
} as const;

export type MessageKey = keyof typeof MESSAGES;

/** One language's texts for the rules: every label and every message. */
export interface RuleTexts {
  labels: Record<LabelKey, string>;
  messages: Record<MessageKey, string>;
}

export const RULE_TEXTS_ZH: RuleTexts = { labels: LABELS, messages: MESSAGES };
