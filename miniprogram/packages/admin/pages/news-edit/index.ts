import type { NewsDetail, NewsSaveInput, StaffNewsStatus } from '../../../../contract/api/admin';
import { newsSave as newsSaveRule } from '../../../../contract/rules';
import { formatDate } from '../../../../utils/date';
import { checked } from '../../../../utils/validate';
import { labelsOf, ruleTexts, t } from '../../i18n/index';
import { newsDelete, newsGet, newsPublish, newsSave, newsUnpublish } from '../../services/admin';
import { chooseAndUploadCover, COVER_MAX_BYTES, FileRejected } from '../../services/files';
import { editorData, editorPage } from '../../utils/editor';
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

/** The public page's tag line: `#tag #tag`. */
function tagLineOf(text: string): string {
  return parseTags(text)
    .map((tag) => `#${tag}`)
    .join(' ');
}

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
    ...editorData(FIELDS),
    ...metaOf('', undefined, false),
    form: { ...EMPTY_FORM, cover: { ...EMPTY_FORM.cover } },
    tagLine: '',
    schedule: { date: '', time: '', today: '', zone: '' },
    coverHint: '',
    labels: {} as Record<keyof typeof LABELS, string>,
  },

  ...editorPage<NewsDetail, StaffNewsStatus, NewsSaveInput>({
    texts: 'editor',
    fields: FIELDS,
    get: newsGet,
    // Checked by the function's own rules first: messages in the staff's language, no round trip.
    save: (input) => newsSave(checked(newsSaveRule, input, ruleTexts())),
    remove: newsDelete,
    view: (item) => {
      const form = toForm(item);
      return { form, tagLine: tagLineOf(form.tags) };
    },
    meta: (status, edited, item) => metaOf(status, item?.publishAt, edited),
  }),

  onLoad(query: { id?: string }) {
    return this.open(query, {
      labels: labelsOf(LABELS),
      coverHint: t('editor.coverHint', { max: fileSize(COVER_MAX_BYTES) }),
      schedule: {
        date: '',
        time: '',
        today: localDay(new Date()),
        zone: t('editor.scheduleZone', { zone: zoneLabel() }),
      },
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
    if (field === 'coverAlt') {
      this.setData({ 'form.cover.alt': value, 'errors.cover_alt': '' });
      return;
    }
    const update: Record<string, unknown> = { [`form.${field}`]: value, [`errors.${field}`]: '' };
    if (field === 'tags') update.tagLine = tagLineOf(value);
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
});
