/**
 * Nothing silently missing: whatever the preview cannot render or run is recorded here, marked
 * on screen (`data-preview-missing` plus a red badge), listed beside the phone and logged.
 * Platform actions WeChat would handle itself (share, phone call, clipboard…) are logged too.
 */
import type { PreviewDebug } from './types';

export type MissingKind = 'component' | 'api' | 'style' | 'attribute';

const seen = new Set<string>();

export const debug: PreviewDebug = {
  missing: [],
  actions: [],
  stack: () => [],
  idle: () => Promise.resolve(),
  query: () => [],
  openid: '',
};
window.__preview = debug;

/**
 * Records that the preview cannot do `name` (a component tag, a wx API, a style feature) for
 * `where` (a page route or component path), and marks `element` when there is one. Without an
 * element a badge is shown on the frame.
 */
export function reportMissing(kind: MissingKind, name: string, where: string, element?: Element): void {
  const label = `${kind}:${name}`;
  if (element) {
    element.setAttribute('data-preview-missing', label);
    element.setAttribute('title', `预览无法呈现 ${label}`);
  }
  const key = `${label}@${where}`;
  if (seen.has(key)) return;
  seen.add(key);
  debug.missing.push({ kind, name, where });
  console.warn(`[preview] cannot render ${label} (${where})`);
  const item = document.createElement('li');
  item.textContent = `${label} — ${where}`;
  document.getElementById('preview-missing')?.append(item);
  if (!element) {
    const badge = document.createElement('div');
    badge.className = 'preview-missing-badge';
    badge.setAttribute('data-preview-missing', label);
    badge.textContent = `预览未实现 ${label}`;
    document.getElementById('preview-phone')?.append(badge);
  }
}

/** Logs something WeChat would do itself (a share sheet, a phone call, a file opened…). */
export function logAction(kind: string, detail: string): void {
  debug.actions.push({ kind, detail });
  console.info(`[preview] ${kind}: ${detail}`);
  const item = document.createElement('li');
  const time = new Date().toLocaleTimeString('zh-CN', { hour12: false });
  item.innerHTML = '<time></time> <strong></strong> <span></span>';
  (item.children[0] as HTMLElement).textContent = time;
  (item.children[1] as HTMLElement).textContent = kind;
  (item.children[2] as HTMLElement).textContent = detail;
  const log = document.getElementById('preview-log');
  log?.prepend(item);
}
