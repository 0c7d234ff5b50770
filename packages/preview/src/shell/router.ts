/**
 * The page stack: pages are loaded and rendered by simulate (j-component on exparser), each in
 * its own layer of the phone frame, with WeChat's navigation rules and page lifecycles
 * (onLoad/onShow/onReady/onHide/onUnload, pull-down refresh, reach-bottom, page scroll, share).
 */
import { MAX_PAGE_STACK, REACH_BOTTOM_DISTANCE_PX } from './frame';
import { logAction, reportMissing } from './missing';
import { withLoadingRoute } from './loading-route';
import type { Data, Instance, PreviewManifest, SimRoot } from './types';
import { clearOverlay, showModal, showNotice } from './ui';
import type { Navigator } from './wx';

type Query = Record<string, string>;

interface PageEntry {
  route: string;
  query: Query;
  json: Data;
  root: SimRoot;
  layer: HTMLElement;
  scroller: HTMLElement;
  tabBar: SimRoot | null;
  title: string | null;
  shareMenus: string[] | null;
  leaveAlert: string | null;
  atBottom: boolean;
  refreshing: HTMLElement | null;
  opener: EventChannel | null;
}

/** `getOpenerEventChannel()` and the `events` of navigateTo: two ends of one channel. */
class EventChannel {
  private readonly listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  peer: EventChannel | null = null;

  on(name: string, listener: (...args: unknown[]) => void): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }

  once(name: string, listener: (...args: unknown[]) => void): void {
    const wrapped = (...args: unknown[]) => {
      this.off(name, wrapped);
      listener(...args);
    };
    this.on(name, wrapped);
  }

  off(name: string, listener?: (...args: unknown[]) => void): void {
    this.listeners.set(
      name,
      listener ? (this.listeners.get(name) ?? []).filter((item) => item !== listener) : [],
    );
  }

  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.peer?.listeners.get(name) ?? []) listener(...args);
  }
}

class NavigationError extends Error {}

export interface RouterOptions {
  manifest: PreviewManifest;
  viewport: HTMLElement;
  /** Registers work the preview waits for in `__preview.idle()`. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Called after every change of the stack or of the top page's bar. */
  onChange(): void;
}

export class Router implements Navigator {
  private readonly stack: PageEntry[] = [];
  /** Tab pages stay alive once opened, as in WeChat. */
  private readonly tabEntries = new Map<string, PageEntry>();
  private readonly loaded = new Map<string, string>();
  private tabBarId: string | null = null;
  private readonly tabRoutes: Set<string>;
  private readonly pages: Set<string>;

  constructor(private readonly options: RouterOptions) {
    const { appJson } = options.manifest;
    this.tabRoutes = new Set((appJson.tabBar?.list ?? []).map((tab) => tab.pagePath));
    this.pages = new Set(Object.keys(options.manifest.pages));
  }

  get top(): PageEntry | undefined {
    return this.stack[this.stack.length - 1];
  }

  get entries(): readonly PageEntry[] {
    return this.stack;
  }

  get homeRoute(): string {
    return this.options.manifest.appJson.pages[0] ?? '';
  }

  isTab(route: string): boolean {
    return this.tabRoutes.has(route);
  }

  /** The window setting for the top page: its json, else app.json `window`. */
  windowSetting(name: string, entry = this.top): unknown {
    return entry?.json[name] ?? this.options.manifest.appJson.window?.[name];
  }

  // -------------------------------------------------------------------------------------------
  // Navigator (wx.navigateTo and friends)

  async navigateTo(url: string, events?: Data): Promise<EventChannel> {
    const { route, query } = this.resolve(url);
    if (this.isTab(route)) throw new NavigationError('can not navigateTo a tabbar page');
    if (this.stack.length >= MAX_PAGE_STACK)
      throw new NavigationError(`webview count limit exceed (${MAX_PAGE_STACK})`);
    const previous = this.top;
    const channel = new EventChannel();
    for (const [name, listener] of Object.entries(events ?? {})) channel.on(name, listener as () => void);
    if (previous) this.hide(previous);
    this.open(route, query, channel);
    return channel;
  }

