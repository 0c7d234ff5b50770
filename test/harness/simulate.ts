/**
 * Renders mini program pages and components under jest + jsdom with miniprogram-simulate, the way
 * the WeChat runtime would:
 *
 * - npm-style `usingComponents` paths (`tdesign-miniprogram/button/button`) resolve into the
 *   `miniprogram/miniprogram_npm/` that `npm run build` writes, as "构建 npm" does in DevTools;
 * - `Page()`, `getApp()` and `getCurrentPages()` exist, and tests drive page lifecycles;
 * - a tag that is neither a WXML component nor resolved through the `usingComponents` of the
 *   component whose template uses it fails the test: simulate would render it as a bare element
 *   and the test would pass without the component ever running.
 *
 * Class names render scoped as in the real render layer: `.foo` in `<t-button>` is `t-button--foo`
 * in the DOM. Query through the returned nodes instead (`page.querySelector('#send')`, then
 * `.querySelector('.t-button')`), which match class names as written in each template. TDesign
 * components are virtual hosts with no element of their own: query an element inside them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import {
  needsNoDeclaration,
  pageAsComponent,
  wxAsyncApi,
  type WxRun,
} from '../../packages/miniprogram-runtime/src';
import { MINIPROGRAM_DIR, MINIPROGRAM_NPM_DIR } from '../../tools/build/paths';

/** The parts of a rendered jsdom element tests read; the root tsconfig has no DOM types. */
export interface RenderedElement {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly outerHTML: string;
  getAttribute(name: string): string | null;
}

export type Data = Record<string, unknown>;

/** `this` of a page or component: its data, setData and its methods. */
export type Instance<TData extends Data = Data> = {
  data: TData;
  setData(data: Partial<TData> & Data, callback?: () => void): void;
} & Record<string, unknown>;

/** A node of the rendered tree (a j-component `Component`). */
export interface SimNode<TData extends Data = Data> {
  /** Undefined for virtual hosts such as every TDesign component. */
  readonly dom: RenderedElement | undefined;
  readonly data: TData;
  readonly instance: Instance<TData>;
  querySelector(selector: string): SimNode | undefined;
  querySelectorAll(selector: string): SimNode[];
  dispatchEvent(eventName: string, options?: { detail?: unknown }): void;
}

interface SimRoot<TData extends Data> extends SimNode<TData> {
  attach(parent: unknown): void;
  detach(): void;
  triggerPageLifeTime(name: string, ...args: unknown[]): void;
}

interface SimulateModule {
  load(componentPath: string, options: Record<string, unknown>): string;
  render<TData extends Data>(id: string, properties?: Data): SimRoot<TData>;
}

/** exparser's tree behind a j-component node (private fields of the pinned simulate version). */
interface ExparserNode {
  is?: string;
  childNodes?: ExparserNode[];
  shadowRoot?: ExparserNode;
  _vt?: { tagName?: string };
}

/** Page hooks the platform calls whether or not the page defines them. */
const LIFECYCLES = ['onLoad', 'onShow', 'onReady', 'onHide', 'onUnload'] as const;
/** Page handlers of user actions: the platform only offers the action when the page defines it. */
const USER_ACTIONS = ['onPullDownRefresh', 'onReachBottom', 'onShareAppMessage', 'onShareTimeline'] as const;

// Through jest's loader, not an import: the package's types pull miniprogram-api-typings into the
// Node program, whose global `require`, `setTimeout` and `console` would shadow Node's.
const simulate = jest.requireActual<SimulateModule>('miniprogram-simulate');
/** simulate's `wx` stand-in, the base every `installWx()` starts from. */
const SIMULATE_WX = { ...(globalThis as unknown as { wx: Data }).wx };

// ---------------------------------------------------------------------------------------------
// Globals: Page, getApp, getCurrentPages

/** A page or component the harness rendered in the current test. */
interface Mounted {
  root: SimRoot<Data>;
  /** Its path from the root, for messages. */
  where: string;
  isPage: boolean;
}

const mounted: Mounted[] = [];
const defaultApp = (): Data => ({ globalData: {} });
let app = defaultApp();
/** Route of the page being loaded, read by `Page()` while simulate runs its script. */
let loadingRoute = '';

