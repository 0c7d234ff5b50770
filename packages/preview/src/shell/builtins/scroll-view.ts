/** `<scroll-view>`. */
import { base, reflect, unsupported, type Builtin, type Definition } from './base';

/** `<scroll-view>`: the host element scrolls, with WeChat's scroll events and thresholds. */
export function scrollView(): Definition {
  const rest = unsupported('scroll-view', {
    refresherEnabled: false,
    pagingEnabled: false,
    enableBackToTop: false,
  });
  return base({
    properties: {
      scrollX: { type: Boolean, value: false },
      scrollY: { type: Boolean, value: false },
      upperThreshold: { type: Number, value: 50 },
      lowerThreshold: { type: Number, value: 50 },
      scrollTop: { type: null, value: null },
      scrollLeft: { type: null, value: null },
      scrollIntoView: { type: String, value: '' },
      scrollWithAnimation: { type: Boolean, value: false },
      enableFlex: { type: Boolean, value: false },
      showScrollbar: { type: Boolean, value: true },
      enhanced: { type: Boolean, value: false },
      bounces: { type: Boolean, value: true },
      type: { type: String, value: 'list' },
      ...rest.properties,
    },
    observers: {
      ...rest.observers,
      'scrollX, scrollY, enableFlex'(this: Builtin, x: unknown, y: unknown, flex: unknown) {
        this.host.style.overflowX = x ? 'auto' : 'hidden';
        this.host.style.overflowY = y ? 'auto' : 'hidden';
        reflect(this.host, 'enable-flex', flex);
      },
      scrollTop(this: Builtin, value: unknown) {
        if (value !== null && value !== '')
          this.host.scrollTo({
            top: Number(value),
            behavior: this.data.scrollWithAnimation ? 'smooth' : 'auto',
          });
      },
      scrollLeft(this: Builtin, value: unknown) {
        if (value !== null && value !== '')
          this.host.scrollTo({
            left: Number(value),
            behavior: this.data.scrollWithAnimation ? 'smooth' : 'auto',
          });
      },
      scrollIntoView(this: Builtin, id: unknown) {
        if (!id) return;
        const owner = this._exparserNode.ownerShadowRoot as unknown as {
          getElementById?: (id: string) => { $$?: HTMLElement };
        };
        const target = owner?.getElementById?.(String(id))?.$$;
        target?.scrollIntoView({
          behavior: this.data.scrollWithAnimation ? 'smooth' : 'auto',
          block: 'nearest',
          inline: 'start',
        });
      },
    },
    lifetimes: {
      created(this: Builtin) {
        const last = { top: 0, left: 0, upper: true, lower: false };
        this.host.addEventListener('scroll', () => {
          const { scrollTop, scrollLeft, scrollHeight, scrollWidth, clientHeight, clientWidth } = this.host;
          this.triggerEvent('scroll', {
            scrollLeft,
            scrollTop,
            scrollHeight,
            scrollWidth,
            deltaX: scrollLeft - last.left,
            deltaY: scrollTop - last.top,
          });
          last.top = scrollTop;
          last.left = scrollLeft;
          const horizontal = Boolean(this.data.scrollX) && !this.data.scrollY;
          const position = horizontal ? scrollLeft : scrollTop;
          const remaining = horizontal
            ? scrollWidth - clientWidth - scrollLeft
            : scrollHeight - clientHeight - scrollTop;
          const upper = position <= Number(this.data.upperThreshold);
          const lower = remaining <= Number(this.data.lowerThreshold);
          if (upper && !last.upper)
            this.triggerEvent('scrolltoupper', { direction: horizontal ? 'left' : 'top' });
          if (lower && !last.lower)
            this.triggerEvent('scrolltolower', { direction: horizontal ? 'right' : 'bottom' });
          last.upper = upper;
          last.lower = lower;
        });
      },
    },
  });
}
