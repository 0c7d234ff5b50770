import type { NewsListItem, NewsListOutput } from '../../contract/api/content';
import { CATEGORIES, NEWS_PAGE_SIZE_DEFAULT } from '../../contract/constants';
import type { Category } from '../../contract/models';
import { t } from '../../i18n/index';
import { cached } from '../../services/cache';
import { newsList } from '../../services/content';
import { fontScaleStyle } from '../../utils/font-scale';
import { errorMessage, loadingViewData } from '../../utils/page-kit';
import { createPagedList, listHandlers, type Footer, type PagedList } from '../../utils/paged-list';
import { toNewsCard, type NewsCardItem } from '../../utils/news';
import { ROUTES } from '../../utils/routes';
import { enableShareMenu, shareMessage, shareTimeline } from '../../utils/share';
import { selectTab } from '../../utils/tab-bar';

/** The tab value of "every category". */
const ALL = '';
/** Only the unfiltered first page is cached: it is what the tab opens on. */
const CACHE_KEY = 'news:first-page';

interface CategoryTab {
  value: Category | typeof ALL;
  label: string;
}

function isCategory(value: string | undefined): value is Category {
  return (CATEGORIES as readonly string[]).includes(value ?? '');
}

function categoryLabel(category: Category): string {
  return t(`news.categories.${category}`);
}

/**
 * The strip: every category the server says has published news (not only those loaded), and the
 * active one even when it has none, so a shared link's filter stays visible.
 */
function tabsOf(categories: readonly Category[], active: Category | typeof ALL): CategoryTab[] {
  const shown = CATEGORIES.filter((category) => categories.includes(category) || category === active);
  return [
    { value: ALL, label: t('news.allCategories') },
    ...shown.map((category) => ({ value: category, label: categoryLabel(category) })),
  ];
}

Page({
  data: {
    ...loadingViewData(),
    emptyText: t('news.empty'),
    labels: {
      categoriesLabel: t('news.categoriesLabel'),
      loading: t('common.loading'),
      noMore: t('common.noMore'),
      loadMoreFailed: t('news.loadMoreFailed'),
    },
    /** Empty until the server names the categories: the strip then renders once, in order. */
    tabs: [] as CategoryTab[],
    activeCategory: ALL as Category | typeof ALL,
    items: [] as NewsCardItem[],
    footer: 'none' as Footer,
  },

  list: null as PagedList<NewsListItem, NewsListOutput> | null,

  /** `?category=<id>` (from a shared link) opens on that category. */
  onLoad(query: { category?: string }) {
    this.list = createPagedList<NewsListItem, NewsListOutput>(this, {
      load: (cursor) => newsList({ limit: NEWS_PAGE_SIZE_DEFAULT, cursor, category: this.activeCategory() }),
      toRow: toNewsCard,
      extra: (_items, first, page) => {
        if (!first) return {};
        const category = this.data.activeCategory;
        return {
          emptyText:
            category === ALL
              ? t('news.empty')
              : t('news.emptyCategory', { category: categoryLabel(category) }),
          ...(page.categories ? { tabs: tabsOf(page.categories, category) } : {}),
        };
      },
      message: errorMessage,
    });
    const category = isCategory(query.category) ? query.category : ALL;
    this.setData({ pageStyle: fontScaleStyle(), activeCategory: category });
    enableShareMenu();
    return this.load();
  },

  onShow() {
    selectTab(this, 'news');
  },

  ...listHandlers,

  onCategoryChange(event: WechatMiniprogram.CustomEvent<{ value: Category | typeof ALL }>) {
    const category = event.detail.value;
    if (category === this.data.activeCategory) return undefined;
    this.setData({ activeCategory: category, status: 'loading', items: [], footer: 'none' });
    wx.pageScrollTo({ scrollTop: 0, duration: 0 });
    return this.load();
  },

  activeCategory(): Category | undefined {
    return this.data.activeCategory === ALL ? undefined : this.data.activeCategory;
  },

  /** The first page of the active filter; the unfiltered one renders from cache first. */
  load() {
    const category = this.activeCategory();
    const loader = () => newsList({ limit: NEWS_PAGE_SIZE_DEFAULT, category });
    return this.list?.reload(category ? { fresh: loader() } : cached(CACHE_KEY, loader));
  },

  onShareAppMessage() {
    const category = this.activeCategory();
    return shareMessage(this.shareTitle(category), ROUTES.news, { category });
  },

  onShareTimeline() {
    const category = this.activeCategory();
    return shareTimeline(this.shareTitle(category), { category });
  },

  shareTitle(category: Category | undefined): string {
    return category
      ? t('news.shareCategoryTitle', { category: categoryLabel(category) })
      : t('news.shareTitle');
  },
});
