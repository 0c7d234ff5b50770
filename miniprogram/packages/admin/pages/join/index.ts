import { fontScaleStyle } from '../../../../utils/font-scale';
import { LANGS, labelsOf, refreshLang, setLang, t, type Lang } from '../../i18n/index';
import { staffRedeem } from '../../services/admin';
import { errorMessage, placeFieldErrors } from '../../utils/errors';
import { ROUTES } from '../../utils/routes';
import { ServiceError } from '../../../../services/cloud';

/**
 * Joining the staff with a colleague's invitation (opened from its share card, `?code=…`, or with
 * the code typed in): the caller is not staff yet, so this page calls only `staff.redeem`, then
 * goes to the staff home.
 */

const LABELS = {
  intro: 'join.intro',
  code: 'join.code',
  codePlaceholder: 'join.codePlaceholder',
  name: 'join.name',
  namePlaceholder: 'join.namePlaceholder',
  redeem: 'join.redeem',
} as const;

type Field = 'code' | 'name';
const FIELDS: readonly Field[] = ['code', 'name'];

/** What to say beside the code when the server refuses it. */
function codeMessage(error: unknown): string | null {
  if (!(error instanceof ServiceError)) return null;
  if (error.code === 'FORBIDDEN') return t('join.invalid');
  if (error.code === 'RATE_LIMITED') return t('join.tooMany');
  return null;
}

Page({
  data: {
    pageStyle: '',
    form: { code: '', name: '' },
    errors: { code: '', name: '' },
    busy: false,
    labels: {} as Record<keyof typeof LABELS, string>,
  },

  onLoad(query: Record<string, string | undefined>) {
    // The card speaks the inviter's language: the staff pages start in it (switchable on the home).
    const lang = LANGS.find((known: Lang) => known === query.lang);
    if (lang) setLang(lang);
    refreshLang();
    wx.setNavigationBarTitle({ title: t('join.title') });
    this.setData({
      pageStyle: fontScaleStyle(),
      labels: labelsOf(LABELS),
      'form.code': decodeURIComponent(query.code ?? ''),
    });
  },

  onInput(
    event: WechatMiniprogram.CustomEvent<{ value?: string }, Record<string, never>, { field?: Field }>,
  ) {
    const field = event.currentTarget.dataset.field;
    if (!field) return;
    this.setData({ [`form.${field}`]: String(event.detail.value ?? ''), [`errors.${field}`]: '' });
  },

  async onRedeem() {
    if (this.data.busy) return;
    const code = this.data.form.code.trim();
    const name = this.data.form.name.trim();
    this.setData({ busy: true, errors: { code: '', name: '' } });
    try {
      await staffRedeem(code, name);
      wx.showToast({ title: t('join.joined'), icon: 'success' });
      // Not back here: the staff home replaces the join page.
      wx.redirectTo({ url: ROUTES.home });
    } catch (error) {
      const refused = codeMessage(error);
      const { fields } = placeFieldErrors(error, FIELDS);
      if (refused) this.setData({ 'errors.code': refused });
      else if (Object.keys(fields).length > 0) this.setData({ errors: { code: '', name: '', ...fields } });
      else wx.showToast({ title: errorMessage(error), icon: 'none' });
    } finally {
      this.setData({ busy: false });
    }
  },
});
