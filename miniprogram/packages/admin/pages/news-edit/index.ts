import type { NewsDetail, NewsSaveInput, StaffNewsStatus } from '../../../../contract/api/admin';
import type { RichTextNode } from '../../../../contract/api/content';
import { CATEGORIES } from '../../../../contract/constants';
import type { Category } from '../../../../contract/models';
import { newsSave as newsSaveRule } from '../../../../contract/rules';
import { formatDate } from '../../../../utils/date';
import { checked } from '../../../../utils/validate';
import { labelsOf, ruleTexts, t, type MessageKey } from '../../i18n/index';
import { newsDelete, newsGet, newsPublish, newsSave, newsUnpublish } from '../../services/admin';
import {
  chooseAndUploadCover,
  COVER_MAX_BYTES,
  FileRejected,
  pickImage,
  uploadImage,
} from '../../services/files';
import { draftBackup, type DraftStore } from '../../utils/draft-backup';
import { uploadEnded, watchUpload } from '../../utils/upload-watch';
import { editorData, editorPage } from '../../utils/editor';
import { dateTime, fileSize, fromLocal, localDay, localTime, zoneLabel } from '../../utils/format';
import {
  boldMarkdown,
  imageMarkdown,
  insertAt,
  insertBlock,
  isLinkTarget,
  linkMarkdown,
  prefixLine,
  type BodyEdit,
} from '../../utils/markdown-format';
import { NEWS_STATUS_THEME } from '../../utils/tags';

/**
 * The news editor (`?id=` edits an item, none writes a new one): title, summary, a Markdown body
 * written with a formatting toolbar (heading, bold, list, link, image uploaded into the body), with
 * a live preview rendered by the public pages' own renderer (`news.preview`, debounced: each call
 * is audited), cover image, tags, pinned; then save as draft, publish now (after a sheet showing
 * the item as readers will see it), schedule, withdraw or delete. Publishing or scheduling saves
 * the editor's changes first. A draft saves itself once typing pauses; every change is also kept
 * on the phone until it is saved, so leaving the page loses no text.
 */

/** Quiet time after the last change before a draft saves itself. */
const AUTOSAVE_DELAY_MS = 3000;
/** How much of the body the publish sheet shows. */
const OPENING_CHARS = 120;
/** Chinese characters: a public title or summary without any is probably not meant for readers yet. */
const CHINESE = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/;

type SaveState = '' | 'unsaved' | 'saving' | 'saved' | 'local' | 'failed';
type FormatKind = 'heading' | 'bold' | 'list' | 'link' | 'image';

/** The toolbar, in order: what each tool writes, its TDesign icon and its label. */
const TOOLS: readonly { format: FormatKind; icon: string; label: MessageKey }[] = [
  { format: 'heading', icon: 'typography', label: 'editor.formatHeading' },
  { format: 'bold', icon: 'textformat-bold', label: 'editor.formatBold' },
  { format: 'list', icon: 'bulletpoint', label: 'editor.formatList' },
  { format: 'link', icon: 'link', label: 'editor.formatLink' },
  { format: 'image', icon: 'image', label: 'editor.formatImage' },
];

/** Form fields that show a message; server keys map onto them (`cover.alt` → `cover_alt`). */
const FIELDS = [
  'title',
  'summary',
  'body',
  'category',
  'tags',
  'pinned',
  'cover',
  'cover_alt',
  'at',
] as const;

type TextField = 'title' | 'summary' | 'body' | 'tags' | 'coverAlt';

interface NewsForm {
  title: string;
  summary: string;
  body: string;
  /** '' until chosen: the function then files a new item under `other`. */
  category: Category | '';
  /** As typed: tags separated by commas. */
  tags: string;
  pinned: boolean;
  cover: { fileId: string; alt: string };
}

const EMPTY_FORM: NewsForm = {
  title: '',
  summary: '',
  body: '',
  category: '',
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
  category: 'editor.category',
  categoryPick: 'editor.categoryPick',
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
  toolbar: 'editor.toolbar',
  sheetTitle: 'editor.sheetTitle',
  sheetHint: 'editor.sheetHint',
  sheetOpening: 'editor.sheetOpening',
  sheetNotify: 'editor.sheetNotify',
  sheetConfirm: 'editor.sheetConfirm',
  sheetCancel: 'editor.sheetCancel',
  discardRestored: 'editor.discardRestored',
} as const;