/** Makes `getApp()` answer `instance` for the current test (otherwise `{ globalData: {} }`). */
export function installApp<T extends Data>(instance: T): T {
  app = instance;
  return instance;
}

/**
 * `Page(definition)` as a Component definition simulate can load (lifecycles are called by the
 * test through `PageHandle`).
 */
function Page(definition: Data): void {
  const Component = (globalThis as unknown as { Component: (options: Data) => void }).Component;
  Component(pageAsComponent(definition, { route: loadingRoute, clone: copyValue }));
}

/** A structured copy; jest's jsdom environment has no `structuredClone`. */
function copyValue<T>(value: T): T {
  return deserialize(serialize(value)) as T;
}

Object.assign(globalThis, {
  Page,
  getApp: () => app,
  getCurrentPages: () => mounted.filter((entry) => entry.isPage).map((entry) => entry.root.instance),
});

// Each test starts clean, and a tag left unresolved by the test's last change still fails it.
afterEach(() => {
  app = defaultApp();
  try {
    assertAllResolved();
  } finally {
    for (const entry of mounted.splice(0)) {
      // The test is over, so its pages are left, as navigating away leaves them: their timers stop.
      const instance = entry.root.instance as Data & { onUnload?: () => unknown };
      if (entry.isPage && typeof instance.onUnload === 'function') instance.onUnload();
      entry.root.detach();
    }
  }
});

// ---------------------------------------------------------------------------------------------
// wx

export type CallFunction = (name: string, data: unknown) => Promise<unknown>;

export interface WxOptions {
  /** Answers `wx.cloud.callFunction({ name, data })` with the function's return value. */
  callFunction?: CallFunction;
  /** Initial storage content. */
  storage?: Data;
}

/** Async APIs that succeed without a result: navigation, feedback, device. */
const SUCCEEDING_APIS = [
  ...['navigateTo', 'redirectTo', 'switchTab', 'reLaunch', 'navigateBack'],
  ...['showToast', 'hideToast', 'showLoading', 'hideLoading', 'stopPullDownRefresh'],
  ...['setNavigationBarTitle', 'setClipboardData', 'makePhoneCall', 'pageScrollTo'],
] as const;
type MockedApi =
  | (typeof SUCCEEDING_APIS)[number]
  | ('showModal' | 'requestSubscribeMessage')
  | ('getStorageSync' | 'setStorageSync' | 'removeStorageSync' | 'clearStorageSync')
  | ('getStorage' | 'setStorage' | 'removeStorage');

/** The installed `wx`: every mocked API records its calls for assertions. */
export type WxMock = Record<MockedApi, jest.Mock> & {
  /** What `wx.setStorage*` stored, by key. */
  readonly storage: Map<string, unknown>;
  readonly cloud: { init: jest.Mock; callFunction: jest.Mock };
};

/**
 * Installs a fresh `global.wx`: simulate's stand-ins for every API, with jest mocks that record
 * calls for navigation, feedback and storage (kept in memory), and `wx.cloud.callFunction` routed
 * to `options.callFunction`.
 */
