import path from 'node:path';
import { ROOT } from '../../tools/build/paths';
import {
  installApp,
  installWx,
  loadComponent,
  loadPage,
  settle,
  tap,
  trigger,
  type WxMock,
} from '../harness/simulate';

const FIXTURES = path.join(ROOT, 'test/fixtures/miniprogram');
/** What pages see as globals; the Node program that type-checks tests does not declare them. */
const globals = globalThis as unknown as { wx: WxMock; getCurrentPages(): unknown[] };

interface FixtureData extends Record<string, unknown> {
  greeting: string;
  taps: number;
  name: string;
}

let wx: WxMock;

beforeEach(() => {
  wx = installWx({ callFunction: async (name) => ({ ok: true, data: { name } }) });
  installApp({ globalData: { brand: '中日德兰' } });
});

function openFixture() {
  return loadPage<FixtureData>('pages/fixture/index', { rootPath: FIXTURES });
}

describe('simulate harness', () => {
  it('renders the TDesign components a page registers, from the built miniprogram_npm', async () => {
    const page = openFixture();
    await page.onLoad({ from: '测试' });

    const button = page.querySelector('#send')?.querySelector('.t-button');
    expect(button?.dom?.textContent).toBe('发送');
    expect(button?.dom?.getAttribute('class')).toContain('t-button--primary');
    const cell = page.querySelector('#greeting')?.querySelector('.t-cell');
    expect(cell?.dom?.textContent).toContain('中日德兰 · 测试');
    expect(page.querySelector('#name')?.querySelector('.t-input__control')?.dom?.tagName).toBe('WX-INPUT');
  });

  it('runs page handlers for taps and input through TDesign', async () => {
    const page = openFixture();
    await page.onLoad();
    expect(page.querySelector('.fixture__many')).toBeUndefined();

    const button = page.querySelector('#send')?.querySelector('.t-button');
    await tap(button);
    await tap(button);
    expect(page.data.taps).toBe(2);
    const tag = page.querySelector('#counter')?.querySelector('#count')?.querySelector('.t-tag');
    expect(tag?.dom?.textContent).toBe('已发送 2 次');
    expect(page.querySelector('.fixture__many')?.dom?.textContent).toBe('已发送多次');

    await trigger(page.querySelector('#name')?.querySelector('.t-input__control'), 'input', {
      value: '安娜',
    });
    expect(page.data.name).toBe('安娜');
  });

  it('drives page lifecycles and exposes getCurrentPages', async () => {
    const page = openFixture();
    await page.onLoad();
    expect(globals.getCurrentPages()).toEqual([page.instance]);
    expect(page.instance.route).toBe('pages/fixture/index');

    await tap(page.querySelector('#send')?.querySelector('.t-button'));
    await page.onPullDownRefresh();
    expect(page.data.taps).toBe(0);
    expect(wx.stopPullDownRefresh).toHaveBeenCalledTimes(1);
    await expect(page.onReachBottom()).rejects.toThrow('pages/fixture/index does not define onReachBottom');
  });

  it('loads a component on its own, with the TDesign components it registers', () => {
    const card = loadComponent('components/counter-card/index', { count: 3 }, { rootPath: FIXTURES });
    const tag = card.querySelector('#count')?.querySelector('.t-tag');
    expect(tag?.dom?.textContent).toBe('已发送 3 次');
    expect(tag?.dom?.getAttribute('class')).toContain('t-tag--primary');
    expect(globals.getCurrentPages()).toEqual([]);
  });

  it('refuses to tap a virtual host, which has no element to receive the tap', async () => {
    const page = openFixture();
    await expect(tap(page.querySelector('#send'))).rejects.toThrow('virtual host');
    await expect(tap(page.querySelector('#missing'))).rejects.toThrow('matched no node');
  });

  it('fails a page whose template uses a tag its usingComponents does not register', () => {
    expect(() => loadPage('pages/unknown-tag/index', { rootPath: FIXTURES })).toThrow(
      'pages/unknown-tag/index.wxml: <foo-bar> is not a WXML component',
    );
  });

  it('fails a page that renders an unresolved tag from an imported template', () => {
    expect(() => loadPage('pages/unknown-in-template/index', { rootPath: FIXTURES })).toThrow(
      'pages/unknown-in-template/index: rendered unresolved tag(s) <t-nonexistent>',
    );
  });
});

describe('wx stand-in', () => {
  it('routes wx.cloud.callFunction to the function the test plugs in', async () => {
    expect(globals.wx).toBe(wx);
    await expect(globals.wx.cloud.callFunction({ name: 'ping', data: { action: 'ping' } })).resolves.toEqual({
      errMsg: 'cloud.callFunction:ok',
      result: { ok: true, data: { name: 'ping' } },
      requestID: 'test-ping',
    });
    expect(wx.cloud.callFunction).toHaveBeenCalledWith({ name: 'ping', data: { action: 'ping' } });
  });

  it('fails callFunction clearly when the test wired no cloud', async () => {
    installWx();
    const fail = jest.fn();
    globals.wx.cloud.callFunction({ name: 'ping', fail });
    await settle();
    expect(fail).toHaveBeenCalledWith({
      errMsg: expect.stringContaining('pass callFunction to installWx()'),
    });
  });

  it('keeps storage in memory, as copies', async () => {
    const stored = { step: 1 };
    globals.wx.setStorageSync('draft', stored);
    stored.step = 2;
    expect(globals.wx.getStorageSync('draft')).toEqual({ step: 1 });
    expect(globals.wx.getStorageSync('absent')).toBe('');
    await expect(globals.wx.getStorage({ key: 'absent' })).rejects.toEqual({
      errMsg: 'getStorage:fail data not found, key: absent',
    });
    expect(wx.storage.get('draft')).toEqual({ step: 1 });
  });
});
