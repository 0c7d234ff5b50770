import type { MyEnquiry } from '../../../../contract/api/enquiry';
import type { EnquiryStatus } from '../../../../contract/models';
import type { ViewStatus } from '../../../../components/state-view/index';
import { t } from '../../../../i18n/index';
import { mine } from '../../../../services/enquiry';
import { formatDate } from '../../../../utils/date';
import { fontScaleStyle } from '../../../../utils/font-scale';
import { errorMessage } from '../../../../utils/page-kit';
import { pageUrl, ROUTES } from '../../../../utils/routes';
import { createPagedList, listHandlers, type Footer, type PagedList } from '../../../../utils/paged-list';

/** 我的咨询: the caller's own enquiries, newest first, with their status; paged by cursor. */

/** TDesign tag themes: received, waiting for review, being handled, done. */
const STATUS_THEME: Record<EnquiryStatus, string> = {
  received: 'primary',
  pending_review: 'warning',
  in_progress: 'success',
  closed: 'default',
};

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

  list: null as PagedList<MyEnquiry> | null,

  onLoad() {
    this.list = createPagedList<MyEnquiry>(this, {
      load: (cursor) => mine(cursor),
      toRow,
      message: errorMessage,
    });
    this.setData({ pageStyle: fontScaleStyle() });
    return this.load();
  },

  ...listHandlers,

  onWrite() {
    wx.navigateTo({ url: pageUrl(ROUTES.enquiryForm) });
  },

  load() {
    return this.list?.reload();
  },
});
