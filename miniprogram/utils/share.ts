/** Share payloads for `onShareAppMessage` (chat) and `onShareTimeline` (Moments). */

export type Query = Record<string, string | undefined>;

export interface ShareMessage {
  title: string;
  /** An absolute page path with its query: '/pages/news-detail/index?id=…'. */
  path: string;
  imageUrl?: string;
}

export interface ShareTimeline {
  title: string;
  /** The query the page is opened with from Moments, without '?'. */
  query: string;
  imageUrl?: string;
}

/** 'id=a&tag=%E4%B8%8A%E6%B5%B7' from the defined values of `query`. */
export function toQueryString(query: Query = {}): string {
  return Object.entries(query)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
}

/** The chat share of `route` ('pages/news-detail/index') opened with `query`. */
export function shareMessage(
  title: string,
  route: string,
  query: Query = {},
  imageUrl?: string,
): ShareMessage {
  const search = toQueryString(query);
  return {
    title,
    path: `/${route}${search ? `?${search}` : ''}`,
    ...(imageUrl ? { imageUrl } : {}),
  };
}

/** The Moments share: Moments opens the sharing page itself, so only the query travels. */
export function shareTimeline(title: string, query: Query = {}, imageUrl?: string): ShareTimeline {
  return { title, query: toQueryString(query), ...(imageUrl ? { imageUrl } : {}) };
}

/** Offers both share targets in the page's ··· menu (Moments needs this explicitly). */
export function enableShareMenu(): void {
  wx.showShareMenu({ withShareTicket: false, menus: ['shareAppMessage', 'shareTimeline'] });
}
