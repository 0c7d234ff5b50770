/** `hover-class` and its timings, shared by `<view>` and `<button>`. */
import { scopedClasses, type Builtin } from './base';

export const hoverProperties = {
  hoverClass: { type: String, value: 'none' },
  hoverStopPropagation: { type: Boolean, value: false },
  hoverStartTime: { type: Number, value: 50 },
  hoverStayTime: { type: Number, value: 400 },
};

/** `hover-class`: applied while pressed, as the render layer does on touch. */
export function installHover(node: Builtin, defaultClass = 'none'): void {
  let startTimer = 0;
  let stayTimer = 0;
  const classes = () => {
    const value = String(node.data.hoverClass ?? defaultClass);
    if (value === 'none' || node.data.disabled) return [];
    // The default `button-hover` is the render layer's own class, not the page's.
    return value === 'button-hover' ? [value] : scopedClasses(node, value);
  };
  const set = (on: boolean) => classes().forEach((name) => node.host.classList.toggle(name, on));
  node.host.addEventListener('touchstart', (event) => {
    if ((event as TouchEvent & { __previewHovered?: boolean }).__previewHovered) return;
    if (node.data.hoverStopPropagation)
      (event as TouchEvent & { __previewHovered?: boolean }).__previewHovered = true;
    window.clearTimeout(stayTimer);
    startTimer = window.setTimeout(() => set(true), Number(node.data.hoverStartTime ?? 50));
  });
  const end = () => {
    window.clearTimeout(startTimer);
    set(true);
    stayTimer = window.setTimeout(() => set(false), Number(node.data.hoverStayTime ?? 400));
  };
  node.host.addEventListener('touchend', end);
  node.host.addEventListener('touchcancel', () => {
    window.clearTimeout(startTimer);
    set(false);
  });
}
