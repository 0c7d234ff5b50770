import type { ProfileOutput } from '../../contract/api/content';
import type { FocusAreaId } from '../../contract/models';
import { t } from '../../i18n/index';
import { cached } from '../../services/cache';
import { profile } from '../../services/content';
import { toFocusAreaLink, type FocusAreaLink } from '../../utils/focus-area';
import { fontScaleStyle } from '../../utils/font-scale';
import { loadingViewData, onRetry, showLoaded } from '../../utils/page-kit';
import { asOf, type AsOf } from '../../utils/provenance';
import { pageUrl, ROUTES } from '../../utils/routes';
import { enableShareMenu, shareMessage, shareTimeline } from '../../utils/share';

/** Shared with 关于大区: both read the profile. */
const PROFILE_CACHE_KEY = 'profile';
/** The focus area of knowledge exchange and visits, which also offers a 来访申请. */
const VISIT_AREA: FocusAreaId = 'knowledge';

Page({
  data: {
    ...loadingViewData(),
    emptyText: '',
    labels: {
      enquire: t('focusArea.enquire'),
      visit: t('focusArea.visit'),
      otherAreas: t('focusArea.otherAreas'),
    },
    visitArea: VISIT_AREA,
    area: { id: '', title: '', titleOriginal: '', icon: '', paragraphs: [] as string[] },
    // The area's text is the profile's: as current as the profile says.
    asOf: { source: '', updated: '' } as AsOf,
    others: [] as FocusAreaLink[],
  },

  areaId: '',

  onLoad(query: { id?: string }) {
    this.areaId = query.id ?? '';
    this.setData({ pageStyle: fontScaleStyle() });
    enableShareMenu();
    return this.load();
  },

  onRetry,

  load() {
    return showLoaded(this, cached(PROFILE_CACHE_KEY, profile), (data) => this.show(data));
  },

  show(data: ProfileOutput) {
    const area = data.focusAreas.find((candidate) => candidate.id === this.areaId);
    if (!area) {
      this.setData({ status: 'empty', emptyText: t('focusArea.notFound') });
      return;
    }
    wx.setNavigationBarTitle({ title: area.title });
    this.setData({
      status: 'ready',
      errorMessage: '',
      area: {
        id: area.id,
        title: area.title,
        titleOriginal: area.titleOriginal,
        icon: area.icon,
        paragraphs: area.paragraphs,
      },
      asOf: asOf(data.source.asOf, data.updatedAt),
      others: data.focusAreas.filter((other) => other.id !== area.id).map(toFocusAreaLink),
    });
  },

  /** The enquiry form, with this area's topic preselected (focus-area ids are enquiry topics). */
  onEnquire() {
    wx.navigateTo({ url: pageUrl(ROUTES.enquiryForm, { topic: this.data.area.id }) });
  },

  /** 来访申请, from the area of knowledge exchange and visits. */
  onVisit() {
    wx.navigateTo({ url: pageUrl(ROUTES.enquiryForm, { kind: 'visit', topic: this.data.area.id }) });
  },

  onShareAppMessage() {
    return shareMessage(this.shareTitle(), ROUTES.focusArea, { id: this.areaId });
  },

  onShareTimeline() {
    return shareTimeline(this.shareTitle(), { id: this.areaId });
  },

  shareTitle(): string {
    return this.data.area.title
      ? t('focusArea.shareTitle', { title: this.data.area.title })
      : t('focusArea.title');
  },
});
