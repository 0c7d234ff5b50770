import type {
  AttachmentLink,
  DocumentSummary,
  OpportunityDetail,
  RichTextNode,
} from '../../contract/api/content';
import type { EnquiryTopic, ParticipationMode } from '../../contract/models';
import { t } from '../../i18n/index';
import { opportunitiesGet } from '../../services/content';
import { displayDate } from '../../utils/date';
import { fontScaleStyle } from '../../utils/font-scale';
import { availabilityText, canTakePart } from '../../utils/opportunity';
import { loadingViewData, onRetry, showLoaded } from '../../utils/page-kit';
import { sourceLine } from '../../utils/provenance';
import { pageUrl, ROUTES } from '../../utils/routes';
import { enableShareMenu, shareMessage, shareTimeline } from '../../utils/share';

/**
 * One opportunity: its rendered body, attachments opened in place (downloaded, then shown by
 * WeChat's document viewer with its menu, so the reader can forward or save them), the MoUs it
 * rests on (with the way to request those whose file we do not hold), who it is for, its status
 * with the basis, and how to take part: the enquiry or visit form prefilled with its category
 * (an enquiry topic: the two share one list) and its title, or its named contact directly.
 */

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

/** The enquiry form, its topic and message preset (and what it is about, shown above it). */
function enquiryUrl(topic: EnquiryTopic, message: string, extra: Record<string, string> = {}): string {
  return pageUrl(ROUTES.enquiryForm, { ...extra, topic, message });
}

/** Where the take-part button leads: the enquiry or the visit form, prefilled; none for a contact. */
function takePartUrl(detail: OpportunityDetail): string {
  if (detail.participation === 'contact') return '';
  const message = t('enquiry.prefill.opportunity', { title: detail.title });
  const about = { about: detail.title };
  return detail.participation === 'visit'
    ? enquiryUrl(detail.category, message, { ...about, kind: 'visit' })
    : enquiryUrl(detail.category, message, about);
}

const TAKE_PART_HINTS = {
  enquiry: 'opportunities.detail.enquireHint',
  visit: 'opportunities.detail.visitHint',
  contact: 'opportunities.detail.contactHint',
} as const satisfies Record<ParticipationMode, string>;

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
    category: t(`opportunities.categories.${detail.category}`),
    openLabel: availabilityText(detail.availability, detail.deadline),
    open: canTakePart(detail.availability),
    availabilityNote: detail.availabilityNote ?? '',
    audience: detail.audience,
    date: displayDate(detail.publishedAt, detail.dateLabel),
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
    // A closed opportunity offers no way in; its contact stays for questions.
    takePartUrl: canTakePart(detail.availability) ? takePartUrl(detail) : '',
    takePartLabel: t(`opportunities.detail.participation.${detail.participation}`),
    takePartHint: canTakePart(detail.availability) ? t(TAKE_PART_HINTS[detail.participation]) : '',
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
    category: '',
    openLabel: '',
    open: false,
    availabilityNote: '',
    audience: '',
    date: '',
    body: [] as RichTextNode[],
    attachments: [] as FileRow[],
    documents: [] as DocumentRow[],
    contact: { name: '', title: '', email: '', phone: '' },
    sourceLine: '',
    takePartUrl: '',
    takePartLabel: '',
    takePartHint: '',
    labels: {
      attachments: t('opportunities.detail.attachments'),
      openFile: t('opportunities.detail.openFile'),
      fileUnavailable: t('opportunities.detail.fileUnavailable'),
      documents: t('opportunities.detail.documents'),
      requestDocument: t('opportunities.detail.requestDocument'),
      contact: t('opportunities.detail.contact'),
      copyEmail: t('opportunities.detail.copyEmail'),
      call: t('opportunities.detail.call'),
      audience: t('opportunities.detail.audience'),
      availability: t('opportunities.detail.availability'),
      takePart: t('opportunities.detail.takePart'),
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
