/**
 * WeChat's builtin components: what a template may use without `usingComponents`, and what a WXSS
 * type selector such as `view` targets (simulate renders them as `<wx-view>`).
 */
export const BUILTIN_COMPONENTS: readonly string[] = [
  ...['cover-image', 'cover-view', 'grid-view', 'list-view', 'match-media', 'movable-area'],
  ...['movable-view', 'page-container', 'root-portal', 'scroll-view', 'share-element'],
  ...['sticky-header', 'sticky-section', 'swiper', 'swiper-item', 'view', 'icon', 'progress'],
  ...['rich-text', 'text', 'button', 'checkbox', 'checkbox-group', 'editor', 'form', 'input'],
  ...['keyboard-accessory', 'label', 'picker', 'picker-view', 'picker-view-column', 'radio'],
  ...['radio-group', 'slider', 'switch', 'textarea', 'functional-page-navigator', 'navigator'],
  ...['audio', 'camera', 'channel-live', 'channel-video', 'image', 'live-player', 'live-pusher'],
  ...['video', 'voip-room', 'map', 'canvas', 'web-view', 'ad', 'ad-custom', 'official-account'],
  ...['open-data', 'navigation-bar', 'page-meta'],
];

/** WXML's own syntax: tags a template may contain that are no component at all. */
export const WXML_SYNTAX_TAGS: readonly string[] = ['block', 'template', 'import', 'include', 'slot', 'wxs'];

const BUILTIN_SET = new Set(BUILTIN_COMPONENTS);
const TEMPLATE_SET = new Set([...BUILTIN_COMPONENTS, ...WXML_SYNTAX_TAGS]);

export function isBuiltinComponent(tag: string): boolean {
  return BUILTIN_SET.has(tag);
}

/** True for a tag a template may use without naming it in `usingComponents`. */
export function needsNoDeclaration(tag: string): boolean {
  return TEMPLATE_SET.has(tag);
}
