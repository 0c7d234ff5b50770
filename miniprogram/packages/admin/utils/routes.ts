/** The staff pages, as `wx.navigateTo` takes them. */
const ROOT = '/packages/admin/pages';

export const ROUTES = {
  home: `${ROOT}/home/index`,
  news: `${ROOT}/news/index`,
  newsEdit: `${ROOT}/news-edit/index`,
  opportunities: `${ROOT}/opportunities/index`,
  opportunityEdit: `${ROOT}/opportunity-edit/index`,
  profileEdit: `${ROOT}/profile-edit/index`,
  enquiries: `${ROOT}/enquiries/index`,
  enquiry: `${ROOT}/enquiry/index`,
  staff: `${ROOT}/staff/index`,
  /** Opened from an invitation by a colleague who is not staff yet. */
  join: `${ROOT}/join/index`,
} as const;

/** `route?id=…` for an item's page. */
export function withId(route: string, id: string): string {
  return `${route}?id=${encodeURIComponent(id)}`;
}
