import type {
  AttachmentLink,
  DocumentSummary,
  OpportunityDetail,
  RichTextNode,
} from '../../contract/api/content';
import type { EnquiryTopic, OpportunityKind } from '../../contract/models';
import { t } from '../../i18n/index';
import { opportunitiesGet } from '../../services/content';
import { displayDate, formatDate } from '../../utils/date';
import { fontScaleStyle } from '../../utils/font-scale';
import { loadingViewData, onRetry, showLoaded } from '../../utils/page-kit';
import { sourceLine } from '../../utils/provenance';
import { pageUrl, ROUTES } from '../../utils/routes';
import { enableShareMenu, shareMessage, shareTimeline } from '../../utils/share';

/**
 * One opportunity: its rendered body, attachments opened in place (downloaded, then shown by
 * WeChat's document viewer with its menu, so the reader can forward or save them), the MoUs it
 * rests on (with the way to request those whose file we do not hold), whom to ask, and the way
 * into the enquiry form with the topic and a message preset.
 */

/** The enquiry topic closest to each kind of opportunity (topics follow the four focus areas). */
const TOPIC_OF_KIND: Record<OpportunityKind, EnquiryTopic> = {
  business_programme: 'business',
  research: 'research',
  education: 'culture',
  culture: 'culture',
  delegation_visit: 'knowledge',
  mou: 'other',
};

/** What `wx.openDocument` can show, by file extension. */
const DOCUMENT_TYPES = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx'] as const;
type DocumentType = (typeof DOCUMENT_TYPES)[number];
const HTTP_OK = 200;
const KB = 1024;

interface FileRow {
  key: string;
  name: string;
  size: string;
  url: string;
  /** For WeChat's viewer; '' when the name does not tell. */
  fileType: DocumentType | '';
  icon: string;
}

interface DocumentRow {
  id: string;
  title: string;
  counterparty: string;
  summary: string;
  /** Download URL when the file is stored; otherwise the reader asks the office. */
  url: string;
  fileType: DocumentType;
  availability: string;
  requestUrl: string;
}

function sizeLabel(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < KB * KB) return `${Math.max(1, Math.round(bytes / KB))} KB`;
  return `${(bytes / KB / KB).toFixed(1)} MB`;
}

/** `pdf` for 'MoU.pdf'; undefined when WeChat's viewer cannot tell from the name. */
function documentType(name: string): DocumentType | undefined {
  const extension = name.split('.').pop()?.toLowerCase();
  return DOCUMENT_TYPES.find((type) => type === extension);
}

/** The enquiry form, its topic and message preset. */
function enquiryUrl(topic: EnquiryTopic, message: string): string {
  return pageUrl(ROUTES.enquiryForm, { topic, message });
}

function toFileRow(attachment: AttachmentLink, index: number): FileRow {
  const fileType = documentType(attachment.name) ?? '';
  return {
    key: `${index}-${attachment.fileId}`,
    name: attachment.name,
    size: sizeLabel(attachment.sizeBytes),
    url: attachment.url ?? '',
    fileType,
    icon: fileType === 'pdf' ? 'file-pdf' : 'file',
  };
}

function toDocumentRow(document: DocumentSummary): DocumentRow {
  return {
    id: document.id,
    title: document.title,
    counterparty: document.counterparty,
    summary: document.summary,
    url: document.hasFile && document.url ? document.url : '',
    // The relationship's documents (signed MoUs) are kept as PDF scans.
    fileType: 'pdf',
    availability: document.availability || t('opportunities.detail.askOffice'),
    requestUrl: enquiryUrl('other', t('enquiry.prefill.document', { title: document.title })),
  };
}

function toView(detail: OpportunityDetail) {
  return {
    title: detail.title,
    kind: t(`opportunities.kinds.${detail.kind}`),
    openLabel: detail.open ? t('opportunities.open') : t('opportunities.notOpen'),
    open: detail.open,
    date: displayDate(detail.publishedAt, detail.dateLabel),
    deadline: detail.deadline ? t('opportunities.deadline', { date: formatDate(detail.deadline) }) : '',
    body: detail.body,
    attachments: detail.attachments.map(toFileRow),
    documents: detail.documents.map(toDocumentRow),
    contact: {
      name: detail.contact.name,
      title: detail.contact.title ?? '',
      email: detail.contact.email ?? '',
      phone: detail.contact.phone ?? '',
    },
    sourceLine: sourceLine(detail.source),
    enquireUrl: enquiryUrl(
      TOPIC_OF_KIND[detail.kind],
      t('enquiry.prefill.opportunity', { title: detail.title }),
    ),
  };
}

