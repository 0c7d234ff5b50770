import { toQueryString, type Query } from './share';

/** The public pages and the enquiry subpackage's, as `app.json` names them (sharing takes these). */
export const ROUTES = {
  home: 'pages/home/index',
  news: 'pages/news/index',
  opportunities: 'pages/opportunities/index',
  contact: 'pages/contact/index',
  newsDetail: 'pages/news-detail/index',
  opportunityDetail: 'pages/opportunity-detail/index',
  focusArea: 'pages/focus-area/index',
  about: 'pages/about/index',
  enquiryForm: 'packages/enquiry/pages/form/index',
  enquiryPrivacy: 'packages/enquiry/pages/privacy/index',
  enquirySuccess: 'packages/enquiry/pages/success/index',
  enquiryMine: 'packages/enquiry/pages/mine/index',
  enquiryDetail: 'packages/enquiry/pages/detail/index',
} as const;

/** `/route?query`, as `wx.navigateTo` and `wx.switchTab` take it. */
export function pageUrl(route: string, query: Query = {}): string {
  const search = toQueryString(query);
  return `/${route}${search ? `?${search}` : ''}`;
}
