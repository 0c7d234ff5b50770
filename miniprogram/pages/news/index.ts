import type { Page as ResultPage } from '../../../typings/api/common';
import type { NewsListItem } from '../../../typings/api/content';
import type { ViewStatus } from '../../components/state-view/index';
import { t } from '../../i18n/index';
import { cached } from '../../services/cache';
import { ServiceError } from '../../services/cloud';
import { newsList } from '../../services/content';
import { NEWS_PAGE_SIZE_DEFAULT } from '../../shared/constants';
import { fontScaleStyle } from '../../utils/font-scale';
import { toNewsCard, type NewsCardItem } from '../../utils/news';
import { enableShareMenu, shareMessage, shareTimeline } from '../../utils/share';
import { selectTab } from '../../utils/tab-bar';

const ROUTE = 'pages/news/index';
/** The tab value of "every tag". */
const ALL = '';
/** Only the unfiltered first page is cached: it is what the tab opens on. */
const CACHE_KEY = 'news:first-page';

/** What the list footer shows: nothing, a spinner, the end, or a failed next page with retry. */
type Footer = 'none' | 'loading' | 'end' | 'error';

interface TagTab {
  value: string;
  label: string;
}

function messageOf(error: unknown): string {
  return error instanceof ServiceError ? error.message : t('errors.INTERNAL');
}

/** Tags seen in `items` that `known` lacks, in order of first appearance. */
function newTags(known: readonly TagTab[], items: readonly NewsListItem[]): TagTab[] {
  const seen = new Set(known.map((tab) => tab.value));
  const added: TagTab[] = [];
  for (const tag of items.flatMap((item) => item.tags)) {
    if (seen.has(tag)) continue;
    seen.add(tag);
    added.push({ value: tag, label: tag });
  }
  return added;
}

Page({
  data: {
    pageStyle: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    emptyText: t('news.empty'),
    labels: {
      tagsLabel: t('news.tagsLabel'),
      loading: t('common.loading'),
      noMore: t('common.noMore'),
      loadMoreFailed: t('news.loadMoreFailed'),
    },
    tabs: [{ value: ALL, label: t('news.allTags') }] as TagTab[],
    activeTag: ALL,
    items: [] as NewsCardItem[],
    footer: 'none' as Footer,
  },

  /** `nextCursor` of the last page shown; null once the end is reached. */
  cursor: null as string | null,
  /** Bumped on every fresh start, so an answer for a filter no longer shown is dropped. */
  generation: 0,
  loadingMore: false,

  onLoad(query: { tag?: string }) {
    const tag = query.tag ? decodeURIComponent(query.tag) : '';
    const update: Record<string, unknown> = { pageStyle: fontScaleStyle() };
    if (tag) {
      update.activeTag = tag;
      update.tabs = [...this.data.tabs, { value: tag, label: tag }];
    }
    this.setData(update);
    enableShareMenu();
    return this.reload();
  },

  onShow() {
    selectTab(this, 'news');
  },

  async onPullDownRefresh() {
    await this.reload();
    wx.stopPullDownRefresh();
  },

  onReachBottom() {
    return this.loadMore();
  },

  onRetry() {
    this.setData({ status: 'loading', errorMessage: '' });
    return this.reload();
  },

  onTagChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
    const tag = event.detail.value;
    if (tag === this.data.activeTag) return undefined;
    this.setData({ activeTag: tag, status: 'loading', items: [], footer: 'none' });
    wx.pageScrollTo({ scrollTop: 0, duration: 0 });
    return this.reload();
  },

  onLoadMore() {
    return this.loadMore();
  },

  /** The first page of the active filter; the unfiltered one renders from cache first. */
  async reload() {
    const generation = ++this.generation;
    const tag = this.data.activeTag || undefined;
    const loader = () => newsList({ limit: NEWS_PAGE_SIZE_DEFAULT, tag });
    const { stale, fresh } = tag ? { stale: undefined, fresh: loader() } : cached(CACHE_KEY, loader);
    if (stale && this.data.status !== 'ready') this.showFirstPage(stale);
    try {
      const page = await fresh;
      if (generation === this.generation) this.showFirstPage(page);
    } catch (error) {
      if (generation !== this.generation) return;
      if (this.data.status === 'ready') wx.showToast({ title: messageOf(error), icon: 'none' });
      else this.setData({ status: 'error', errorMessage: messageOf(error) });
    }
  },

  showFirstPage(page: ResultPage<NewsListItem>) {
    this.cursor = page.nextCursor;
    const tag = this.data.activeTag;
    this.setData({
      items: page.items.map(toNewsCard),
      status: page.items.length > 0 ? 'ready' : 'empty',
      errorMessage: '',
      emptyText: tag === ALL ? t('news.empty') : t('news.emptyTag', { tag }),
      footer: page.nextCursor ? 'none' : 'end',
      tabs: [...this.data.tabs, ...newTags(this.data.tabs, page.items)],
    });
  },

  /** The next page by cursor, appended; nothing once the end is reached. */
  async loadMore() {
    if (!this.cursor || this.loadingMore || this.data.status !== 'ready') return;
    const generation = this.generation;
    const tag = this.data.activeTag || undefined;
    this.loadingMore = true;
    this.setData({ footer: 'loading' });
    try {
      const page = await newsList({ limit: NEWS_PAGE_SIZE_DEFAULT, cursor: this.cursor, tag });
      if (generation !== this.generation) return;
      this.cursor = page.nextCursor;
      // Only the new rows travel to the render layer.
      const start = this.data.items.length;
      const update: Record<string, unknown> = { footer: page.nextCursor ? 'none' : 'end' };
      page.items.forEach((item, index) => {
        update[`items[${start + index}]`] = toNewsCard(item);
      });
      const tabs = newTags(this.data.tabs, page.items);
      if (tabs.length > 0) update.tabs = [...this.data.tabs, ...tabs];
      this.setData(update);
    } catch {
      if (generation === this.generation) this.setData({ footer: 'error' });
    } finally {
      this.loadingMore = false;
    }
  },

  onShareAppMessage() {
    const tag = this.data.activeTag || undefined;
    return shareMessage(this.shareTitle(tag), ROUTE, { tag });
  },

  onShareTimeline() {
    const tag = this.data.activeTag || undefined;
    return shareTimeline(this.shareTitle(tag), { tag });
  },

  shareTitle(tag: string | undefined): string {
    return tag ? t('news.shareTagTitle', { tag }) : t('news.shareTitle');
  },
});
