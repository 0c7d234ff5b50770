import type { DashboardOutput } from '../../../../contract/api/admin';
import { fontScaleStyle } from '../../../../utils/font-scale';
import { askSubscription } from '../../../../utils/subscribe';
import type { AdminViewStatus } from '../../components/admin-state/index';
import type { Bar } from './components/bar-chart/index';
import { SUBSCRIBE_TEMPLATE_ENQUIRY } from '../../../../config';
import { labelsOf, refreshLang, setLang, t, type Lang } from '../../i18n/index';
import { alertsSubscribe, alertsUnsubscribe, dashboard, staffList, whoami } from '../../services/admin';
import { errorMessage, isForbidden } from '../../utils/errors';
import { visitDays } from '../../utils/format';
import { ROUTES, withId } from '../../utils/routes';
import { onRetry } from '../../../../utils/page-kit';

/**
 * The staff home. The work comes first: the new enquiries waiting (one tap opens them in the
 * inbox) and the newest visit requests, then the one switch for new-enquiry alerts; the counts and
 * charts (enquiries per week and per topic) follow, then the way to every staff page.
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
  namePrompt: 'home.namePrompt',
  alerts: 'home.alerts',
  alertsRule: 'home.alertsRule',
  alertsRenew: 'home.alertsRenew',
  alertsLowHint: 'home.alertsLowHint',
  newVisits: 'home.newVisits',
  weeksCaption: 'home.weeksCaption',
  language: 'home.language',
} as const;

/** At or below this many alerts left, the page offers to renew the consent. */
const ALERTS_LOW = 2;

interface Work {
  /** `待处理 3 条 →`, or that nothing waits. */
  pending: string;
  hasPending: boolean;
  visitsTitle: string;
  visits: { id: string; title: string; meta: string }[];
}

interface Alerts {
  on: boolean;
  /** `还可收到 3 条提醒`. */
  remaining: string;
  low: boolean;
}

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

function work(data: DashboardOutput): Work {
  return {
    hasPending: data.newEnquiries > 0,
    pending:
      data.newEnquiries > 0 ? t('home.pending', { count: data.newEnquiries }) : t('home.nothingPending'),
    visitsTitle: t('home.newVisits', { count: data.newVisits.count }),
    visits: data.newVisits.items.map((visit) => ({
      id: visit.id,
      title: visit.organization,
      meta: t('home.visitMeta', {
        dates: visitDays(visit.from, visit.to),
        size: visit.groupSize,
        ref: visit.ref,
      }),
    })),
  };
}

function alertsView(open: number, max: number): Alerts {
  return {
    on: open > 0,
    remaining: t('home.alertsRemaining', { open, max }),
    low: open > 0 && open <= ALERTS_LOW,
  };
}

function weekBars(data: DashboardOutput): Bar[] {
  return data.enquiriesPerWeek.map((row) => {
    // '2026-W05' → '5' under the column (Danes count weeks by number); the full week is what a
    // screen reader says.
    const short = String(Number(row.week.slice(row.week.indexOf('W') + 1)));
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
    work: null as Work | null,
    alerts: null as Alerts | null,
    subscribing: false,
    /** The caller has no display name yet: a prompt leads to the staff page to set one. */
    unnamed: false,
  },

  /** The last dashboard answer, relabelled when the language changes. */
  dashboard: null as DashboardOutput | null,

  onLoad() {
    this.setData({ pageStyle: fontScaleStyle() });
    this.applyLanguage(refreshLang());
    return this.load();
  },

  /** Back from the staff page: the prompt goes once the name is set. */
  onShow() {
    if (this.data.unnamed) return this.checkNamed();
    return undefined;
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
      await this.checkNamed();
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

  /** Someone added through ADMIN_OPENIDS or by OPENID is unnamed until they set a name. */
  async checkNamed() {
    try {
      const { items } = await staffList();
      this.setData({ unnamed: items.some((member) => member.self && !member.name) });
    } catch {
      // Only a hint: the dashboard shows either way.
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
    return {
      work: work(data),
      alerts: alertsView(data.alerts.open, data.alerts.max),
      stats: stats(data),
      weekBars: weekBars(data),
      topicBars: topicBars(data),
    };
  },

  /** Keeps the alert count of the last dashboard in step after the switch or a renewal. */
  showAlerts(open: number) {
    if (!this.dashboard) return;
    this.dashboard = { ...this.dashboard, alerts: { ...this.dashboard.alerts, open } };
    this.setData({ alerts: alertsView(open, this.dashboard.alerts.max) });
  },

  /** The new enquiries, in the inbox filtered to them. */
  onOpenPending() {
    wx.navigateTo({ url: `${ROUTES.enquiries}?status=new` });
  },

  onOpenVisits() {
    wx.navigateTo({ url: `${ROUTES.enquiries}?status=new&kind=visit` });
  },

  onOpenVisit(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id?: string }>) {
    const id = event.currentTarget.dataset.id;
    if (id) wx.navigateTo({ url: withId(ROUTES.enquiry, id) });
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

  /**
   * The one switch (controlled: it shows what the server holds, so a declined consent leaves it
   * off): on asks WeChat's consent for one alert; off withdraws every alert left.
   */
  async onAlertsSwitch(event: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
    if (event.detail.value) return this.onSubscribeAlerts();
    if (this.data.subscribing) return undefined;
    this.setData({ subscribing: true });
    try {
      await alertsUnsubscribe();
      this.showAlerts(0);
      wx.showToast({ title: t('home.alertsOff'), icon: 'none' });
    } catch (error) {
      wx.showToast({ title: errorMessage(error), icon: 'none' });
    } finally {
      this.setData({ subscribing: false });
    }
    return undefined;
  },

  /**
   * WeChat's one-time consent, then one recorded alert: each consent lets WeChat deliver one
   * message. One template is asked for per tap (a call may name up to three templates, but each
   * only once), so renewing adds one alert per tap; once the staff member ticks “always keep this
   * choice” in WeChat's prompt, later taps no longer show it.
   */
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
        this.showAlerts(open);
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
