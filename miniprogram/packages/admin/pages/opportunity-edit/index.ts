import type {
  OpportunityDetail,
  OpportunitySaveInput,
  StaffOpportunityStatus,
} from '../../../../contract/api/admin';
import type { Availability, Category, ParticipationMode } from '../../../../contract/models';
import { AVAILABILITIES, CATEGORIES, PARTICIPATION_MODES } from '../../../../contract/constants';
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
import { uploadEnded, watchUpload } from '../../utils/upload-watch';
import { editorData, editorPage } from '../../utils/editor';
import { chinaDay, endOfChinaDay, fileSize } from '../../utils/format';
import { OPPORTUNITY_STATUS_THEME } from '../../utils/tags';

/**
 * The opportunity editor, on the news editor's pattern: category, title, summary, Markdown body
 * with the public renderer's live preview, who it is for, its availability with the basis (a
 * deadline for "open until", a note), how to take part, PDF attachments and a contact person;
 * then save, publish, withdraw or delete. Publishing saves the editor's changes first.
 */

const FIELDS = [
  'category',
  'title',
  'summary',
  'body',
  'audience',
  'availability',
  'deadline',
  'availabilityNote',
  'participation',
  'attachments',
  'contact',
  'contact_name',
  'contact_title',
  'contact_email',
  'contact_phone',
] as const;

type TextField =
  | 'title'
  | 'summary'
  | 'body'
  | 'audience'
  | 'availabilityNote'
  | 'contactName'
  | 'contactTitle'
  | 'contactEmail'
  | 'contactPhone';

interface AttachmentRow {
  fileId: string;
  name: string;
  sizeBytes: number;
  size: string;
}

interface OpportunityForm {
  category: Category | '';
  title: string;
  summary: string;
  body: string;
  audience: string;
  availability: Availability | '';
  /** A China date, `2026-03-01`, or ''; only with `open_until`. */
  deadline: string;
  availabilityNote: string;
  participation: ParticipationMode | '';
  attachments: AttachmentRow[];
  contactName: string;
  contactTitle: string;
  contactEmail: string;
  contactPhone: string;
}

const EMPTY_FORM: OpportunityForm = {
  category: '',
  title: '',
  summary: '',
  body: '',
  audience: '',
  availability: '',
  deadline: '',
  availabilityNote: '',
  participation: '',
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
  audience: 'audience',
  availabilityNote: 'availabilityNote',
  contactName: 'contact_name',
  contactTitle: 'contact_title',
  contactEmail: 'contact_email',
  contactPhone: 'contact_phone',
};

const LABELS = {
  category: 'opportunityEditor.category',
  audience: 'opportunityEditor.audience',
  audiencePlaceholder: 'opportunityEditor.audiencePlaceholder',
  availability: 'opportunityEditor.availability',
  availabilityNote: 'opportunityEditor.availabilityNote',
  availabilityNotePlaceholder: 'opportunityEditor.availabilityNotePlaceholder',
  participation: 'opportunityEditor.participation',
  participationHint: 'opportunityEditor.participationHint',
  title: 'editor.title',
  titlePlaceholder: 'editor.titlePlaceholder',
  summary: 'editor.summary',
  summaryPlaceholder: 'editor.summaryPlaceholder',
  body: 'editor.body',
  bodyPlaceholder: 'editor.bodyPlaceholder',
  bodyHint: 'editor.bodyHint',
  deadline: 'opportunityEditor.deadline',
  deadlineHint: 'opportunityEditor.deadlineHint',
  deadlineNone: 'opportunityEditor.deadlineNone',
  deadlineClear: 'opportunityEditor.deadlineClear',
  attachments: 'opportunityEditor.attachments',
  addPdf: 'opportunityEditor.addPdf',
  pdfFromChat: 'opportunityEditor.pdfFromChat',
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
    category: item.category,
    title: item.title,
    summary: item.summary,
    body: item.body,
    audience: item.audience,
    availability: item.availability,
    deadline: chinaDay(item.deadline),
    availabilityNote: item.availabilityNote ?? '',
    participation: item.participation,
    attachments: item.attachments.map(toAttachmentRow),
    contactName: item.contact.name,
    contactTitle: item.contact.title ?? '',
    contactEmail: item.contact.email ?? '',
    contactPhone: item.contact.phone ?? '',
  };
}

