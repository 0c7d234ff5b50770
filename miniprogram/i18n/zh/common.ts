/** Strings shared by every page: the app's name, error messages, states and the tab bar. */
export const app = {
  name: '丹麦中日德兰大区',
  shortName: '中日德兰大区',
} as const;

/** One message per error code of the envelope, plus `NETWORK` for a call that never arrived. */
export const errors = {
  NETWORK: '网络不给力，请检查网络后重试',
  INVALID_ARGUMENT: '提交的信息有误，请检查后重试',
  UNAUTHENTICATED: '无法确认您的微信身份，请重新打开小程序后再试',
  FORBIDDEN: '您没有执行此操作的权限',
  NOT_FOUND: '内容不存在或已下线',
  CONFLICT: '内容已被他人修改，请刷新后重试',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  CONTENT_REJECTED: '内容未通过安全检测，请修改后重新提交',
  INTERNAL: '服务暂时不可用，请稍后再试',
} as const;

export const common = {
  retry: '重新加载',
  loading: '加载中…',
  noMore: '没有更多了',
  empty: '暂无内容',
} as const;

export const tabBar = {
  home: '首页',
  news: '新闻',
  opportunities: '合作',
  contact: '联系',
} as const;