  async redirectTo(url: string): Promise<void> {
    const { route, query } = this.resolve(url);
    if (this.isTab(route)) throw new NavigationError('can not redirectTo a tabbar page');
    const previous = this.stack.pop();
    if (previous) this.unload(previous);
    this.open(route, query, null);
  }

  async switchTab(url: string): Promise<void> {
    const { route } = this.resolve(url);
    if (!this.isTab(route)) throw new NavigationError('can not switch to no-tabBar page');
    this.leaveTo(route);
  }

  async reLaunch(url: string): Promise<void> {
    const { route, query } = this.resolve(url);
    for (const entry of this.stack.splice(0).reverse()) if (!this.isTab(entry.route)) this.unload(entry);
    for (const entry of this.tabEntries.values()) this.unload(entry);
    this.tabEntries.clear();
    clearOverlay();
    this.open(route, query, null);
  }

  async navigateBack(delta: number): Promise<void> {
    if (this.stack.length <= 1) return;
    const count = Math.min(delta, this.stack.length - 1);
    for (const entry of this.stack.splice(this.stack.length - count, count).reverse()) this.unload(entry);
    const top = this.top;
    if (top) this.show(top);
  }

  setTitle(title: string): void {
    if (this.top) this.top.title = title;
    this.options.onChange();
  }

  startPullDownRefresh(): void {
    const entry = this.top;
    if (!entry || entry.refreshing) return;
    if (!this.windowSetting('enablePullDownRefresh')) {
      showNotice('pull-down-refresh', '此页面未开启下拉刷新', [
        '页面 json 中 enablePullDownRefresh 为 false。',
      ]);
      return;
    }
    const indicator = document.createElement('div');
    indicator.className = 'preview-refreshing';
    indicator.setAttribute('data-preview-refreshing', '');
    indicator.innerHTML = '<i></i><i></i><i></i>';
    entry.layer.prepend(indicator);
    entry.refreshing = indicator;
    entry.scroller.scrollTo({ top: 0 });
    this.call(entry, 'onPullDownRefresh');
  }

  stopPullDownRefresh(): void {
    for (const entry of [...this.stack, ...this.tabEntries.values()]) {
      entry.refreshing?.remove();
      entry.refreshing = null;
    }
  }

  pageScrollTo({
    scrollTop,
    selector,
    duration = 300,
  }: {
    scrollTop?: number;
    selector?: string;
    duration?: number;
  }): void {
    const entry = this.top;
    if (!entry) return;
    let top = Number(scrollTop ?? 0);
    if (selector) {
      const shadow = (
        entry.root.instance._exparserNode as unknown as {
          shadowRoot: { querySelector(s: string): { $$?: HTMLElement } | null };
        }
      ).shadowRoot;
      const target = shadow.querySelector(selector)?.$$;
      if (!target) throw new NavigationError(`no element matches ${selector}`);
      top =
        target.getBoundingClientRect().top -
        entry.scroller.getBoundingClientRect().top +
        entry.scroller.scrollTop;
    }
    entry.scroller.scrollTo({ top, behavior: duration > 0 ? 'smooth' : 'auto' });
  }

  setShareMenu(menus: string[] | null): void {
    if (this.top) this.top.shareMenus = menus;
    this.options.onChange();
  }

  setLeaveAlert(message: string | null): void {
    if (this.top) this.top.leaveAlert = message;
  }

  /** The navigation bar's back button: asks first when the page enabled an alert before unload. */
  async userBack(): Promise<void> {
    const message = this.top?.leaveAlert;
    if (message) {
      const { confirm } = await showModal({ content: message }, 'leave-alert');
      if (!confirm) return;
    }
    await this.navigateBack(1);
  }

  selectorQuery(): unknown {
    const instance = this.top?.root.instance as
      (Instance & { createSelectorQuery?: () => unknown }) | undefined;
    return instance?.createSelectorQuery?.();
  }

  // -------------------------------------------------------------------------------------------
  // Frame actions

