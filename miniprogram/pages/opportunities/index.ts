import type { Page as ResultPage } from '../../../typings/api/common';
import type { OpportunityListItem } from '../../../typings/api/content';
import type { OpportunityKind } from '../../../typings/models';
import type { ViewStatus } from '../../components/state-view/index';
import { t } from '../../i18n/index';
import { ServiceError } from '../../services/cloud';
import { opportunitiesList } from '../../services/content';
import { OPPORTUNITY_KINDS } from '../../shared/constants';
import { displayDate, formatDate } from '../../utils/date';
import { fontScaleStyle } from '../../utils/font-scale';
import { enableShareMenu, shareMessage, shareTimeline } from '../../utils/share';
import { selectTab } from '../../utils/tab-bar';

/** 合作 (tab): published opportunities, newest first, filtered by kind; paged by cursor. */

const ROUTE = 'pages/opportunities/index';
const DETAIL_PAGE = '/pages/opportunity-detail/index';
/** The tab value of "every kind": not a kind. */
const ALL = 'all';

type Filter = OpportunityKind | typeof ALL;

/** What the list footer shows: nothing, a spinner, the end, or a failed next page with retry. */
type Footer = 'none' | 'loading' | 'end' | 'error';

interface OpportunityCard {
  id: string;
  kind: string;
  title: string;
  summary: string;
  open: boolean;
  status: string;
  date: string;
  deadline: string;
}

function isKind(value: string | undefined): value is OpportunityKind {
  return (OPPORTUNITY_KINDS as readonly string[]).includes(value ?? '');
}

function kindLabel(kind: OpportunityKind): string {
  return t(`opportunities.kinds.${kind}`);
}

function toCard(item: OpportunityListItem): OpportunityCard {
  return {
    id: item.id,
    kind: kindLabel(item.kind),
    title: item.title,
    summary: item.summary,
    open: item.open,
    status: item.open ? t('opportunities.open') : t('opportunities.notOpen'),
    date: displayDate(item.publishedAt, item.dateLabel),
    deadline: item.deadline ? t('opportunities.deadline', { date: formatDate(item.deadline) }) : '',
  };
}

function messageOf(error: unknown): string {
  return error instanceof ServiceError ? error.message : t('errors.INTERNAL');
}

Page({
  data: {
    pageStyle: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    emptyText: t('opportunities.empty'),
    tabs: [
      { value: ALL, label: t('opportunities.all') },
      ...OPPORTUNITY_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) })),
    ],
    activeKind: ALL as Filter,
    items: [] as OpportunityCard[],
    footer: 'none' as Footer,
    labels: {
      kindsLabel: t('opportunities.kindsLabel'),
      loading: t('common.loading'),
      noMore: t('common.noMore'),
      loadMoreFailed: t('opportunities.loadMoreFailed'),
    },
  },

  /** `nextCursor` of the last page shown; null once the end is reached. */
  cursor: null as string | null,
  /** Bumped on every fresh start, so an answer for a filter no longer shown is dropped. */
  generation: 0,
  loadingMore: false,

  /** `?type=<kind>` (from a shared link) opens on that kind. */
  onLoad(query: { type?: string }) {
    this.setData({ pageStyle: fontScaleStyle(), ...(isKind(query.type) ? { activeKind: query.type } : {}) });
    enableShareMenu();
    return this.reload();
  },

  onShow() {
    selectTab(this, 'opportunities');
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

  onKindChange(event: WechatMiniprogram.CustomEvent<{ value: Filter }>) {
    const kind = event.detail.value;
    if (kind === this.data.activeKind) return undefined;
    this.setData({ activeKind: kind, status: 'loading', items: [], footer: 'none' });
    wx.pageScrollTo({ scrollTop: 0, duration: 0 });
    return this.reload();
  },

  onLoadMore() {
    return this.loadMore();
  },

  onOpen(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id?: string }>) {
    const id = event.currentTarget.dataset.id;
    if (id) wx.navigateTo({ url: `${DETAIL_PAGE}?id=${encodeURIComponent(id)}` });
  },

  activeType(): OpportunityKind | undefined {
    return this.data.activeKind === ALL ? undefined : this.data.activeKind;
  },

  /** The first page of the active filter. */
  async reload() {
    const generation = ++this.generation;
    try {
      const page = await opportunitiesList({ type: this.activeType() });
      if (generation === this.generation) this.showFirstPage(page);
    } catch (error) {
      if (generation !== this.generation) return;
      // A failed refresh keeps what is shown.
      if (this.data.status === 'ready') wx.showToast({ title: messageOf(error), icon: 'none' });
      else this.setData({ status: 'error', errorMessage: messageOf(error) });
    }
  },

  showFirstPage(page: ResultPage<OpportunityListItem>) {
    this.cursor = page.nextCursor;
    const type = this.activeType();
    this.setData({
      items: page.items.map(toCard),
      status: page.items.length > 0 ? 'ready' : 'empty',
      errorMessage: '',
      emptyText: type ? t('opportunities.emptyKind', { kind: kindLabel(type) }) : t('opportunities.empty'),
      footer: page.nextCursor ? 'none' : 'end',
    });
  },

  /** The next page by cursor, appended; nothing once the end is reached. */
  async loadMore() {
    if (!this.cursor || this.loadingMore || this.data.status !== 'ready') return;
    const generation = this.generation;
    this.loadingMore = true;
    this.setData({ footer: 'loading' });
    try {
      const page = await opportunitiesList({ type: this.activeType(), cursor: this.cursor });
      if (generation !== this.generation) return;
      this.cursor = page.nextCursor;
      // Only the new rows travel to the render layer.
      const start = this.data.items.length;
      const update: Record<string, unknown> = { footer: page.nextCursor ? 'none' : 'end' };
      page.items.forEach((item, index) => {
        update[`items[${start + index}]`] = toCard(item);
      });
      this.setData(update);
    } catch {
      if (generation === this.generation) this.setData({ footer: 'error' });
    } finally {
      this.loadingMore = false;
    }
  },

  onShareAppMessage() {
    const type = this.activeType();
    return shareMessage(this.shareTitle(type), ROUTE, { type });
  },

  onShareTimeline() {
    const type = this.activeType();
    return shareTimeline(this.shareTitle(type), { type });
  },

  shareTitle(type: OpportunityKind | undefined): string {
    return type
      ? t('opportunities.shareKindTitle', { kind: kindLabel(type) })
      : t('opportunities.shareTitle');
  },
});
