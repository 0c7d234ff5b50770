import type {
  OpportunityDetail,
  OpportunitySaveInput,
  StaffOpportunityStatus,
} from '../../../../contract/api/admin';
import type { OpportunityKind } from '../../../../contract/models';
import { OPPORTUNITY_KINDS } from '../../../../contract/constants';
import { opportunitySave as opportunitySaveRule } from '../../../../contract/rules';
import { checked } from '../../../../utils/validate';
import { labelsOf, ruleTexts, t } from '../../i18n/index';
import {
  opportunitiesDelete,
  opportunitiesGet,
  opportunitiesPublish,
  opportunitiesSave,
  opportunitiesUnpublish,
} from '../../services/admin';
import { chooseAndUploadPdf, FileRejected, MAX_ATTACHMENTS, PDF_MAX_BYTES } from '../../services/files';
import { editorData, editorPage } from '../../utils/editor';
import { chinaDay, endOfChinaDay, fileSize } from '../../utils/format';
import { OPPORTUNITY_STATUS_THEME } from '../../utils/tags';

/**
 * The opportunity editor, on the news editor's pattern: type, title, summary, Markdown body with
 * the public renderer's live preview, open or not, a deadline, PDF attachments and a contact
 * person; then save, publish, withdraw or delete. Publishing saves the editor's changes first.
 */

const FIELDS = [
  'kind',
  'title',
  'summary',
  'body',
  'open',
  'deadline',
  'attachments',
  'contact',
  'contact_name',
  'contact_title',
  'contact_email',
  'contact_phone',
] as const;

type TextField =
  'title' | 'summary' | 'body' | 'contactName' | 'contactTitle' | 'contactEmail' | 'contactPhone';

interface AttachmentRow {
  fileId: string;
  name: string;
  sizeBytes: number;
  size: string;
}

interface OpportunityForm {
  kind: OpportunityKind | '';
  title: string;
  summary: string;
  body: string;
  open: boolean;
  /** A China date, `2026-03-01`, or ''. */
  deadline: string;
  attachments: AttachmentRow[];
  contactName: string;
  contactTitle: string;
  contactEmail: string;
  contactPhone: string;
}

const EMPTY_FORM: OpportunityForm = {
  kind: '',
  title: '',
  summary: '',
  body: '',
  open: true,
  deadline: '',
  attachments: [],
  contactName: '',
  contactTitle: '',
  contactEmail: '',
  contactPhone: '',
};

/** Form fields named after the function's keys, for placing its messages. */
const FIELD_OF_INPUT: Record<TextField, string> = {
  title: 'title',
  summary: 'summary',
  body: 'body',
  contactName: 'contact_name',
  contactTitle: 'contact_title',
  contactEmail: 'contact_email',
  contactPhone: 'contact_phone',
};

const LABELS = {
  kind: 'opportunityEditor.kind',
  kindPick: 'opportunityEditor.kindPick',
  title: 'editor.title',
  titlePlaceholder: 'editor.titlePlaceholder',
  summary: 'editor.summary',
  summaryPlaceholder: 'editor.summaryPlaceholder',
  body: 'editor.body',
  bodyPlaceholder: 'editor.bodyPlaceholder',
  bodyHint: 'editor.bodyHint',
  open: 'opportunityEditor.open',
  deadline: 'opportunityEditor.deadline',
  deadlineHint: 'opportunityEditor.deadlineHint',
  deadlineNone: 'opportunityEditor.deadlineNone',
  deadlineClear: 'opportunityEditor.deadlineClear',
  attachments: 'opportunityEditor.attachments',
  addPdf: 'opportunityEditor.addPdf',
  pdfFromChat: 'opportunityEditor.pdfFromChat',
  uploading: 'upload.uploading',
  cancelUpload: 'upload.cancel',
  remove: 'upload.remove',
  contact: 'opportunityEditor.contact',
  contactName: 'opportunityEditor.contactName',
  contactTitle: 'opportunityEditor.contactTitle',
  contactEmail: 'opportunityEditor.contactEmail',
  contactPhone: 'opportunityEditor.contactPhone',
  preview: 'editor.preview',
  previewEmpty: 'editor.previewEmpty',
  previewLoading: 'editor.previewLoading',
  publish: 'opportunityEditor.publish',
  unpublish: 'opportunityEditor.unpublish',
  delete: 'common.delete',
  updated: 'statuses.updated',
} as const;

