import type { NewsSummary, StaffNewsStatus } from '../../../../contract/api/admin';
import { fontScaleStyle } from '../../../../utils/font-scale';
import { createPagedList, type Footer, type PagedList } from '../../../../utils/paged-list';
import type { AdminViewStatus } from '../../components/admin-state/index';
import { labelsOf, refreshLang, t } from '../../i18n/index';
import { newsList } from '../../services/admin';
import { errorMessage, isForbidden } from '../../utils/errors';
import { dateTime } from '../../utils/format';
import { ROUTES, withId } from '../../utils/routes';
import { NEWS_STATUS_THEME } from '../../utils/tags';

/** News for staff: every item but the deleted, newest change first, filtered by state. */

const STATUSES: readonly StaffNewsStatus[] = ['draft', 'scheduled', 'published', 'archived'];
/** The tab value of "every state". */
const ALL = '';

interface NewsRow {
  id: string;
  title: string;
  summary: string;
  status: StaffNewsStatus;
  statusLabel: string;
  statusTheme: string;
  edited: boolean;
  pinned: boolean;
  dateLine: string;
}

function dateLine(item: NewsSummary): string {
  if (item.status === 'scheduled') return t('news.scheduledFor', { time: dateTime(item.publishAt) });
  if (item.status === 'published') return t('news.publishedAt', { time: dateTime(item.publishAt) });
  return t('news.updatedAt', { time: dateTime(item.updatedAt) });
}

function toRow(item: NewsSummary): NewsRow {
  return {
    id: item.id,
    title: item.title,
    summary: item.summary,
    status: item.status,
    statusLabel: t(`statuses.news.${item.status}`),
    statusTheme: NEWS_STATUS_THEME[item.status],
    edited: item.edited,
    pinned: item.pinned,
    dateLine: dateLine(item),
  };
}

function isStatus(value: string): value is StaffNewsStatus {
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
    items: [] as NewsRow[],
    footer: 'none' as Footer,
    labels: {} as Record<'create' | 'updated' | 'pinned' | 'loading' | 'noMore' | 'loadMoreFailed', string>,
  },

  list: null as PagedList<NewsSummary> | null,
  /** Set when the editor is opened: the list is reloaded on coming back. */
  stale: false,

  onLoad() {
    this.list = createPagedList<NewsSummary>(this, {
      load: (cursor) => newsList(this.filter(), cursor),
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
    wx.setNavigationBarTitle({ title: t('news.title') });
    this.setData({
      pageStyle: fontScaleStyle(),
      tabs: [
        { value: ALL, label: t('common.all') },
        ...STATUSES.map((value) => ({ value, label: t(`statuses.news.${value}`) })),
      ],
      labels: labelsOf({
        create: 'news.create',
        updated: 'statuses.updated',
        pinned: 'statuses.pinned',
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

  filter(): StaffNewsStatus | undefined {
    return isStatus(this.data.active) ? this.data.active : undefined;
  },

  emptyText(): string {
    const status: StaffNewsStatus | undefined = this.filter();
    return status ? t('news.emptyStatus', { status: t(`statuses.news.${status}`) }) : t('news.empty');
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
    wx.navigateTo({ url: withId(ROUTES.newsEdit, id) });
  },

  onCreate() {
    this.stale = true;
    wx.navigateTo({ url: ROUTES.newsEdit });
  },
});
