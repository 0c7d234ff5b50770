import type { OpportunitySummary, StaffOpportunityStatus } from '../../../../../typings/api/admin';
import type { Page as ResultPage } from '../../../../../typings/api/common';
import { fontScaleStyle } from '../../../../utils/font-scale';
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

type Footer = 'none' | 'loading' | 'end' | 'error';

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

  cursor: null as string | null,
  generation: 0,
  loadingMore: false,
  /** Set when the editor is opened: the list is reloaded on coming back. */
  stale: false,

  onLoad() {
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

  async reload() {
    const generation = ++this.generation;
    try {
      const page = await opportunitiesList(this.filter());
      if (generation === this.generation) this.showFirstPage(page);
    } catch (error) {
      if (generation !== this.generation) return;
      if (isForbidden(error)) this.setData({ status: 'forbidden', items: [] });
      else if (this.data.status === 'ready') wx.showToast({ title: errorMessage(error), icon: 'none' });
      else this.setData({ status: 'error', errorMessage: errorMessage(error) });
    }
  },

  showFirstPage(page: ResultPage<OpportunitySummary>) {
    this.cursor = page.nextCursor;
    const status: StaffOpportunityStatus | undefined = this.filter();
    this.setData({
      items: page.items.map(toRow),
      status: page.items.length > 0 ? 'ready' : 'empty',
      errorMessage: '',
      emptyText: status
        ? t('opportunities.emptyStatus', { status: t(`statuses.opportunity.${status}`) })
        : t('opportunities.empty'),
      footer: page.nextCursor ? 'none' : 'end',
    });
  },

  async loadMore() {
    if (!this.cursor || this.loadingMore || this.data.status !== 'ready') return;
    const generation = this.generation;
    this.loadingMore = true;
    this.setData({ footer: 'loading' });
    try {
      const page = await opportunitiesList(this.filter(), this.cursor);
      if (generation !== this.generation) return;
      this.cursor = page.nextCursor;
      const start = this.data.items.length;
      const update: Record<string, unknown> = { footer: page.nextCursor ? 'none' : 'end' };
      page.items.forEach((item, index) => {
        update[`items[${start + index}]`] = toRow(item);
      });
      this.setData(update);
    } catch {
      if (generation === this.generation) this.setData({ footer: 'error' });
    } finally {
      this.loadingMore = false;
    }
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
