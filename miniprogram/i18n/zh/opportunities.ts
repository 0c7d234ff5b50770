import { AVAILABILITY_LABELS, CATEGORY_LABELS, PARTICIPATION_LABELS } from '../../contract/messages.zh';

/** 合作: the opportunities tab and an opportunity's detail page. */
export const opportunities = {
  all: '全部',
  categoriesLabel: '按类别筛选',
  categories: CATEGORY_LABELS,
  /** The status and its basis, in the partners' and staff's one wording. */
  availability: AVAILABILITY_LABELS,
  audience: '面向：{audience}',
  empty: '暂无合作机会',
  emptyCategory: '暂无“{category}”类合作机会',
  loadMoreFailed: '加载失败，点击重试',
  shareTitle: '中日德兰大区 · 合作机会',
  shareCategoryTitle: '中日德兰大区 · {category}',
  detail: {
    attachments: '附件',
    openFile: '打开',
    opening: '正在打开…',
    openFailed: '文件打开失败，请稍后重试',
    fileUnavailable: '文件暂不可用',
    documents: '相关文件',
    askOffice: '可向国际事务办公室索取',
    requestDocument: '索取文件',
    audience: '面向对象',
    availability: '参与状态',
    takePart: '如何参与',
    participation: PARTICIPATION_LABELS,
    enquireHint: '请在线咨询，表格已填好类别和本合作机会，国际事务办公室将予以答复。',
    visitHint: '请提交来访申请，写明日期、人数和关注领域，国际事务办公室将与您商定具体安排。',
    contactHint: '请直接与下列联系人联系。',
    contact: '联系人',
    copyEmail: '复制邮箱',
    emailCopied: '邮箱已复制',
    call: '拨打电话',
  },
} as const;
