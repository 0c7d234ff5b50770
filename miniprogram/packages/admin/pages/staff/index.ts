import type { StaffMember } from '../../../../contract/api/admin';
import { staffRename as staffRenameRule } from '../../../../contract/rules';
import { fontScaleStyle } from '../../../../utils/font-scale';
import type { AdminViewStatus } from '../../components/admin-state/index';
import { checked } from '../../../../utils/validate';
import { currentLang, labelsOf, refreshLang, ruleTexts, t } from '../../i18n/index';
import { staffAdd, staffInvite, staffList, staffRemove, staffRename, whoami } from '../../services/admin';
import { confirmDanger } from '../../utils/confirm';
import { errorMessage, isForbidden, placeFieldErrors } from '../../utils/errors';
import { dateTime } from '../../utils/format';
import { ROUTES } from '../../utils/routes';
import { onRetry } from '../../../../utils/page-kit';

/**
 * Staff members: the caller's own display name (set or changed here; someone added through
 * ADMIN_OPENIDS or by OPENID starts unnamed), inviting a colleague with a one-time code (shown, and
 * sent as a share card that opens the join page), who is staff by display name, adding one by
 * OPENID and removing one after a confirmation. The caller's OPENID stays as a small copyable line:
 * ADMIN_OPENIDS, adding by OPENID and the audit log still name people by it.
 */

interface StaffRow {
  openId: string;
  name: string;
  /** False: `name` is the dictionary's neutral label, not something a person wrote. */
  named: boolean;
  added: string;
  /** "Added by {who}" split around the name, which is marked as what people wrote. */
  addedBy: { before: string; who: string; after: string } | null;
  self: boolean;
}

const WHO = '\u0000';

function toRow(member: StaffMember): StaffRow {
  const [before = '', after = ''] = t('staff.addedBy', { who: WHO }).split(WHO);
  return {
    openId: member.openId,
    // Never a bare OPENID as a name: an unnamed member reads as a neutral label.
    name: member.name ?? t('staff.unnamed'),
    named: Boolean(member.name),
    added: t('staff.addedAt', { time: dateTime(member.addedAt) }),
    addedBy: member.addedByName ? { before, who: member.addedByName, after } : null,
    self: member.self,
  };
}

const LABELS = {
  you: 'staff.you',
  myName: 'staff.myName',
  myNamePlaceholder: 'staff.myNamePlaceholder',
  myNameHint: 'staff.myNameHint',
  unnamedPrompt: 'staff.unnamedPrompt',
  saveName: 'staff.saveName',
  copy: 'common.copy',
  list: 'staff.list',
  add: 'staff.add',
  openId: 'staff.openId',
  openIdPlaceholder: 'staff.openIdPlaceholder',
  name: 'staff.name',
  namePlaceholder: 'staff.namePlaceholder',
  addButton: 'staff.addButton',
  remove: 'staff.remove',
  invite: 'staff.invite',
  inviteHint: 'staff.inviteHint',
  inviteName: 'staff.inviteName',
  inviteNamePlaceholder: 'staff.inviteNamePlaceholder',
  inviteButton: 'staff.inviteButton',
  inviteCode: 'staff.inviteCode',
  inviteShare: 'staff.inviteShare',
} as const;

