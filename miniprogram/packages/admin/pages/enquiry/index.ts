import type { EnquiryDetail } from '../../../../contract/api/admin';
import { REPLY_LANGUAGES } from '../../../../contract/constants';
import type { EnquiryStatus, ReplyLanguage } from '../../../../contract/models';
import { enquiriesReply as enquiriesReplyRule } from '../../../../contract/rules';
import { ServiceError } from '../../../../services/cloud';
import { fontScaleStyle } from '../../../../utils/font-scale';
import { checked } from '../../../../utils/validate';
import type { AdminViewStatus } from '../../components/admin-state/index';
import { labelsOf, refreshLang, ruleTexts, t } from '../../i18n/index';
import {
  enquiriesErase,
  enquiriesGet,
  enquiriesReply,
  enquiriesUpdate,
  translate,
  whoami,
} from '../../services/admin';
import { confirmDanger } from '../../utils/confirm';
import { errorMessage, isForbidden, placeFieldErrors } from '../../utils/errors';
import { chinaDay, dateTime, visitDays } from '../../utils/format';
import { ENQUIRY_STATUS_THEME } from '../../utils/tags';
import { onRetry } from '../../../../utils/page-kit';

/**
 * One enquiry: the sender's details, message and visit, a one-tap machine translation of the
 * message into English, the replies sent so far and a reply composer (written in Chinese, or in
 * English or Danish with a machine translation into Chinese to check and edit before sending), its
 * status new → in progress → closed with internal notes (who, when), and, on the person's request,
 * erasing everything of theirs.
 */

type Move = 'in_progress' | 'closed';
type Busy = '' | 'in_progress' | 'closed' | 'note' | 'erase' | 'reply';

const NEW_STATUSES: readonly EnquiryStatus[] = ['received', 'pending_review'];

const LABELS = {
  organization: 'enquiry.organization',
  jobTitle: 'enquiry.jobTitle',
  email: 'enquiry.email',
  phone: 'enquiry.phone',
  topic: 'enquiry.topic',
  message: 'enquiry.message',
  copyEmail: 'enquiry.copyEmail',
  call: 'enquiry.call',
  notes: 'enquiry.notes',
  noNotes: 'enquiry.noNotes',
  notePlaceholder: 'enquiry.notePlaceholder',
  start: 'enquiry.start',
  close: 'enquiry.close',
  addNote: 'enquiry.addNote',
  erase: 'enquiry.erase',
  reference: 'enquiry.reference',
  wechatId: 'enquiry.wechatId',
  visit: 'enquiry.visit',
  visitDates: 'enquiry.visitDates',
  groupSize: 'enquiry.groupSize',
  sectors: 'enquiry.sectors',
  institutions: 'enquiry.institutions',
  translate: 'enquiry.translate',
  translateFailed: 'enquiry.translateFailed',
  replies: 'enquiry.replies',
  noReplies: 'enquiry.noReplies',
  replyTitle: 'enquiry.replyTitle',
  replyHint: 'enquiry.replyHint',
  writeIn: 'enquiry.writeIn',
  translateToChinese: 'enquiry.translateToChinese',
  bodyLabel: 'enquiry.bodyLabel',
  bodyPlaceholder: 'enquiry.bodyPlaceholder',
  machineDraft: 'enquiry.machineDraft',
  staleTranslation: 'enquiry.staleTranslation',
  send: 'enquiry.send',
} as const;

/** The reply's fields as the rules name them: the Chinese `body`, and `original` in another language. */
const REPLY_FIELDS = ['body', 'original'] as const;

/** A machine translation shown beside what it translates. */
interface TranslationView {
  text: string;
  note: string;
}

function languageName(language: ReplyLanguage): string {
  return t(`languages.${language}`);
}

function translationView(text: string, provider: string): TranslationView {
  return { text, note: t('enquiry.translation', { provider }) };
}