export function installWx(options: WxOptions = {}): WxMock {
  const storage = new Map<string, unknown>(Object.entries(options.storage ?? {}));
  // wx keeps a copy: a page mutating an object after storing it must not change what is stored.
  const copy = copyValue;
  const missing = (key: string) => ({ errMsg: `getStorage:fail data not found, key: ${key}` });

  const wx = {
    ...SIMULATE_WX,
    storage,
    ...succeeding(SUCCEEDING_APIS),
    showModal: asyncApi('showModal', () => ({ confirm: true, cancel: false })),
    requestSubscribeMessage: asyncApi('requestSubscribeMessage', (args: { tmplIds?: string[] }) =>
      Object.fromEntries((args.tmplIds ?? []).map((id) => [id, 'accept'])),
    ),
    getStorageSync: jest.fn((key: string) => (storage.has(key) ? copy(storage.get(key)) : '')),
    setStorageSync: jest.fn((key: string, value: unknown) => void storage.set(key, copy(value))),
    removeStorageSync: jest.fn((key: string) => void storage.delete(key)),
    clearStorageSync: jest.fn(() => storage.clear()),
    getStorage: asyncApi('getStorage', ({ key }: { key: string }) => {
      if (!storage.has(key)) throw missing(key);
      return { data: copy(storage.get(key)) };
    }),
    setStorage: asyncApi('setStorage', ({ key, data }: { key: string; data: unknown }) => {
      storage.set(key, copy(data));
      return {};
    }),
    removeStorage: asyncApi('removeStorage', ({ key }: { key: string }) => {
      storage.delete(key);
      return {};
    }),
    cloud: {
      init: jest.fn(),
      callFunction: asyncApi(
        'cloud.callFunction',
        async ({ name, data }: { name: string; data?: unknown }) => {
          if (!options.callFunction) {
            throw {
              errMsg: 'cloud.callFunction:fail no cloud in this test: pass callFunction to installWx()',
            };
          }
          return { result: await options.callFunction(name, data ?? {}), requestID: `test-${name}` };
        },
      ),
    },
  };
  (globalThis as unknown as { wx: unknown }).wx = wx;
  return wx;
}

/** Async wx APIs that just succeed and record their calls. */
function succeeding<Name extends string>(names: readonly Name[]): Record<Name, jest.Mock> {
  return Object.fromEntries(names.map((name) => [name, asyncApi(name, () => ({}))])) as Record<
    Name,
    jest.Mock
  >;
}

/** A wx-style async API (the shared convention) that records its calls. */
function asyncApi<A extends Data>(name: string, run: WxRun<A>): jest.Mock {
  return jest.fn(wxAsyncApi(name, run));
}

// ---------------------------------------------------------------------------------------------
// Loading

export interface LoadOptions {
  /**
   * The mini program root that absolute `usingComponents` paths start from; defaults to
   * `miniprogram/`. Fixtures use their own root, and still get TDesign from `miniprogram/`.
   */
  rootPath?: string;
}

export interface PageHandle<TData extends Data = Data> {
  readonly root: SimNode<TData>;
  readonly instance: Instance<TData>;
  readonly data: TData;
  querySelector(selector: string): SimNode | undefined;
  querySelectorAll(selector: string): SimNode[];
  onLoad(query?: Record<string, string>): Promise<unknown>;
  onShow(): Promise<unknown>;
  onReady(): Promise<unknown>;
  onHide(): Promise<unknown>;
  onUnload(): Promise<unknown>;
  onPullDownRefresh(): Promise<unknown>;
  onReachBottom(): Promise<unknown>;
  onShareAppMessage(options?: { from: 'button' | 'menu'; target?: unknown }): Promise<unknown>;
  onShareTimeline(): Promise<unknown>;
}

/**
 * Loads and attaches the page at `pagePath` (`pages/home/index`, relative to the root). Nothing
 * has run yet but `created`/`attached`: call `onLoad(query)`, `onShow()`, … as the test needs.
 */
export function loadPage<TData extends Data = Data>(
  pagePath: string,
  options: LoadOptions = {},
): PageHandle<TData> {
  const rootPath = options.rootPath ?? MINIPROGRAM_DIR;
  loadingRoute = pagePath;
  let root: SimRoot<TData>;
  try {
    root = render<TData>(path.join(rootPath, pagePath), rootPath);
  } finally {
    loadingRoute = '';
  }
  const instance = root.instance;
  mounted.push({ root: root as unknown as SimRoot<Data>, where: pagePath, isPage: true });

  const call =
    (hook: string, required: boolean) =>
    async (...args: unknown[]) => {
      const handler = instance[hook];
      if (typeof handler !== 'function') {
        if (required) throw new Error(`${pagePath} does not define ${hook}`);
        return undefined;
      }
      const result: unknown = await handler.apply(instance, args);
      await settle();
      assertAllResolved();
      return result;
    };
  const hooks = Object.fromEntries([
    ...LIFECYCLES.map((hook) => [hook, call(hook, false)] as const),
    ...USER_ACTIONS.map((hook) => [hook, call(hook, true)] as const),
  ]) as Record<
    (typeof LIFECYCLES)[number] | (typeof USER_ACTIONS)[number],
    (...args: unknown[]) => Promise<unknown>
  >;

  return {
    root,
    instance,
    get data() {
      return root.data;
    },
    querySelector: (selector) => root.querySelector(selector),
    querySelectorAll: (selector) => root.querySelectorAll(selector),
    ...hooks,
    onLoad: (query = {}) => {
      // The runtime sets `this.options` before onLoad runs.
      instance.options = query;
      return hooks.onLoad(query);
    },
    onShow: () => {
      root.triggerPageLifeTime('show');
      return hooks.onShow();
    },
    onHide: () => {
      root.triggerPageLifeTime('hide');
      return hooks.onHide();
    },
    onShareAppMessage: (shareOptions = { from: 'menu' }) => hooks.onShareAppMessage(shareOptions),
  };
}

