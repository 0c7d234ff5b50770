import type { EnquiryTimelineEntry, MyEnquiryDetail } from '../../../../contract/api/enquiry';
import type { ViewStatus } from '../../../../components/state-view/index';
import { t } from '../../../../i18n/index';
import { ServiceError } from '../../../../services/cloud';
import { get } from '../../../../services/enquiry';
import { fontScaleStyle } from '../../../../utils/font-scale';
import { errorMessage, onPullDownRefresh, onRetry } from '../../../../utils/page-kit';
import { pageUrl, ROUTES } from '../../../../utils/routes';
import { subscribeToReplies } from '../../utils/reply-subscription';
import { markErased } from '../../utils/seen';
import { STATUS_THEME } from '../../utils/status';
import { formatDateTime, formatDay } from '../../utils/time';

/**
 * 咨询详情 (`?id=…`): one of the partner's own enquiries: its reference, status, full message,
 * visit details, a dated timeline of submission, status changes and the office's replies (with the
 * replying staff member's name, and a note when a reply was machine-translated), the expected
 * response time, and reply notifications to subscribe to. An enquiry that is gone (erased, or
 * never the caller's) shows a clear 已删除 state.
 */

interface TimelineRow {
  key: string;
  at: string;
  title: string;
  body: string;
  reply: boolean;
  machineTranslated: boolean;
}

interface VisitView {
  dates: string;
  groupSize: string;
  sectors: string;
  institutions: string;
}

function timelineTitle(entry: EnquiryTimelineEntry): string {
  if (entry.type === 'reply')
    return t('enquiry.detail.reply', { author: entry.author || t('enquiry.detail.office') });
  if (entry.type === 'status' && entry.status)
    return t('enquiry.detail.statusChanged', { status: t(`enquiry.statuses.${entry.status}`) });
  return t('enquiry.detail.submitted');
}

function toTimelineRow(entry: EnquiryTimelineEntry, index: number): TimelineRow {
  return {
    key: `${index}-${entry.at}`,
    at: formatDateTime(entry.at),
    title: timelineTitle(entry),
    body: entry.type === 'reply' ? (entry.body ?? '') : '',
    reply: entry.type === 'reply',
    machineTranslated: entry.machineTranslated === true,
  };
}

function toView(enquiry: MyEnquiryDetail) {
  const visit: VisitView | null = enquiry.visit
    ? {
        dates: t('enquiry.detail.visitDateRange', {
          from: formatDay(enquiry.visit.from),
          to: formatDay(enquiry.visit.to),
        }),
        groupSize: t('enquiry.detail.groupSizeValue', { count: enquiry.visit.groupSize }),
        sectors: (enquiry.visit.sectors ?? []).map((sector) => t(`enquiry.topics.${sector}`)).join('、'),
        institutions: enquiry.visit.institutions ?? '',
      }
    : null;
  return {
    reference: enquiry.ref,
    topic: t(`enquiry.topics.${enquiry.topic}`),
    organization: enquiry.organization,
    message: enquiry.message,
    status: t(`enquiry.statuses.${enquiry.status}`),
    statusTheme: STATUS_THEME[enquiry.status],
    // Once closed there is nothing more to wait for.
    responseTime:
      enquiry.status === 'closed'
        ? ''
        : t('enquiry.detail.responseTime', { days: enquiry.responseWorkingDays }),
    visit,
    timeline: enquiry.timeline.map(toTimelineRow),
    subscriptionNote:
      enquiry.openReplySubscriptions > 0
        ? t('enquiry.subscribe.open', { count: enquiry.openReplySubscriptions })
        : t('enquiry.subscribe.hint'),
  };
}

Page({
  data: {
    pageStyle: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    id: '',
    erased: false,
    reference: '',
    topic: '',
    organization: '',
    message: '',
    statusLabel: '',
    statusTheme: 'default',
    responseTime: '',
    visit: null as VisitView | null,
    timeline: [] as TimelineRow[],
    subscriptionNote: '',
    subscribing: false,
    labels: {
      reference: t('enquiry.detail.reference'),
      copy: t('enquiry.detail.copy'),
      topic: t('enquiry.detail.topic'),
      organization: t('enquiry.detail.organization'),
      message: t('enquiry.detail.message'),
      visitTitle: t('enquiry.detail.visitTitle'),
      visitDates: t('enquiry.detail.visitDates'),
      groupSize: t('enquiry.detail.groupSize'),
      sectors: t('enquiry.detail.sectors'),
      institutions: t('enquiry.detail.institutions'),
      timeline: t('enquiry.detail.timeline'),
      machineTranslated: t('enquiry.detail.machineTranslated'),
      subscribe: t('enquiry.subscribe.button'),
      erasedTitle: t('enquiry.detail.erasedTitle'),
      erased: t('enquiry.detail.erased'),
      toMine: t('enquiry.detail.toMine'),
    },
  },

  onLoad(query: Record<string, string | undefined>) {
    // Enquiry ids are plain [A-Za-z0-9_-]: nothing to decode.
    this.setData({ pageStyle: fontScaleStyle(), id: query.id ?? '' });
    return this.load();
  },

  onRetry,
  onPullDownRefresh,

  async load() {
    try {
      const enquiry = await get(this.data.id);
      const { status, ...view } = toView(enquiry);
      this.setData({ ...view, statusLabel: status, status: 'ready', errorMessage: '', erased: false });
    } catch (error) {
      if (
        error instanceof ServiceError &&
        (error.code === 'NOT_FOUND' || error.code === 'INVALID_ARGUMENT')
      ) {
        // Gone: erased on request or at the end of its retention (or never the caller's). 我的咨询 says so too.
        markErased(this.data.id);
        this.setData({ erased: true, status: 'ready', errorMessage: '' });
      } else if (this.data.status === 'ready') {
        wx.showToast({ title: errorMessage(error), icon: 'none' });
      } else {
        this.setData({ status: 'error', errorMessage: errorMessage(error) });
      }
    }
  },

  onCopy() {
    // The clipboard is a privacy-scoped API: the privacy popup on this page asks first if needed.
    wx.setClipboardData({
      data: this.data.reference,
      success: () => wx.showToast({ title: t('enquiry.detail.copied'), icon: 'none' }),
    });
  },

  async onSubscribe() {
    if (this.data.subscribing) return;
    this.setData({ subscribing: true });
    try {
      const result = await subscribeToReplies(this.data.id);
      if (result.open !== undefined)
        this.setData({ subscriptionNote: t('enquiry.subscribe.open', { count: result.open }) });
      wx.showToast({ title: result.message, icon: 'none' });
    } finally {
      this.setData({ subscribing: false });
    }
  },

  onMine() {
    wx.redirectTo({ url: pageUrl(ROUTES.enquiryMine) });
  },
});
