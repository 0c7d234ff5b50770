import type { ContactCard, OfficeInfo, TimeDifference } from '../../contract/api/content';
import type { GeoPoint, WechatProfile } from '../../contract/models';
import { t } from '../../i18n/index';
import { contact } from '../../services/content';
import { fontScaleStyle } from '../../utils/font-scale';
import { loadingViewData, onPullDownRefresh, onRetry, showLoaded } from '../../utils/page-kit';
import { pageUrl, ROUTES } from '../../utils/routes';
import { enableShareMenu, shareMessage, shareTimeline } from '../../utils/share';
import { selectTab } from '../../utils/tab-bar';

/**
 * 联系 (tab): the International Relations Office and its contact person: e-mail to copy, a number
 * to call, the postal address to copy (and a map once staff have chosen the office's place), what
 * a reader in China needs to know (the time difference today, that Chinese is welcome and answered
 * in the app, how soon), the social-media presences with a link to copy and the official account
 * to open once staff have entered them, and the ways into 在线咨询 and 我的咨询.
 */

interface SocialRow {
  key: string;
  platform: string;
  description: string;
  accountName: string;
  /** A web address to copy: WeChat cannot open arbitrary web pages. */
  url: string;
  /** The official account's original ID, for `wx.openOfficialAccountProfile`. */
  username: string;
}

function toSocialRow(key: string, profile: WechatProfile): SocialRow {
  return {
    key,
    platform: profile.platform,
    description: profile.description,
    accountName: profile.accountName ?? '',
    url: profile.url ?? '',
    username: profile.username ?? '',
  };
}

const BEIJING_EXAMPLE_HOUR = 15;

/** The time difference told as a reader plans a call: how far behind, the other season, an example. */
function timeLines(difference: TimeDifference): string[] {
  const params = { hours: difference.hoursBehind, other: difference.otherSeasonHoursBehind };
  const danishHour = (BEIJING_EXAMPLE_HOUR - difference.hoursBehind + 24) % 24;
  return [
    t(difference.summerTime ? 'contact.timeSummer' : 'contact.timeWinter', params),
    t('contact.timeExample', { danish: `${String(danishHour).padStart(2, '0')}:00` }),
  ];
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
    timeLines: timeLines(card.timeDifference),
    responseText: t('contact.responseText', { days: card.responseWorkingDays }),
    social,
    // Only when no profile names an account or a link: the source gives none.
    socialHint: social.every((row) => !row.accountName && !row.url && !row.username)
      ? t('contact.socialHint')
      : '',
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
    timeLines: [] as string[],
    responseText: '',
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
      fromChinaTitle: t('contact.fromChinaTitle'),
      timeLabel: t('contact.timeLabel'),
      languageLabel: t('contact.languageLabel'),
      languageText: t('contact.languageText'),
      responseLabel: t('contact.responseLabel'),
      copyLink: t('contact.copyLink'),
      linkHint: t('contact.linkHint'),
      openOfficialAccount: t('contact.openOfficialAccount'),
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

  onCopyLink(event: WechatMiniprogram.BaseEvent<Record<string, never>, { url?: string }>) {
    const url = event.currentTarget.dataset.url;
    if (url) this.copy(url, t('contact.linkCopied'));
  },

  /** Opens the official account staff entered (WeChat allows it only on a tap, from base library 3.7.10). */
  onOpenOfficialAccount(event: WechatMiniprogram.BaseEvent<Record<string, never>, { username?: string }>) {
    const username = event.currentTarget.dataset.username;
    if (!username) return;
    if (typeof wx.openOfficialAccountProfile !== 'function') {
      wx.showToast({ title: t('contact.officialAccountUnsupported'), icon: 'none' });
      return;
    }
    // Leaving the account's page is the reader's choice, not an error to report.
    wx.openOfficialAccountProfile({ username, fail: () => undefined });
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