  /** The capsule's share items and `<button open-type="share">`. */
  async share(kind: 'message' | 'timeline', from: 'menu' | 'button', target?: Data): Promise<void> {
    const entry = this.top;
    if (!entry) return;
    const instance = entry.root.instance;
    const hook = kind === 'message' ? 'onShareAppMessage' : 'onShareTimeline';
    if (
      typeof instance[hook] !== 'function' ||
      (kind === 'timeline' && !entry.shareMenus?.includes('shareTimeline'))
    ) {
      showNotice('share', kind === 'message' ? '当前页面不可转发' : '当前页面不可分享到朋友圈', [
        `页面未定义 ${hook}${kind === 'timeline' ? ' 或未在 showShareMenu 中开启' : ''}。`,
      ]);
      return;
    }
    let payload = (await this.call(entry, hook, kind === 'message' ? { from, target } : {})) as
      Data | undefined;
    if (payload && typeof payload === 'object' && payload.promise instanceof Promise) {
      payload = { ...payload, ...((await payload.promise) as Data) };
    }
    const appName = String(this.options.manifest.appJson.window?.navigationBarTitleText ?? '');
    const search = queryString(entry.query);
    const title = String(payload?.title ?? appName);
    const lines =
      kind === 'message'
        ? [
            `标题：${title}`,
            `路径：${String(payload?.path ?? `/${entry.route}${search ? `?${search}` : ''}`)}`,
          ]
        : [`标题：${title}`, `参数：${String(payload?.query ?? '')}`];
    if (payload?.imageUrl) lines.push(`图片：${String(payload.imageUrl)}`);
    logAction(kind === 'message' ? '转发给朋友' : '分享到朋友圈', lines.join('；'));
    showNotice('share', kind === 'message' ? '转发给朋友（分享卡片）' : '分享到朋友圈', lines);
  }

  // -------------------------------------------------------------------------------------------
  // Pages

  /** `url` from the current page: absolute (`/pages/x/index?a=1`) or relative (`../x/index`). */
  resolve(url: string): { route: string; query: Query } {
    const [rawPath = '', search = ''] = url.split('?');
    const base = this.top ? this.top.route.split('/').slice(0, -1) : [];
    const parts = rawPath.startsWith('/') ? [] : base;
    for (const part of rawPath.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') parts.pop();
      else parts.push(part);
    }
    const route = parts.join('/').replace(/\.(html|wxml)$/, '');
    if (!this.pages.has(route)) throw new NavigationError(`page "${route}" is not found`);
    return { route, query: parseQuery(search) };
  }

  private leaveTo(route: string): void {
    const previous = this.top;
    for (const entry of this.stack.splice(0).reverse()) {
      if (this.isTab(entry.route)) {
        if (entry === previous) this.hide(entry);
      } else this.unload(entry);
    }
    const existing = this.tabEntries.get(route);
    if (existing) {
      this.stack.push(existing);
      this.show(existing);
    } else this.open(route, {}, null);
  }

  private open(route: string, query: Query, opener: EventChannel | null): void {
    const id =
      this.loaded.get(route) ??
      withLoadingRoute(route, () => window.simulate.load(`/${route}`, tagFor(route), { rootPath: '/' }));
    this.loaded.set(route, id);
    const root = window.simulate.render(id);
    const layer = document.createElement('div');
    layer.className = 'preview-page';
    layer.setAttribute('data-preview-page', route);
    const scroller = document.createElement('div');
    scroller.className = 'preview-page__scroll';
    layer.append(scroller);
    this.options.viewport.append(layer);
    const entry: PageEntry = {
      route,
      query,
      json: this.options.manifest.pages[route]?.json ?? {},
      root,
      layer,
      scroller,
      tabBar: null,
      title: null,
      shareMenus: null,
      leaveAlert: null,
      atBottom: false,
      refreshing: null,
      opener,
    };
    this.stack.push(entry);
    if (this.isTab(route)) this.tabEntries.set(route, entry);
    for (const other of this.options.viewport.children)
      other.classList.toggle('preview-page--hidden', other !== layer);

    const instance = root.instance;
    const channel = new EventChannel();
    if (opener) {
      channel.peer = opener;
      opener.peer = channel;
    }
    Object.assign(instance, {
      options: query,
      getTabBar: () => entry.tabBar?.instance,
      getOpenerEventChannel: () => channel,
      getPageId: () => `preview-${id}`,
    });
    root.attach(scroller);
    if (this.isTab(route) && this.options.manifest.tabBarComponent) {
      this.tabBarId ??= window.simulate.load(`/${this.options.manifest.tabBarComponent}`, 'custom-tab-bar', {
        rootPath: '/',
      });
      const tabBar = window.simulate.render(this.tabBarId);
      const slot = document.createElement('div');
      slot.className = 'preview-tabbar';
      layer.append(slot);
      tabBar.attach(slot);
      entry.tabBar = tabBar;
    } else if (this.isTab(route) && this.options.manifest.appJson.tabBar) {
      reportMissing('component', 'tabBar (non-custom)', 'app.json', layer);
    }
    scroller.addEventListener('scroll', () => this.onScroll(entry), { passive: true });

    this.call(entry, 'onLoad', query);
    this.show(entry);
    this.call(entry, 'onReady');
  }

