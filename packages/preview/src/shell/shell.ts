/**
 * The browser preview of the mini program (`GET /` of the local cloud). The real pages run in
 * miniprogram-simulate's browser build inside a phone frame; this file boots them: the identity
 * (OPENID) the app acts as, `wx`, the builtin components, the app, the page stack, the frame's
 * navigation bar and menu, and mouse input delivered as the touches WeChat's taps come from.
 */
import { installBuiltins } from './builtins';
import { debug, logAction, reportMissing } from './missing';
import { appOf, requireModule, setCurrentPages } from './runtime';
import { Router, queryString } from './router';
import type { Data, ExparserNode, PreviewConfig } from './types';
import { createWx, setRouteReader } from './wx';

const OPENID_KEY = 'preview:openid';
const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** In-flight work (function calls, async lifecycles) `__preview.idle()` waits for. */
const pending = new Set<Promise<unknown>>();
function track<T>(work: Promise<T>): Promise<T> {
  pending.add(work);
  const done = () => pending.delete(work);
  work.then(done, done);
  return work;
}

/** A tap this soon after a scroll is taken for the end of the scroll, as on a phone (j-component). */
const SCROLL_REST_MS = 200;
let lastScroll = 0;
document.addEventListener('scroll', () => (lastScroll = performance.now()), { capture: true, passive: true });

/** Resolves when nothing is in flight and nothing scrolls: the page is at rest. */
async function idle(): Promise<void> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const sinceScroll = performance.now() - lastScroll;
    if (sinceScroll < SCROLL_REST_MS) {
      await new Promise((resolve) => setTimeout(resolve, SCROLL_REST_MS - sinceScroll));
      continue;
    }
    if (pending.size === 0) {
      await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
      if (pending.size === 0 && performance.now() - lastScroll >= SCROLL_REST_MS) return;
      continue;
    }
    await Promise.allSettled([...pending]);
  }
}

async function loadConfig(): Promise<PreviewConfig> {
  try {
    return (await (await fetch('/_preview/config.json')).json()) as PreviewConfig;
  } catch {
    return { defaultOpenid: 'local-dev-user', staffOpenids: [] };
  }
}

/** The OPENID from `?openid=` (kept for later visits), else the last one chosen, else the default. */
function chooseOpenid(config: PreviewConfig): string {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('openid');
  if (fromUrl && OPENID_PATTERN.test(fromUrl)) {
    localStorage.setItem(OPENID_KEY, fromUrl);
    url.searchParams.delete('openid');
    history.replaceState(null, '', url.toString());
  }
  const stored = localStorage.getItem(OPENID_KEY);
  return stored && OPENID_PATTERN.test(stored) ? stored : config.defaultOpenid;
}

/** The identity bar: acting as another user is a fresh launch of the app, as for a new WeChat user. */
function setUpIdentity(config: PreviewConfig, openid: string): void {
  const input = $<HTMLInputElement>('preview-openid');
  input.value = openid;
  const presets: [string, string][] = [
    [config.defaultOpenid, '访客（默认）'],
    ...config.staffOpenids.map((id): [string, string] => [id, `员工 ${id}`]),
    ['preview-new-visitor', '另一位访客'],
  ];
  const list = $('preview-openid-presets');
  const buttons = $('preview-presets');
  for (const [id, label] of presets) {
    const option = document.createElement('option');
    option.value = id;
    option.label = label;
    list.append(option);
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.setAttribute('data-openid', id);
    button.classList.toggle('is-current', id === openid);
    button.addEventListener('click', () => switchTo(id));
    buttons.append(button);
  }
  $('preview-identity').addEventListener('submit', (event) => {
    event.preventDefault();
    const id = input.value.trim();
    if (!OPENID_PATTERN.test(id)) {
      input.setCustomValidity('OPENID：1–64 个字母、数字、_ 或 -');
      input.reportValidity();
      return;
    }
    switchTo(id);
  });
  input.addEventListener('input', () => input.setCustomValidity(''));
  const role = $('preview-identity-role');
  fetch('/functions/admin', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: JSON.stringify({ action: 'whoami' }),
  })
    .then((response) => response.json())
    .then((answer: { ok?: boolean; data?: { isAdmin?: boolean } }) => {
      role.textContent = answer.ok ? (answer.data?.isAdmin ? '员工' : '访客') : '';
      role.dataset.role = answer.data?.isAdmin ? 'staff' : 'visitor';
    })
    .catch(() => undefined);
}

function switchTo(openid: string): void {
  localStorage.setItem(OPENID_KEY, openid);
  location.reload();
}

