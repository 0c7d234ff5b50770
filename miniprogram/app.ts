import { CLOUD_ENV_ID } from './config';

export interface AppGlobalData {
  /** The user's font-size setting relative to the default, applied by pages as a CSS variable. */
  fontScale: number;
}

const DEFAULT_FONT_SIZE_PX = 17;

App<{ globalData: AppGlobalData }>({
  globalData: { fontScale: 1 },
  onLaunch() {
    wx.cloud.init({ env: CLOUD_ENV_ID, traceUser: true });
    const { fontSizeSetting } = wx.getAppBaseInfo
      ? wx.getAppBaseInfo()
      : { fontSizeSetting: DEFAULT_FONT_SIZE_PX };
    this.globalData.fontScale = fontSizeSetting ? fontSizeSetting / DEFAULT_FONT_SIZE_PX : 1;
  },
});
