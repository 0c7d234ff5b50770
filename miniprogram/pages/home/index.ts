import type { Cover, HomeOutput, OpportunityListItem } from '../../contract/api/content';
import type { KeyFact } from '../../contract/models';
import { t } from '../../i18n/index';
import { cached } from '../../services/cache';
import { home } from '../../services/content';
import { displayDate } from '../../utils/date';
import { toFocusAreaLink, type FocusAreaLink } from '../../utils/focus-area';
import { fontScaleStyle } from '../../utils/font-scale';
import { loadingViewData, onPullDownRefresh, onRetry, showLoaded } from '../../utils/page-kit';
import { toNewsCard, type NewsCardItem } from '../../utils/news';
import { asOf, type AsOf } from '../../utils/provenance';
import { pageUrl, ROUTES } from '../../utils/routes';
import { enableShareMenu, shareMessage, shareTimeline } from '../../utils/share';
import { selectTab } from '../../utils/tab-bar';
import { availabilityText, canTakePart } from '../../utils/opportunity';

const CACHE_KEY = 'home';

interface TimelineItem {
  key: string;
  dateLabel: string;
  title: string;
  description: string;
}

interface OpportunityCard {
  id: string;
  title: string;
  summary: string;
  date: string;
  open: boolean;
  status: string;
  url: string;
}

function toOpportunityCard(item: OpportunityListItem): OpportunityCard {
  return {
    id: item.id,
    title: item.title,
    summary: item.summary,
    date: displayDate(item.publishedAt, item.dateLabel),
    open: canTakePart(item.availability),
    status: availabilityText(item.availability, item.deadline),
    url: pageUrl(ROUTES.opportunityDetail, { id: item.id }),
  };
}

/** The page's data for a `home` answer: formatted once, nothing the template does not show. */
function toView(data: HomeOutput) {
  const { contact } = data;
  return {
    hero: {
      name: data.hero.name.zh,
      original: data.hero.name.original,
      partnerLine: t('home.heroPartner', { partner: data.hero.partner.zh }),
      // Staff upload these in the profile editor; until then the hero is the brand colour alone.
      image: data.hero.image,
      logo: data.hero.logo,
    },
    intro: data.intro,
    asOf: asOf(data.sourceAsOf, data.updatedAt),
    keyFacts: data.keyFacts,
    timeline: data.timeline.map<TimelineItem>((entry, index) => ({
      key: `${entry.year}-${index}`,
      dateLabel: entry.dateLabel,
      title: entry.title,
      description: entry.description,
    })),
    focusAreas: data.focusAreas.map(toFocusAreaLink),
    news: data.latestNews.map(toNewsCard),
    opportunities: data.featuredOpportunities.map(toOpportunityCard),
    // The office and the person's title stay apart: the source names the title, not whose secretariat.
    contactTitle: t('home.contactTitle', { office: contact.office }),
    contactLine: t('home.contactLine', {
      name: contact.name,
      salutation: contact.salutation,
      title: contact.title,
    }),
  };
}

Page({
  data: {
    ...loadingViewData(),
    labels: {
      heroBadge: t('home.heroBadge'),
      keyFacts: t('home.keyFacts'),
      timeline: t('home.timeline'),
      focusAreas: t('home.focusAreas'),
      latestNews: t('home.latestNews'),
      featuredOpportunities: t('home.featuredOpportunities'),
      viewAll: t('home.viewAll'),
      aboutTitle: t('home.aboutTitle'),
      aboutDescription: t('home.aboutDescription'),
      visitTitle: t('home.visitTitle'),
      visitDescription: t('home.visitDescription'),
    },
    visitUrl: pageUrl(ROUTES.enquiryForm, { kind: 'visit' }),
    // The hero shows the region's name from the first frame, before any data.
    hero: {
      name: t('app.name'),
      original: '',
      partnerLine: '',
      image: null as Cover | null,
      logo: null as Cover | null,
    },
    intro: { title: '', lead: '' },
    asOf: { source: '', updated: '' } as AsOf,
    keyFacts: [] as KeyFact[],
    timeline: [] as TimelineItem[],
    focusAreas: [] as FocusAreaLink[],
    news: [] as NewsCardItem[],
    opportunities: [] as OpportunityCard[],
    contactTitle: '',
    contactLine: '',
  },

  onLoad() {
    this.setData({ pageStyle: fontScaleStyle() });
    enableShareMenu();
    return this.load();
  },

  onShow() {
    selectTab(this, 'home');
  },

  onPullDownRefresh,
  onRetry,

  /** Renders the last answer at once when there is one, then the fresh one. */
  load() {
    return showLoaded(this, cached(CACHE_KEY, home), (data) =>
      this.setData({ ...toView(data), status: 'ready', errorMessage: '' }),
    );
  },

  onAllNews() {
    wx.switchTab({ url: pageUrl(ROUTES.news) });
  },

  onAllOpportunities() {
    wx.switchTab({ url: pageUrl(ROUTES.opportunities) });
  },

  onOpenOpportunity(
    event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>,
  ) {
    wx.navigateTo({ url: event.currentTarget.dataset.url });
  },

  onContact() {
    wx.switchTab({ url: pageUrl(ROUTES.contact) });
  },

  onShareAppMessage() {
    return shareMessage(t('home.shareTitle'), ROUTES.home);
  },

  onShareTimeline() {
    return shareTimeline(t('home.shareTitle'));
  },
});
