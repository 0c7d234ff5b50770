import type { EnquiryDetail } from '../../../../contract/api/admin';
import type { EnquiryStatus } from '../../../../contract/models';
import { ServiceError } from '../../../../services/cloud';
import { fontScaleStyle } from '../../../../utils/font-scale';
import type { AdminViewStatus } from '../../components/admin-state/index';
import { labelsOf, refreshLang, t } from '../../i18n/index';
import { enquiriesErase, enquiriesGet, enquiriesUpdate, whoami } from '../../services/admin';
import { confirmDanger } from '../../utils/confirm';
import { errorMessage, isForbidden, placeFieldErrors } from '../../utils/errors';
import { chinaDay, dateTime } from '../../utils/format';
import { ENQUIRY_STATUS_THEME } from '../../utils/tags';
import { onRetry } from '../../../../utils/page-kit';

/**
 * One enquiry: the sender's details and message, its status new → in progress → closed with
 * internal notes (who, when), and, on the person's request, erasing everything of theirs.
 */

type Move = 'in_progress' | 'closed';
type Busy = '' | 'in_progress' | 'closed' | 'note' | 'erase';

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
} as const;

interface NoteRow {
  key: string;
  text: string;
  by: string;
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
        by: note.by === self ? t('staff.you') : note.by,
      }),
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
    busy: '' as Busy,
    labels: {} as Record<keyof typeof LABELS, string>,
  },

  /** The caller's OPENID, to show their own notes as theirs. */
  self: '',

  onLoad(query: { id?: string }) {
    refreshLang();
    wx.setNavigationBarTitle({ title: t('enquiry.title') });
    const id = query.id ? decodeURIComponent(query.id) : '';
    this.setData({ pageStyle: fontScaleStyle(), id, labels: labelsOf(LABELS) });
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
      // Notes then show every author by OPENID, the caller's own included.
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
