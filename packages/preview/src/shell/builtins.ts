/**
 * The builtin components (`<view>`, `<input>`, `<image>`…) for a real browser. simulate
 * registers every builtin as a bare `<slot/>` (enough under jsdom, where nothing is seen or
 * typed); here each one the app renders gets the behaviour and native elements the WeChat render
 * layer gives it, as exparser components whose host is the `<wx-*>` element WXSS targets.
 *
 * A builtin implemented only in part reports what it cannot do when the page uses it; a builtin
 * the preview lacks entirely marks its element `data-preview-missing` and still renders its content.
 */
import { BUILTIN_COMPONENTS } from '../../../miniprogram-runtime/src';
import { reportMissing } from './missing';
import { showPickerSheet } from './ui';
import type { Data, Instance } from './types';

type Definition = Data & {
  properties?: Data;
  observers?: Record<string, (this: Builtin, ...values: unknown[]) => void>;
  lifetimes?: Record<string, (this: Builtin) => void>;
  methods?: Record<string, (this: Builtin, ...args: never[]) => unknown>;
};

/** `this` inside a builtin: the exparser node and native elements it owns. */
type Builtin = Instance & {
  host: HTMLElement;
  native?: HTMLElement;
  state: Data;
};

/** Services the builtins need from the rest of the preview. */
export interface BuiltinHost {
  /** Resolves `cloud://` file IDs to a URL the browser can load. */
  resolveFileUrl(src: string): Promise<string>;
  /** `<button open-type="share">`: the page's onShareAppMessage with `from: 'button'`. */
  shareFromButton(target: Data): void;
  /** `<button open-type="agreePrivacyAuthorization">`: the user agreed through `buttonId`. */
  agreePrivacy(buttonId: string): void;
  /** The `[data-preview-page]` element a node is in (for page-meta). */
  pageOf(node: Element): HTMLElement | null;
  /** `<button open-type="contact">` and the like: something WeChat handles itself. */
  platformAction(kind: string, detail: string): void;
}

const ARIA = ['role', 'label', 'hidden', 'live', 'busy', 'level', 'modal', 'disabled', 'selected', 'checked'];

/** aria-* attributes: WeChat writes them to the element for screen readers; so does the preview. */
const ariaProperties: Data = Object.fromEntries(
  ARIA.map((name) => [`aria${name[0]?.toUpperCase()}${name.slice(1)}`, { type: null, value: null }]),
);

function ariaObservers(): Definition['observers'] {
  return Object.fromEntries(
    ARIA.map((name) => {
      const property = `aria${name[0]?.toUpperCase()}${name.slice(1)}`;
      return [
        property,
        function (this: Builtin, value: unknown) {
          const attribute = name === 'role' ? 'role' : `aria-${name}`;
          if (value === null || value === undefined || value === '') this.host.removeAttribute(attribute);
          else this.host.setAttribute(attribute, String(value));
        },
      ];
    }),
  );
}

