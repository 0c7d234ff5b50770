import type { RichTextNode } from '../../contract/api/content';
import {
  installWx,
  loadPage,
  settle,
  tap,
  type CallFunction,
  type PageHandle,
  type SimNode,
  type WxMock,
  type WxOptions,
} from './simulate';

import { until } from './until';

export { until, type UntilOptions } from './until';

/** What `wx.cloud.callFunction` rejects with when the network is down. */
export const NETWORK_FAILURE = { errMsg: 'cloud.callFunction:fail' };

/** A node's text as a reader sees it: whitespace collapsed, trimmed; '' for a missing node. */
export function textOf(node: SimNode | undefined): string {
  return node?.dom?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/**
 * The text of `<rich-text>` nodes as the reader sees it: simulate renders `<rich-text>` empty, so
 * what a page hands it is what the reader gets.
 */
export function richText(nodes: readonly RichTextNode[]): string {
  return nodes.map((node) => ('text' in node ? node.text : richText(node.children ?? []))).join('');
}

/** `call`, except that its first `times` calls fail as a lost network would. */
export function failingFirst(times: number, call: CallFunction): CallFunction {
  let failures = 0;
  return (name, data) => (failures++ < times ? Promise.reject(NETWORK_FAILURE) : call(name, data));
}

/** The installed `wx` of a public page, which also records `wx.showShareMenu` calls. */
export type SharingWx = WxMock & { showShareMenu: jest.Mock };

/** `installWx` for the public pages, which offer sharing on load. */
export function installSharingWx(options: WxOptions = {}): SharingWx {
  const wx = installWx(options) as SharingWx;
  wx.showShareMenu = jest.fn();
  return wx;
}

/** Expects the page to share `title` to chat at `path` and to Moments with `path`'s query. */
export async function expectShares(page: PageHandle, title: string, path: string): Promise<void> {
  await expect(page.onShareAppMessage()).resolves.toEqual({ title, path });
  await expect(page.onShareTimeline()).resolves.toEqual({ title, query: path.split('?')[1] ?? '' });
}

/** The page's state view (loading, error, empty or its content). */
export function state(page: PageHandle): SimNode {
  return page.querySelector('#state') as SimNode;
}

/** One part of the page's state view (`state-view-skeleton`, `state-view-error` …), if shown. */
export function statePart(page: PageHandle, id: string): SimNode | undefined {
  return page.querySelector('#state')?.querySelector(`#${id}`);
}

/** What the state view's error says ('' when it shows none). */
export function errorMessage(page: PageHandle): string {
  return textOf(statePart(page, 'state-view-error')?.querySelector('.t-empty__description'));
}

/** The tappable element of a `<t-button id>`. */
export function button(page: PageHandle | SimNode, id: string): SimNode | undefined {
  return page.querySelector(`#${id}`)?.querySelector('.t-button');
}

/** `call`, held back until `release()`: what a page shows while its first answer is on the way. */
export function gated(call: CallFunction): { call: CallFunction; release: () => void } {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { call: (name, data) => gate.then(() => call(name, data)), release };
}

/** Installs `wx` answering through `callFunction`, then opens `route` as the runtime does: onLoad, onShow. */
export async function openPage(
  route: string,
  callFunction: CallFunction,
): Promise<{ page: PageHandle; wx: WxMock }> {
  const wx = installWx({ callFunction });
  const page = loadPage(route);
  await page.onLoad();
  await page.onShow();
  return { page, wx };
}

/**
 * Installs `wx` with `call` held back and starts loading `route`: the page as it shows while its
 * first answer is on the way. `finish()` lets the answer through and waits for the load.
 */
export async function loadHeld(
  route: string,
  call: CallFunction,
  query?: Record<string, string>,
): Promise<{ page: PageHandle; wx: WxMock; finish: () => Promise<unknown> }> {
  const { call: held, release } = gated(call);
  const wx = installWx({ callFunction: held });
  const page = loadPage(route);
  const loading = page.onLoad(query);
  await settle();
  return {
    page,
    wx,
    finish: () => {
      release();
      return loading;
    },
  };
}

/** Taps the `<t-cell>` inside `host` and expects the page to navigate to `url`. */
export async function expectCellOpens(wx: WxMock, host: SimNode | undefined, url: string): Promise<void> {
  await tap(host?.querySelector('.t-cell'));
  expect(wx.navigateTo).toHaveBeenLastCalledWith(expect.objectContaining({ url }));
}

/** Opens `route` under a stand-in custom tab bar and expects the page to select `tab` in it when shown. */
export async function expectSelectsTab(
  route: string,
  callFunction: CallFunction,
  tab: string,
): Promise<void> {
  installWx({ callFunction });
  const page = loadPage(route);
  const tabBar = { setData: jest.fn() };
  page.instance.getTabBar = () => tabBar;
  await page.onLoad();
  await page.onShow();
  expect(tabBar.setData).toHaveBeenCalledWith({ selected: tab });
}

/** Expects the state view's network error, then taps its retry and waits for the page to be ready. */
export async function retryAfterNetworkError(page: PageHandle): Promise<void> {
  expect(errorMessage(page)).toBe('网络连接异常，请检查网络后重试');
  await tap(button(state(page), 'state-view-retry'));
  await until(() => page.data.status === 'ready');
}
