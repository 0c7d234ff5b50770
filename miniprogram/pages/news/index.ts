import type { NewsListItem } from '../../contract/api/content';
import { t } from '../../i18n/index';
import { cached } from '../../services/cache';
import { newsList } from '../../services/content';
import { NEWS_PAGE_SIZE_DEFAULT } from '../../contract/constants';
import { fontScaleStyle } from '../../utils/font-scale';
import { errorMessage, loadingViewData } from '../../utils/page-kit';
import { createPagedList, listHandlers, type Footer, type PagedList } from '../../utils/paged-list';
import { toNewsCard, type NewsCardItem } from '../../utils/news';
import { ROUTES } from '../../utils/routes';
import { enableShareMenu, shareMessage, shareTimeline } from '../../utils/share';
import { selectTab } from '../../utils/tab-bar';

/** The tab value of "every tag". */
const ALL = '';
/** Only the unfiltered first page is cached: it is what the tab opens on. */
const CACHE_KEY = 'news:first-page';

interface TagTab {
  value: string;
  label: string;
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
    ...loadingViewData(),
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

  list: null as PagedList<NewsListItem> | null,

  onLoad(query: { tag?: string }) {
    this.list = createPagedList<NewsListItem>(this, {
      load: (cursor) =>
        newsList({ limit: NEWS_PAGE_SIZE_DEFAULT, cursor, tag: this.data.activeTag || undefined }),
      toRow: toNewsCard,
      extra: (items, first) => {
        const tabs = newTags(this.data.tabs, items);
        if (first) {
          const tag = this.data.activeTag;
          return {
            emptyText: tag === ALL ? t('news.empty') : t('news.emptyTag', { tag }),
            tabs: [...this.data.tabs, ...tabs],
          };
        }
        return tabs.length > 0 ? { tabs: [...this.data.tabs, ...tabs] } : {};
      },
      message: errorMessage,
    });
    const tag = query.tag ? decodeURIComponent(query.tag) : '';
    const update: Record<string, unknown> = { pageStyle: fontScaleStyle() };
    if (tag) {
      update.activeTag = tag;
      update.tabs = [...this.data.tabs, { value: tag, label: tag }];
    }
    this.setData(update);
    enableShareMenu();
    return this.load();
  },

  onShow() {
    selectTab(this, 'news');
  },

  ...listHandlers,

  onTagChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
    const tag = event.detail.value;
    if (tag === this.data.activeTag) return undefined;
    this.setData({ activeTag: tag, status: 'loading', items: [], footer: 'none' });
    wx.pageScrollTo({ scrollTop: 0, duration: 0 });
    return this.load();
  },

  /** The first page of the active filter; the unfiltered one renders from cache first. */
  load() {
    const tag = this.data.activeTag || undefined;
    const loader = () => newsList({ limit: NEWS_PAGE_SIZE_DEFAULT, tag });
    return this.list?.reload(tag ? { fresh: loader() } : cached(CACHE_KEY, loader));
  },

  onShareAppMessage() {
    const tag = this.data.activeTag || undefined;
    return shareMessage(this.shareTitle(tag), ROUTES.news, { tag });
  },

  onShareTimeline() {
    const tag = this.data.activeTag || undefined;
    return shareTimeline(this.shareTitle(tag), { tag });
  },

  shareTitle(tag: string | undefined): string {
    return tag ? t('news.shareTagTitle', { tag }) : t('news.shareTitle');
  },
});