/** Properties WeChat documents that the preview does not implement: using one is reported. */
function unsupported(
  tag: string,
  names: Record<string, unknown>,
): Pick<Definition, 'properties' | 'observers'> {
  const properties: Data = {};
  const observers: NonNullable<Definition['observers']> = {};
  for (const [name, value] of Object.entries(names)) {
    properties[name] = { type: null, value };
    observers[name] = function (this: Builtin, current: unknown) {
      if (current !== value && current !== null && current !== undefined && current !== '') {
        reportMissing('attribute', `<${tag} ${kebab(name)}>`, ownerPath(this), this.host);
      }
    };
  }
  return { properties, observers };
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The page or component whose template holds this node, for messages. */
function ownerPath(node: Builtin): string {
  const owner = node._exparserNode.ownerShadowRoot?.getHostNode() as { __previewPath?: string } | undefined;
  return owner?.__previewPath ?? 'app';
}

/** The class prefix of the component whose template holds this node (its scoped class names). */
function ownerPrefix(node: Builtin): string {
  const classList = node._exparserNode.classList as unknown as { getPrefix?: () => string };
  return classList.getPrefix?.() ?? '';
}

/** Class names as written in a template, scoped as exparser scopes them for this node's owner. */
function scopedClasses(node: Builtin, names: unknown): string[] {
  const prefix = ownerPrefix(node);
  return String(names ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((name) => (prefix ? `${prefix}--${name}` : name));
}

function reflect(host: HTMLElement, attribute: string, value: unknown): void {
  if (value === false || value === null || value === undefined || value === '')
    host.removeAttribute(attribute);
  else host.setAttribute(attribute, value === true ? '' : String(value));
}

// ---------------------------------------------------------------------------------------------
// Hover

const hoverProperties = {
  hoverClass: { type: String, value: 'none' },
  hoverStopPropagation: { type: Boolean, value: false },
  hoverStartTime: { type: Number, value: 50 },
  hoverStayTime: { type: Number, value: 400 },
};

/** `hover-class`: applied while pressed, as the render layer does on touch. */
function installHover(node: Builtin, defaultClass = 'none'): void {
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

// ---------------------------------------------------------------------------------------------
// Definitions

/**
 * Every builtin: aria attributes, `this.host`, and its observers run once when attached, since
 * exparser runs an observer only for properties the template sets, not for defaults.
 */
function base(extra: Definition): Definition {
  const created = extra.lifetimes?.created;
  const observers = { ...ariaObservers(), ...(extra.observers ?? {}) };
  return {
    ...extra,
    properties: { ...ariaProperties, ...(extra.properties ?? {}) },
    observers,
    lifetimes: {
      ...(extra.lifetimes ?? {}),
      created(this: Builtin) {
        this.host = this._exparserNode.$$ as HTMLElement;
        this.state = {};
        created?.call(this);
      },
      attached(this: Builtin) {
        for (const [fields, observer] of Object.entries(observers)) {
          observer.apply(
            this,
            fields.split(',').map((name) => this.data[name.trim()]),
          );
        }
      },
    },
  };
}

function view(): Definition {
  return base({
    properties: { ...hoverProperties },
    lifetimes: {
      created(this: Builtin) {
        installHover(this);
      },
    },
  });
}

function text(): Definition {
  const rest = unsupported('text', { space: '', decode: false });
  return base({
    properties: {
      selectable: { type: Boolean, value: false },
      userSelect: { type: Boolean, value: false },
      ...rest.properties,
    },
    observers: {
      ...rest.observers,
      'selectable, userSelect'(this: Builtin, selectable: unknown, userSelect: unknown) {
        reflect(this.host, 'user-select', Boolean(selectable || userSelect));
      },
    },
  });
}

function label(): Definition {
  return base(unsupported('label', { for: '' }));
}

function button(host: BuiltinHost): Definition {
  // The contact session's own settings (session-from, send-message-*) only matter to WeChat's
  // customer-service chat, which the preview stands in for with a notice.
  const rest = unsupported('button', { formType: '', appParameter: '' });
  return base({
    properties: {
      ...hoverProperties,
      hoverClass: { type: String, value: 'button-hover' },
      size: { type: String, value: 'default' },
      type: { type: String, value: 'default' },
      plain: { type: Boolean, value: false },
      disabled: { type: Boolean, value: false },
      loading: { type: Boolean, value: false },
      openType: { type: String, value: '' },
      lang: { type: String, value: 'en' },
      sessionFrom: { type: String, value: '' },
      sendMessageTitle: { type: String, value: '' },
      sendMessagePath: { type: String, value: '' },
      sendMessageImg: { type: String, value: '' },
      showMessageCard: { type: Boolean, value: false },
      ...rest.properties,
    },
    observers: {
      ...rest.observers,
      'size, type, plain, disabled, loading'(this: Builtin, size, type, plain, disabled, loading) {
        reflect(this.host, 'size', size === 'default' ? '' : size);
        reflect(this.host, 'type', type === 'default' ? '' : type);
        reflect(this.host, 'plain', plain);
        reflect(this.host, 'disabled', disabled);
        reflect(this.host, 'loading', loading);
        this.host.setAttribute('role', String(this.data.ariaRole ?? 'button'));
      },
    },
    lifetimes: {
      created(this: Builtin) {
        installHover(this, 'button-hover');
        const exparser = this._exparserNode as unknown as {
          addListener(name: string, listener: (event: Data) => void): void;
        };
        exparser.addListener('tap', () => {
          if (this.data.disabled) return;
          const openType = String(this.data.openType ?? '');
          const target = {
            id: (this._exparserNode as unknown as { id: string }).id,
            dataset: datasetOf(this),
          };
          switch (openType) {
            case '':
              return;
            case 'share':
              host.shareFromButton(target);
              return;
            case 'agreePrivacyAuthorization':
              host.agreePrivacy(target.id);
              this.triggerEvent('agreeprivacyauthorization', {});
              return;
            case 'contact':
              host.platformAction('客服会话', '微信会打开与小程序客服的会话');
              this.triggerEvent('contact', { errMsg: 'enterContact:ok', path: '', query: {} });
              return;
            default:
              reportMissing('attribute', `<button open-type="${openType}">`, ownerPath(this), this.host);
          }
        });
      },
    },
  });
}

function datasetOf(node: Builtin): Data {
  return { ...((node._exparserNode as unknown as { dataset?: Data }).dataset ?? {}) };
}

const IMAGE_MODES: Record<string, { size: string; position: string }> = {
  scaleToFill: { size: '100% 100%', position: '0% 0%' },
  aspectFit: { size: 'contain', position: 'center center' },
  aspectFill: { size: 'cover', position: 'center center' },
  widthFix: { size: '100% 100%', position: '0% 0%' },
  heightFix: { size: '100% 100%', position: '0% 0%' },
  top: { size: 'auto', position: 'center top' },
  bottom: { size: 'auto', position: 'center bottom' },
  center: { size: 'auto', position: 'center center' },
  left: { size: 'auto', position: 'left center' },
  right: { size: 'auto', position: 'right center' },
  'top left': { size: 'auto', position: 'left top' },
  'top right': { size: 'auto', position: 'right top' },
  'bottom left': { size: 'auto', position: 'left bottom' },
  'bottom right': { size: 'auto', position: 'right bottom' },
};

/** `<image>`: a background-image box, as the render layer draws it, sized by `mode`. */
function image(host: BuiltinHost): Definition {
  const rest = unsupported('image', { showMenuByLongpress: false });
  return base({
    properties: {
      src: { type: String, value: '' },
      mode: { type: String, value: 'scaleToFill' },
      webp: { type: Boolean, value: false },
      lazyLoad: { type: Boolean, value: false },
      fadeIn: { type: Boolean, value: false },
      ...rest.properties,
    },
    observers: {
      ...rest.observers,
      'src, mode'(this: Builtin, src: unknown, mode: unknown) {
        const fit = IMAGE_MODES[String(mode)] ?? IMAGE_MODES.scaleToFill;
        if (!IMAGE_MODES[String(mode)])
          reportMissing('attribute', `<image mode="${String(mode)}">`, ownerPath(this), this.host);
        const box = this.native as HTMLElement;
        box.style.backgroundSize = fit?.size ?? '';
        box.style.backgroundPosition = fit?.position ?? '';
        reflect(this.host, 'mode', mode);
        const request = ++(this.state as { request: number }).request;
        if (!src) {
          box.style.backgroundImage = '';
          return;
        }
        void host
          .resolveFileUrl(String(src))
          .then((url) => {
            const probe = new Image();
            probe.onload = () => {
              if ((this.state as { request: number }).request !== request) return;
              box.style.backgroundImage = `url("${url.replace(/"/g, '%22')}")`;
              if (mode === 'widthFix' && probe.naturalWidth) {
                this.host.style.height = `${(this.host.clientWidth * probe.naturalHeight) / probe.naturalWidth}px`;
              } else if (mode === 'heightFix' && probe.naturalHeight) {
                this.host.style.width = `${(this.host.clientHeight * probe.naturalWidth) / probe.naturalHeight}px`;
              }
              this.triggerEvent('load', { width: probe.naturalWidth, height: probe.naturalHeight });
            };
            probe.onerror = () => this.triggerEvent('error', { errMsg: `GET ${String(src)} failed` });
            probe.src = url;
          })
          .catch((error: unknown) => this.triggerEvent('error', { errMsg: String(error) }));
      },
    },
    lifetimes: {
      created(this: Builtin) {
        this.state = { request: 0 };
        const box = document.createElement('div');
        box.className = 'preview-image';
        box.style.backgroundRepeat = 'no-repeat';
        this.native = box;
        this.host.append(box);
      },
    },
  });
}

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
function field(tag: 'input' | 'textarea'): Definition {
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

/** Tags and attributes `<rich-text>` renders (WeChat's whitelist); anything else is left out. */
const RICH_TEXT_TAGS = new Set(
  (
    'a abbr address article aside b bdi bdo big blockquote br caption center cite code col colgroup dd del ' +
    'div dl dt em fieldset font footer h1 h2 h3 h4 h5 h6 header hr i img ins label legend li mark nav ol p pre ' +
    'q rt ruby s section small span strong sub sup table tbody td tfoot th thead tr tt u ul'
  ).split(' '),
);
const RICH_TEXT_ATTRIBUTES: Record<string, string[]> = {
  '*': ['class', 'style'],
  col: ['span', 'width'],
  colgroup: ['span', 'width'],
  img: ['alt', 'src', 'height', 'width'],
  ol: ['start', 'type'],
  table: ['width'],
  td: ['colspan', 'height', 'rowspan', 'width'],
  th: ['colspan', 'height', 'rowspan', 'width'],
};

interface RichNode {
  name?: string;
  type?: string;
  text?: string;
  attrs?: Record<string, string>;
  children?: RichNode[];
}

/** `<rich-text nodes>`: an HTML string or a node array, through WeChat's whitelist. */
function richText(): Definition {
  const rest = unsupported('rich-text', { space: '' });
  return base({
    properties: {
      nodes: { type: null, value: [] },
      userSelect: { type: Boolean, value: false },
      ...rest.properties,
    },
    observers: {
      ...rest.observers,
      nodes(this: Builtin, nodes: unknown) {
        const container = this.native as HTMLElement;
        container.replaceChildren();
        const list: RichNode[] =
          typeof nodes === 'string' ? parseHtml(nodes) : Array.isArray(nodes) ? (nodes as RichNode[]) : [];
        for (const node of list) appendRich(this, container, node);
      },
      userSelect(this: Builtin, value: unknown) {
        reflect(this.host, 'user-select', value);
      },
    },
    lifetimes: {
      created(this: Builtin) {
        const container = document.createElement('div');
        container.className = 'preview-rich-text';
        this.native = container;
        this.host.append(container);
      },
    },
  });
}

function parseHtml(html: string): RichNode[] {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const toNode = (node: Node): RichNode | null => {
    if (node.nodeType === Node.TEXT_NODE) return { type: 'text', text: node.textContent ?? '' };
    if (node.nodeType !== Node.ELEMENT_NODE) return null;
    const element = node as Element;
    return {
      name: element.tagName.toLowerCase(),
      attrs: Object.fromEntries(
        [...element.attributes].map((attribute) => [attribute.name, attribute.value]),
      ),
      children: [...element.childNodes].map(toNode).filter((child): child is RichNode => child !== null),
    };
  };
  return [...doc.body.childNodes].map(toNode).filter((child): child is RichNode => child !== null);
}

function appendRich(node: Builtin, parent: Element, rich: RichNode): void {
  if (rich.type === 'text' || rich.name === undefined) {
    parent.append(document.createTextNode(rich.text ?? ''));
    return;
  }
  const name = rich.name.toLowerCase();
  if (!RICH_TEXT_TAGS.has(name)) {
    // WeChat drops a tag it does not support and keeps its text.
    for (const child of rich.children ?? []) appendRich(node, parent, child);
    return;
  }
  const element = document.createElement(name);
  const allowed = new Set([...(RICH_TEXT_ATTRIBUTES['*'] ?? []), ...(RICH_TEXT_ATTRIBUTES[name] ?? [])]);
  for (const [attribute, value] of Object.entries(rich.attrs ?? {})) {
    if (!allowed.has(attribute)) continue;
    // Class names in nodes are the page's, scoped like the rest of its template.
    if (attribute === 'class') element.className = scopedClasses(node, value).join(' ');
    else element.setAttribute(attribute, value);
  }
  for (const child of rich.children ?? []) appendRich(node, element, child);
  parent.append(element);
}

/** `<scroll-view>`: the host element scrolls, with WeChat's scroll events and thresholds. */
function scrollView(): Definition {
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

/** `<page-meta>`: page-level style and font size, applied to the page element. */
function pageMeta(host: BuiltinHost): Definition {
  const rest = unsupported('page-meta', {
    rootFontSize: '',
    backgroundTextStyle: '',
    backgroundColor: '',
    backgroundColorTop: '',
    backgroundColorBottom: '',
    rootBackgroundColor: '',
    pageOrientation: '',
  });
  return base({
    properties: {
      pageStyle: { type: String, value: '' },
      pageFontSize: { type: String, value: '' },
      scrollTop: { type: String, value: '' },
      scrollDuration: { type: Number, value: 300 },
      ...rest.properties,
    },
    observers: {
      ...rest.observers,
      'pageStyle, pageFontSize'(this: Builtin, style: unknown, fontSize: unknown) {
        const apply = () => {
          const page = host.pageOf(this.host);
          if (!page) return false;
          page.setAttribute(
            'style',
            `${String(style ?? '')}${fontSize ? `;font-size:${String(fontSize)}` : ''}`,
          );
          return true;
        };
        // Until the page is attached the element has no page; apply once it does.
        if (!apply()) queueMicrotask(apply);
      },
      scrollTop(this: Builtin, value: unknown) {
        if (!value) return;
        const scroller = host.pageOf(this.host)?.querySelector('.preview-page__scroll');
        scroller?.scrollTo({ top: parseFloat(String(value)), behavior: 'smooth' });
      },
    },
  });
}

/**
 * `<picker>`: its content opens a picker sheet; `selector`, `date` and `time` use the browser's
 * own controls in place of WeChat's wheels.
 */
function picker(): Definition {
  return base({
    properties: {
      mode: { type: String, value: 'selector' },
      disabled: { type: Boolean, value: false },
      range: { type: Array, value: [] },
      rangeKey: { type: String, value: '' },
      value: { type: null, value: null },
      start: { type: String, value: '' },
      end: { type: String, value: '' },
      fields: { type: String, value: 'day' },
      headerText: { type: String, value: '' },
    },
    observers: {
      mode(this: Builtin, mode: unknown) {
        if (!['selector', 'date', 'time'].includes(String(mode))) {
          reportMissing('attribute', `<picker mode="${String(mode)}">`, ownerPath(this), this.host);
        }
      },
      fields(this: Builtin, fields: unknown) {
        if (this.data.mode === 'date' && fields === 'year') {
          reportMissing('attribute', '<picker fields="year">', ownerPath(this), this.host);
        }
      },
    },
    lifetimes: {
      created(this: Builtin) {
        const exparser = this._exparserNode as unknown as {
          addListener(name: string, listener: () => void): void;
        };
        exparser.addListener('tap', () => void (this.open as () => Promise<void>)());
      },
    },
    methods: {
      async open(this: Builtin) {
        if (this.data.disabled) return;
        const mode = String(this.data.mode);
        const value = this.data.value;
        let control: HTMLInputElement | HTMLSelectElement;
        let read: () => unknown;
        if (mode === 'selector') {
          const select = document.createElement('select');
          select.size = 6;
          const key = String(this.data.rangeKey ?? '');
          ((this.data.range ?? []) as unknown[]).forEach((item, index) => {
            const option = document.createElement('option');
            option.value = String(index);
            option.textContent = String(key && item && typeof item === 'object' ? (item as Data)[key] : item);
            select.append(option);
          });
          select.value = String(Number(value) || 0);
          control = select;
          read = () => Number(select.value);
        } else if (mode === 'date' || mode === 'time') {
          const input = document.createElement('input');
          input.type = mode === 'time' ? 'time' : this.data.fields === 'month' ? 'month' : 'date';
          if (this.data.start) input.min = String(this.data.start);
          if (this.data.end) input.max = String(this.data.end);
          input.value = String(value ?? '');
          control = input;
          read = () => input.value;
        } else return;
        const chosen = await showPickerSheet(String(this.data.headerText ?? ''), control, read);
        if (chosen === undefined) this.triggerEvent('cancel', {});
        else this.triggerEvent('change', { value: chosen });
      },
    },
  });
}

/** A builtin the preview does not render: its content still shows, marked and reported. */
function notImplemented(tag: string): Definition {
  return base({
    lifetimes: {
      created(this: Builtin) {
        queueMicrotask(() => reportMissing('component', `<${tag}>`, ownerPath(this), this.host));
      },
    },
  });
}

/** Replaces simulate's slot-only builtins with the preview's. */
export function installBuiltins(host: BuiltinHost): string[] {
  const implemented: Record<string, () => Definition> = {
    view,
    text,
    label,
    button: () => button(host),
    image: () => image(host),
    input: () => field('input'),
    textarea: () => field('textarea'),
    'rich-text': richText,
    'scroll-view': scrollView,
    'page-meta': () => pageMeta(host),
    picker,
  };
  for (const tag of BUILTIN_COMPONENTS) {
    const definition = implemented[tag]?.() ?? notImplemented(tag);
    window.simulate.load({ ...definition, id: tag, tagName: `wx-${tag}`, template: '<slot/>' });
  }
  return Object.keys(implemented);
}