  private onScroll(entry: PageEntry): void {
    const { scrollTop, scrollHeight, clientHeight } = entry.scroller;
    if (typeof entry.root.instance.onPageScroll === 'function')
      this.call(entry, 'onPageScroll', { scrollTop });
    const distance = Number(this.windowSetting('onReachBottomDistance', entry) ?? REACH_BOTTOM_DISTANCE_PX);
    const atBottom = scrollHeight - clientHeight - scrollTop <= distance;
    if (atBottom && !entry.atBottom) this.call(entry, 'onReachBottom');
    entry.atBottom = atBottom;
  }

  private show(entry: PageEntry): void {
    for (const other of this.options.viewport.children)
      other.classList.toggle('preview-page--hidden', other !== entry.layer);
    entry.root.triggerPageLifeTime('show');
    entry.tabBar?.triggerPageLifeTime('show');
    this.call(entry, 'onShow');
    this.options.onChange();
  }

  private hide(entry: PageEntry): void {
    entry.root.triggerPageLifeTime('hide');
    entry.tabBar?.triggerPageLifeTime('hide');
    this.call(entry, 'onHide');
  }

  private unload(entry: PageEntry): void {
    this.call(entry, 'onUnload');
    entry.tabBar?.detach();
    entry.root.detach();
    entry.layer.remove();
    if (this.tabEntries.get(entry.route) === entry) this.tabEntries.delete(entry.route);
  }

  /** Calls a page hook; an error is the app's, reported as WeChat reports it (App.onError). */
  call(entry: PageEntry, hook: string, ...args: unknown[]): unknown {
    const instance = entry.root.instance;
    const handler = instance[hook];
    if (typeof handler !== 'function') return undefined;
    try {
      const result = (handler as (...a: unknown[]) => unknown).apply(instance, args);
      if (result instanceof Promise) {
        return this.options.track(result.catch((error: unknown) => pageError(entry.route, hook, error)));
      }
      return result;
    } catch (error) {
      pageError(entry.route, hook, error);
      return undefined;
    }
  }
}

/** A page's hook threw: shown on the frame and rethrown for the browser (and tests) to see. */
function pageError(route: string, hook: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const banner = document.createElement('div');
  banner.className = 'preview-error';
  banner.setAttribute('data-preview-error', `${route} ${hook}`);
  banner.textContent = `页面错误 ${route} ${hook}: ${message}`;
  document.getElementById('preview-phone')?.append(banner);
  setTimeout(() => {
    throw error instanceof Error ? error : new Error(message);
  });
}

/**
 * A page's query as WeChat hands it to onLoad: values as they were written in the URL, not
 * percent-decoded (pages that encode a value decode it themselves).
 */
function parseQuery(search: string): Query {
  const query: Query = {};
  for (const pair of search.split('&')) {
    if (!pair) continue;
    const equals = pair.indexOf('=');
    if (equals < 0) query[pair] = '';
    else query[pair.slice(0, equals)] = pair.slice(equals + 1);
  }
  return query;
}

/** The inverse of parseQuery: `a=1&b=2`, values as they are. */
export function queryString(query: Query): string {
  return Object.entries(query)
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

/** The element name and class prefix a page renders with. */
function tagFor(route: string): string {
  return `page-${route.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}