/** A failed translation: too many at once says so; anything else is "unavailable, try later". */
function translationFailure(error: unknown): string {
  return error instanceof ServiceError && error.code === 'RATE_LIMITED'
    ? errorMessage(error)
    : t('enquiry.translateFailed');
}

interface NoteRow {
  key: string;
  text: string;
  by: string;
}

interface ReplyRow {
  key: string;
  body: string;
  by: string;
  original: string;
  originalNote: string;
}

function toView(item: EnquiryDetail, self: string) {
  const isNew = NEW_STATUSES.includes(item.status);
  return {
    enquiry: {
      id: item.id,
      name: item.name,
      organization: item.organization,
      title: item.title ?? '',
      email: item.email ?? '',
      phone: item.phone ?? '',
      topic: t(`topics.${item.topic}`),
      reference: item.ref,
      visitRequest: item.kind === 'visit',
      kind: t('enquiry.visitRequest'),
      wechatId: item.wechatId ?? '',
      visit: item.visit
        ? {
            dates: visitDays(item.visit.from, item.visit.to),
            groupSize: t('enquiry.groupSizeValue', { count: item.visit.groupSize }),
            sectors: (item.visit.sectors ?? []).map((sector) => t(`topics.${sector}`)).join(' · '),
            institutions: item.visit.institutions ?? '',
          }
        : null,
      message: item.message,
      submitted: t('enquiry.submittedAt', { time: dateTime(item.createdAt) }),
      consent: t('enquiry.consent', { version: item.consentNoticeVersion, time: dateTime(item.consentAt) }),
      retain: t('enquiry.retainUntil', { date: chinaDay(item.retainUntil) }),
    },
    itemStatus: item.status,
    statusLabel: t(`statuses.enquiry.${item.status}`),
    statusTheme: ENQUIRY_STATUS_THEME[item.status],
    // new → in progress or closed; in progress → closed; a note can join any move, or stand alone.
    canStart: isNew,
    canClose: item.status !== 'closed',
    canNoteOnly: !isNew,
    notes: item.notes.map((note, index) => ({
      key: `${index}`,
      text: note.text,
      by: t('enquiry.noteBy', {
        time: dateTime(note.at),
        by: note.by === self ? t('staff.you') : note.author || t('staff.unnamed'),
      }),
    })),
    replies: item.replies.map((reply): ReplyRow => ({
      key: reply.id,
      body: reply.body,
      by: t('enquiry.replyBy', { time: dateTime(reply.at), by: reply.author }),
      original: reply.original?.text ?? '',
      originalNote: reply.original
        ? t('enquiry.replyOriginal', { language: languageName(reply.original.language) })
        : '',
    })),
  };
}