/** `wx.downloadFile` as a promise of the downloaded file's temporary path. */
function download(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.downloadFile({
      url,
      success: (res) =>
        res.statusCode === HTTP_OK ? resolve(res.tempFilePath) : reject(new Error(`HTTP ${res.statusCode}`)),
      fail: reject,
    });
  });
}

function openDocument(filePath: string, fileType: DocumentType | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    wx.openDocument({
      filePath,
      showMenu: true,
      ...(fileType ? { fileType } : {}),
      success: () => resolve(),
      fail: reject,
    });
  });
}

Page({
  data: {
    ...loadingViewData(),
    title: '',
    kind: '',
    openLabel: '',
    open: false,
    date: '',
    deadline: '',
    body: [] as RichTextNode[],
    attachments: [] as FileRow[],
    documents: [] as DocumentRow[],
    contact: { name: '', title: '', email: '', phone: '' },
    sourceLine: '',
    enquireUrl: '',
    labels: {
      attachments: t('opportunities.detail.attachments'),
      openFile: t('opportunities.detail.openFile'),
      fileUnavailable: t('opportunities.detail.fileUnavailable'),
      documents: t('opportunities.detail.documents'),
      requestDocument: t('opportunities.detail.requestDocument'),
      contact: t('opportunities.detail.contact'),
      copyEmail: t('opportunities.detail.copyEmail'),
      call: t('opportunities.detail.call'),
      enquire: t('opportunities.detail.enquire'),
      enquireHint: t('opportunities.detail.enquireHint'),
    },
  },

  id: '',
  /** A document being downloaded: further taps wait for it. */
  opening: false,

  onLoad(query: { id?: string }) {
    this.id = query.id ?? '';
    this.setData({ pageStyle: fontScaleStyle() });
    enableShareMenu();
    return this.load();
  },

  onRetry,

  load(): Promise<void> {
    return showLoaded(this, { fresh: opportunitiesGet(this.id) }, (detail) => {
      this.setData({ ...toView(detail), status: 'ready', errorMessage: '' });
      wx.setNavigationBarTitle({ title: detail.title });
    });
  },

  /** Downloads an attachment or document and opens it in WeChat's viewer, menu shown. */
  async onOpenFile(
    event: WechatMiniprogram.BaseEvent<Record<string, never>, { url?: string; type?: DocumentType | '' }>,
  ) {
    const { url, type } = event.currentTarget.dataset;
    if (!url || this.opening) return;
    this.opening = true;
    wx.showLoading({ title: t('opportunities.detail.opening'), mask: true });
    try {
      const filePath = await download(url);
      await openDocument(filePath, type || undefined);
      wx.hideLoading();
    } catch {
      wx.hideLoading();
      wx.showToast({ title: t('opportunities.detail.openFailed'), icon: 'none' });
    } finally {
      this.opening = false;
    }
  },

  onNavigate(event: WechatMiniprogram.BaseEvent<Record<string, never>, { url?: string }>) {
    const { url } = event.currentTarget.dataset;
    if (url) wx.navigateTo({ url });
  },

  onCopyEmail() {
    // A privacy-scoped API: the page's privacy popup asks first if needed.
    wx.setClipboardData({
      data: this.data.contact.email,
      success: () => wx.showToast({ title: t('opportunities.detail.emailCopied'), icon: 'none' }),
    });
  },

  onCall() {
    // The contact's number as written ('+45 2160 1445'); the dialler wants digits and '+' only.
    wx.makePhoneCall({ phoneNumber: this.data.contact.phone.replace(/[^\d+]/g, ''), fail: () => undefined });
  },

  onShareAppMessage() {
    return shareMessage(this.data.title, ROUTES.opportunityDetail, { id: this.id });
  },

  onShareTimeline() {
    return shareTimeline(this.data.title, { id: this.id });
  },
});
