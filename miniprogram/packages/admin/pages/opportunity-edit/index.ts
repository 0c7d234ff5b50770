import type {
  OpportunityDetail,
  OpportunitySaveInput,
  StaffOpportunityStatus,
} from '../../../../contract/api/admin';
import type { OpportunityKind } from '../../../../contract/models';
import { OPPORTUNITY_KINDS } from '../../../../contract/constants';
import { fontScaleStyle } from '../../../../utils/font-scale';
import type { AdminViewStatus } from '../../components/admin-state/index';
import { labelsOf, refreshLang, t } from '../../i18n/index';
import {
  opportunitiesDelete,
  opportunitiesGet,
  opportunitiesPublish,
  opportunitiesSave,
  opportunitiesUnpublish,
} from '../../services/admin';
import { chooseAndUploadPdf, FileRejected, MAX_ATTACHMENTS, PDF_MAX_BYTES } from '../../services/files';
import {
  livePreview,
  runEditorAction,
  showEditorFailure,
  warnBeforeLeaving,
  type LivePreview,
  type PreviewView,
} from '../../utils/editor';
import { errorMessage, isForbidden, noErrors } from '../../utils/errors';
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

type Busy = '' | 'save' | 'publish' | 'unpublish' | 'delete';
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
  uploading: 'upload.uploading',
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
    pageStyle: '',
    status: 'loading' as AdminViewStatus,
    errorMessage: '',
    id: '',
    ...metaOf('', false),
    form: { ...EMPTY_FORM, attachments: [] as AttachmentRow[] },
    errors: noErrors(FIELDS),
    kinds: [] as { value: OpportunityKind; label: string }[],
    kindIndex: -1,
    kindLabel: '',
    preview: { state: 'empty', nodes: [], message: '' } as PreviewView,
    busy: '' as Busy,
    uploading: false,
    attachmentsHint: '',
    canAddAttachment: true,
    labels: {} as Record<keyof typeof LABELS, string>,
  },

  livePreview: null as LivePreview | null,
  dirty: false,

  onLoad(query: { id?: string }) {
    refreshLang();
    const id = query.id ? decodeURIComponent(query.id) : '';
    wx.setNavigationBarTitle({
      title: id ? t('opportunityEditor.titleEdit') : t('opportunityEditor.titleNew'),
    });
    this.setData({
      pageStyle: fontScaleStyle(),
      id,
      labels: labelsOf(LABELS),
      kinds: OPPORTUNITY_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) })),
      kindLabel: t('opportunityEditor.kindPick'),
      attachmentsHint: t('opportunityEditor.attachmentsHint', {
        max: fileSize(PDF_MAX_BYTES),
        count: MAX_ATTACHMENTS,
      }),
      ...metaOf('', false),
    });
    if (!id) {
      this.setData({ status: 'ready' });
      return undefined;
    }
    return this.load();
  },

  onUnload() {
    this.livePreview?.stop();
  },

  onRetry() {
    this.setData({ status: 'loading', errorMessage: '' });
    return this.load();
  },

  async load() {
    try {
      const { item, preview } = await opportunitiesGet(this.data.id);
      const form = toForm(item);
      this.setData({
        status: 'ready',
        errorMessage: '',
        form,
        ...this.kindView(form.kind),
        canAddAttachment: form.attachments.length < MAX_ATTACHMENTS,
        preview: { state: form.body.trim() ? 'ready' : 'empty', nodes: preview, message: '' },
        ...metaOf(item.status, item.edited),
      });
    } catch (error) {
      if (isForbidden(error)) this.setData({ status: 'forbidden' });
      else this.setData({ status: 'error', errorMessage: errorMessage(error) });
    }
  },

  kindView(kind: OpportunityKind | '') {
    const index = kind ? OPPORTUNITY_KINDS.indexOf(kind) : -1;
    return { kindIndex: index, kindLabel: kind ? t(`kinds.${kind}`) : t('opportunityEditor.kindPick') };
  },

  // ---- editing ------------------------------------------------------------------------------

  markDirty() {
    if (this.dirty) return;
    this.dirty = true;
    warnBeforeLeaving(true);
  },

  markSaved() {
    this.dirty = false;
    warnBeforeLeaving(false);
  },

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
    this.setData({ 'form.kind': kind, 'errors.kind': '', ...this.kindView(kind) });
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

  async onAddAttachment() {
    if (this.data.uploading) return;
    if (this.data.form.attachments.length >= MAX_ATTACHMENTS) {
      this.setData({ 'errors.attachments': t('upload.tooMany', { max: MAX_ATTACHMENTS }) });
      return;
    }
    this.setData({ uploading: true, 'errors.attachments': '' });
    try {
      const file = await chooseAndUploadPdf();
      if (file) {
        this.markDirty();
        const attachments = [...this.data.form.attachments, toAttachmentRow(file)];
        this.setData({
          'form.attachments': attachments,
          canAddAttachment: attachments.length < MAX_ATTACHMENTS,
        });
      }
    } catch (error) {
      this.setData({
        'errors.attachments': error instanceof FileRejected ? error.message : t('upload.failed'),
      });
    } finally {
      this.setData({ uploading: false });
    }
  },

  onRemoveAttachment(event: WechatMiniprogram.BaseEvent<Record<string, never>, { index?: number }>) {
    const index = Number(event.currentTarget.dataset.index);
    const attachments = this.data.form.attachments.filter((_, i) => i !== index);
    this.markDirty();
    this.setData({ 'form.attachments': attachments, canAddAttachment: true, 'errors.attachments': '' });
  },

  // ---- preview ------------------------------------------------------------------------------

  schedulePreview(body: string) {
    if (!this.livePreview) {
      this.livePreview = livePreview((update) => {
        const patch: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(update)) patch[`preview.${key}`] = value;
        this.setData(patch);
      });
    }
    this.livePreview.update(body);
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

  async persist(): Promise<string | null> {
    try {
      const { id, status } = await opportunitiesSave(this.toSaveInput());
      this.markSaved();
      if (!this.data.id) wx.setNavigationBarTitle({ title: t('opportunityEditor.titleEdit') });
      this.setData({ id, errors: noErrors(FIELDS), ...metaOf(status, this.data.edited) });
      return id;
    } catch (error) {
      this.showFailure(error);
      return null;
    }
  },

  showFailure(error: unknown) {
    showEditorFailure(this, FIELDS, error);
  },

  act(busy: Busy, work: () => Promise<string | null>) {
    return runEditorAction(this, busy, work, {
      refresh: () => this.refreshState(),
      fail: (error) => this.showFailure(error),
    });
  },

  async refreshState() {
    if (!this.data.id) return;
    try {
      const { item } = await opportunitiesGet(this.data.id);
      this.setData(metaOf(item.status, item.edited));
    } catch {
      // The action itself succeeded and said so; the state line updates on the next open.
    }
  },

  async saved(): Promise<string | null> {
    if (this.data.id && !this.dirty) return this.data.id;
    return this.persist();
  },

  onSave() {
    return this.act('save', async () => ((await this.persist()) ? t('common.saved') : null));
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

  async onDelete() {
    if (this.data.busy || !this.data.id) return;
    const { confirm } = await wx.showModal({
      title: t('opportunityEditor.deleteConfirmTitle'),
      content: t('opportunityEditor.deleteConfirm'),
      confirmText: t('common.delete'),
      confirmColor: '#d54941',
      cancelText: t('common.cancel'),
    });
    if (!confirm) return;
    this.setData({ busy: 'delete' });
    try {
      await opportunitiesDelete(this.data.id);
      this.markSaved();
      wx.showToast({ title: t('opportunityEditor.deleted'), icon: 'none' });
      wx.navigateBack({ delta: 1 });
    } catch (error) {
      this.showFailure(error);
    } finally {
      this.setData({ busy: '' });
    }
  },
});