Page({
  data: {
    pageStyle: '',
    status: 'loading' as AdminViewStatus,
    errorMessage: '',
    emptyText: '',
    id: '',
    enquiry: null as ReturnType<typeof toView>['enquiry'] | null,
    itemStatus: '' as EnquiryStatus | '',
    statusLabel: '',
    statusTheme: 'default',
    canStart: false,
    canClose: false,
    canNoteOnly: false,
    notes: [] as NoteRow[],
    note: '',
    noteError: '',
    replies: [] as ReplyRow[],
    /** The message in English, once asked for. */
    messageTranslation: null as TranslationView | null,
    translatingMessage: false,
    /** The reply being written: its language, the text in it (en/da), and the Chinese the sender reads. */
    replyLanguage: 'zh' as ReplyLanguage,
    replyLanguages: [] as { value: ReplyLanguage; label: string }[],
    replyOriginal: '',
    replyBody: '',
    /** The original text the Chinese was machine-translated from ('' when written by hand). */
    translatedFrom: '',
    translatingReply: false,
    replyErrors: { body: '', original: '' },
    originalLabel: '',
    originalPlaceholder: '',
    busy: '' as Busy,
    labels: {} as Record<keyof typeof LABELS, string>,
  },

  /** The caller's OPENID, to show their own notes as theirs. */
  self: '',

  onLoad(query: { id?: string }) {
    refreshLang();
    wx.setNavigationBarTitle({ title: t('enquiry.title') });
    const id = query.id ? decodeURIComponent(query.id) : '';
    this.setData({
      pageStyle: fontScaleStyle(),
      id,
      labels: labelsOf(LABELS),
      replyLanguages: REPLY_LANGUAGES.map((value) => ({ value, label: languageName(value) })),
    });
    if (!id) {
      this.setData({ status: 'empty', emptyText: t('errors.NOT_FOUND') });
      return undefined;
    }
    return this.load();
  },

  onRetry,

  async load() {
    try {
      const [item] = await Promise.all([enquiriesGet(this.data.id), this.learnSelf()]);
      this.setData({ status: 'ready', errorMessage: '', ...toView(item, this.self) });
    } catch (error) {
      if (isForbidden(error)) this.setData({ status: 'forbidden', enquiry: null });
      else if (error instanceof ServiceError && error.code === 'NOT_FOUND') {
        // Erased or expired: retrying cannot help.
        this.setData({ status: 'empty', emptyText: errorMessage(error) });
      } else this.setData({ status: 'error', errorMessage: errorMessage(error) });
    }
  },

  async learnSelf() {
    if (this.self) return;
    try {
      this.self = (await whoami()).openId ?? '';
    } catch {
      // Notes then show every author by name, the caller's own included.
    }
  },

  onNoteInput(event: WechatMiniprogram.CustomEvent<{ value?: string }>) {
    this.setData({ note: String(event.detail.value ?? ''), noteError: '' });
  },

  onStart() {
    return this.move('in_progress');
  },

  onClose() {
    return this.move('closed');
  },

  /** A note on its own keeps the status (allowed once the enquiry is being handled). */
  onAddNote() {
    if (!this.data.note.trim()) {
      this.setData({ noteError: t('enquiry.noteRequired') });
      return undefined;
    }
    const status = this.data.itemStatus;
    if (status !== 'in_progress' && status !== 'closed') return undefined;
    return this.move(status, 'note');
  },

  async move(status: Move, busy: Busy = status) {
    if (this.data.busy) return;
    const note = this.data.note.trim();
    this.setData({ busy, noteError: '' });
    try {
      const moved = await enquiriesUpdate({ id: this.data.id, status, ...(note ? { note } : {}) });
      wx.showToast({
        title:
          busy === 'note'
            ? t('enquiry.noteAdded')
            : t('enquiry.moved', { status: t(`statuses.enquiry.${moved.status}`) }),
        icon: 'none',
      });
      this.setData({ note: '' });
      await this.load();
    } catch (error) {
      const { fields } = placeFieldErrors(error, ['note']);
      if (fields.note) this.setData({ noteError: fields.note });
      else wx.showToast({ title: errorMessage(error), icon: 'none' });
    } finally {
      this.setData({ busy: '' });
    }
  },

  /** The sender's message in English, by machine, for staff who read no Chinese. */
  async onTranslateMessage() {
    const message = this.data.enquiry?.message;
    if (!message || this.data.translatingMessage) return;
    this.setData({ translatingMessage: true });
    try {
      const result = await translate({ text: message, to: 'en', from: 'zh' });
      this.setData({ messageTranslation: translationView(result.text, result.provider) });
    } catch (error) {
      // Reading and replying go on without it.
      wx.showToast({ title: translationFailure(error), icon: 'none' });
    } finally {
      this.setData({ translatingMessage: false });
    }
  },

  onReplyLanguage(event: WechatMiniprogram.BaseEvent<Record<string, never>, { value?: ReplyLanguage }>) {
    const language = event.currentTarget.dataset.value;
    if (!language || language === this.data.replyLanguage) return;
    const name = languageName(language);
    this.setData({
      replyLanguage: language,
      originalLabel: t('enquiry.originalLabel', { language: name }),
      originalPlaceholder: t('enquiry.originalPlaceholder', { language: name }),
      replyErrors: { body: '', original: '' },
    });
  },

  onReplyOriginalInput(event: WechatMiniprogram.CustomEvent<{ value?: string }>) {
    this.setData({ replyOriginal: String(event.detail.value ?? ''), 'replyErrors.original': '' });
  },

  onReplyBodyInput(event: WechatMiniprogram.CustomEvent<{ value?: string }>) {
    this.setData({ replyBody: String(event.detail.value ?? ''), 'replyErrors.body': '' });
  },

  /** A machine translation of the staff member's text into Chinese, put in the Chinese box to edit. */
  async onTranslateReply() {
    const original = this.data.replyOriginal.trim();
    const from = this.data.replyLanguage;
    if (this.data.translatingReply || from === 'zh') return;
    if (!original) {
      this.setData({ 'replyErrors.original': t('enquiry.originalRequired') });
      return;
    }
    this.setData({ translatingReply: true });
    try {
      const result = await translate({ text: original, to: 'zh', from });
      this.setData({ replyBody: result.text, translatedFrom: original, 'replyErrors.body': '' });
    } catch (error) {
      wx.showToast({ title: translationFailure(error), icon: 'none' });
    } finally {
      this.setData({ translatingReply: false });
    }
  },

  /** Sends the Chinese text, with what staff wrote when they wrote in another language. */
  async onSendReply() {
    if (this.data.busy) return;
    const { replyLanguage, replyOriginal, replyBody } = this.data;
    const original =
      replyLanguage !== 'zh' && replyOriginal.trim()
        ? { original: { text: replyOriginal, language: replyLanguage } }
        : {};
    this.setData({ busy: 'reply', replyErrors: { body: '', original: '' } });
    try {
      const input = checked(
        enquiriesReplyRule,
        { id: this.data.id, body: replyBody, ...original },
        ruleTexts(),
      );
      await enquiriesReply(input);
      wx.showToast({ title: t('enquiry.sent'), icon: 'none' });
      this.setData({ replyOriginal: '', replyBody: '', translatedFrom: '' });
      await this.load();
    } catch (error) {
      const { fields, unplaced } = placeFieldErrors(error, REPLY_FIELDS);
      if (fields.body || fields.original)
        this.setData({ replyErrors: { body: fields.body ?? '', original: fields.original ?? '' } });
      else wx.showToast({ title: unplaced[0] ?? errorMessage(error), icon: 'none' });
    } finally {
      this.setData({ busy: '' });
    }
  },

  onCopyEmail() {
    const email = this.data.enquiry?.email;
    if (email) wx.setClipboardData({ data: email });
  },

  onCall() {
    const phone = this.data.enquiry?.phone;
    // Cancelling the dialler is the staff member's choice, not an error to report.
    if (phone) wx.makePhoneCall({ phoneNumber: phone.replace(/[\s-]/g, ''), fail: () => undefined });
  },

  /** Deletes all of the sender's data, on their request, after an explicit confirmation. */
  async onErase() {
    if (this.data.busy) return;
    if (!(await confirmDanger(t('enquiry.eraseConfirmTitle'), t('enquiry.eraseConfirm')))) return;
    this.setData({ busy: 'erase' });
    try {
      const result = await enquiriesErase(this.data.id);
      wx.showToast({
        title: t('enquiry.erased', { enquiries: result.enquiries, subscriptions: result.subscriptions }),
        icon: 'none',
      });
      this.setData({ status: 'empty', emptyText: t('enquiry.erasedState'), enquiry: null, notes: [] });
    } catch (error) {
      wx.showToast({ title: errorMessage(error), icon: 'none' });
    } finally {
      this.setData({ busy: '' });
    }
  },
});
