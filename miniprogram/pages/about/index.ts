import type { DocumentSummary, ProfileOutput } from '../../contract/api/content';
import type { LocalizedName, ProfileSection } from '../../contract/models';
import type { ViewStatus } from '../../components/state-view/index';
import { t } from '../../i18n/index';
import { cached } from '../../services/cache';
import { ServiceError } from '../../services/cloud';
import { profile } from '../../services/content';
import { fontScaleStyle } from '../../utils/font-scale';
import { enableShareMenu, shareMessage, shareTimeline } from '../../utils/share';

const ROUTE = 'pages/about/index';
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
    pageStyle: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
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

  onRetry() {
    this.setData({ status: 'loading', errorMessage: '' });
    return this.load();
  },

  async load() {
    const { stale, fresh } = cached(PROFILE_CACHE_KEY, profile);
    if (stale) this.setData({ ...toView(stale), status: 'ready' });
    try {
      this.setData({ ...toView(await fresh), status: 'ready', errorMessage: '' });
    } catch (error) {
      const message = error instanceof ServiceError ? error.message : t('errors.INTERNAL');
      // Content already on screen stays; the failure is only news when there is nothing to show.
      if (this.data.status === 'ready') wx.showToast({ title: message, icon: 'none' });
      else this.setData({ status: 'error', errorMessage: message });
    }
  },

  onContact() {
    wx.switchTab({ url: '/pages/contact/index' });
  },

  onShareAppMessage() {
    return shareMessage(t('about.shareTitle'), ROUTE);
  },

  onShareTimeline() {
    return shareTimeline(t('about.shareTitle'));
  },
});
