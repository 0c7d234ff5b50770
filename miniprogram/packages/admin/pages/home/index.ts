import type { DashboardOutput } from '../../../../contract/api/admin';
import { fontScaleStyle } from '../../../../utils/font-scale';
import { askSubscription } from '../../../../utils/subscribe';
import type { AdminViewStatus } from '../../components/admin-state/index';
import type { Bar } from './components/bar-chart/index';
import { SUBSCRIBE_TEMPLATE_ENQUIRY } from '../../../../config';
import { labelsOf, refreshLang, setLang, t, type Lang } from '../../i18n/index';
import { alertsSubscribe, dashboard, whoami } from '../../services/admin';
import { errorMessage, isForbidden } from '../../utils/errors';
import { ROUTES } from '../../utils/routes';
import { onRetry } from '../../../../utils/page-kit';

/**
 * The staff home: the dashboard (open enquiries, news published, subscribers, enquiries per week
 * and per topic), the way to every staff page, the language switch and new-enquiry alerts.
 */

const LABELS = {
  openEnquiries: 'home.openEnquiries',
  newsPublished: 'home.newsPublished',
  subscribers: 'home.subscribers',
  perWeek: 'home.perWeek',
  perTopic: 'home.perTopic',
  noEnquiries: 'home.noEnquiries',
  manage: 'home.manage',
  news: 'home.news',
  newsHint: 'home.newsHint',
  opportunities: 'home.opportunities',
  opportunitiesHint: 'home.opportunitiesHint',
  profile: 'home.profile',
  profileHint: 'home.profileHint',
  enquiries: 'home.enquiries',
  enquiriesHint: 'home.enquiriesHint',
  staff: 'home.staff',
  staffHint: 'home.staffHint',
  alerts: 'home.alerts',
  alertsHint: 'home.alertsHint',
  alertsSubscribe: 'home.alertsSubscribe',
  language: 'home.language',
} as const;

/** Each language named in itself, so anyone can find their own. */
const LANGUAGE_NAMES: Record<Lang, string> = { zh: '中文', en: 'English' };

interface Stat {
  key: string;
  label: string;
  value: number;
}

function stats(data: DashboardOutput): Stat[] {
  return [
    { key: 'open-enquiries', label: t('home.openEnquiries'), value: data.openEnquiries },
    { key: 'news-published', label: t('home.newsPublished'), value: data.newsPublished },
    { key: 'subscribers', label: t('home.subscribers'), value: data.subscribers },
  ];
}

function weekBars(data: DashboardOutput): Bar[] {
  return data.enquiriesPerWeek.map((row) => {
    // '2026-W05' → 'W05' under the column; the full week in what a screen reader says.
    const short = row.week.slice(row.week.indexOf('W'));
    return {
      key: row.week,
      label: short,
      count: row.count,
      description: t('home.weekLabel', { week: row.week, start: row.start, count: row.count }),
    };
  });
}

function topicBars(data: DashboardOutput): Bar[] {
  return data.enquiriesPerTopic.map((row) => {
    const topic = t(`topics.${row.topic}`);
    return {
      key: row.topic,
      label: topic,
      count: row.count,
      description: t('home.topicLabel', { topic, count: row.count }),
    };
  });
}

Page({
  data: {
    pageStyle: '',
    status: 'loading' as AdminViewStatus,
    errorMessage: '',
    openId: '',
    lang: 'zh' as Lang,
    languages: [] as { value: Lang; label: string }[],
    labels: {} as Record<keyof typeof LABELS, string>,
    stats: [] as Stat[],
    weekBars: [] as Bar[],
    topicBars: [] as Bar[],
    subscribing: false,
  },

  /** The last dashboard answer, relabelled when the language changes. */
  dashboard: null as DashboardOutput | null,

  onLoad() {
    this.setData({ pageStyle: fontScaleStyle() });
    this.applyLanguage(refreshLang());
    return this.load();
  },

  onRetry,

  async onPullDownRefresh() {
    await this.load();
    wx.stopPullDownRefresh();
  },

  async load() {
    try {
      const data = await dashboard();
      this.dashboard = data;
      this.setData({ status: 'ready', errorMessage: '', ...this.charts(data) });
    } catch (error) {
      if (isForbidden(error)) {
        this.setData({ status: 'forbidden' });
        await this.showOwnOpenId();
      } else if (this.data.status === 'ready') {
        wx.showToast({ title: errorMessage(error), icon: 'none' });
      } else {
        this.setData({ status: 'error', errorMessage: errorMessage(error) });
      }
    }
  },

  /** Refused: the caller's OPENID, for a colleague to add them. */
  async showOwnOpenId() {
    try {
      const me = await whoami();
      this.setData({ openId: me.openId ?? '' });
    } catch {
      // The refusal is already shown; without the OPENID it just lacks the hint.
    }
  },

  charts(data: DashboardOutput) {
    return { stats: stats(data), weekBars: weekBars(data), topicBars: topicBars(data) };
  },

  /** Every visible string in `lang`, the dashboard included. */
  applyLanguage(lang: Lang) {
    wx.setNavigationBarTitle({ title: t('home.title') });
    this.setData({
      lang,
      labels: labelsOf(LABELS),
      languages: (Object.keys(LANGUAGE_NAMES) as Lang[]).map((value) => ({
        value,
        label: LANGUAGE_NAMES[value],
      })),
      ...(this.dashboard ? this.charts(this.dashboard) : {}),
    });
  },

  onLanguage(event: WechatMiniprogram.BaseEvent<Record<string, never>, { lang?: Lang }>) {
    const lang = event.currentTarget.dataset.lang;
    if (!lang || lang === this.data.lang) return;
    setLang(lang);
    this.applyLanguage(lang);
  },

  onOpen(event: WechatMiniprogram.BaseEvent<Record<string, never>, { page?: keyof typeof ROUTES }>) {
    const page = event.currentTarget.dataset.page;
    if (page) wx.navigateTo({ url: ROUTES[page] });
  },

  /** The platform's one-time consent first, then one recorded alert credit. */
  async onSubscribeAlerts() {
    if (this.data.subscribing) return;
    const templateId = SUBSCRIBE_TEMPLATE_ENQUIRY;
    if (!templateId) {
      wx.showToast({ title: t('home.alertsUnavailable'), icon: 'none' });
      return;
    }
    this.setData({ subscribing: true });
    try {
      const answer = await askSubscription(templateId);
      if (answer !== 'accept') {
        const message =
          answer === 'ban' || answer === 'off'
            ? t('home.alertsBanned')
            : answer === 'failed'
              ? t('home.alertsFailed')
              : t('home.alertsDeclined');
        wx.showToast({ title: message, icon: 'none' });
        return;
      }
      try {
        const { open, recorded } = await alertsSubscribe();
        wx.showToast({
          title: recorded ? t('home.alertsRecorded', { open }) : t('home.alertsFull', { open }),
          icon: 'none',
        });
      } catch (error) {
        wx.showToast({ title: errorMessage(error), icon: 'none' });
      }
    } finally {
      this.setData({ subscribing: false });
    }
  },
});
