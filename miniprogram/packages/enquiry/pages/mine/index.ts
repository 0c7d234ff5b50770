import type { Page as ResultPage } from '../../../../../typings/api/common';
import type { MyEnquiry } from '../../../../../typings/api/enquiry';
import type { EnquiryStatus } from '../../../../../typings/models';
import type { ViewStatus } from '../../../../components/state-view/index';
import { t } from '../../../../i18n/index';
import { ServiceError } from '../../../../services/cloud';
import { mine } from '../../../../services/enquiry';
import { formatDate } from '../../../../utils/date';
import { fontScaleStyle } from '../../../../utils/font-scale';

/** 我的咨询: the caller's own enquiries, newest first, with their status; paged by cursor. */

const FORM_PAGE = '/packages/enquiry/pages/form/index';

/** TDesign tag themes: received, waiting for review, being handled, done. */
const STATUS_THEME: Record<EnquiryStatus, string> = {
  received: 'primary',
  pending_review: 'warning',
  in_progress: 'success',
  closed: 'default',
};

/** What the list footer shows: nothing, a spinner, the end, or a failed next page with retry. */
type Footer = 'none' | 'loading' | 'end' | 'error';

interface EnquiryRow {
  id: string;
  topic: string;
  organization: string;
  excerpt: string;
  status: string;
  statusTheme: string;
  submittedAt: string;
  reference: string;
}

function toRow(item: MyEnquiry): EnquiryRow {
  return {
    id: item.id,
    topic: t(`enquiry.topics.${item.topic}`),
    organization: item.organization,
    excerpt: item.excerpt,
    status: t(`enquiry.statuses.${item.status}`),
    statusTheme: STATUS_THEME[item.status],
    submittedAt: t('enquiry.mine.submittedAt', { date: formatDate(item.createdAt) }),
    reference: t('enquiry.mine.reference', { id: item.id }),
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
    items: [] as EnquiryRow[],
    footer: 'none' as Footer,
    labels: {
      empty: t('enquiry.mine.empty'),
      write: t('enquiry.mine.write'),
      loading: t('common.loading'),
      noMore: t('common.noMore'),
      loadMoreFailed: t('enquiry.mine.loadMoreFailed'),
    },
  },

  /** `nextCursor` of the last page shown; null once the end is reached. */
  cursor: null as string | null,
  /** Bumped on every fresh start, so a late answer for an older start is dropped. */
  generation: 0,
  loadingMore: false,

  onLoad() {
    this.setData({ pageStyle: fontScaleStyle() });
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

  onWrite() {
    wx.navigateTo({ url: FORM_PAGE });
  },

  async reload() {
    const generation = ++this.generation;
    try {
      const page = await mine();
      if (generation === this.generation) this.showFirstPage(page);
    } catch (error) {
      if (generation !== this.generation) return;
      // A failed refresh keeps what is shown.
      if (this.data.status === 'ready') wx.showToast({ title: messageOf(error), icon: 'none' });
      else this.setData({ status: 'error', errorMessage: messageOf(error) });
    }
  },

  showFirstPage(page: ResultPage<MyEnquiry>) {
    this.cursor = page.nextCursor;
    this.setData({
      items: page.items.map(toRow),
      status: page.items.length > 0 ? 'ready' : 'empty',
      errorMessage: '',
      footer: page.nextCursor ? 'none' : 'end',
    });
  },

  async loadMore() {
    if (!this.cursor || this.loadingMore || this.data.status !== 'ready') return;
    const generation = this.generation;
    this.loadingMore = true;
    this.setData({ footer: 'loading' });
    try {
      const page = await mine(this.cursor);
      if (generation !== this.generation) return;
      this.cursor = page.nextCursor;
      // Only the new rows travel to the render layer.
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
});
