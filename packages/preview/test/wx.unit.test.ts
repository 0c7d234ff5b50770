/** @jest-environment jsdom */
import type { Navigator } from '../src/shell/wx';
import { api } from '../src/shell/wx/context';
import { deviceApis } from '../src/shell/wx/device';
import { navigationApis } from '../src/shell/wx/navigation';
import { setRouteReader, withMissingReport } from '../src/shell/wx/missing-report';
import { privacy } from '../src/shell/wx/privacy';
import { storageApis } from '../src/shell/wx/storage';
import { debug } from '../src/shell/missing';
import { until } from '../../../test/harness/until';

type Res = Record<string, unknown>;
type AsyncApi = (args?: Res) => Promise<Res> | undefined;

/** Calls `api` with callbacks and answers which ran, in order, with what. */
function withCallbacks(api: AsyncApi, args: Res = {}): Promise<[string, Res][]> {
  return new Promise((resolve) => {
    const calls: [string, Res][] = [];
    const returned = api({
      ...args,
      success: (res: Res) => calls.push(['success', res]),
      fail: (res: Res) => calls.push(['fail', res]),
      complete: (res: Res) => {
        calls.push(['complete', res]);
        resolve(calls);
      },
    });
    expect(returned).toBeUndefined();
  });
}

beforeEach(() => {
  localStorage.clear();
  document.body.innerHTML = '<div id="preview-phone"></div><div id="preview-overlay"></div>';
});

describe('storage', () => {
  type Storage = Record<'getStorage' | 'setStorage', AsyncApi> & {
    setStorageSync(key: string, data: unknown): void;
  };
  const wx = () => storageApis('o-user', localStorage) as unknown as Storage;

  it('answers a promise when given no callbacks, and keeps dates as dates', async () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    await expect(wx().setStorage({ key: 'draft', data: { at, n: 1 } })).resolves.toEqual({
      errMsg: 'setStorage:ok',
    });
    const res = (await wx().getStorage({ key: 'draft' })) as Res;
    expect(res.errMsg).toBe('getStorage:ok');
    expect((res.data as { at: Date }).at).toEqual(at);
    expect((res.data as { at: Date }).at).toBeInstanceOf(Date);
  });

  it('calls fail then complete for a missing key, and rejects the promise form', async () => {
    const calls = await withCallbacks(wx().getStorage, { key: 'nothing' });
    expect(calls).toEqual([
      ['fail', { errMsg: 'getStorage:fail data not found' }],
      ['complete', { errMsg: 'getStorage:fail data not found' }],
    ]);
    await expect(wx().getStorage({ key: 'nothing' })).rejects.toEqual({
      errMsg: 'getStorage:fail data not found',
    });
  });

  it('calls success then complete when it succeeds', async () => {
    wx().setStorageSync('k', 'v');
    const calls = await withCallbacks(wx().getStorage, { key: 'k' });
    expect(calls.map(([name]) => name)).toEqual(['success', 'complete']);
    expect(calls[0]?.[1]).toEqual({ errMsg: 'getStorage:ok', data: 'v' });
  });

  it('keeps each OPENID its own storage, as WeChat keeps it per user', () => {
    type Sync = Record<string, (...args: unknown[]) => unknown>;
    const a = storageApis('o-a', localStorage) as Sync;
    const b = storageApis('o-b', localStorage) as Sync;
    a.setStorageSync?.('lang', 'en');
    expect(b.getStorageSync?.('lang')).toBe('');
    expect((b.getStorageInfoSync?.() as { keys: string[] }).keys).toEqual([]);
    expect((a.getStorageInfoSync?.() as { keys: string[] }).keys).toEqual(['lang']);
    a.clearStorageSync?.();
    expect(a.getStorageSync?.('lang')).toBe('');
  });
});

describe('navigation', () => {
  const navigator = () =>
    ({
      navigateTo: jest.fn(async () => ({ channel: true })),
      redirectTo: jest.fn(async () => undefined),
      switchTab: jest.fn(async () => {
        throw new Error('can not switch to no-tabBar page');
      }),
      reLaunch: jest.fn(async () => undefined),
      navigateBack: jest.fn(async () => undefined),
      setTitle: jest.fn(),
      stopPullDownRefresh: jest.fn(),
      startPullDownRefresh: jest.fn(),
      pageScrollTo: jest.fn(),
      setShareMenu: jest.fn(),
      setLeaveAlert: jest.fn(),
      selectorQuery: jest.fn(),
    }) satisfies Navigator;

  it('hands navigateTo the url and events, and answers the event channel', async () => {
    const nav = navigator();
    const wx = navigationApis(nav) as Record<string, AsyncApi>;
    const events = { done: () => undefined };
    const res = await wx.navigateTo?.({ url: '/pages/news/index?id=1', events });
    expect(nav.navigateTo).toHaveBeenCalledWith('/pages/news/index?id=1', events);
    expect(res).toEqual({ errMsg: 'navigateTo:ok', eventChannel: { channel: true } });
  });

  it('fails without a url, and passes the stack’s refusal on as the fail reason', async () => {
    const wx = navigationApis(navigator()) as Record<string, AsyncApi>;
    await expect(wx.redirectTo?.({})).rejects.toEqual({
      errMsg: 'redirectTo:fail parameter error: url is required',
    });
    const calls = await withCallbacks(wx.switchTab as AsyncApi, { url: '/pages/about/index' });
    expect(calls[0]).toEqual(['fail', { errMsg: 'switchTab:fail can not switch to no-tabBar page' }]);
  });

  it('goes back at least one page', async () => {
    const nav = navigator();
    const wx = navigationApis(nav) as Record<string, AsyncApi>;
    await wx.navigateBack?.({ delta: 0 });
    await wx.navigateBack?.({ delta: 3 });
    expect(nav.navigateBack.mock.calls).toEqual([[1], [3]]);
  });
});

