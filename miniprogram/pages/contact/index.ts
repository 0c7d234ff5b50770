import type { ContactCard, OfficeInfo } from '../../contract/api/content';
import type { GeoPoint, SocialProfile } from '../../contract/models';
import { t } from '../../i18n/index';
import { contact } from '../../services/content';
import { fontScaleStyle } from '../../utils/font-scale';
import { loadingViewData, onPullDownRefresh, onRetry, showLoaded } from '../../utils/page-kit';
import { pageUrl, ROUTES } from '../../utils/routes';
import { enableShareMenu, shareMessage, shareTimeline } from '../../utils/share';
import { selectTab } from '../../utils/tab-bar';

/**
 * 联系 (tab): the International Relations Office and its contact person: e-mail to copy, a number
 * to call, the postal address to copy (and a map once staff have entered coordinates), the social-media
 * presences as the source describes them, and the ways into 在线咨询 and 我的咨询.
 */

interface SocialRow {
  key: string;
  platform: string;
  description: string;
  /** An account name or URL, where the source gives one. */
  handle: string;
}

function toSocialRow(key: string, profile: SocialProfile): SocialRow {
  return {
    key,
    platform: profile.platform,
    description: profile.description,
    handle: profile.accountName ?? profile.url ?? '',
  };
}

function toView(card: ContactCard) {
  const office: OfficeInfo = card.office;
  const social = [toSocialRow('linkedin', card.linkedin), toSocialRow('wechat', card.wechat)];
  return {
    office: {
      name: office.name,
      nameOriginal: office.nameOriginal,
      location: office.location,
      description: office.description,
    },
    person: {
      name: t('contact.personName', { name: card.name, salutation: card.salutation }),
      title: `${card.title}（${card.titleOriginal}）`,
    },
    email: card.email,
    phone: card.phone,
    address: { zh: card.address.zh, lines: card.address.linesOriginal },
    location: card.location,
    social,
    // Only when neither profile names an account: the source gives none.
    socialHint: social.every((row) => !row.handle) ? t('contact.socialHint') : '',
  };
}

Page({
  data: {
    ...loadingViewData(),
    office: { name: '', nameOriginal: '', location: '', description: '' },
    person: { name: '', title: '' },
    email: '',
    phone: { display: '', dial: '' },
    address: { zh: '', lines: [] as string[] },
    /** Set only once staff have entered the office's coordinates; the map button shows then. */
    location: null as GeoPoint | null,
    social: [] as SocialRow[],
    socialHint: '',
    labels: {
      officeTitle: t('contact.officeTitle'),
      person: t('contact.person'),
      email: t('contact.email'),
      phone: t('contact.phone'),
      address: t('contact.address'),
      addressOriginal: t('contact.addressOriginal'),
      copyEmail: t('contact.copyEmail'),
      call: t('contact.call'),
      copyAddress: t('contact.copyAddress'),
      addressHint: t('contact.addressHint'),
      openMap: t('contact.openMap'),
      social: t('contact.social'),
      enquiryTitle: t('contact.enquiryTitle'),
      enquiryHint: t('contact.enquiryHint'),
      visitTitle: t('contact.visitTitle'),
      visitHint: t('contact.visitHint'),
      mineTitle: t('contact.mineTitle'),
      mineHint: t('contact.mineHint'),
    },
  },

  onLoad() {
    this.setData({ pageStyle: fontScaleStyle() });
    enableShareMenu();
    return this.load();
  },

  onShow() {
    selectTab(this, 'contact');
  },

  onPullDownRefresh,
  onRetry,

  load(): Promise<void> {
    return showLoaded(this, { fresh: contact() }, (card) =>
      this.setData({ ...toView(card), status: 'ready', errorMessage: '' }),
    );
  },

  /** Clipboard and phone are privacy-scoped: the page's privacy popup asks first if needed. */
  copy(data: string, copied: string) {
    wx.setClipboardData({ data, success: () => wx.showToast({ title: copied, icon: 'none' }) });
  },

  onCopyEmail() {
    this.copy(this.data.email, t('contact.emailCopied'));
  },

  onCopyAddress() {
    this.copy(this.data.address.lines.join(', '), t('contact.addressCopied'));
  },

  onOpenMap() {
    const { location, office, address } = this.data;
    if (!location) return;
    // Closing the map is the user's choice, not an error to report.
    wx.openLocation({
      ...location,
      name: office.name,
      address: address.zh,
      scale: 16,
      fail: () => undefined,
    });
  },

  onCall() {
    // Cancelling the dialler is the user's choice, not an error to report.
    wx.makePhoneCall({ phoneNumber: this.data.phone.dial, fail: () => undefined });
  },

  onEnquire() {
    wx.navigateTo({ url: pageUrl(ROUTES.enquiryForm) });
  },

  onVisit() {
    wx.navigateTo({ url: pageUrl(ROUTES.enquiryForm, { kind: 'visit' }) });
  },

  onMine() {
    wx.navigateTo({ url: pageUrl(ROUTES.enquiryMine) });
  },

  onShareAppMessage() {
    return shareMessage(t('contact.shareTitle'), ROUTES.contact);
  },

  onShareTimeline() {
    return shareTimeline(t('contact.shareTitle'));
  },
});
