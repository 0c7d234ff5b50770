/** The opportunity kinds' names, for readers and staff alike. */
export const OPPORTUNITY_KIND_LABELS = {
  business_programme: '商业项目',
  research: '科研合作',
  education: '教育合作',
  culture: '文化交流',
  delegation_visit: '考察交流',
  mou: '谅解备忘录',
};

/** 合作: the opportunities tab and an opportunity's detail page. */
export const opportunities = {
  all: '全部',
  kindsLabel: '合作类型',
  kinds: OPPORTUNITY_KIND_LABELS,
  open: '可参与',
  notOpen: '暂未开放',
  deadline: '截止日期：{date}',
  empty: '暂无合作机会',
  emptyKind: '暂无“{kind}”类合作机会',
  loadMoreFailed: '加载失败，点击重试',
  shareTitle: '中日德兰大区 · 合作机会',
  shareKindTitle: '中日德兰大区 · {kind}',
  detail: {
    attachments: '附件',
    openFile: '打开',
    opening: '正在打开…',
    openFailed: '文件打开失败，请稍后重试',
    fileUnavailable: '文件暂不可用',
    documents: '相关文件',
    askOffice: '可向国际事务办公室索取',
    requestDocument: '索取文件',
    contact: '联系人',
    copyEmail: '复制邮箱',
    emailCopied: '邮箱已复制',
    call: '拨打电话',
    enquire: '在线咨询',
    enquireHint: '对该合作机会感兴趣？欢迎在线咨询，国际事务办公室会尽快回复。',
  },
} as const;
