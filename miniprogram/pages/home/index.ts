import type { HomeOutput, OpportunityListItem } from '../../contract/api/content';
import type { KeyFact } from '../../contract/models';
import type { ViewStatus } from '../../components/state-view/index';
import { t } from '../../i18n/index';
import { cached } from '../../services/cache';
import { ServiceError } from '../../services/cloud';
import { home } from '../../services/content';
import { displayDate } from '../../utils/date';
import { fontScaleStyle } from '../../utils/font-scale';
import { toNewsCard, type NewsCardItem } from '../../utils/news';
import { enableShareMenu, shareMessage, shareTimeline } from '../../utils/share';
import { selectTab } from '../../utils/tab-bar';

const ROUTE = 'pages/home/index';
const CACHE_KEY = 'home';

interface TimelineItem {
  key: string;
  dateLabel: string;
  title: string;
  description: string;
}

interface FocusAreaLink {
  id: string;
  title: string;
  summary: string;
  icon: string;
  url: string;
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
    open: item.open,
    status: item.open ? t('home.opportunityOpen') : t('home.opportunityClosed'),
    url: `/pages/opportunity-detail/index?id=${encodeURIComponent(item.id)}`,
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
    },
    intro: data.intro,
    keyFacts: data.keyFacts,
    timeline: data.timeline.map<TimelineItem>((entry, index) => ({
      key: `${entry.year}-${index}`,
      dateLabel: entry.dateLabel,
      title: entry.title,
      description: entry.description,
    })),
    focusAreas: data.focusAreas.map<FocusAreaLink>((area) => ({
      id: area.id,
      title: area.title,
      summary: area.summary,
      icon: area.icon,
      url: `/pages/focus-area/index?id=${area.id}`,
    })),
    news: data.latestNews.map(toNewsCard),
    opportunities: data.featuredOpportunities.map(toOpportunityCard),
    contactLine: t('home.contactLine', {
      name: contact.name,
      salutation: contact.salutation,
      office: contact.office,
      title: contact.title,
    }),
  };
}

Page({
  data: {
    pageStyle: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
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
      contactTitle: t('home.contactTitle'),
    },
    // The hero shows the region's name from the first frame, before any data.
    hero: { name: t('app.name'), original: '', partnerLine: '' },
    intro: { title: '', lead: '' },
    keyFacts: [] as KeyFact[],
    timeline: [] as TimelineItem[],
    focusAreas: [] as FocusAreaLink[],
    news: [] as NewsCardItem[],
    opportunities: [] as OpportunityCard[],
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

  async onPullDownRefresh() {
    await this.load();
    wx.stopPullDownRefresh();
  },

  onRetry() {
    this.setData({ status: 'loading', errorMessage: '' });
    return this.load();
  },

  /** Renders the last answer at once when there is one, then the fresh one. */
  async load() {
    const { stale, fresh } = cached(CACHE_KEY, home);
    if (stale && this.data.status !== 'ready') this.setData({ ...toView(stale), status: 'ready' });
    try {
      this.setData({ ...toView(await fresh), status: 'ready', errorMessage: '' });
    } catch (error) {
      const message = error instanceof ServiceError ? error.message : t('errors.INTERNAL');
      // Content already on screen stays; the failure is only news when there is nothing to show.
      if (this.data.status === 'ready') wx.showToast({ title: message, icon: 'none' });
      else this.setData({ status: 'error', errorMessage: message });
    }
  },

  onAllNews() {
    wx.switchTab({ url: '/pages/news/index' });
  },

  onAllOpportunities() {
    wx.switchTab({ url: '/pages/opportunities/index' });
  },

  onOpenOpportunity(
    event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>,
  ) {
    wx.navigateTo({ url: event.currentTarget.dataset.url });
  },

  onContact() {
    wx.switchTab({ url: '/pages/contact/index' });
  },

  onShareAppMessage() {
    return shareMessage(t('home.shareTitle'), ROUTE);
  },

  onShareTimeline() {
    return shareTimeline(t('home.shareTitle'));
  },
});