describe('APIs the preview lacks', () => {
  it('are reported with the page that called them and fail in the form the caller used', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    setRouteReader(() => 'pages/contact/index');
    const wx = withMissingReport({ cloud: { init: () => undefined } }, 'wx') as Record<string, AsyncApi> & {
      cloud: Record<string, AsyncApi>;
    };
    await expect(wx.scanCode?.({})).rejects.toEqual({
      errMsg: 'scanCode:fail not supported in the browser preview',
    });
    const calls = await withCallbacks(wx.cloud.callContainer as AsyncApi);
    expect(calls[0]).toEqual([
      'fail',
      { errMsg: 'cloud.callContainer:fail not supported in the browser preview' },
    ]);
    expect(debug.missing).toEqual(
      expect.arrayContaining([
        { kind: 'api', name: 'wx.scanCode', where: 'pages/contact/index' },
        { kind: 'api', name: 'wx.cloud.callContainer', where: 'pages/contact/index' },
      ]),
    );
    expect(document.querySelector('[data-preview-missing="api:wx.scanCode"]')).not.toBeNull();
    expect(warn).toHaveBeenCalledWith('[preview] cannot render api:wx.scanCode (pages/contact/index)');
    warn.mockRestore();
  });

  it('are not confused with promise and module probes', () => {
    const wx = withMissingReport({}, 'wx') as Record<string, unknown>;
    expect(wx.then).toBeUndefined();
    expect(wx.__esModule).toBeUndefined();
  });
});

describe('privacy', () => {
  it('holds a scoped API until the app’s popup reports the agree button the user tapped', async () => {
    const consent = privacy('o-user', localStorage);
    const run = jest.fn(() => ({ data: 'copied' }));
    const api = consent.gated('getClipboardData', run);
    type Resolve = (result: { event: string; buttonId?: string }) => void;
    let agree: Resolve | null = null;
    (consent.apis.onNeedPrivacyAuthorization as (listener: (resolve: Resolve) => void) => void)((resolve) => {
      agree = resolve;
    });
    const pending = api({});
    await until(() => agree !== null, { message: 'the app’s privacy listener was not asked' });
    expect(run).not.toHaveBeenCalled();
    consent.agree('agree-btn');
    (agree as unknown as Resolve)({ event: 'agree', buttonId: 'agree-btn' });
    await expect(pending).resolves.toEqual({ errMsg: 'getClipboardData:ok', data: 'copied' });
    // Agreed once: the next call runs at once, and the setting says so.
    await expect(api({})).resolves.toEqual({ errMsg: 'getClipboardData:ok', data: 'copied' });
    await expect((consent.apis.getPrivacySetting as AsyncApi)({})).resolves.toMatchObject({
      needAuthorization: false,
    });
  });

  it('fails the call when the user disagrees, and asks with WeChat’s dialog when the app has no popup', async () => {
    const consent = privacy('o-user', localStorage);
    const api = consent.gated('makePhoneCall', () => undefined);
    const pending = api({});
    await new Promise((resolve) => setTimeout(resolve, 0));
    const cancel = document.querySelector<HTMLButtonElement>(
      '[data-preview-dialog="privacy"] [data-preview-modal="cancel"]',
    );
    expect(cancel).not.toBeNull();
    cancel?.click();
    await expect(pending).rejects.toEqual({
      errMsg: 'makePhoneCall:fail privacy permission is not authorized',
    });
  });
});

describe('location and official accounts', () => {
  const device = () => deviceApis((name, run) => api(name, run));

  /** Waits for the map picker's sheet and taps the item at `index` (-1: 取消). */
  async function pick(index: number): Promise<void> {
    const selector = `[data-preview-dialog="choose-location"] [data-preview-sheet-index="${index}"]`;
    await until(() => document.querySelector(selector) !== null, { message: 'no map picker shown' });
    document.querySelector<HTMLButtonElement>(selector)?.click();
  }

  it('lets the user choose a place, starting from the one passed in, as WeChat’s map picker answers', async () => {
    const pending = (device().chooseLocation as AsyncApi)({ latitude: 56.45, longitude: 9.4 });
    await pick(0);
    await expect(pending).resolves.toMatchObject({
      errMsg: 'chooseLocation:ok',
      latitude: 56.45,
      longitude: 9.4,
      name: expect.any(String),
    });
  });

  it('fails with cancel when the user closes the map picker', async () => {
    const pending = (device().chooseLocation as AsyncApi)({});
    await pick(-1);
    await expect(pending).rejects.toEqual({ errMsg: 'chooseLocation:fail cancel' });
  });

  it('opens an official account by its original ID only', async () => {
    const open = device().openOfficialAccountProfile as AsyncApi;
    await expect(open({ username: 'gh_0123456789ab' })).resolves.toEqual({
      errMsg: 'openOfficialAccountProfile:ok',
    });
    expect(document.querySelector('[data-preview-notice="official-account"]')?.textContent).toContain(
      'gh_0123456789ab',
    );
    await expect(open({ username: 'rm_china' })).rejects.toEqual({
      errMsg: 'openOfficialAccountProfile:fail invalid username',
    });
  });
});
