import type { NewsDetail, NewsSaveInput, StaffNewsStatus } from '../../../../contract/api/admin';
import { formatDate } from '../../../../utils/date';
import { fontScaleStyle } from '../../../../utils/font-scale';
import type { AdminViewStatus } from '../../components/admin-state/index';
import { labelsOf, refreshLang, t } from '../../i18n/index';
import { newsDelete, newsGet, newsPublish, newsSave, newsUnpublish } from '../../services/admin';
import { chooseAndUploadCover, COVER_MAX_BYTES, FileRejected } from '../../services/files';
import {
  livePreview,
  runEditorAction,
  showEditorFailure,
  warnBeforeLeaving,
  type LivePreview,
  type PreviewView,
} from '../../utils/editor';
import { errorMessage, isForbidden, noErrors } from '../../utils/errors';
import { dateTime, fileSize, fromLocal, localDay, zoneLabel } from '../../utils/format';
import { NEWS_STATUS_THEME } from '../../utils/tags';

/**
 * The news editor (`?id=` edits an item, none writes a new one): title, summary, Markdown body
 * with a live preview rendered by the public pages' own renderer (`news.preview`, debounced: each
 * call is audited), cover image, tags, pinned; then save as draft, publish now, schedule, withdraw
 * or delete. Publishing or scheduling saves the editor's changes first.
 */

/** Form fields that show a message; server keys map onto them (`cover.alt` → `cover_alt`). */
const FIELDS = ['title', 'summary', 'body', 'tags', 'pinned', 'cover', 'cover_alt', 'at'] as const;

type Busy = '' | 'save' | 'publish' | 'schedule' | 'unpublish' | 'delete';
type TextField = 'title' | 'summary' | 'body' | 'tags' | 'coverAlt';

interface NewsForm {
  title: string;
  summary: string;
  body: string;
  /** As typed: tags separated by commas. */
  tags: string;
  pinned: boolean;
  cover: { fileId: string; alt: string };
}

const EMPTY_FORM: NewsForm = {
  title: '',
  summary: '',
  body: '',
  tags: '',
  pinned: false,
  cover: { fileId: '', alt: '' },
};

const LABELS = {
  title: 'editor.title',
  titlePlaceholder: 'editor.titlePlaceholder',
  summary: 'editor.summary',
  summaryPlaceholder: 'editor.summaryPlaceholder',
  body: 'editor.body',
  bodyPlaceholder: 'editor.bodyPlaceholder',
  bodyHint: 'editor.bodyHint',
  tags: 'editor.tags',
  tagsPlaceholder: 'editor.tagsPlaceholder',
  pinned: 'editor.pinned',
  cover: 'editor.cover',
  coverAlt: 'editor.coverAlt',
  coverAltPlaceholder: 'editor.coverAltPlaceholder',
  chooseCover: 'upload.choose',
  replaceCover: 'upload.replace',
  removeCover: 'upload.remove',
  uploading: 'upload.uploading',
  preview: 'editor.preview',
  previewEmpty: 'editor.previewEmpty',
  previewLoading: 'editor.previewLoading',
  publish: 'editor.publish',
  schedule: 'editor.schedule',
  scheduleTitle: 'editor.scheduleTitle',
  scheduleDate: 'editor.scheduleDate',
  scheduleTime: 'editor.scheduleTime',
  schedulePick: 'editor.schedulePick',
  delete: 'common.delete',
  updated: 'statuses.updated',
} as const;

