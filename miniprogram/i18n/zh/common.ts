import { ERROR_MESSAGES } from '../../contract/messages.zh';

/** Strings shared by every page: the app's name, error messages, states and the tab bar. */
export const app = {
  name: '丹麦中日德兰大区',
  shortName: '中日德兰大区',
} as const;

/** One message per error code of the envelope (the contract's), plus `NETWORK` for a call that never arrived. */
export const errors = {
  NETWORK: '网络连接异常，请检查网络后重试',
  ...ERROR_MESSAGES,
} as const;

export const common = {
  retry: '重新加载',
  loading: '加载中…',
  noMore: '没有更多了',
  empty: '暂无内容',
  /** How current a page's facts are: the source's date, as precise as the source is. */
  asOf: '信息截至{asOf}',
  /** When staff last saved the page, as a day in China time. */
  updatedAt: '更新于{date}',
  /** The one way a page cites where its facts come from. */
  source: '来源：{source}',
} as const;

export const tabBar = {
  home: '首页',
  news: '新闻',
  opportunities: '合作',
  contact: '联系',
} as const;
