import { t } from '../../../../i18n/index';
import { fontScaleStyle } from '../../../../utils/font-scale';
import { pageUrl, ROUTES } from '../../../../utils/routes';

/**
 * After a successful submission (opened by the form with `?id=…&status=…`): the reference number
 * (the enquiry's id), copyable, and the way to 我的咨询.
 */

Page({
  data: {
    pageStyle: '',
    id: '',
    description: '',
    labels: {
      title: t('enquiry.success.title'),
      reference: t('enquiry.success.reference'),
      referenceHint: t('enquiry.success.referenceHint'),
      copy: t('enquiry.success.copy'),
      mine: t('enquiry.success.mine'),
      home: t('enquiry.success.home'),
    },
  },

  onLoad(query: Record<string, string | undefined>) {
    // Enquiry ids are plain [A-Za-z0-9_-]: nothing to decode.
    const id = query.id ?? '';
    const description =
      query.status === 'pending_review' ? t('enquiry.success.pendingReview') : t('enquiry.success.received');
    this.setData({ pageStyle: fontScaleStyle(), id, description });
  },

  onCopy() {
    // The clipboard is a privacy-scoped API: the privacy popup on this page asks first if needed.
    wx.setClipboardData({
      data: this.data.id,
      success: () => wx.showToast({ title: t('enquiry.success.copied'), icon: 'none' }),
    });
  },

  onMine() {
    wx.redirectTo({ url: pageUrl(ROUTES.enquiryMine) });
  },

  onHome() {
    wx.switchTab({ url: pageUrl(ROUTES.home) });
  },
});
