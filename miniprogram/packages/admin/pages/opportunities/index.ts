import type { OpportunitySummary, StaffOpportunityStatus } from '../../../../contract/api/admin';
import { fontScaleStyle } from '../../../../utils/font-scale';
import { createPagedList, type Footer, type PagedList } from '../../../../utils/paged-list';
import type { AdminViewStatus } from '../../components/admin-state/index';
import { labelsOf, refreshLang, t } from '../../i18n/index';
import { opportunitiesList } from '../../services/admin';
import { errorMessage, isForbidden } from '../../utils/errors';
import { chinaDay, dateTime } from '../../utils/format';
import { ROUTES, withId } from '../../utils/routes';
import { OPPORTUNITY_STATUS_THEME } from '../../utils/tags';

/** Opportunities for staff: every item but the deleted, newest change first, filtered by state. */

const STATUSES: readonly StaffOpportunityStatus[] = ['draft', 'published', 'archived'];
const ALL = '';

interface OpportunityRow {
  id: string;
  title: string;
  summary: string;
  kind: string;
  statusLabel: string;
  statusTheme: string;
  edited: boolean;
  meta: string;
}

function toRow(item: OpportunitySummary): OpportunityRow {
  const parts = [
    item.open ? t('opportunities.open') : t('opportunities.notOpen'),
    item.deadline ? t('opportunities.deadline', { date: chinaDay(item.deadline) }) : '',
    item.attachmentCount > 0 ? t('opportunities.attachments', { count: item.attachmentCount }) : '',
    t('opportunities.updatedAt', { time: dateTime(item.updatedAt) }),
  ];
  return {
    id: item.id,
    title: item.title,
    summary: item.summary,
    kind: t(`kinds.${item.kind}`),
    statusLabel: t(`statuses.opportunity.${item.status}`),
    statusTheme: OPPORTUNITY_STATUS_THEME[item.status],
    edited: item.edited,
    meta: parts.filter(Boolean).join(' · '),
  };
}

function isStatus(value: string): value is StaffOpportunityStatus {
  return (STATUSES as readonly string[]).includes(value);
}

Page({
  data: {
    pageStyle: '',
    status: 'loading' as AdminViewStatus,
    errorMessage: '',
    emptyText: '',
    tabs: [] as { value: string; label: string }[],
    active: ALL,
    items: [] as OpportunityRow[],
    footer: 'none' as Footer,
    labels: {} as Record<'create' | 'updated' | 'loading' | 'noMore' | 'loadMoreFailed', string>,
  },

  list: null as PagedList<OpportunitySummary> | null,
  /** Set when the editor is opened: the list is reloaded on coming back. */
  stale: false,

  onLoad() {
    this.list = createPagedList<OpportunitySummary>(this, {
      load: (cursor) => opportunitiesList(this.filter(), cursor),
      toRow,
      extra: (_items, first) => (first ? { emptyText: this.emptyText() } : {}),
      message: errorMessage,
      handleError: (error) => {
        if (!isForbidden(error)) return false;
        this.setData({ status: 'forbidden', items: [] });
        return true;
      },
    });
    refreshLang();
    wx.setNavigationBarTitle({ title: t('opportunities.title') });
    this.setData({
      pageStyle: fontScaleStyle(),
      tabs: [
        { value: ALL, label: t('common.all') },
        ...STATUSES.map((value) => ({ value, label: t(`statuses.opportunity.${value}`) })),
      ],
      labels: labelsOf({
        create: 'opportunities.create',
        updated: 'statuses.updated',
        loading: 'common.loading',
        noMore: 'common.noMore',
        loadMoreFailed: 'common.loadMoreFailed',
      }),
    });
    return this.reload();
  },

  onShow() {
    if (!this.stale) return undefined;
    this.stale = false;
    return this.reload();
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

  onLoadMore() {
    return this.loadMore();
  },

  onTabChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
    const value = event.detail.value;
    if (value === this.data.active) return undefined;
    this.setData({ active: value, status: 'loading', items: [], footer: 'none' });
    return this.reload();
  },

  filter(): StaffOpportunityStatus | undefined {
    return isStatus(this.data.active) ? this.data.active : undefined;
  },

  emptyText(): string {
    const status: StaffOpportunityStatus | undefined = this.filter();
    return status
      ? t('opportunities.emptyStatus', { status: t(`statuses.opportunity.${status}`) })
      : t('opportunities.empty');
  },

  reload() {
    return this.list?.reload();
  },

  loadMore() {
    return this.list?.loadMore();
  },

  onOpen(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id?: string }>) {
    const id = event.currentTarget.dataset.id;
    if (!id) return;
    this.stale = true;
    wx.navigateTo({ url: withId(ROUTES.opportunityEdit, id) });
  },

  onCreate() {
    this.stale = true;
    wx.navigateTo({ url: ROUTES.opportunityEdit });
  },
});
