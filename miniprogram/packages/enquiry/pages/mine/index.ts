import type { Page as ResultPage } from '../../../../contract/api/common';
import type { MyEnquiry } from '../../../../contract/api/enquiry';
import type { ViewStatus } from '../../../../components/state-view/index';
import { t } from '../../../../i18n/index';
import { mine } from '../../../../services/enquiry';
import { formatDate } from '../../../../utils/date';
import { fontScaleStyle } from '../../../../utils/font-scale';
import { errorMessage } from '../../../../utils/page-kit';
import { pageUrl, ROUTES } from '../../../../utils/routes';
import { createPagedList, listHandlers, type Footer, type PagedList } from '../../../../utils/paged-list';
import { reconcileSeen, type SeenEnquiry } from '../../utils/seen';
import { STATUS_THEME } from '../../utils/status';

/**
 * 我的咨询: the caller's own enquiries, newest first, with reference, status and whether the office
 * replied; each opens its detail page. Paged by cursor. Enquiries this phone listed before that are
 * gone (erased) are shown as 已删除, not silently dropped.
 */

interface EnquiryRow {
  id: string;
  topic: string;
  organization: string;
  excerpt: string;
  status: string;
  statusTheme: string;
  submittedAt: string;
  reference: string;
  replied: boolean;
  visit: boolean;
}

interface ErasedRow {
  id: string;
  topic: string;
  submittedAt: string;
  reference: string;
}

function reference(ref: string): string {
  return t('enquiry.mine.reference', { ref });
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
    reference: reference(item.ref),
    replied: item.lastReplyAt !== null,
    visit: item.kind === 'visit',
  };
}

function toErasedRow(entry: SeenEnquiry): ErasedRow {
  return {
    id: entry.id,
    topic: t(`enquiry.topics.${entry.topic}`),
    submittedAt: t('enquiry.mine.submittedAt', { date: formatDate(entry.createdAt) }),
    reference: reference(entry.ref),
  };
}

interface TapEvent {
  currentTarget: { dataset: { id?: string } };
}

Page({
  data: {
    pageStyle: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    items: [] as EnquiryRow[],
    erased: [] as ErasedRow[],
    footer: 'none' as Footer,
    labels: {
      empty: t('enquiry.mine.empty'),
      write: t('enquiry.mine.write'),
      replied: t('enquiry.mine.replied'),
      visit: t('enquiry.mine.visit'),
      erased: t('enquiry.mine.erased'),
      erasedNote: t('enquiry.mine.erasedNote'),
      loading: t('common.loading'),
      noMore: t('common.noMore'),
      loadMoreFailed: t('enquiry.mine.loadMoreFailed'),
    },
  },

  list: null as PagedList<MyEnquiry> | null,
  /** Every enquiry listed since the first page, for telling which seen ones are gone. */
  listed: [] as MyEnquiry[],
  /** Whether the last page loaded was the end of the list. */
  complete: false,

  onLoad() {
    this.listed = [];
    this.list = createPagedList<MyEnquiry>(this, {
      load: async (cursor): Promise<ResultPage<MyEnquiry>> => {
        const page = await mine(cursor);
        this.complete = page.nextCursor === null;
        return page;
      },
      toRow,
      extra: (items, first) => {
        this.listed = first ? [...items] : [...this.listed, ...items];
        return { erased: reconcileSeen(this.listed, this.complete).map(toErasedRow) };
      },
      message: errorMessage,
    });
    this.setData({ pageStyle: fontScaleStyle() });
    return this.load();
  },

  ...listHandlers,

  onOpen(event: TapEvent) {
    const id = event.currentTarget.dataset.id;
    if (id) wx.navigateTo({ url: pageUrl(ROUTES.enquiryDetail, { id }) });
  },

  onWrite() {
    wx.navigateTo({ url: pageUrl(ROUTES.enquiryForm) });
  },

  load() {
    return this.list?.reload();
  },
});