/** Tags as the function takes them: trimmed, without a leading #, each once. */
function parseTags(text: string): string[] {
  const tags = text
    .split(/[,，、;；\n]+/)
    .map((tag) => tag.trim().replace(/^#+/, '').trim())
    .filter(Boolean);
  return [...new Set(tags)];
}

function toForm(item: NewsDetail): NewsForm {
  return {
    title: item.title,
    summary: item.summary,
    body: item.body,
    tags: item.tags.join(', '),
    pinned: item.pinned,
    cover: { fileId: item.cover?.fileId ?? '', alt: item.cover?.alt ?? '' },
  };
}

/** What the state of an item allows, and how its line reads. */
function metaOf(status: StaffNewsStatus | '', publishAt: string | undefined, edited: boolean) {
  const stored = status !== '';
  return {
    itemStatus: status,
    statusLabel: stored ? t(`statuses.news.${status}`) : t('editor.statusNew'),
    statusTheme: stored ? NEWS_STATUS_THEME[status] : 'primary',
    edited,
    whenLine:
      status === 'scheduled'
        ? t('editor.scheduledFor', { time: dateTime(publishAt) })
        : status === 'published'
          ? t('editor.publishedAt', { time: dateTime(publishAt) })
          : '',
    saveLabel: stored ? t('editor.saveChanges') : t('editor.save'),
    canPublish: status !== 'published',
    // Scheduling a published item is refused (withdraw it first).
    canSchedule: status !== 'published',
    canUnpublish: status === 'published' || status === 'scheduled',
    unpublishLabel: status === 'scheduled' ? t('editor.cancelSchedule') : t('editor.unpublish'),
    canDelete: stored,
    /** The date readers will see: the publication's, or today's for an item not yet public. */
    previewDate: formatDate(publishAt ?? new Date().toISOString()),
  };
}

Page({
  data: {
    pageStyle: '',
    status: 'loading' as AdminViewStatus,
    errorMessage: '',
    id: '',
    ...metaOf('', undefined, false),
    form: { ...EMPTY_FORM, cover: { ...EMPTY_FORM.cover } },
    errors: noErrors(FIELDS),
    tagLine: '',
    preview: { state: 'empty', nodes: [], message: '' } as PreviewView,
    schedule: { date: '', time: '', today: '', zone: '' },
    busy: '' as Busy,
    uploading: false,
    coverHint: '',
    labels: {} as Record<keyof typeof LABELS, string>,
  },

  livePreview: null as LivePreview | null,
  /** Changes not saved yet. */
  dirty: false,

  onLoad(query: { id?: string }) {
    refreshLang();
    const id = query.id ? decodeURIComponent(query.id) : '';
    wx.setNavigationBarTitle({ title: id ? t('editor.titleEdit') : t('editor.titleNew') });
    this.setData({
      pageStyle: fontScaleStyle(),
      id,
      labels: labelsOf(LABELS),
      coverHint: t('editor.coverHint', { max: fileSize(COVER_MAX_BYTES) }),
      schedule: {
        date: '',
        time: '',
        today: localDay(new Date()),
        zone: t('editor.scheduleZone', { zone: zoneLabel() }),
      },
      ...metaOf('', undefined, false),
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
      const { item, preview } = await newsGet(this.data.id);
      const form = toForm(item);
      this.setData({
        status: 'ready',
        errorMessage: '',
        form,
        tagLine: this.tagLine(form.tags),
        preview: { state: form.body.trim() ? 'ready' : 'empty', nodes: preview, message: '' },
        ...metaOf(item.status, item.publishAt, item.edited),
      });
    } catch (error) {
      if (isForbidden(error)) this.setData({ status: 'forbidden' });
      else this.setData({ status: 'error', errorMessage: errorMessage(error) });
    }
  },

  /** The public page's tag line: `#tag #tag`. */
  tagLine(text: string): string {
    return parseTags(text)
      .map((tag) => `#${tag}`)
      .join(' ');
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
    if (field === 'coverAlt') {
      this.setData({ 'form.cover.alt': value, 'errors.cover_alt': '' });
      return;
    }
    const update: Record<string, unknown> = { [`form.${field}`]: value, [`errors.${field}`]: '' };
    if (field === 'tags') update.tagLine = this.tagLine(value);
    this.setData(update);
    if (field === 'body') this.schedulePreview(value);
  },

  onPinned(event: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
    this.markDirty();
    this.setData({ 'form.pinned': Boolean(event.detail.value) });
  },

  async onChooseCover() {
    if (this.data.uploading) return;
    this.setData({ uploading: true, 'errors.cover': '' });
    try {
      const fileId = await chooseAndUploadCover();
      if (fileId) {
        this.markDirty();
        this.setData({ 'form.cover.fileId': fileId });
      }
    } catch (error) {
      this.setData({ 'errors.cover': error instanceof FileRejected ? error.message : t('upload.failed') });
    } finally {
      this.setData({ uploading: false });
    }
  },

  onRemoveCover() {
    this.markDirty();
    this.setData({
      form: { ...this.data.form, cover: { fileId: '', alt: '' } },
      'errors.cover': '',
      'errors.cover_alt': '',
    });
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

  // ---- schedule -----------------------------------------------------------------------------

  onScheduleDate(event: WechatMiniprogram.PickerChange) {
    this.setData({ 'schedule.date': String(event.detail.value), 'errors.at': '' });
  },

  onScheduleTime(event: WechatMiniprogram.PickerChange) {
    this.setData({ 'schedule.time': String(event.detail.value), 'errors.at': '' });
  },

  // ---- actions ------------------------------------------------------------------------------

  toSaveInput(): NewsSaveInput {
    const { form, id } = this.data;
    return {
      ...(id ? { id } : {}),
      title: form.title,
      summary: form.summary,
      body: form.body,
      tags: parseTags(form.tags),
      pinned: form.pinned,
      ...(form.cover.fileId ? { cover: { fileId: form.cover.fileId, alt: form.cover.alt } } : {}),
    };
  },

  /** Saves the editor's fields; the item's ID, or null after showing why it failed. */
  async persist(): Promise<string | null> {
    try {
      const { id, status } = await newsSave(this.toSaveInput());
      this.markSaved();
      if (!this.data.id) wx.setNavigationBarTitle({ title: t('editor.titleEdit') });
      this.setData({ id, errors: noErrors(FIELDS), ...metaOf(status, undefined, this.data.edited) });
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

  /** The item's state, the updated mark and its date, read back after a change. */
  async refreshState() {
    if (!this.data.id) return;
    try {
      const { item } = await newsGet(this.data.id);
      this.setData(metaOf(item.status, item.publishAt, item.edited));
    } catch {
      // The action itself succeeded and said so; the state line updates on the next open.
    }
  },

  /** Saves when there is something to save: a new item, or changes. */
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
      const result = await newsPublish(id);
      return t('editor.published', { sent: result.notifications.sent });
    });
  },

  onSchedule() {
    return this.act('schedule', async () => {
      const { date, time } = this.data.schedule;
      const at = fromLocal(date, time);
      if (!at) {
        this.setData({ 'errors.at': t('editor.scheduleMissing') });
        return null;
      }
      if (at.getTime() <= Date.now()) {
        this.setData({ 'errors.at': t('editor.scheduleInPast') });
        return null;
      }
      const id = await this.saved();
      if (!id) return null;
      const result = await newsPublish(id, at.toISOString());
      return t('editor.scheduled', { time: dateTime(result.publishAt) });
    });
  },

  onUnpublish() {
    return this.act('unpublish', async () => {
      const result = await newsUnpublish(this.data.id);
      return result.status === 'draft' ? t('editor.unscheduled') : t('editor.unpublished');
    });
  },

  async onDelete() {
    if (this.data.busy || !this.data.id) return;
    const { confirm } = await wx.showModal({
      title: t('editor.deleteConfirmTitle'),
      content: t('editor.deleteConfirm'),
      confirmText: t('common.delete'),
      confirmColor: '#d54941',
      cancelText: t('common.cancel'),
    });
    if (!confirm) return;
    this.setData({ busy: 'delete' });
    try {
      await newsDelete(this.data.id);
      this.markSaved();
      wx.showToast({ title: t('editor.deleted'), icon: 'none' });
      wx.navigateBack({ delta: 1 });
    } catch (error) {
      this.showFailure(error);
    } finally {
      this.setData({ busy: '' });
    }
  },
});
