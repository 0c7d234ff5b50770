/**
 * What every builtin component of the preview shares: its definition shape, `this.host`, aria
 * attributes, reporting of properties the preview lacks, and class-name scoping.
 */
import { reportMissing } from '../missing';
import type { Data, Instance } from '../types';

export type Definition = Data & {
  properties?: Data;
  observers?: Record<string, (this: Builtin, ...values: unknown[]) => void>;
  lifetimes?: Record<string, (this: Builtin) => void>;
  methods?: Record<string, (this: Builtin, ...args: never[]) => unknown>;
};

/** `this` inside a builtin: the exparser node and native elements it owns. */
export type Builtin = Instance & {
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
export function unsupported(
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
export function ownerPath(node: Builtin): string {
  const owner = node._exparserNode.ownerShadowRoot?.getHostNode() as { __previewPath?: string } | undefined;
  return owner?.__previewPath ?? 'app';
}

/** The class prefix of the component whose template holds this node (its scoped class names). */
function ownerPrefix(node: Builtin): string {
  const classList = node._exparserNode.classList as unknown as { getPrefix?: () => string };
  return classList.getPrefix?.() ?? '';
}

/** Class names as written in a template, scoped as exparser scopes them for this node's owner. */
export function scopedClasses(node: Builtin, names: unknown): string[] {
  const prefix = ownerPrefix(node);
  return String(names ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((name) => (prefix ? `${prefix}--${name}` : name));
}

export function reflect(host: HTMLElement, attribute: string, value: unknown): void {
  if (value === false || value === null || value === undefined || value === '')
    host.removeAttribute(attribute);
  else host.setAttribute(attribute, value === true ? '' : String(value));
}

/**
 * Every builtin: aria attributes, `this.host`, and its observers run once when attached, since
 * exparser runs an observer only for properties the template sets, not for defaults.
 */
export function base(extra: Definition): Definition {
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

export function datasetOf(node: Builtin): Data {
  return { ...((node._exparserNode as unknown as { dataset?: Data }).dataset ?? {}) };
}
