import type { OpportunityListItem } from '../../contract/api/content';
import { CATEGORIES } from '../../contract/constants';
import type { Category } from '../../contract/models';
import { t } from '../../i18n/index';
import { opportunitiesList } from '../../services/content';
import { displayDate } from '../../utils/date';
import { fontScaleStyle } from '../../utils/font-scale';
import { availabilityText, canTakePart } from '../../utils/opportunity';
import { errorMessage, loadingViewData } from '../../utils/page-kit';
import { createPagedList, listHandlers, type Footer, type PagedList } from '../../utils/paged-list';
import { pageUrl, ROUTES } from '../../utils/routes';
import { enableShareMenu, shareMessage, shareTimeline } from '../../utils/share';
import { selectTab } from '../../utils/tab-bar';

/** 合作 (tab): published opportunities, newest first, filtered by category; paged by cursor. */

/** The tab value of "every category": not a category. */
const ALL = 'all';

type Filter = Category | typeof ALL;

interface OpportunityCard {
  id: string;
  category: string;
  title: string;
  summary: string;
  /** Who may take part: '面向：…'. */
  audience: string;
  open: boolean;
  /** The status with its basis: '开放至2027年3月31日', '可商洽', '已结束'. */
  status: string;
  date: string;
}

function isCategory(value: string | undefined): value is Category {
  return (CATEGORIES as readonly string[]).includes(value ?? '');
}

function categoryLabel(category: Category): string {
  return t(`opportunities.categories.${category}`);
}

function toCard(item: OpportunityListItem): OpportunityCard {
  return {
    id: item.id,
    category: categoryLabel(item.category),
    title: item.title,
    summary: item.summary,
    audience: t('opportunities.audience', { audience: item.audience }),
    open: canTakePart(item.availability),
    status: availabilityText(item.availability, item.deadline),
    date: displayDate(item.publishedAt, item.dateLabel),
  };
}

Page({
  data: {
    ...loadingViewData(),
    emptyText: t('opportunities.empty'),
    tabs: [
      { value: ALL, label: t('opportunities.all') },
      ...CATEGORIES.map((category) => ({ value: category, label: categoryLabel(category) })),
    ],
    activeCategory: ALL as Filter,
    items: [] as OpportunityCard[],
    footer: 'none' as Footer,
    labels: {
      categoriesLabel: t('opportunities.categoriesLabel'),
      loading: t('common.loading'),
      noMore: t('common.noMore'),
      loadMoreFailed: t('opportunities.loadMoreFailed'),
    },
  },

  list: null as PagedList<OpportunityListItem> | null,

  /** `?type=<category>` (from a shared link or a focus area) opens on that category. */
  onLoad(query: { type?: string }) {
    this.list = createPagedList<OpportunityListItem>(this, {
      load: (cursor) => {
        const type = this.activeType();
        return opportunitiesList(cursor ? { type, cursor } : { type });
      },
      toRow: toCard,
      extra: (_items, first) => (first ? { emptyText: this.emptyText() } : {}),
      message: errorMessage,
    });
    this.setData({
      pageStyle: fontScaleStyle(),
      ...(isCategory(query.type) ? { activeCategory: query.type } : {}),
    });
    enableShareMenu();
    return this.load();
  },

  onShow() {
    selectTab(this, 'opportunities');
  },

  ...listHandlers,

  onCategoryChange(event: WechatMiniprogram.CustomEvent<{ value: Filter }>) {
    const category = event.detail.value;
    if (category === this.data.activeCategory) return undefined;
    this.setData({ activeCategory: category, status: 'loading', items: [], footer: 'none' });
    wx.pageScrollTo({ scrollTop: 0, duration: 0 });
    return this.load();
  },

  onOpen(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id?: string }>) {
    const id = event.currentTarget.dataset.id;
    if (id) wx.navigateTo({ url: pageUrl(ROUTES.opportunityDetail, { id }) });
  },

  activeType(): Category | undefined {
    return this.data.activeCategory === ALL ? undefined : this.data.activeCategory;
  },

  emptyText(): string {
    const type = this.activeType();
    return type
      ? t('opportunities.emptyCategory', { category: categoryLabel(type) })
      : t('opportunities.empty');
  },

  /** The first page of the active filter; a failed refresh keeps what is shown. */
  load() {
    return this.list?.reload();
  },

  onShareAppMessage() {
    const type = this.activeType();
    return shareMessage(this.shareTitle(type), ROUTES.opportunities, { type });
  },

  onShareTimeline() {
    const type = this.activeType();
    return shareTimeline(this.shareTitle(type), { type });
  },

  shareTitle(type: Category | undefined): string {
    return type
      ? t('opportunities.shareCategoryTitle', { category: categoryLabel(type) })
      : t('opportunities.shareTitle');
  },
});