/** Field labels, to name the fields to correct beside the action that failed. */
const FIELD_LABELS = {
  title: 'editor.title',
  summary: 'editor.summary',
  body: 'editor.body',
  category: 'editor.category',
  tags: 'editor.tags',
  cover: 'editor.cover',
  cover_alt: 'editor.coverAlt',
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

/** The plain text of rendered nodes (entities decoded), for the publish sheet's opening lines. */
function plainText(nodes: readonly RichTextNode[]): string {
  return nodes
    .map((node) => ('type' in node ? node.text : ` ${plainText(node.children ?? [])} `))
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function openingLines(nodes: readonly RichTextNode[]): string {
  const chars = [...plainText(nodes)];
  return chars.length > OPENING_CHARS ? `${chars.slice(0, OPENING_CHARS).join('')}…` : chars.join('');
}

/** The soft check: a public title or summary with text but no Chinese gets a warning, never a refusal. */
function noChineseWarning(text: string, key: 'editor.noChineseTitle' | 'editor.noChineseSummary'): string {
  return text.trim() && !CHINESE.test(text) ? t(key) : '';
}

function warningsOf(form: { title: string; summary: string }) {
  return {
    title: noChineseWarning(form.title, 'editor.noChineseTitle'),
    summary: noChineseWarning(form.summary, 'editor.noChineseSummary'),
  };
}

function scheduleLine(label: string, value: string): string {
  return t('editor.scheduleValue', { label, value: value || t('editor.schedulePick') });
}

function toForm(item: NewsDetail): NewsForm {
  return {
    title: item.title,
    summary: item.summary,
    body: item.body,
    category: item.category,
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
    /** A cover upload under way (`<upload-progress>`). */
    uploadShown: false,
    uploadPercent: 0,
    tagLine: '',
    /** The category picker: its choices, and each one's name and place for the chosen `form.category`. */
    categories: [] as { value: Category; label: string }[],
    categoryNames: {} as Record<string, string>,
    categoryIndexOf: {} as Record<string, number>,
    schedule: { date: '', time: '', today: '', zone: '', dateLine: '', timeLine: '' },
    coverHint: '',
    labels: {} as Record<keyof typeof LABELS, string>,
    /** Soft checks beside the fields: shown, never blocking. */
    warnings: { title: '', summary: '' },
    /** The toolbar's last problem (an invalid link, an image without a description), beside it. */
    toolbarError: '',
    imageUploading: false,
    tools: [] as { format: FormatKind; icon: string; label: string }[],
    saveState: '' as SaveState,
    saveStateLine: '',
    /** Changes kept on the phone that were put back on opening: their notice. */
    restoredLine: '',
    sheet: { visible: false, card: {} as Record<string, unknown>, opening: '' },
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
      return { form, tagLine: tagLineOf(form.tags), warnings: warningsOf(form) };
    },
    meta: (status, edited, item) => metaOf(status, item?.publishAt, edited),
    fieldLabels: FIELD_LABELS,
  }),

  /** Where the body's cursor was last (the textarea says so on input and blur); the end if unknown. */
  bodyCursor: -1,
  autosaveTimer: null as ReturnType<typeof setTimeout> | null,
  /** Counts changes, so a save answered after more typing does not mark that typing saved. */
  revision: 0,

  async onLoad(query: { id?: string }) {
    await this.open(query, {
      labels: labelsOf(LABELS),
      tools: TOOLS.map((tool) => ({ ...tool, label: t(tool.label) })),
      categories: CATEGORIES.map((value) => ({ value, label: t(`topics.${value}`) })),
      categoryNames: Object.fromEntries(CATEGORIES.map((value) => [value, t(`topics.${value}`)])),
      categoryIndexOf: Object.fromEntries(CATEGORIES.map((value, index) => [value, index])),
      coverHint: t('editor.coverHint', { max: fileSize(COVER_MAX_BYTES) }),
      schedule: {
        date: '',
        time: '',
        today: localDay(new Date()),
        zone: t('editor.scheduleZone', { zone: zoneLabel() }),
        dateLine: scheduleLine(t('editor.scheduleDate'), ''),
        timeLine: scheduleLine(t('editor.scheduleTime'), ''),
      },
    });
    if (this.data.status === 'ready') this.restoreBackup();
  },

  onHide() {
    this.keepOnPhone();
  },

  onUnload() {
    this.keepOnPhone();
    if (this.autosaveTimer !== null) clearTimeout(this.autosaveTimer);
    this.autosaveTimer = null;
    this.livePreview?.stop();
  },

  // ---- changes, autosave and the copy on the phone -------------------------------------------

  backup(): DraftStore<NewsForm> {
    return draftBackup<NewsForm>('news', this.data.id);
  },

  /** Puts back changes kept on the phone that were never saved, and says so. */
  restoreBackup() {
    const kept = this.backup().read();
    if (!kept || JSON.stringify(kept.form) === JSON.stringify(this.data.form)) return;
    const form = { ...EMPTY_FORM, ...kept.form, cover: { ...EMPTY_FORM.cover, ...kept.form.cover } };
    this.markDirty();
    this.setData({
      form,
      tagLine: tagLineOf(form.tags),
      warnings: warningsOf(form),
      restoredLine: t('editor.restored', { time: dateTime(kept.at) }),
    });
    this.setSaveState('unsaved');
    this.schedulePreview(form.body);
  },

  /** Drops the restored changes: the item as stored (or an empty form for a new one). */
  onDiscardRestored() {
    this.backup().clear();
    this.markSaved();
    this.setData({ restoredLine: '' });
    this.setSaveState('');
    if (this.data.id) {
      this.setData({ status: 'loading' });
      return this.load();
    }
    const form = { ...EMPTY_FORM, cover: { ...EMPTY_FORM.cover } };
    this.setData({ form, tagLine: '', warnings: warningsOf(form) });
    this.schedulePreview('');
    return undefined;
  },

  /** Keeps unsaved changes on the phone (leaving the page, the app going to the background). */
  keepOnPhone() {
    if (this.dirty) this.backup().write(this.data.form);
  },

  /** Every edit: marks the form changed and restarts the autosave countdown. */
  changed() {
    this.markDirty();
    this.revision += 1;
    this.setSaveState('unsaved');
    if (this.autosaveTimer !== null) clearTimeout(this.autosaveTimer);
    this.autosaveTimer = setTimeout(() => {
      this.autosaveTimer = null;
      void this.autosave();
    }, AUTOSAVE_DELAY_MS);
  },

  setSaveState(state: SaveState) {
    const line =
      state === 'saved'
        ? t('editor.saveStateSaved', { time: localTime(new Date()) })
        : state === ''
          ? ''
          : t(
              (
                {
                  unsaved: 'editor.saveStateUnsaved',
                  saving: 'editor.saveStateSaving',
                  local: 'editor.saveStateLocal',
                  failed: 'editor.saveStateFailed',
                } as const
              )[state],
            );
    this.setData({ saveState: state, saveStateLine: line });
  },

  /**
   * Typing paused: the changes go to the phone's storage, and a stored draft is saved as well. A
   * new item is only kept on the phone until someone saves it (no stray drafts from a keystroke);
   * a published or scheduled item is never changed for readers without a deliberate save.
   */
  async autosave() {
    if (!this.dirty) return;
    this.keepOnPhone();
    if (!this.data.id || this.data.itemStatus !== 'draft' || this.data.busy) {
      this.setSaveState('local');
      return;
    }
    const revision = this.revision;
    this.setData({ busy: 'autosave' });
    this.setSaveState('saving');
    try {
      await newsSave(checked(newsSaveRule, this.toSaveInput(), ruleTexts()));
      if (revision === this.revision) {
        this.markSaved();
        this.backup().clear();
        this.setSaveState('saved');
      } else {
        this.setSaveState('unsaved');
      }
    } catch {
      // Kept on the phone; the marked fields and the reason show when staff save deliberately.
      this.setSaveState('failed');
    } finally {
      this.setData({ busy: '' });
    }
  },

  /** After a deliberate save: nothing left to keep on the phone. */
  afterSave() {
    if (this.autosaveTimer !== null) clearTimeout(this.autosaveTimer);
    this.autosaveTimer = null;
    this.backup().clear();
    draftBackup<NewsForm>('news', '').clear();
    this.setData({ restoredLine: '' });
    this.setSaveState(this.dirty ? 'unsaved' : 'saved');
  },

  // ---- editing ------------------------------------------------------------------------------

  onInput(
    event: WechatMiniprogram.CustomEvent<
      { value?: string; cursor?: number },
      Record<string, never>,
      { field?: TextField }
    >,
  ) {
    const field = event.currentTarget.dataset.field;
    if (!field) return;
    const value = String(event.detail.value ?? '');
    this.changed();
    if (field === 'coverAlt') {
      this.setData({ 'form.cover.alt': value, 'errors.cover_alt': '' });
      return;
    }
    const update: Record<string, unknown> = { [`form.${field}`]: value, [`errors.${field}`]: '' };
    if (field === 'tags') update.tagLine = tagLineOf(value);
    if (field === 'title') update['warnings.title'] = noChineseWarning(value, 'editor.noChineseTitle');
    if (field === 'summary') update['warnings.summary'] = noChineseWarning(value, 'editor.noChineseSummary');
    this.setData(update);
    if (field === 'body') {
      this.bodyCursor = typeof event.detail.cursor === 'number' ? event.detail.cursor : value.length;
      this.schedulePreview(value);
    }
  },

  /** Leaving the body (e.g. for the toolbar): its cursor is where the toolbar writes. */
  onBodyBlur(event: WechatMiniprogram.CustomEvent<{ cursor?: number }>) {
    if (typeof event.detail.cursor === 'number') this.bodyCursor = event.detail.cursor;
  },

  onCategory(event: WechatMiniprogram.PickerChange) {
    const category = CATEGORIES[Number(event.detail.value)];
    if (!category) return;
    this.changed();
    this.setData({ 'form.category': category, 'errors.category': '' });
  },

  onPinned(event: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
    this.changed();
    this.setData({ 'form.pinned': Boolean(event.detail.value) });
  },

  // ---- the formatting toolbar ----------------------------------------------------------------

  /** Applies a body edit: the text, the cursor after it, the preview. */
  editBody(edit: BodyEdit) {
    this.changed();
    this.bodyCursor = edit.cursor;
    this.setData({ 'form.body': edit.body, 'errors.body': '', toolbarError: '' });
    this.schedulePreview(edit.body);
  },

  onFormat(event: WechatMiniprogram.BaseEvent<Record<string, never>, { format?: FormatKind }>) {
    const { body } = this.data.form;
    const cursor = this.bodyCursor;
    const format = event.currentTarget.dataset.format;
    if (format === 'link') return this.insertLink();
    if (format === 'image') return this.insertImage();
    if (format === 'heading') this.editBody(prefixLine(body, cursor, '## '));
    else if (format === 'list') this.editBody(prefixLine(body, cursor, '- '));
    else if (format === 'bold') this.editBody(insertAt(body, cursor, boldMarkdown(t('editor.boldText'))));
    return undefined;
  },

  /** A dialog with one line of input; the trimmed text, or null when cancelled. */
  async ask(title: string, placeholderText: string): Promise<string | null> {
    const answer = await wx.showModal({
      title,
      editable: true,
      placeholderText,
      confirmText: t('editor.dialogConfirm'),
      cancelText: t('editor.dialogCancel'),
    });
    return answer.confirm ? String(answer.content ?? '').trim() : null;
  },

  async insertLink() {
    const cursor = this.bodyCursor;
    const url = await this.ask(t('editor.linkTitle'), t('editor.linkPlaceholder'));
    if (url === null) return;
    if (!isLinkTarget(url)) {
      this.setData({ toolbarError: t('editor.linkInvalid') });
      return;
    }
    this.editBody(insertAt(this.data.form.body, cursor, linkMarkdown(t('editor.linkText'), url)));
  },

  /**
   * An image in the body: picked (compressed when large), described (the description is what screen
   * readers say, so it is required), uploaded to the news folder, and written as a Markdown image
   * with its `cloud://` file ID, which the content function turns into a URL for readers.
   */
  async insertImage() {
    if (this.data.imageUploading) return;
    const cursor = this.bodyCursor;
    this.setData({ toolbarError: '' });
    try {
      const image = await pickImage('body');
      if (!image) return;
      const alt = await this.ask(t('editor.imageAltTitle'), t('editor.imageAltPlaceholder'));
      if (alt === null) return;
      if (!alt) {
        this.setData({ toolbarError: t('editor.imageAltMissing') });
        return;
      }
      this.setData({ imageUploading: true });
      const fileId = await uploadImage(image, 'body');
      this.editBody(insertBlock(this.data.form.body, cursor, imageMarkdown(alt, fileId)));
      wx.showToast({ title: t('editor.imageInserted'), icon: 'none' });
    } catch (error) {
      this.setData({ toolbarError: error instanceof FileRejected ? error.message : t('upload.failed') });
    } finally {
      this.setData({ imageUploading: false });
    }
  },

  /** Stops the cover upload under way (`UploadTask.abort`). */
  cancelUpload: null as (() => void) | null,

  async onChooseCover() {
    if (this.data.uploading) return;
    this.setData({ uploading: true, 'errors.cover': '' });
    try {
      const fileId = await chooseAndUploadCover(watchUpload(this));
      if (fileId) {
        this.changed();
        this.setData({ 'form.cover.fileId': fileId });
      }
    } catch (error) {
      if (error instanceof FileRejected && error.cancelled)
        wx.showToast({ title: error.message, icon: 'none' });
      else
        this.setData({ 'errors.cover': error instanceof FileRejected ? error.message : t('upload.failed') });
    } finally {
      uploadEnded(this);
      this.setData({ uploading: false });
    }
  },

  onCancelUpload() {
    this.cancelUpload?.();
  },

  onRemoveCover() {
    this.changed();
    this.setData({
      form: { ...this.data.form, cover: { fileId: '', alt: '' } },
      'errors.cover': '',
      'errors.cover_alt': '',
    });
  },

  // ---- schedule -----------------------------------------------------------------------------

  onScheduleDate(event: WechatMiniprogram.PickerChange) {
    const date = String(event.detail.value);
    this.setData({
      'schedule.date': date,
      'schedule.dateLine': scheduleLine(t('editor.scheduleDate'), date),
      'errors.at': '',
    });
  },

  onScheduleTime(event: WechatMiniprogram.PickerChange) {
    const time = String(event.detail.value);
    this.setData({
      'schedule.time': time,
      'schedule.timeLine': scheduleLine(t('editor.scheduleTime'), time),
      'errors.at': '',
    });
  },

  // ---- actions ------------------------------------------------------------------------------

  toSaveInput(): NewsSaveInput {
    const { form, id } = this.data;
    return {
      ...(id ? { id } : {}),
      title: form.title,
      summary: form.summary,
      body: form.body,
      ...(form.category ? { category: form.category } : {}),
      tags: parseTags(form.tags),
      pinned: form.pinned,
      ...(form.cover.fileId ? { cover: { fileId: form.cover.fileId, alt: form.cover.alt } } : {}),
    };
  },

  /** Publish: saves first (a failure shows beside the button), then the sheet asks to confirm. */
  onPublish() {
    return this.act('publish', async () => {
      const id = await this.saved('publish');
      if (!id) return null;
      this.openSheet();
      return null;
    });
  },

  /** The item as readers will meet it: the news list's card, then the body's first lines. */
  openSheet() {
    const { form, previewDate, preview } = this.data;
    this.setData({
      sheet: {
        visible: true,
        card: {
          title: form.title,
          summary: form.summary,
          date: previewDate,
          pinned: form.pinned,
          tagLine: tagLineOf(form.tags),
          coverUrl: form.cover.fileId,
          coverAlt: form.cover.alt,
        },
        opening: openingLines(preview.nodes),
      },
    });
  },

  onSheetClose() {
    this.setData({ 'sheet.visible': false });
  },

  onSheetVisible(event: WechatMiniprogram.CustomEvent<{ visible: boolean }>) {
    if (!event.detail.visible) this.setData({ 'sheet.visible': false });
  },

  onConfirmPublish() {
    this.setData({ 'sheet.visible': false });
    return this.act('publish', async () => {
      const result = await newsPublish(this.data.id);
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
      const id = await this.saved('schedule');
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