Page({
  data: {
    pageStyle: '',
    status: 'loading' as AdminViewStatus,
    errorMessage: '',
    me: '',
    myOpenId: '',
    /** The caller's own name as saved (`named` false: unnamed) and as being edited. */
    mine: { named: false, name: '', error: '', saving: false },
    items: [] as StaffRow[],
    form: { openId: '', name: '' },
    errors: { openId: '', name: '' },
    busy: false,
    invite: { name: '', error: '', code: '', expires: '' },
    labels: {} as Record<keyof typeof LABELS, string>,
  },

  onLoad() {
    refreshLang();
    wx.setNavigationBarTitle({ title: t('staff.title') });
    this.setData({ pageStyle: fontScaleStyle(), labels: labelsOf(LABELS) });
    return this.load();
  },

  onRetry,

  async load() {
    // whoami answers everyone: even a refused caller learns the OPENID to hand over.
    const [me, list] = await Promise.allSettled([whoami(), staffList()]);
    if (me.status === 'fulfilled') {
      const openId = me.value.openId ?? '';
      this.setData({ me: openId, myOpenId: openId ? t('staff.myOpenId', { openId }) : '' });
    }
    if (list.status === 'fulfilled') {
      const self = list.value.items.find((member) => member.self);
      this.setData({
        status: 'ready',
        errorMessage: '',
        items: list.value.items.map(toRow),
        mine: { named: Boolean(self?.name), name: self?.name ?? '', error: '', saving: false },
      });
    } else if (isForbidden(list.reason)) {
      this.setData({ status: 'forbidden', items: [] });
    } else {
      this.setData({ status: 'error', errorMessage: errorMessage(list.reason) });
    }
  },

  onCopyMine() {
    if (!this.data.me) return;
    wx.setClipboardData({
      data: this.data.me,
      success: () => wx.showToast({ title: t('common.copied'), icon: 'none' }),
    });
  },

  onMyName(event: WechatMiniprogram.CustomEvent<{ value?: string }>) {
    this.setData({ 'mine.name': String(event.detail.value ?? ''), 'mine.error': '' });
  },

  /** Saves the caller's display name, checked by the function's own rule first; the list follows. */
  async onSaveName() {
    if (this.data.busy) return;
    this.setData({ busy: true, 'mine.saving': true, 'mine.error': '' });
    try {
      const { name } = await staffRename(
        checked(staffRenameRule, { name: this.data.mine.name.trim() }, ruleTexts()).name,
      );
      const items = this.data.items.map((item) => (item.self ? { ...item, name, named: true } : item));
      this.setData({ items, mine: { named: true, name, error: '', saving: false } });
      wx.showToast({ title: t('staff.renamed'), icon: 'success' });
    } catch (error) {
      const { fields } = placeFieldErrors(error, ['name']);
      this.setData({ 'mine.error': fields.name ?? errorMessage(error) });
    } finally {
      this.setData({ busy: false, 'mine.saving': false });
    }
  },

  onInput(
    event: WechatMiniprogram.CustomEvent<
      { value?: string },
      Record<string, never>,
      { field?: 'openId' | 'name' }
    >,
  ) {
    const field = event.currentTarget.dataset.field;
    if (!field) return;
    this.setData({ [`form.${field}`]: String(event.detail.value ?? ''), [`errors.${field}`]: '' });
  },

  async onAdd() {
    if (this.data.busy) return;
    const { openId, name } = this.data.form;
    this.setData({ busy: true, errors: { openId: '', name: '' } });
    try {
      const result = await staffAdd(openId.trim(), name.trim() || undefined);
      wx.showToast({ title: result.added ? t('staff.added') : t('staff.alreadyStaff'), icon: 'none' });
      this.setData({ form: { openId: '', name: '' } });
      await this.load();
    } catch (error) {
      const { fields } = placeFieldErrors(error, ['openId', 'name']);
      if (Object.keys(fields).length > 0) this.setData({ errors: { openId: '', name: '', ...fields } });
      else wx.showToast({ title: errorMessage(error), icon: 'none' });
    } finally {
      this.setData({ busy: false });
    }
  },

  onInviteName(event: WechatMiniprogram.CustomEvent<{ value?: string }>) {
    this.setData({ 'invite.name': String(event.detail.value ?? ''), 'invite.error': '' });
  },

  async onInvite() {
    if (this.data.busy) return;
    this.setData({ busy: true, 'invite.error': '' });
    try {
      const { code, expiresAt } = await staffInvite(this.data.invite.name.trim());
      this.setData({
        'invite.code': code,
        'invite.expires': t('staff.inviteExpires', { time: dateTime(expiresAt) }),
      });
    } catch (error) {
      const { fields } = placeFieldErrors(error, ['name']);
      if (fields.name) this.setData({ 'invite.error': fields.name });
      else wx.showToast({ title: errorMessage(error), icon: 'none' });
    } finally {
      this.setData({ busy: false });
    }
  },

  onCopyInvite() {
    if (!this.data.invite.code) return;
    wx.setClipboardData({
      data: this.data.invite.code,
      success: () => wx.showToast({ title: t('common.copied'), icon: 'none' }),
    });
  },

  /**
   * The invitation card (from the share button): opens the join page, which a colleague who is not
   * staff may open, with the code filled in, in the language of the card's title (the colleague has
   * not chosen one yet, and cannot before joining).
   */
  onShareAppMessage() {
    const { code } = this.data.invite;
    const lang = `lang=${currentLang()}`;
    return {
      title: t('staff.inviteShareTitle'),
      path: code ? `${ROUTES.join}?code=${encodeURIComponent(code)}&${lang}` : `${ROUTES.join}?${lang}`,
    };
  },

  async onRemove(event: WechatMiniprogram.BaseEvent<Record<string, never>, { openId?: string }>) {
    const openId = event.currentTarget.dataset.openId;
    const member = this.data.items.find((item) => item.openId === openId);
    if (!member || this.data.busy) return;
    const confirmed = await confirmDanger(
      t('staff.removeConfirmTitle'),
      member.self ? t('staff.removeSelfConfirm') : t('staff.removeConfirm', { who: member.name }),
      t('staff.remove'),
    );
    if (!confirmed) return;
    this.setData({ busy: true });
    try {
      await staffRemove(member.openId);
      wx.showToast({ title: t('staff.removed'), icon: 'none' });
      await this.load();
    } catch (error) {
      wx.showToast({ title: errorMessage(error), icon: 'none' });
    } finally {
      this.setData({ busy: false });
    }
  },
});
