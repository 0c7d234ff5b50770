import type { NewsSummary, StaffNewsStatus } from '../../../../../typings/api/admin';
import type { Page as ResultPage } from '../../../../../typings/api/common';
import { fontScaleStyle } from '../../../../utils/font-scale';
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

type Footer = 'none' | 'loading' | 'end' | 'error';

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

  cursor: null as string | null,
  generation: 0,
  loadingMore: false,
  /** Set when the editor is opened: the list is reloaded on coming back. */
  stale: false,

  onLoad() {
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

  async reload() {
    const generation = ++this.generation;
    try {
      const page = await newsList(this.filter());
      if (generation === this.generation) this.showFirstPage(page);
    } catch (error) {
      if (generation !== this.generation) return;
      if (isForbidden(error)) this.setData({ status: 'forbidden', items: [] });
      else if (this.data.status === 'ready') wx.showToast({ title: errorMessage(error), icon: 'none' });
      else this.setData({ status: 'error', errorMessage: errorMessage(error) });
    }
  },

  showFirstPage(page: ResultPage<NewsSummary>) {
    this.cursor = page.nextCursor;
    const status: StaffNewsStatus | undefined = this.filter();
    this.setData({
      items: page.items.map(toRow),
      status: page.items.length > 0 ? 'ready' : 'empty',
      errorMessage: '',
      emptyText: status ? t('news.emptyStatus', { status: t(`statuses.news.${status}`) }) : t('news.empty'),
      footer: page.nextCursor ? 'none' : 'end',
    });
  },

  async loadMore() {
    if (!this.cursor || this.loadingMore || this.data.status !== 'ready') return;
    const generation = this.generation;
    this.loadingMore = true;
    this.setData({ footer: 'loading' });
    try {
      const page = await newsList(this.filter(), this.cursor);
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
    wx.navigateTo({ url: withId(ROUTES.newsEdit, id) });
  },

  onCreate() {
    this.stale = true;
    wx.navigateTo({ url: ROUTES.newsEdit });
  },
});