/** Loads and attaches a component (`components/news-card/index`) with the given properties. */
export function loadComponent<TData extends Data = Data>(
  componentPath: string,
  properties: Data = {},
  options: LoadOptions = {},
): SimNode<TData> {
  const rootPath = options.rootPath ?? MINIPROGRAM_DIR;
  const root = render<TData>(path.join(rootPath, componentPath), rootPath, properties);
  mounted.push({ root: root as unknown as SimRoot<Data>, where: componentPath, isPage: false });
  return root;
}

/** Taps `target` as a finger would and lets the handlers run. */
export function tap(target: SimNode | undefined): Promise<void> {
  return trigger(target, 'tap');
}

/** Dispatches a WXML event (`input` with `{ value }`, `change`, …) on `target`. */
export async function trigger(
  target: SimNode | undefined,
  eventName: string,
  detail: Data = {},
): Promise<void> {
  if (!target) throw new Error(`nothing to ${eventName}: the selector matched no node`);
  if (!target.dom) {
    throw new Error(
      `cannot ${eventName} a virtual host (e.g. a TDesign component): select an element inside it`,
    );
  }
  target.dispatchEvent(eventName, { detail });
  await settle();
  assertAllResolved();
}

/** Lets pending promise callbacks and zero-delay timers (simulate's async events) run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function render<TData extends Data>(
  componentPath: string,
  rootPath: string,
  properties?: Data,
): SimRoot<TData> {
  if (!fs.existsSync(path.join(MINIPROGRAM_NPM_DIR, 'tdesign-miniprogram'))) {
    throw new Error(`${MINIPROGRAM_NPM_DIR} is missing: run \`npm run build\` first`);
  }
  const npmPrefix = `/${path.relative(rootPath, MINIPROGRAM_NPM_DIR).split(path.sep).join('/')}`;
  const usingComponents = checkTemplates(componentPath, rootPath, npmPrefix);
  let id = '';
  // simulate relies on deleting from require.cache, which jest ignores: without a fresh registry
  // a second load of the same page would not run its script, and so register nothing.
  jest.isolateModules(() => {
    id = simulate.load(componentPath, {
      rootPath,
      usingComponents,
      compilerOptions: {
        // simulate compiles once per root and test file, so the list must cover every load.
        wxmlList: listFiles(rootPath, '.wxml'),
        wxsList: listFiles(rootPath, '.wxs'),
        maxBuffer: WCC_MAX_OUTPUT_BYTES,
      },
    });
  });
  const root = simulate.render<TData>(id, properties);
  root.attach((globalThis as unknown as { document: { body: unknown } }).document.body);
  try {
    assertNoUnresolvedTags(root, path.relative(rootPath, componentPath));
  } catch (error) {
    root.detach();
    throw error;
  }
  return root;
}

/** Room for the compiled templates of the whole app plus TDesign (simulate's default is 1 MB). */
const WCC_MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Resolution and checks

/**
 * Walks the project's components from `entry`, checking that every tag in each template is a
 * builtin or named in that component's own `usingComponents` with a path that exists (so tags in
 * branches not rendered yet are checked too). Answers the overrides simulate needs: npm-style
 * paths mapped into `miniprogram_npm`, which simulate does not resolve itself.
 */
