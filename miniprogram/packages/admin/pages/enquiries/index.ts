import type {
  EnquiryExportOutput,
  EnquiryStatusFilter,
  EnquirySummary,
} from '../../../../contract/api/admin';
import type { EnquiryKind, EnquiryTopic } from '../../../../contract/models';
import { ENQUIRY_KINDS, ENQUIRY_TOPICS } from '../../../../contract/constants';
import { fontScaleStyle } from '../../../../utils/font-scale';
import type { Footer, PagedList } from '../../../../utils/paged-list';
import type { AdminViewStatus } from '../../components/admin-state/index';
import { currentLang, labelsOf, refreshLang, t } from '../../i18n/index';
import { enquiriesExport, enquiriesList, type EnquiryFilter } from '../../services/admin';
import { errorMessage } from '../../utils/errors';
import { dateTime, localDay } from '../../utils/format';
import { ROUTES, withId } from '../../utils/routes';
import { staffPagedList, staffListHandlers } from '../../utils/status-list';
import { ENQUIRY_STATUS_THEME } from '../../utils/tags';

/**
 * The enquiry inbox: newest first, filtered by status (new covers both new statuses), type (general
 * enquiries or visit requests) and topic; each shows its reference and opens its detail. The
 * filtered inbox exports to an Excel file (in the staff member's language), which the page
 * downloads at once so one tap sends it to a WeChat chat; its short-lived link can be copied too.
 */

const STATUS_FILTERS: readonly EnquiryStatusFilter[] = ['new', 'in_progress', 'closed'];
/** The value of "no filter". */
const ALL = '';

interface EnquiryRow {
  id: string;
  reference: string;
  kind: string;
  name: string;
  organization: string;
  topic: string;
  status: string;
  statusTheme: string;
  excerpt: string;
  meta: string;
}

interface ExportView {
  url: string;
  intro: string;
  /** The downloaded file, ready to send to a chat; '' when the download failed (the link remains). */
  filePath: string;
  /** The name the chat shows. */
  fileName: string;
}

/** `wx.shareFileMessage` must run in a tap handler: the file is downloaded before, right after the export. */
function downloaded(url: string): Promise<string> {
  return new Promise((resolve) => {
    wx.downloadFile({
      url,
      success: ({ tempFilePath, statusCode }) => resolve(statusCode === 200 ? tempFilePath : ''),
      fail: () => resolve(''),
    });
  });
}

function toRow(item: EnquirySummary): EnquiryRow {
  const submitted = dateTime(item.createdAt);
  return {
    id: item.id,
    reference: item.ref,
    kind: item.kind === 'visit' ? t('enquiry.visitRequest') : '',
    name: item.name,
    organization: item.organization,
    topic: t(`topics.${item.topic}`),
    status: t(`statuses.enquiry.${item.status}`),
    statusTheme: ENQUIRY_STATUS_THEME[item.status],
    excerpt: item.excerpt,
    meta:
      item.noteCount > 0 ? `${submitted} · ${t('enquiries.notes', { count: item.noteCount })}` : submitted,
  };
}

function statusLabel(value: EnquiryStatusFilter): string {
  return value === 'new' ? t('enquiries.statusNew') : t(`statuses.enquiry.${value}`);
}

function isStatusFilter(value: string): value is EnquiryStatusFilter {
  return (STATUS_FILTERS as readonly string[]).includes(value);
}

function isKind(value: string): value is EnquiryKind {
  return (ENQUIRY_KINDS as readonly string[]).includes(value);
}

function isTopic(value: string): value is EnquiryTopic {
  return (ENQUIRY_TOPICS as readonly string[]).includes(value);
}

