/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * What the preview's scripts share: the app as built by packages/preview/src/build.ts and the parts of
 * miniprogram-simulate's browser build (j-component on exparser) the shell drives.
 */
import type { PreviewManifest } from '../build';

export type { PreviewManifest };
export type Data = Record<string, unknown>;

/** `this` of a page or component: its data, setData and whatever the definition added. */
export type Instance = {
  data: Data;
  setData(data: Data, callback?: () => void): void;
  triggerEvent(name: string, detail?: unknown, options?: Data): void;
  selectComponent(selector: string): Instance | null;
  _exparserNode: ExparserNode;
} & Record<string, unknown>;

/** The exparser element behind a component (private fields of the pinned simulate version). */
export interface ExparserNode {
  $$?: HTMLElement;
  querySelectorAll?(selector: string): ExparserNode[];
  is?: string;
  classList: { toggle(name: string, force?: boolean): void };
  childNodes?: ExparserNode[];
  shadowRoot?: ExparserNode;
  ownerShadowRoot?: { getHostNode(): ExparserNode } | null;
}

/** A rendered tree as j-component answers it. */
export interface SimRoot {
  readonly dom: HTMLElement;
  readonly instance: Instance;
  readonly data: Data;
  attach(parent: Element): void;
  detach(): void;
  triggerPageLifeTime(name: string, ...args: unknown[]): void;
}

/** A component definition handed to j-component directly (builtins). */
export type ComponentDefinition = Data & {
  id: string;
  tagName: string;
  template: string;
};

export interface Simulate {
  load(componentPath: string, tagName: string, options: Data): string;
  load(definition: ComponentDefinition): string;
  render(id: string, properties?: Data): SimRoot;
}

/** A module body as the build emits it. */
export type ModuleFactory = (
  require: (key: string) => unknown,
  module: { exports: unknown },
  exports: unknown,
) => void;

export interface PreviewApp {
  manifest: PreviewManifest;
  /** `<key>.json` and `<key>.wxss` by key: the file map simulate reads. */
  files: Record<string, string>;
  modules: Record<string, ModuleFactory>;
  /** wcc's output: answers `$gwx`, which answers each template's render function by path. */
  gwx(): (wxmlPath: string) => unknown;
}

/** The server's settings for the preview: `GET /_preview/config.json`. */
export interface PreviewConfig {
  defaultOpenid: string;
  /** OPENIDs made staff at start (`ADMIN_OPENIDS`), offered in the identity picker. */
  staffOpenids: string[];
}

declare global {
  interface Window {
    simulate: Simulate;
    __FILE_MAP__: Record<string, unknown>;
    __PREVIEW_APP__: PreviewApp;
    /** Run by the script stubs in the file map: a component script, freshly each time. */
    __previewRunComponent(key: string): unknown;
    /** For tests and the curious: what the preview could not render, and what it did. */
    __preview: PreviewDebug;
    __webview_engine_version__?: number;
  }
}

export interface PreviewDebug {
  missing: { kind: string; name: string; where: string }[];
  actions: { kind: string; detail: string }[];
  stack(): { route: string; query: Record<string, string> }[];
  /** Resolves once in-flight function calls and async page hooks have settled. */
  idle(): Promise<void>;
  /**
   * Elements of the top page (and its tab bar) matching a WXML selector (`#id`, `.class`) as the
   * page's components see them: ids live in exparser, not the DOM. A virtual host (every TDesign
   * component) answers the first element it renders.
   */
  query(selector: string): Element[];
  openid: string;
}
