/** Limits of the `content` function, by name. */

/** News items and open opportunities on the home page's first screen. */
export const HOME_NEWS_COUNT = 3;
export const HOME_OPPORTUNITIES_COUNT = 3;

/**
 * Unused one-time subscriptions kept per caller and topic. Each acceptance of
 * `wx.requestSubscribeMessage` is one message credit; beyond a handful, more credits only pile up
 * records (one publication uses one), so further acceptances are answered but not stored.
 */
export const OPEN_SUBSCRIPTIONS_MAX = 5;