/** Theme variables (`@navBackground`) from theme.json, light or dark as the browser is. */
function themed(value: unknown, theme: Record<string, Record<string, string>>): string {
  const text = String(value ?? '');
  if (!text.startsWith('@')) return text;
  const mode = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  return theme[mode]?.[text.slice(1)] ?? '';
}

/**
 * Mouse and pen input as touches: WeChat's `tap` and `longpress` come from touch events, which a
 * desktop browser does not fire. Each press is delivered as touchstart/move/end at the nearest
 * element exparser rendered, as the DevTools simulator does.
 */
function emulateTouch(area: HTMLElement): void {
  let active: Element | null = null;
  const wxTarget = (target: EventTarget | null): Element | null => {
    let node = target instanceof Element ? target : null;
    while (node && !(node as Element & { __wxElement?: unknown }).__wxElement) node = node.parentElement;
    return node;
  };
  const send = (type: string, target: Element, event: PointerEvent, down: boolean) => {
    const touch = {
      identifier: event.pointerId,
      target,
      clientX: event.clientX,
      clientY: event.clientY,
      pageX: event.pageX,
      pageY: event.pageY,
      screenX: event.screenX,
      screenY: event.screenY,
      force: down ? 1 : 0,
    };
    const touchEvent = new Event(type, { bubbles: true, cancelable: true, composed: true });
    Object.defineProperties(touchEvent, {
      touches: { value: down ? [touch] : [] },
      targetTouches: { value: down ? [touch] : [] },
      changedTouches: { value: [touch] },
    });
    target.dispatchEvent(touchEvent);
  };
  area.addEventListener('pointerdown', (event) => {
    if (event.pointerType === 'touch' || event.button !== 0) return;
    active = wxTarget(event.target);
    if (active) send('touchstart', active, event, true);
  });
  window.addEventListener('pointermove', (event) => {
    if (active && event.pointerType !== 'touch') send('touchmove', active, event, true);
  });
  window.addEventListener('pointerup', (event) => {
    if (!active || event.pointerType === 'touch') return;
    const target = active;
    active = null;
    send('touchend', target, event, false);
  });
  window.addEventListener('pointercancel', (event) => {
    if (!active) return;
    const target = active;
    active = null;
    send('touchcancel', target, event, false);
  });
}

/**
 * A tag that no `usingComponents` resolves renders in exparser as a bare element (a native node,
 * or the empty default component for a name with a hyphen); WeChat would not show it either way.
 * Each one that appears is marked and reported.
 */
function watchUnresolvedTags(area: HTMLElement): void {
  type WxElement = {
    is?: string;
    triggerLifeTime?: unknown;
    ownerShadowRoot?: { getHostNode(): { __previewPath?: string } } | null;
  };
  const check = (element: Element) => {
    const node = (element as Element & { __wxElement?: WxElement }).__wxElement;
    if (!node || (node.is !== '' && typeof node.triggerLifeTime === 'function')) return;
    const where = node.ownerShadowRoot?.getHostNode().__previewPath ?? 'app';
    reportMissing(
      'component',
      `<${element.tagName.toLowerCase()}> (no usingComponents entry)`,
      where,
      element,
    );
  };
  new MutationObserver((records) => {
    for (const record of records) {
      for (const added of record.addedNodes) {
        if (!(added instanceof Element)) continue;
        check(added);
        added.querySelectorAll('*').forEach(check);
      }
    }
  }).observe(area, { childList: true, subtree: true });
}

/** Every node matching `selector` in the shadow trees under `roots`, as DOM elements. */
function queryComponents(roots: ExparserNode[], selector: string): Element[] {
  const found = new Set<Element>();
  const seen = new Set<ExparserNode>();
  const walk = (node: ExparserNode) => {
    if (seen.has(node)) return;
    seen.add(node);
    const shadow = node.shadowRoot;
    if (shadow) {
      for (const match of shadow.querySelectorAll?.(selector) ?? []) {
        const element = firstElement(match);
        if (element) found.add(element);
      }
      walk(shadow);
    }
    node.childNodes?.forEach(walk);
  };
  roots.forEach(walk);
  return [...found];
}

/** A node's element; for a virtual host, the first element it renders. */
function firstElement(node: ExparserNode): Element | null {
  if (node.$$) return node.$$;
  for (const child of [...(node.shadowRoot?.childNodes ?? []), ...(node.childNodes ?? [])]) {
    const element = firstElement(child);
    if (element) return element;
  }
  return null;
}

