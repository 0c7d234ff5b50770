import type { DocumentSummary, ProfileOutput } from '../../contract/api/content';
import type { ProfileSection } from '../../contract/models';
import { t } from '../../i18n/index';
import { cached } from '../../services/cache';
import { profile } from '../../services/content';
import { fontScaleStyle } from '../../utils/font-scale';
import { loadingViewData, onRetry, showLoaded } from '../../utils/page-kit';
import { asOf, sourceLine, type AsOf } from '../../utils/provenance';
import { pageUrl, ROUTES } from '../../utils/routes';
import { enableShareMenu, shareMessage, shareTimeline } from '../../utils/share';

/** Shared with the focus-area page: both read the profile. */
const PROFILE_CACHE_KEY = 'profile';

const EMPTY_SECTION: ProfileSection = { title: '', paragraphs: [] };

/**
 * Only what the page shows. It complements home rather than repeating it: the hero, the intro's
 * lead, the key facts, the timeline and the focus areas live on the home page; here are the rest
 * of the intro, who manages the relationship, the MoUs and the former Shanghai office.
 */
function toView(data: ProfileOutput) {
  const { contact, internationalOffice: office } = data;
  return {
    asOf: asOf(data.source.asOf, data.updatedAt),
    intro: data.intro.paragraphs.slice(1),
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
    sourceLine: sourceLine(data.source),
  };
}

Page({
  data: {
    ...loadingViewData(),
    labels: {
      introTitle: t('about.introTitle'),
      officeTitle: t('about.officeTitle'),
      contactTitle: t('about.contactTitle'),
    },
    asOf: { source: '', updated: '' } as AsOf,
    intro: [] as string[],
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
