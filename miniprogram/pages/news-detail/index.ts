import type { NewsDetail, RichTextNode } from '../../contract/api/content';
import { SUBSCRIBE_TEMPLATE_NEWS } from '../../config';
import { t } from '../../i18n/index';
import { ServiceError } from '../../services/cloud';
import { newsGet, subscribe } from '../../services/content';
import { displayDate } from '../../utils/date';
import { fontScaleStyle } from '../../utils/font-scale';
import { errorMessage, loadingViewData, onRetry } from '../../utils/page-kit';
import { sourceLine } from '../../utils/provenance';
import { ROUTES } from '../../utils/routes';
import { askSubscription, type SubscribeAnswer } from '../../utils/subscribe';
import { enableShareMenu, shareMessage, shareTimeline } from '../../utils/share';

function toView(item: NewsDetail) {
  return {
    id: item.id,
    title: item.title,
    date: displayDate(item.publishAt, item.dateLabel),
    tagLine: item.tags.map((tag) => `#${tag}`).join(' '),
    cover: { url: item.cover?.url ?? '', alt: item.cover?.alt ?? '' },
    body: item.body,
    sourceLine: sourceLine(item.source),
  };
}

/** What to tell the user when the subscription prompt did not end in consent. */
function declinedMessage(answer: SubscribeAnswer): string {
  if (answer === 'ban' || answer === 'off') return t('news.detail.subscribeBanned');
  if (answer === 'failed') return t('news.detail.subscribeFailed');
  // The template was filtered out by the platform (e.g. revoked); nothing the user can do.
  if (answer === 'filter') return t('news.detail.subscribeUnavailable');
  return t('news.detail.subscribeDeclined');
}

Page({
  data: {
    ...loadingViewData(),
    emptyText: '',
    labels: {
      subscribe: t('news.detail.subscribe'),
      subscribeHint: t('news.detail.subscribeHint'),
      share: t('news.detail.share'),
    },
    id: '',
    title: '',
    date: '',
    tagLine: '',
    cover: { url: '', alt: '' },
    body: [] as RichTextNode[],
    sourceLine: '',
    subscribing: false,
  },

  onLoad(query: { id?: string }) {
    const id = query.id ? decodeURIComponent(query.id) : '';
    this.setData({ pageStyle: fontScaleStyle(), id });
    enableShareMenu();
    return this.load();
  },

  onRetry,

  async load() {
    if (!this.data.id) {
      this.setData({ status: 'empty', emptyText: t('errors.NOT_FOUND') });
      return;
    }
    try {
      const item = await newsGet(this.data.id);
      this.setData({ ...toView(item), status: 'ready', errorMessage: '' });
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'NOT_FOUND') {
        // Withdrawn or never published: retrying cannot help.
        this.setData({ status: 'empty', emptyText: error.message });
      } else {
        this.setData({ status: 'error', errorMessage: errorMessage(error) });
      }
    }
  },

  /** 订阅更新: the platform's one-time consent first, then one recorded subscription. */
  async onSubscribe() {
    if (this.data.subscribing) return;
    const templateId = SUBSCRIBE_TEMPLATE_NEWS;
    if (!templateId) {
      // No template configured (development, or not yet approved on 微信公众平台).
      wx.showToast({ title: t('news.detail.subscribeUnavailable'), icon: 'none' });
      return;
    }
    this.setData({ subscribing: true });
    try {
      const answer = await askSubscription(templateId);
      if (answer !== 'accept') {
        wx.showToast({ title: declinedMessage(answer), icon: 'none' });
        return;
      }
      try {
        await subscribe('news');
        wx.showToast({ title: t('news.detail.subscribed'), icon: 'none' });
      } catch (error) {
        const message = error instanceof ServiceError ? error.message : t('news.detail.subscribeFailed');
        wx.showToast({ title: message, icon: 'none' });
      }
    } finally {
      this.setData({ subscribing: false });
    }
  },

  onShareAppMessage() {
    return shareMessage(
      this.data.title || t('news.shareTitle'),
      ROUTES.newsDetail,
      { id: this.data.id },
      this.data.cover.url,
    );
  },

  onShareTimeline() {
    return shareTimeline(this.data.title || t('news.shareTitle'), { id: this.data.id }, this.data.cover.url);
  },
});