async function boot(): Promise<void> {
  const app = window.__PREVIEW_APP__;
  const { manifest } = app;
  const config = await loadConfig();
  const openid = chooseOpenid(config);
  debug.openid = openid;
  setUpIdentity(config, openid);

  // app.json `style`: which defaults the builtin components render with (shell.css).
  $('preview-phone').setAttribute('data-wx-style', manifest.appJson.style ?? 'v1');
  const viewport = $('preview-viewport');
  const router: Router = new Router({ manifest, viewport, track, onChange: () => renderChrome() });
  const { wx, resolveFileUrl, agreePrivacy } = createWx({ openid, navigator: router, track });
  (window as unknown as { wx: unknown }).wx = wx;
  setRouteReader(() => router.top?.route ?? '');
  setCurrentPages(() => router.entries.map((entry) => entry.root.instance));
  installBuiltins({
    resolveFileUrl,
    shareFromButton: (target) => void router.share('message', 'button', target),
    agreePrivacy,
    pageOf: (node) => node.closest<HTMLElement>('[data-preview-page]'),
    platformAction: logAction,
  });

  debug.stack = () => router.entries.map(({ route, query }) => ({ route, query }));
  debug.idle = idle;
  debug.query = (selector) => {
    const top = router.top;
    if (!top) return [];
    const roots = [top.root, top.tabBar].filter((root): root is NonNullable<typeof root> => Boolean(root));
    return queryComponents(
      roots.map((root) => root.instance._exparserNode),
      selector,
    );
  };

  const navbar = $('preview-navbar');
  const title = $('preview-title');
  const back = $<HTMLButtonElement>('preview-back');
  const menu = $('preview-menu-sheet');
  const phone = $('preview-phone');

  function renderChrome(): void {
    const top = router.top;
    const setting = (name: string) => router.windowSetting(name);
    title.textContent = top?.title ?? String(setting('navigationBarTitleText') ?? '');
    back.hidden = router.entries.length <= 1;
    navbar.style.background = themed(setting('navigationBarBackgroundColor'), manifest.theme) || '#fff';
    navbar.dataset.textStyle = themed(setting('navigationBarTextStyle'), manifest.theme) || 'black';
    phone.classList.toggle('preview-phone--custom-nav', setting('navigationStyle') === 'custom');
    $<HTMLButtonElement>('preview-refresh').disabled = !setting('enablePullDownRefresh');
    const stack = $('preview-stack');
    stack.replaceChildren(
      ...router.entries.map((entry) => {
        const item = document.createElement('li');
        const search = queryString(entry.query);
        item.textContent = `${entry.route}${search ? `?${search}` : ''}`;
        return item;
      }),
    );
    if (top) {
      const search = queryString(top.query);
      history.replaceState(
        null,
        '',
        `${location.pathname}${location.search}#/${top.route}${search ? `?${search}` : ''}`,
      );
    }
  }

  back.addEventListener('click', () => void router.userBack());
  $('preview-home').addEventListener('click', () => void router.reLaunch(`/${router.homeRoute}`));
  $('preview-menu').addEventListener('click', () => {
    menu.hidden = !menu.hidden;
  });
  menu.addEventListener('click', (event) => {
    const action = (event.target as HTMLElement).closest('button')?.dataset.action;
    if (!action) return;
    menu.hidden = true;
    if (action === 'share') void router.share('message', 'menu');
    else if (action === 'timeline') void router.share('timeline', 'menu');
    else if (action === 'refresh') router.startPullDownRefresh();
  });
  emulateTouch(viewport);
  watchUnresolvedTags(viewport);

  // The app: its script, then App's onLaunch/onShow, then the first page.
  requireModule('app');
  const instance = appOf() as Data & Record<string, (...args: unknown[]) => unknown>;
  const launch = { path: router.homeRoute, query: {}, scene: 1001, referrerInfo: {} };
  for (const hook of ['onLaunch', 'onShow']) {
    if (typeof instance[hook] === 'function') instance[hook].call(instance, launch);
  }
  const [, hashRoute = ''] = /^#\/(.*)$/.exec(location.hash) ?? [];
  let first = `/${router.homeRoute}`;
  if (hashRoute) {
    try {
      router.resolve(`/${hashRoute}`);
      first = `/${hashRoute}`;
    } catch {
      console.warn(`[preview] #/${hashRoute} is not a page of app.json: opening the home page`);
    }
  }
  await router.reLaunch(first);
  document.body.setAttribute('data-preview-ready', '');
}

boot().catch((error: unknown) => {
  document.body.setAttribute('data-preview-failed', '');
  const banner = document.createElement('div');
  banner.className = 'preview-error';
  banner.setAttribute('data-preview-error', 'boot');
  banner.textContent = `预览启动失败：${error instanceof Error ? error.message : String(error)}`;
  document.body.prepend(banner);
  throw error;
});
