/**
 * WeChat's own interface drawn inside the phone frame: toast and loading, modal, action sheet,
 * and the system sheets (phone call, subscription, location, share) the client shows itself.
 */

const TOAST_ICONS: Record<string, string> = { success: '✓', error: '✕', loading: '' };

function overlay(): HTMLElement {
  return document.getElementById('preview-overlay') as HTMLElement;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

let toast: { node: HTMLElement; timer: number | undefined; loading: boolean } | null = null;

export interface ToastOptions {
  title: string;
  icon?: string;
  duration?: number;
  mask?: boolean;
  loading?: boolean;
}

/** showToast and showLoading share one toast, as in WeChat: the later one replaces the earlier. */
export function showToast(options: ToastOptions): void {
  hideToast();
  const icon = options.loading ? 'loading' : (options.icon ?? 'success');
  const node = element('div', `preview-toast${icon === 'none' ? ' preview-toast--text' : ''}`);
  node.setAttribute('role', 'status');
  node.setAttribute('data-preview-toast', options.loading ? 'loading' : icon);
  if (icon !== 'none') {
    const glyph = element(
      'div',
      `preview-toast__icon preview-toast__icon--${icon}`,
      TOAST_ICONS[icon] ?? '✓',
    );
    node.append(glyph);
  }
  node.append(element('div', 'preview-toast__title', options.title));
  const host = options.mask ? element('div', 'preview-mask preview-mask--clear') : null;
  if (host) {
    host.append(node);
    overlay().append(host);
  } else overlay().append(node);
  const root = host ?? node;
  const timer = options.loading ? undefined : window.setTimeout(() => hideToast(), options.duration ?? 1500);
  toast = { node: root, timer, loading: Boolean(options.loading) };
}

export function hideToast(onlyLoading = false): void {
  if (!toast || (onlyLoading && !toast.loading)) return;
  window.clearTimeout(toast.timer);
  toast.node.remove();
  toast = null;
}

export interface ModalOptions {
  title?: string;
  content?: string;
  showCancel?: boolean;
  cancelText?: string;
  confirmText?: string;
  cancelColor?: string;
  confirmColor?: string;
  editable?: boolean;
  placeholderText?: string;
}

export interface ModalResult {
  confirm: boolean;
  cancel: boolean;
  content?: string;
}

export function showModal(options: ModalOptions, kind = 'modal'): Promise<ModalResult> {
  return new Promise((resolve) => {
    const mask = element('div', 'preview-mask');
    const dialog = element('div', 'preview-modal');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('data-preview-dialog', kind);
    if (options.title) dialog.append(element('div', 'preview-modal__title', options.title));
    let input: HTMLTextAreaElement | null = null;
    if (options.editable) {
      input = element('textarea', 'preview-modal__input');
      input.placeholder = options.placeholderText ?? '';
      input.value = options.content ?? '';
      dialog.append(input);
    } else if (options.content) {
      dialog.append(element('div', 'preview-modal__content', options.content));
    }
    const actions = element('div', 'preview-modal__actions');
    const close = (confirm: boolean) => {
      mask.remove();
      resolve({ confirm, cancel: !confirm, ...(input ? { content: input.value } : {}) });
    };
    if (options.showCancel !== false) {
      const cancel = element('button', 'preview-modal__button', options.cancelText ?? '取消');
      cancel.type = 'button';
      cancel.setAttribute('data-preview-modal', 'cancel');
      if (options.cancelColor) cancel.style.color = options.cancelColor;
      cancel.addEventListener('click', () => close(false));
      actions.append(cancel);
    }
    const confirm = element(
      'button',
      'preview-modal__button preview-modal__button--primary',
      options.confirmText ?? '确定',
    );
    confirm.type = 'button';
    confirm.setAttribute('data-preview-modal', 'confirm');
    if (options.confirmColor) confirm.style.color = options.confirmColor;
    confirm.addEventListener('click', () => close(true));
    actions.append(confirm);
    dialog.append(actions);
    mask.append(dialog);
    overlay().append(mask);
  });
}

/** An action sheet; answers the tapped index, or -1 when cancelled. */
export function showActionSheet(
  items: string[],
  options: { title?: string; kind?: string } = {},
): Promise<number> {
  return new Promise((resolve) => {
    const mask = element('div', 'preview-mask preview-mask--sheet');
    const sheet = element('div', 'preview-sheet');
    sheet.setAttribute('role', 'dialog');
    sheet.setAttribute('data-preview-dialog', options.kind ?? 'action-sheet');
    if (options.title) sheet.append(element('div', 'preview-sheet__title', options.title));
    const close = (index: number) => {
      mask.remove();
      resolve(index);
    };
    items.forEach((text, index) => {
      const button = element('button', 'preview-sheet__item', text);
      button.type = 'button';
      button.setAttribute('data-preview-sheet-index', String(index));
      button.addEventListener('click', () => close(index));
      sheet.append(button);
    });
    const cancel = element('button', 'preview-sheet__item preview-sheet__cancel', '取消');
    cancel.type = 'button';
    cancel.setAttribute('data-preview-sheet-index', '-1');
    cancel.addEventListener('click', () => close(-1));
    sheet.append(cancel);
    mask.addEventListener('click', (event) => {
      if (event.target === mask) close(-1);
    });
    mask.append(sheet);
    overlay().append(mask);
  });
}

/**
 * The picker sheet of `<picker>`: `control` is the native field standing in for WeChat's wheels;
 * answers `read()` when confirmed, undefined when cancelled.
 */
export function showPickerSheet<T>(
  title: string,
  control: HTMLElement,
  read: () => T,
): Promise<T | undefined> {
  return new Promise((resolve) => {
    const mask = element('div', 'preview-mask preview-mask--sheet');
    const sheet = element('div', 'preview-sheet preview-picker');
    sheet.setAttribute('role', 'dialog');
    sheet.setAttribute('data-preview-dialog', 'picker');
    const bar = element('div', 'preview-picker__bar');
    const cancel = element('button', 'preview-picker__cancel', '取消');
    cancel.type = 'button';
    cancel.setAttribute('data-preview-picker', 'cancel');
    const confirm = element('button', 'preview-picker__confirm', '确定');
    confirm.type = 'button';
    confirm.setAttribute('data-preview-picker', 'confirm');
    bar.append(cancel, element('span', 'preview-picker__title', title), confirm);
    control.classList.add('preview-picker__control');
    sheet.append(bar, control);
    const close = (value: T | undefined) => {
      mask.remove();
      resolve(value);
    };
    cancel.addEventListener('click', () => close(undefined));
    confirm.addEventListener('click', () => close(read()));
    mask.addEventListener('click', (event) => {
      if (event.target === mask) close(undefined);
    });
    mask.append(sheet);
    overlay().append(mask);
  });
}

/**
 * A notice of something WeChat does outside the page (a share card, an opened document…): a
 * card at the top of the frame that stays until dismissed, so it can be read and tested.
 */
export function showNotice(kind: string, title: string, lines: string[]): void {
  const notice = element('div', 'preview-notice');
  notice.setAttribute('role', 'status');
  notice.setAttribute('data-preview-notice', kind);
  notice.append(element('div', 'preview-notice__title', title));
  for (const line of lines) notice.append(element('div', 'preview-notice__line', line));
  const dismiss = element('button', 'preview-notice__close', '×');
  dismiss.type = 'button';
  dismiss.setAttribute('aria-label', '关闭提示');
  dismiss.addEventListener('click', () => notice.remove());
  notice.append(dismiss);
  overlay().append(notice);
}

/** Removes every dialog, sheet and notice (a relaunch, an identity change). */
export function clearOverlay(): void {
  hideToast();
  overlay().replaceChildren();
}
