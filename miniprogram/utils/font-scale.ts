/** The user's WeChat font size relative to the default, within what the layouts are made for. */
const MIN_FONT_SCALE = 0.85;
const MAX_FONT_SCALE = 1.6;

/**
 * The `<page-meta page-style>` every page sets: `--font-scale`, which all text sizes in
 * styles/font.wxss multiply. Read from app.ts's globalData (set at launch from getAppBaseInfo).
 */
export function fontScaleStyle(): string {
  const scale = Number(getApp<{ globalData: { fontScale?: number } }>().globalData?.fontScale) || 1;
  const clamped = Math.min(MAX_FONT_SCALE, Math.max(MIN_FONT_SCALE, scale));
  return `--font-scale: ${Math.round(clamped * 1000) / 1000};`;
}