Page({
  data: {
    pageStyle: '',
    status: 'loading' as AdminViewStatus,
    errorMessage: '',
    statusTabs: [] as { value: string; label: string }[],
    topics: [] as { value: string; label: string }[],
    kinds: [] as { value: string; label: string }[],
    activeStatus: ALL,
    activeKind: ALL,
    activeTopic: ALL,
    items: [] as EnquiryRow[],
    footer: 'none' as Footer,
    exporting: false,
    exported: null as ExportView | null,
    labels: {} as Record<
      | 'empty'
      | 'topic'
      | 'kind'
      | 'export'
      | 'exportCopy'
      | 'exportShare'
      | 'exportShareHint'
      | 'exportHint'
      | 'loading'
      | 'noMore'
      | 'loadMoreFailed',
      string
    >,
  },

  list: null as PagedList<EnquirySummary> | null,
  /** Set when an enquiry is opened: its status may change there, so the list reloads on return. */
  stale: false,

  onLoad(query: { status?: string; topic?: string; kind?: string }) {
    this.list = staffPagedList<EnquirySummary>(this, {
      load: (cursor) => enquiriesList(this.filter(), cursor),
      toRow,
    });
    refreshLang();
    wx.setNavigationBarTitle({ title: t('enquiries.title') });
    this.setData({
      pageStyle: fontScaleStyle(),
      activeStatus: query.status && isStatusFilter(query.status) ? query.status : ALL,
      activeTopic: query.topic && isTopic(query.topic) ? query.topic : ALL,
      activeKind: query.kind && isKind(query.kind) ? query.kind : ALL,
      statusTabs: [
        { value: ALL, label: t('common.all') },
        ...STATUS_FILTERS.map((value) => ({ value, label: statusLabel(value) })),
      ],
      topics: [
        { value: ALL, label: t('common.all') },
        ...ENQUIRY_TOPICS.map((value) => ({ value, label: t(`topics.${value}`) })),
      ],
      kinds: [
        { value: ALL, label: t('common.all') },
        ...ENQUIRY_KINDS.map((value) => ({ value, label: t(`enquiryKinds.${value}`) })),
      ],
      labels: labelsOf({
        empty: 'enquiries.empty',
        topic: 'enquiries.topic',
        kind: 'enquiries.kind',
        export: 'enquiries.export',
        exportCopy: 'enquiries.exportCopy',
        exportShare: 'enquiries.exportShare',
        exportShareHint: 'enquiries.exportShareHint',
        exportHint: 'enquiries.exportHint',
        loading: 'common.loading',
        noMore: 'common.noMore',
        loadMoreFailed: 'common.loadMoreFailed',
      }),
    });
    return this.load();
  },

  ...staffListHandlers,

  filter(): EnquiryFilter {
    const { activeStatus, activeTopic, activeKind } = this.data;
    return {
      ...(isStatusFilter(activeStatus) ? { status: activeStatus } : {}),
      ...(isTopic(activeTopic) ? { topic: activeTopic } : {}),
      ...(isKind(activeKind) ? { kind: activeKind } : {}),
    };
  },

  onStatusChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
    const value = event.detail.value;
    if (value === this.data.activeStatus) return undefined;
    this.setData({ activeStatus: value, status: 'loading', items: [], footer: 'none', exported: null });
    return this.load();
  },

  onTopic(event: WechatMiniprogram.BaseEvent<Record<string, never>, { value?: string }>) {
    const value = event.currentTarget.dataset.value ?? ALL;
    if (value === this.data.activeTopic) return undefined;
    this.setData({ activeTopic: value, status: 'loading', items: [], footer: 'none', exported: null });
    return this.load();
  },

  onKind(event: WechatMiniprogram.BaseEvent<Record<string, never>, { value?: string }>) {
    const value = event.currentTarget.dataset.value ?? ALL;
    if (value === this.data.activeKind) return undefined;
    this.setData({ activeKind: value, status: 'loading', items: [], footer: 'none', exported: null });
    return this.load();
  },

  load() {
    return this.list?.reload();
  },

  onOpen(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id?: string }>) {
    const id = event.currentTarget.dataset.id;
    if (id) this.openFromList(withId(ROUTES.enquiry, id));
  },

  /** The filtered inbox as an Excel file, downloaded to send to a chat; its link to copy as well. */
  async onExport() {
    if (this.data.exporting) return;
    this.setData({ exporting: true, exported: null });
    try {
      const result: EnquiryExportOutput = await enquiriesExport(this.filter(), currentLang());
      const filePath = await downloaded(result.url);
      this.setData({
        exported: {
          url: result.url,
          intro: t('enquiries.exportReady', { count: result.count, time: dateTime(result.expiresAt) }),
          filePath,
          fileName: t('enquiries.exportFileName', { day: localDay(new Date()) }),
        },
      });
      if (!filePath) wx.showToast({ title: t('enquiries.exportDownloadFailed'), icon: 'none' });
    } catch (error) {
      wx.showToast({ title: errorMessage(error), icon: 'none' });
    } finally {
      this.setData({ exporting: false });
    }
  },

  /** To 文件传输助手 (the staff member's own computer) or a colleague: WeChat's chat picker chooses. */
  onShareExport() {
    const exported = this.data.exported;
    if (!exported?.filePath) return;
    wx.shareFileMessage({
      filePath: exported.filePath,
      fileName: exported.fileName,
      fail: (error: WechatMiniprogram.GeneralCallbackResult) => {
        if (!/cancel/.test(error.errMsg))
          wx.showToast({ title: t('enquiries.exportShareFailed'), icon: 'none' });
      },
    });
  },

  onCopyExport() {
    const url = this.data.exported?.url;
    if (!url) return;
    wx.setClipboardData({
      data: url,
      success: () => wx.showToast({ title: t('enquiries.exportCopied'), icon: 'none' }),
    });
  },
});
