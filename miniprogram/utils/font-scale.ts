/** The user's WeChat font size relative to the default, within what the layouts are made for. */
const MIN_FONT_SCALE = 0.85;
const MAX_FONT_SCALE = 1.6;

/**
 * 关怀模式 (large text): text and tap targets grow by these factors on top of the WeChat font
 * size. Chosen by the user on the contact page; kept in wx storage, which is per WeChat user.
 */
export const LARGE_TEXT_STORAGE_KEY = 'display.largeText';
const LARGE_TEXT_FONT_FACTOR = 1.25;
const LARGE_TEXT_TAP_SCALE = 1.25;

/** Whether the user turned 关怀模式 on. */
export function isLargeText(): boolean {
  return wx.getStorageSync(LARGE_TEXT_STORAGE_KEY) === true;
}

/**
 * The `<page-meta page-style>` every page sets: `--font-scale`, which all text sizes in
 * styles/font.wxss multiply, and in 关怀模式 `--tap-scale`, which styles/touch.wxss multiplies
 * tap-target sizes by. The WeChat font size is read from app.ts's globalData (set at launch from
 * getAppBaseInfo).
 */
export function fontScaleStyle(): string {
  const system = Number(getApp<{ globalData: { fontScale?: number } }>().globalData?.fontScale) || 1;
  const clamped = Math.min(MAX_FONT_SCALE, Math.max(MIN_FONT_SCALE, system));
  const large = isLargeText();
  const scale = large ? clamped * LARGE_TEXT_FONT_FACTOR : clamped;
  const style = `--font-scale: ${Math.round(scale * 1000) / 1000};`;
  return large ? `${style} --tap-scale: ${LARGE_TEXT_TAP_SCALE};` : style;
}

/** A page that sets its `<page-meta page-style>` from `fontScaleStyle()`. */
interface StyledPage {
  readonly data: Record<string, unknown>;
  setData(data: Record<string, unknown>): void;
}

/** Brings a page's style up to date with the current settings (a page that has none is left alone). */
export function refreshPageStyle(page: StyledPage): void {
  if (typeof page.data.pageStyle !== 'string') return;
  const pageStyle = fontScaleStyle();
  if (page.data.pageStyle !== pageStyle) page.setData({ pageStyle });
}

/**
 * Turns 关怀模式 on or off: remembered for the user, applied at once to every open page. Tab pages
 * that are not on top catch up when shown (`selectTab`).
 */
export function setLargeText(on: boolean): void {
  wx.setStorageSync(LARGE_TEXT_STORAGE_KEY, on);
  for (const page of getCurrentPages()) refreshPageStyle(page as unknown as StyledPage);
}