function checkTemplates(entry: string, rootPath: string, npmPrefix: string): Data {
  const overrides: Record<string, string> = {};
  const visited = new Set<string>();
  const visit = (component: string) => {
    if (visited.has(component) || component.startsWith(MINIPROGRAM_NPM_DIR)) return;
    visited.add(component);
    const where = path.relative(rootPath, component);
    const json = readJson(`${component}.json`, where);
    const using = (json.usingComponents ?? {}) as Record<string, string>;
    for (const [tag, value] of Object.entries(using)) {
      const npmStyle = !value.startsWith('/') && !value.startsWith('.');
      const resolved = npmStyle
        ? path.join(rootPath, npmPrefix, value)
        : path.join(value.startsWith('/') ? rootPath : path.dirname(component), value);
      if (!fs.existsSync(`${resolved}.json`)) {
        throw new Error(
          `${where}.json: <${tag}> → "${value}" does not resolve (looked for ${resolved}.json)`,
        );
      }
      if (npmStyle) {
        const mapped = `${npmPrefix}/${value}`;
        // simulate applies overrides to every component loaded, so one tag needs one meaning.
        if (overrides[tag] && overrides[tag] !== mapped) {
          throw new Error(`<${tag}> maps to both ${overrides[tag]} and ${mapped}; the harness needs one`);
        }
        overrides[tag] = mapped;
      }
      visit(resolved);
    }
    for (const tag of tagsIn(fs.readFileSync(`${component}.wxml`, 'utf8'))) {
      if (!needsNoDeclaration(tag) && !Object.hasOwn(using, tag)) {
        throw new Error(
          `${where}.wxml: <${tag}> is not a WXML component and not in ${where}.json usingComponents`,
        );
      }
    }
  };
  visit(entry);
  return overrides;
}

/** Tag names opened in a WXML template, leaving out comments, inline WXS and `{{ }}` expressions. */
function tagsIn(wxml: string): Set<string> {
  const markup = wxml
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(<wxs\b[^>]*>)[\s\S]*?<\/wxs>/g, '$1')
    .replace(/\{\{[\s\S]*?\}\}/g, '');
  return new Set(Array.from(markup.matchAll(/<([A-Za-z][\w-]*)/g), (match) => match[1] as string));
}

function assertAllResolved(): void {
  for (const entry of mounted) assertNoUnresolvedTags(entry.root, entry.where);
}

/**
 * Fails on any node simulate rendered with its fallback definition (`is === ''`): a tag nothing
 * resolved. It catches what the template check cannot see, such as tags in imported templates.
 */
function assertNoUnresolvedTags(root: SimNode, where: string): void {
  const unresolved = new Set<string>();
  const seen = new Set<ExparserNode>();
  const walk = (node: ExparserNode | undefined) => {
    if (!node || seen.has(node)) return;
    seen.add(node);
    const tag = node._vt?.tagName;
    if (node.is === '' && tag && !needsNoDeclaration(tag)) unresolved.add(tag);
    node.childNodes?.forEach(walk);
    walk(node.shadowRoot);
  };
  walk((root as unknown as { _exparserNode: ExparserNode })._exparserNode);
  if (unresolved.size > 0) {
    const tags = [...unresolved].map((tag) => `<${tag}>`).join(', ');
    throw new Error(`${where}: rendered unresolved tag(s) ${tags}: no usingComponents entry resolves them`);
  }
}

function readJson(file: string, where: string): Data {
  if (!fs.existsSync(file)) throw new Error(`${where}: ${file} is missing`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Data;
}

/**
 * Every template file of the app under `rootPath` (dot folders, node_modules and the npm build
 * left out) and of the npm build, relative to `rootPath`: the npm build may lie outside it.
 */
function listFiles(rootPath: string, extension: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        const skipped =
          entry.name.startsWith('.') || entry.name === 'node_modules' || full === MINIPROGRAM_NPM_DIR;
        if (!skipped) walk(full);
      } else if (entry.name.endsWith(extension)) {
        found.push(path.relative(rootPath, full).split(path.sep).join('/'));
      }
    }
  };
  walk(rootPath);
  walk(MINIPROGRAM_NPM_DIR);
  return found;
}
