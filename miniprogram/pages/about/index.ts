import type { DocumentSummary, ProfileOutput } from '../../contract/api/content';
import type { LocalizedName, ProfileSection } from '../../contract/models';
import { t } from '../../i18n/index';
import { cached } from '../../services/cache';
import { profile } from '../../services/content';
import { fontScaleStyle } from '../../utils/font-scale';
import { loadingViewData, onRetry, showLoaded } from '../../utils/page-kit';
import { pageUrl, ROUTES } from '../../utils/routes';
import { enableShareMenu, shareMessage, shareTimeline } from '../../utils/share';

/** Shared with the focus-area page: both read the profile. */
const PROFILE_CACHE_KEY = 'profile';

const EMPTY_SECTION: ProfileSection = { title: '', paragraphs: [] };

/** Only what the page shows: the profile's timeline and focus areas live on the home page. */
function toView(data: ProfileOutput) {
  const { contact, internationalOffice: office } = data;
  return {
    name: data.name,
    partnerLine: t('home.heroPartner', { partner: data.partner.zh }),
    intro: data.intro,
    office: { ...office, locationLine: t('about.officeLocation', { location: office.location }) },
    representativeOffice: data.representativeOffice,
    agreements: {
      title: data.agreements.title,
      paragraphs: data.agreements.paragraphs,
      documents: data.agreements.documents,
    },
    contactLine: t('about.contactDescription', {
      name: contact.name,
      salutation: contact.salutation,
      title: contact.title,
    }),
    sourceLine: t('about.source', { source: data.source.note || data.source.title }),
  };
}

Page({
  data: {
    ...loadingViewData(),
    labels: { contactTitle: t('about.contactTitle') },
    name: { zh: '', original: '' } as LocalizedName,
    partnerLine: '',
    intro: EMPTY_SECTION,
    office: { name: '', nameOriginal: '', location: '', description: '', locationLine: '' },
    representativeOffice: EMPTY_SECTION,
    agreements: { ...EMPTY_SECTION, documents: [] as DocumentSummary[] },
    contactLine: '',
    sourceLine: '',
  },

  onLoad() {
    this.setData({ pageStyle: fontScaleStyle() });
    enableShareMenu();
    return this.load();
  },

  onRetry,

  load() {
    return showLoaded(this, cached(PROFILE_CACHE_KEY, profile), (data) =>
      this.setData({ ...toView(data), status: 'ready', errorMessage: '' }),
    );
  },

  onContact() {
    wx.switchTab({ url: pageUrl(ROUTES.contact) });
  },

  onShareAppMessage() {
    return shareMessage(t('about.shareTitle'), ROUTES.about);
  },

  onShareTimeline() {
    return shareTimeline(t('about.shareTitle'));
  },
});