function toAttachmentRow(file: { fileId: string; name: string; sizeBytes?: number }): AttachmentRow {
  const sizeBytes = file.sizeBytes ?? 0;
  return { fileId: file.fileId, name: file.name, sizeBytes, size: sizeBytes ? fileSize(sizeBytes) : '' };
}

function toForm(item: OpportunityDetail): OpportunityForm {
  return {
    kind: item.kind,
    title: item.title,
    summary: item.summary,
    body: item.body,
    open: item.open,
    deadline: chinaDay(item.deadline),
    attachments: item.attachments.map(toAttachmentRow),
    contactName: item.contact.name,
    contactTitle: item.contact.title ?? '',
    contactEmail: item.contact.email ?? '',
    contactPhone: item.contact.phone ?? '',
  };
}

function kindView(kind: OpportunityKind | '') {
  const index = kind ? OPPORTUNITY_KINDS.indexOf(kind) : -1;
  return { kindIndex: index, kindLabel: kind ? t(`kinds.${kind}`) : t('opportunityEditor.kindPick') };
}

function metaOf(status: StaffOpportunityStatus | '', edited: boolean) {
  const stored = status !== '';
  return {
    itemStatus: status,
    statusLabel: stored ? t(`statuses.opportunity.${status}`) : t('opportunityEditor.statusNew'),
    statusTheme: stored ? OPPORTUNITY_STATUS_THEME[status] : 'primary',
    edited,
    saveLabel: stored ? t('opportunityEditor.saveChanges') : t('opportunityEditor.save'),
    canPublish: status !== 'published',
    canUnpublish: status === 'published',
    canDelete: stored,
  };
}

