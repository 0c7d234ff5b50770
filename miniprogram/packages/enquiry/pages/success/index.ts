import { t } from '../../../../i18n/index';
import { fontScaleStyle } from '../../../../utils/font-scale';
import { pageUrl, ROUTES } from '../../../../utils/routes';
import { subscribeToReplies } from '../../utils/reply-subscription';

/**
 * After a successful submission (opened by the form with `?id=…&ref=…&status=…`): the reference
 * to read out on the phone (`CDR-…`), copyable, the offer to be notified of the office's reply,
 * and the ways on to the enquiry and to 我的咨询.
 */

/** A reference as the function makes them; anything else in the query is not shown. */
const REF_PATTERN = /^CDR-\d{8}-\d{3,}$/;

Page({
  data: {
    pageStyle: '',
    id: '',
    reference: '',
    description: '',
    subscribing: false,
    subscribed: false,
    labels: {
      title: t('enquiry.success.title'),
      reference: t('enquiry.success.reference'),
      referenceHint: t('enquiry.success.referenceHint'),
      copy: t('enquiry.success.copy'),
      subscribe: t('enquiry.subscribe.button'),
      subscribeHint: t('enquiry.subscribe.hint'),
      subscribed: t('enquiry.subscribe.subscribed'),
      detail: t('enquiry.success.detail'),
      mine: t('enquiry.success.mine'),
      home: t('enquiry.success.home'),
    },
  },

  onLoad(query: Record<string, string | undefined>) {
    // Enquiry ids are plain [A-Za-z0-9_-] and references CDR-digits-digits: nothing to decode.
    const id = query.id ?? '';
    const reference = REF_PATTERN.test(query.ref ?? '') ? (query.ref as string) : '';
    const description =
      query.status === 'pending_review' ? t('enquiry.success.pendingReview') : t('enquiry.success.received');
    this.setData({ pageStyle: fontScaleStyle(), id, reference, description });
  },

  onCopy() {
    // The clipboard is a privacy-scoped API: the privacy popup on this page asks first if needed.
    wx.setClipboardData({
      data: this.data.reference,
      success: () => wx.showToast({ title: t('enquiry.success.copied'), icon: 'none' }),
    });
  },

  async onSubscribe() {
    if (this.data.subscribing || !this.data.id) return;
    this.setData({ subscribing: true });
    try {
      const result = await subscribeToReplies(this.data.id);
      if (result.subscribed) this.setData({ subscribed: true });
      wx.showToast({ title: result.message, icon: 'none' });
    } finally {
      this.setData({ subscribing: false });
    }
  },

  onDetail() {
    wx.redirectTo({ url: pageUrl(ROUTES.enquiryDetail, { id: this.data.id }) });
  },

  onMine() {
    wx.redirectTo({ url: pageUrl(ROUTES.enquiryMine) });
  },

  onHome() {
    wx.switchTab({ url: pageUrl(ROUTES.home) });
  },
});
