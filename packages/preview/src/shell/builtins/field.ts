/** What `<input>` and `<textarea>` share: a native field with WeChat's events and placeholder. */
import { reportMissing } from '../missing';
import { base, ownerPath, reflect, scopedClasses, unsupported, type Builtin, type Definition } from './base';

const INPUT_TYPES: Record<string, { type: string; inputMode?: string }> = {
  text: { type: 'text' },
  number: { type: 'text', inputMode: 'numeric' },
  digit: { type: 'text', inputMode: 'decimal' },
  idcard: { type: 'text' },
  'safe-password': { type: 'password' },
  nickname: { type: 'text' },
};

const fieldProperties = {
  value: { type: String, value: '' },
  placeholder: { type: String, value: '' },
  placeholderStyle: { type: String, value: '' },
  placeholderClass: { type: String, value: '' },
  disabled: { type: Boolean, value: false },
  maxlength: { type: Number, value: 140 },
  focus: { type: Boolean, value: false },
  autoFocus: { type: Boolean, value: false },
  confirmType: { type: String, value: 'done' },
  confirmHold: { type: Boolean, value: false },
  cursorSpacing: { type: Number, value: 0 },
  cursor: { type: Number, value: -1 },
  selectionStart: { type: Number, value: -1 },
  selectionEnd: { type: Number, value: -1 },
  adjustPosition: { type: Boolean, value: true },
  holdKeyboard: { type: Boolean, value: false },
};

/** `<input>` and `<textarea>`: a native field with WeChat's events and placeholder element. */
export function field(tag: 'input' | 'textarea'): Definition {
  const rest =
    tag === 'input'
      ? unsupported('input', { alwaysEmbed: false, safePasswordCertPath: '' })
      : unsupported('textarea', { fixed: false, showConfirmBar: true, disableDefaultPadding: false });
  return base({
    properties: {
      ...fieldProperties,
      ...(tag === 'input'
        ? { type: { type: String, value: 'text' }, password: { type: Boolean, value: false } }
        : { autoHeight: { type: Boolean, value: false } }),
      ...rest.properties,
    },
    observers: {
      ...rest.observers,
      value(this: Builtin, value: unknown) {
        const native = this.native as HTMLInputElement;
        const text = value === null || value === undefined ? '' : String(value);
        if (native.value !== text) native.value = text;
        syncPlaceholder(this);
        if (tag === 'textarea') autoSize(this);
      },
      'placeholder, placeholderStyle, placeholderClass'(this: Builtin, placeholder, style, classes) {
        const shown = this.state.placeholder as HTMLElement;
        shown.textContent = String(placeholder ?? '');
        shown.setAttribute('style', String(style ?? ''));
        shown.className = ['preview-placeholder', ...scopedClasses(this, classes)].join(' ');
        syncPlaceholder(this);
      },
      disabled(this: Builtin, disabled: unknown) {
        (this.native as HTMLInputElement).disabled = Boolean(disabled);
        reflect(this.host, 'disabled', disabled);
      },
      maxlength(this: Builtin, maxlength: unknown) {
        const native = this.native as HTMLInputElement;
        if (Number(maxlength) >= 0) native.maxLength = Number(maxlength);
        else native.removeAttribute('maxlength');
      },
      'type, password'(this: Builtin, type: unknown, password: unknown) {
        if (tag !== 'input') return;
        const native = this.native as HTMLInputElement;
        const kind = INPUT_TYPES[String(type)] ?? INPUT_TYPES.text;
        if (!INPUT_TYPES[String(type)])
          reportMissing('attribute', `<input type="${String(type)}">`, ownerPath(this), this.host);
        native.type = password ? 'password' : (kind?.type ?? 'text');
        if (kind?.inputMode) native.inputMode = kind.inputMode;
        else native.removeAttribute('inputmode');
      },
      'focus, autoFocus'(this: Builtin, focus: unknown, autoFocus: unknown) {
        if (focus || autoFocus) queueMicrotask(() => (this.native as HTMLInputElement).focus());
      },
      confirmType(this: Builtin, confirmType: unknown) {
        (this.native as HTMLInputElement).enterKeyHint = String(
          confirmType === 'return' ? 'enter' : confirmType,
        );
      },
      autoHeight(this: Builtin) {
        autoSize(this);
      },
    },
    lifetimes: {
      created(this: Builtin) {
        const native = document.createElement(tag);
        native.className = `preview-${tag}`;
        const placeholder = document.createElement('div');
        placeholder.className = 'preview-placeholder';
        this.state = { placeholder };
        this.native = native;
        this.host.append(placeholder, native);
        const value = () => native.value;
        const cursor = () => native.selectionStart ?? native.value.length;
        let lastKey = 0;
        native.addEventListener('keydown', (event) => {
          lastKey = (event as KeyboardEvent).keyCode;
          if (
            (event as KeyboardEvent).key === 'Enter' &&
            (tag === 'input' || this.data.confirmType !== 'return')
          ) {
            if (tag === 'textarea' && this.data.confirmType === 'return') return;
            if (tag === 'textarea') event.preventDefault();
            this.triggerEvent('confirm', { value: value() });
            if (!this.data.confirmHold) native.blur();
          }
        });
        native.addEventListener('input', () => {
          syncPlaceholder(this);
          if (tag === 'textarea') autoSize(this);
          this.triggerEvent('input', { value: value(), cursor: cursor(), keyCode: lastKey });
        });
        native.addEventListener('focus', () => {
          this.host.setAttribute('focused', '');
          this.triggerEvent('focus', { value: value(), height: 0 });
        });
        native.addEventListener('blur', () => {
          this.host.removeAttribute('focused');
          this.triggerEvent('blur', { value: value(), cursor: cursor() });
        });
      },
    },
  });
}

function syncPlaceholder(node: Builtin): void {
  const placeholder = node.state.placeholder as HTMLElement | undefined;
  if (placeholder) placeholder.hidden = (node.native as HTMLInputElement).value !== '';
}

function autoSize(node: Builtin): void {
  if (!node.data.autoHeight) return;
  const native = node.native as HTMLTextAreaElement;
  native.style.height = 'auto';
  node.host.style.height = `${native.scrollHeight}px`;
  native.style.height = '';
}
