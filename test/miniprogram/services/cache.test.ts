import * as cache from '../../../miniprogram/services/cache';
import { installWx, settle, type WxMock } from '../../harness/simulate';

let wx: WxMock;

beforeEach(() => {
  wx = installWx();
});

describe('cached (stale-while-revalidate)', () => {
  it('has nothing stale on the first load, then stores the fresh value for the next', async () => {
    const first = cache.cached('home', async () => ({ title: '首页' }));
    expect(first.stale).toBeUndefined();
    await expect(first.fresh).resolves.toEqual({ title: '首页' });
    await settle();

    let release: (value: { title: string }) => void = () => undefined;
    const second = cache.cached(
      'home',
      () => new Promise<{ title: string }>((resolve) => (release = resolve)),
    );
    expect(second.stale).toEqual({ title: '首页' });
    release({ title: '首页（更新）' });
    await expect(second.fresh).resolves.toEqual({ title: '首页（更新）' });
    await settle();
    expect(cache.readCache('home')).toEqual({ title: '首页（更新）' });
  });

  it('keeps the last good value when the fresh load fails', async () => {
    await cache.cached('news', async () => ['a']).fresh;
    await settle();
    const failing = cache.cached('news', () => Promise.reject(new Error('offline')));
    expect(failing.stale).toEqual(['a']);
    await expect(failing.fresh).rejects.toThrow('offline');
    expect(cache.readCache('news')).toEqual(['a']);
  });

  it('ignores entries past their time to live', async () => {
    let now = 1_000;
    await cache.cached('home', async () => 'old', { now: () => now }).fresh;
    await settle();
    now += cache.CACHE_TTL_MS + 1;
    expect(cache.cached('home', async () => 'new', { now: () => now }).stale).toBeUndefined();
  });

  it('ignores entries of another cache version and values stored by others', () => {
    wx.setStorageSync('swr:home', { version: cache.CACHE_VERSION - 1, savedAt: Date.now(), value: 'v0' });
    expect(cache.readCache('home')).toBeUndefined();
    wx.setStorageSync('swr:news', 'not an entry');
    expect(cache.readCache('news')).toBeUndefined();
  });

  it('treats unreadable storage as an empty cache', () => {
    wx.getStorageSync.mockImplementation(() => {
      throw new Error('getStorageSync:fail');
    });
    expect(cache.readCache('home')).toBeUndefined();
  });
});
