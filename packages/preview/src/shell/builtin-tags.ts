/** WeChat's builtin components: a WXSS type selector `view` targets the `<wx-view>` they render. */
export const BUILTIN_TAGS = [
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
