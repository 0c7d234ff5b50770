import { CATEGORY_LABELS } from '../../contract/messages.zh';

/** 新闻 list and news detail. */
export const news = {
  allCategories: '全部',
  categoriesLabel: '按类别筛选',
  categories: CATEGORY_LABELS,
  empty: '暂无新闻',
  emptyCategory: '“{category}”类别下暂无新闻',
  pinned: '置顶',
  loadMoreFailed: '加载失败，点击重试',
  shareTitle: '丹麦中日德兰大区新闻动态',
  shareCategoryTitle: '丹麦中日德兰大区新闻：{category}',
  detail: {
    share: '分享给朋友',
    subscribe: '订阅更新',
    subscribeHint: '有新动态时，我们将通过微信服务通知提醒您一次',
    subscribed: '订阅成功，有新动态时将通知您',
    subscribeDeclined: '您未同意接收通知，订阅未开启',
    subscribeBanned: '您已关闭本小程序的消息通知，可在“设置”中重新开启',
    subscribeUnavailable: '订阅功能暂未开放，敬请期待',
    subscribeFailed: '订阅失败，请稍后再试',
  },
} as const;
