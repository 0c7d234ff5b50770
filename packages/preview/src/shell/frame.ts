/** The phone the preview draws: an iPhone-sized 375 × 812 frame with WeChat's bars. */
export const FRAME_WIDTH_PX = 375;
export const FRAME_HEIGHT_PX = 812;
export const STATUSBAR_HEIGHT_PX = 44;
export const NAVBAR_HEIGHT_PX = 44;
/** WeChat's stack limit: navigateTo fails beyond ten pages. */
export const MAX_PAGE_STACK = 10;
/** Page json `onReachBottomDistance` default, in px. */
export const REACH_BOTTOM_DISTANCE_PX = 50;