Page({
  data: {
    ...editorData(FIELDS),
    ...metaOf('', false),
    form: { ...EMPTY_FORM, attachments: [] as AttachmentRow[] },
    kinds: [] as { value: OpportunityKind; label: string }[],
    kindIndex: -1,
    kindLabel: '',
    attachmentsHint: '',
    canAddAttachment: true,
    /** The PDF upload under way: `已上传 40%`, '' when none. */
    uploadProgress: '',
    uploadPercent: 0,
    labels: {} as Record<keyof typeof LABELS, string>,
  },

  ...editorPage<OpportunityDetail, StaffOpportunityStatus, OpportunitySaveInput>({
    texts: 'opportunityEditor',
    fields: FIELDS,
    get: opportunitiesGet,
    // Checked by the function's own rules first: messages in the staff's language, no round trip.
    save: (input) => opportunitiesSave(checked(opportunitySaveRule, input, ruleTexts())),
    remove: opportunitiesDelete,
    view: (item) => {
      const form = toForm(item);
      return { form, ...kindView(form.kind), canAddAttachment: form.attachments.length < MAX_ATTACHMENTS };
    },
    meta: (status, edited) => metaOf(status, edited),
  }),

  onLoad(query: { id?: string }) {
    return this.open(query, {
      labels: labelsOf(LABELS),
      kinds: OPPORTUNITY_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) })),
      kindLabel: t('opportunityEditor.kindPick'),
      attachmentsHint: t('opportunityEditor.attachmentsHint', {
        max: fileSize(PDF_MAX_BYTES),
        count: MAX_ATTACHMENTS,
      }),
    });
  },

  // ---- editing ------------------------------------------------------------------------------

  onInput(
    event: WechatMiniprogram.CustomEvent<{ value?: string }, Record<string, never>, { field?: TextField }>,
  ) {
    const field = event.currentTarget.dataset.field;
    if (!field) return;
    const value = String(event.detail.value ?? '');
    this.markDirty();
    this.setData({ [`form.${field}`]: value, [`errors.${FIELD_OF_INPUT[field]}`]: '' });
    if (field === 'body') this.schedulePreview(value);
  },

  onKind(event: WechatMiniprogram.PickerChange) {
    const kind = OPPORTUNITY_KINDS[Number(event.detail.value)];
    if (!kind) return;
    this.markDirty();
    this.setData({ 'form.kind': kind, 'errors.kind': '', ...kindView(kind) });
  },

  onOpenChange(event: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
    this.markDirty();
    this.setData({ 'form.open': Boolean(event.detail.value) });
  },

  onDeadline(event: WechatMiniprogram.PickerChange) {
    this.markDirty();
    this.setData({ 'form.deadline': String(event.detail.value), 'errors.deadline': '' });
  },

  onClearDeadline() {
    this.markDirty();
    this.setData({ 'form.deadline': '', 'errors.deadline': '' });
  },

  /** Stops the PDF upload under way (`UploadTask.abort`). */
  cancelUpload: null as (() => void) | null,

  async onAddAttachment() {
    if (this.data.uploading) return;
    if (this.data.form.attachments.length >= MAX_ATTACHMENTS) {
      this.setData({ 'errors.attachments': t('upload.tooMany', { max: MAX_ATTACHMENTS }) });
      return;
    }
    this.setData({ uploading: true, 'errors.attachments': '' });
    try {
      const file = await chooseAndUploadPdf({
        onProgress: (percent) =>
          this.setData({ uploadPercent: percent, uploadProgress: t('upload.progress', { percent }) }),
        onStart: (cancel) => {
          this.cancelUpload = cancel;
          this.setData({ uploadProgress: t('upload.progress', { percent: 0 }) });
        },
      });
      if (file) {
        this.markDirty();
        const attachments = [...this.data.form.attachments, toAttachmentRow(file)];
        this.setData({
          'form.attachments': attachments,
          canAddAttachment: attachments.length < MAX_ATTACHMENTS,
        });
      }
    } catch (error) {
      if (error instanceof FileRejected && error.cancelled) {
        wx.showToast({ title: error.message, icon: 'none' });
      } else {
        this.setData({
          'errors.attachments': error instanceof FileRejected ? error.message : t('upload.failed'),
        });
      }
    } finally {
      this.cancelUpload = null;
      this.setData({ uploading: false, uploadProgress: '', uploadPercent: 0 });
    }
  },

  onCancelUpload() {
    this.cancelUpload?.();
  },

  onRemoveAttachment(event: WechatMiniprogram.BaseEvent<Record<string, never>, { index?: number }>) {
    const index = Number(event.currentTarget.dataset.index);
    const attachments = this.data.form.attachments.filter((_, i) => i !== index);
    this.markDirty();
    this.setData({ 'form.attachments': attachments, canAddAttachment: true, 'errors.attachments': '' });
  },

  // ---- actions ------------------------------------------------------------------------------

  toSaveInput(): OpportunitySaveInput {
    const { form, id } = this.data;
    return {
      ...(id ? { id } : {}),
      // An unchosen type goes as '' so the function's message ("请选择类型") lands at the field.
      kind: form.kind as OpportunityKind,
      title: form.title,
      summary: form.summary,
      body: form.body,
      open: form.open,
      ...(form.deadline ? { deadline: endOfChinaDay(form.deadline) } : {}),
      attachments: form.attachments.map(({ fileId, name, sizeBytes }) => ({ fileId, name, sizeBytes })),
      contact: {
        name: form.contactName,
        ...(form.contactTitle.trim() ? { title: form.contactTitle } : {}),
        ...(form.contactEmail.trim() ? { email: form.contactEmail } : {}),
        ...(form.contactPhone.trim() ? { phone: form.contactPhone } : {}),
      },
    };
  },

  onPublish() {
    return this.act('publish', async () => {
      const id = await this.saved();
      if (!id) return null;
      await opportunitiesPublish(id);
      return t('opportunityEditor.published');
    });
  },

  onUnpublish() {
    return this.act('unpublish', async () => {
      await opportunitiesUnpublish(this.data.id);
      return t('opportunityEditor.unpublished');
    });
  },
});
