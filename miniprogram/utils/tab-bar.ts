import { t } from '../i18n/index';
import { refreshPageStyle } from './font-scale';

export type TabValue = 'home' | 'news' | 'opportunities' | 'contact';

export interface Tab {
  value: TabValue;
  /** As in app.json `tabBar.list`. */
  pagePath: string;
  /** A TDesign icon name. */
  icon: string;
  label: string;
}

/** The four tabs, in app.json's order. */
export const TABS: readonly Tab[] = [
  { value: 'home', pagePath: 'pages/home/index', icon: 'home', label: t('tabBar.home') },
  { value: 'news', pagePath: 'pages/news/index', icon: 'article', label: t('tabBar.news') },
  {
    value: 'opportunities',
    pagePath: 'pages/opportunities/index',
    icon: 'cooperate',
    label: t('tabBar.opportunities'),
  },
  { value: 'contact', pagePath: 'pages/contact/index', icon: 'chat', label: t('tabBar.contact') },
];

interface TabBarHost {
  readonly data: Record<string, unknown>;
  setData(data: Record<string, unknown>): void;
  getTabBar?: () => WechatMiniprogram.Component.TrivialInstance | undefined;
}

/**
 * Marks `value` selected in the page's custom tab bar; call it from a tab page's `onShow`. A tab page
 * stays loaded while hidden, so it also takes up a display setting changed meanwhile (关怀模式).
 * The tab bar only exists in the WeChat runtime (not under simulate), hence the guards.
 */
export function selectTab(page: TabBarHost, value: TabValue): void {
  refreshPageStyle(page);
  const tabBar = typeof page.getTabBar === 'function' ? page.getTabBar() : undefined;
  tabBar?.setData({ selected: value });
}