/** The three pickers' shown values: each choice in the same words partners read. */
function choicesView(
  form: Pick<OpportunityForm, 'category' | 'availability' | 'deadline' | 'participation'>,
) {
  return {
    categoryIndex: form.category ? CATEGORIES.indexOf(form.category) : -1,
    categoryLabel: form.category ? t(`topics.${form.category}`) : t('opportunityEditor.categoryPick'),
    availabilityIndex: form.availability ? AVAILABILITIES.indexOf(form.availability) : -1,
    availabilityLabel: form.availability
      ? t(`availability.${form.availability}`, { date: form.deadline || '…' })
      : t('opportunityEditor.availabilityPick'),
    participationIndex: form.participation ? PARTICIPATION_MODES.indexOf(form.participation) : -1,
    participationLabel: form.participation
      ? t(`participation.${form.participation}`)
      : t('opportunityEditor.participationPick'),
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
    ...editorData(FIELDS),
    ...metaOf('', false),
    form: { ...EMPTY_FORM, attachments: [] as AttachmentRow[] },
    categories: [] as { value: Category; label: string }[],
    availabilities: [] as { value: Availability; label: string }[],
    participations: [] as { value: ParticipationMode; label: string }[],
    ...choicesView(EMPTY_FORM),
    attachmentsHint: '',
    canAddAttachment: true,
    /** A PDF upload under way (`<upload-progress>`). */
    uploadShown: false,
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
      return { form, ...choicesView(form), canAddAttachment: form.attachments.length < MAX_ATTACHMENTS };
    },
    meta: (status, edited) => metaOf(status, edited),
  }),

  onLoad(query: { id?: string }) {
    return this.open(query, {
      labels: labelsOf(LABELS),
      categories: CATEGORIES.map((value) => ({ value, label: t(`topics.${value}`) })),
      availabilities: AVAILABILITIES.map((value) => ({
        value,
        label: t(`availability.${value}`, { date: '…' }),
      })),
      participations: PARTICIPATION_MODES.map((value) => ({ value, label: t(`participation.${value}`) })),
      ...choicesView(EMPTY_FORM),
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

  /** Sets chosen fields and the pickers' shown values. */
  choose(changes: Partial<OpportunityForm>, errors: Record<string, string>) {
    this.markDirty();
    const form = { ...this.data.form, ...changes };
    const update: Record<string, unknown> = { ...errors, ...choicesView(form) };
    for (const [field, value] of Object.entries(changes)) update[`form.${field}`] = value;
    this.setData(update);
  },

  onCategory(event: WechatMiniprogram.PickerChange) {
    const category = CATEGORIES[Number(event.detail.value)];
    if (category) this.choose({ category }, { 'errors.category': '' });
  },

  /** Only "open until" has a date: choosing another status drops it. */
  onAvailability(event: WechatMiniprogram.PickerChange) {
    const availability = AVAILABILITIES[Number(event.detail.value)];
    if (!availability) return;
    const deadline = availability === 'open_until' ? this.data.form.deadline : '';
    this.choose({ availability, deadline }, { 'errors.availability': '', 'errors.deadline': '' });
  },

  onParticipation(event: WechatMiniprogram.PickerChange) {
    const participation = PARTICIPATION_MODES[Number(event.detail.value)];
    if (participation) this.choose({ participation }, { 'errors.participation': '' });
  },

  onDeadline(event: WechatMiniprogram.PickerChange) {
    this.choose({ deadline: String(event.detail.value) }, { 'errors.deadline': '' });
  },

  onClearDeadline() {
    this.choose({ deadline: '' }, { 'errors.deadline': '' });
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
      const file = await chooseAndUploadPdf(watchUpload(this));
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
      uploadEnded(this);
      this.setData({ uploading: false });
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
      // An unchosen choice goes as '' so the function's message ("请选择类别") lands at the field.
      category: form.category as Category,
      title: form.title,
      summary: form.summary,
      body: form.body,
      audience: form.audience,
      availability: form.availability as Availability,
      ...(form.deadline ? { deadline: endOfChinaDay(form.deadline) } : {}),
      ...(form.availabilityNote.trim() ? { availabilityNote: form.availabilityNote } : {}),
      participation: form.participation as ParticipationMode,
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
