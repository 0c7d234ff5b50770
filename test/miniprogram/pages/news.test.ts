import { Buffer } from 'node:buffer';
import { cloudCaller, testCloudApp } from '../../harness/cloud-client';
import { loadPage, settle, tap, type PageHandle, type SimNode, type WxMock } from '../../harness/simulate';
import {
  expectShares,
  failingFirst,
  gated,
  installSharingWx,
  NETWORK_FAILURE,
  retryAfterNetworkError,
  state,
  textOf,
  until,
  type SharingWx,
} from '../../harness/page-helpers';
import { NEWS } from '../../../cloudbase/seed/news';
import type { NewsItem } from '../../../contract/models';

/**
 * 新闻 against the real `content` function: the category strip as the server names it, pull-down
 * refresh, cursor pages to the end, states.
 */

const USER = 'o-news-test-user';
const PAGE_SIZE = 10;
/**
 * The category only this file's items are in (the seed has none in it); they are older than every
 * seeded item, so the first pages other tests read stay as they are.
 */
const PAGED_CATEGORY = 'culture';
const PAGED_LABEL = '文化与教育交流';
/** Two full pages and a part: 10 + 10 + 3. */
const PAGED_COUNT = 23;

/** A seeded news item: expected content comes from the seed module, not copied wording. */
function seeded(id: string): NewsItem {
  const item = NEWS.find((candidate) => candidate._id === id);
  if (!item) throw new Error(`no seeded news item ${id}`);
  return item;
}
const ANNIVERSARY = seeded('news-2013-10th-anniversary').title;
/** The newest seeded item (the seed's 2016 items share one date; the id orders them). */
const NEWEST = seeded('news-delegation-visits');
/** The one seeded item in 知识交流与互访. */
const VISITS = NEWEST;

/**
 * Published items in `PAGED_CATEGORY`, a day apart and older than every seeded item (so they never
 * reach the top of the unfiltered list), numbered from the newest: 第1条 … 第23条.
 */
beforeAll(async () => {
  const news = testCloudApp().database().collection('news');
  const newest = Date.UTC(2010, 0, 31);
  for (let i = 0; i < PAGED_COUNT; i += 1) {
    const at = new Date(newest - i * 24 * 3600_000);
    await news.add({
      title: `分页测试新闻第${i + 1}条`,
      summary: '用于分页测试的新闻摘要。',
      body: '用于分页测试的新闻正文。',
      category: PAGED_CATEGORY,
      tags: ['分页测试'],
      status: 'published',
      publishAt: at,
      publishedAt: at,
      pinned: false,
      source: { title: 'Test' },
      createdAt: at,
      updatedAt: at,
    });
  }
});

function titles(page: PageHandle): string[] {
  return page.querySelectorAll('.news__card').map((card) => textOf(card.querySelector('.news-card__title')));
}

function categoryTabs(page: PageHandle): SimNode[] {
  return page.querySelector('#news-categories')?.querySelectorAll('.t-tabs__item') ?? [];
}

/** The content function's calls the page made, as `{ action, data }`. */
function calls(wx: WxMock): unknown[] {
  return wx.cloud.callFunction.mock.calls.map(([request]) => (request as { data: unknown }).data);
}

describe('news list page', () => {
  let wx: SharingWx;

  beforeEach(() => {
    wx = installSharingWx({ callFunction: cloudCaller(USER) });
  });

  it('shows a skeleton, then the published news, newest first, with date and tags', async () => {
    const page = loadPage('pages/news/index');
    expect(state(page).querySelector('#state-view-skeleton')).toBeDefined();
    await page.onLoad();

    expect(calls(wx)).toEqual([{ action: 'news.list', data: { limit: PAGE_SIZE } }]);
    expect(state(page).querySelector('#state-view-skeleton')).toBeUndefined();
    const shown = titles(page);
    expect(shown[0]).toBe(NEWEST.title);
    expect(shown).toContain(ANNIVERSARY);
    const newest = page.querySelectorAll('.news__card')[0];
    expect(textOf(newest?.querySelector('.news-card__date'))).toBe(NEWEST.dateLabel);
    expect(textOf(newest?.querySelector('.news-card__tags'))).toBe(
      NEWEST.tags.map((tag) => `#${tag}`).join(' '),
    );
  });

  it('offers every category the server says has news, not only the loaded ones, and filters by the one tapped', async () => {
    const expected = ['全部', '商业与区域发展', '知识交流与互访', PAGED_LABEL, '其他'];
    // Opened on one category: one item loaded, every category still offered.
    const filtered = loadPage('pages/news/index');
    await filtered.onLoad({ category: 'knowledge' });
    expect(titles(filtered)).toEqual([VISITS.title]);
    expect(categoryTabs(filtered).map(textOf)).toEqual(expected);

    const page = loadPage('pages/news/index');
    await page.onLoad();
    expect(categoryTabs(page).map(textOf)).toEqual(expected);
    expect(new Set(NEWS.map((item) => item.category)).size).toBeLessThan(expected.length - 1);

    await tap(categoryTabs(page).find((tab) => textOf(tab) === '知识交流与互访'));
    await until(() => page.data.status === 'ready' && titles(page).length === 1);
    expect(titles(page)).toEqual([VISITS.title]);
    expect(calls(wx)).toContainEqual({
      action: 'news.list',
      data: { limit: PAGE_SIZE, category: 'knowledge' },
    });
    expect(textOf(page.querySelector('#news-end'))).toBe('没有更多了');

    await tap(categoryTabs(page)[0]);
    await until(() => titles(page).includes(ANNIVERSARY));
  });

  it('says so when a category has no news, keeping that category in the strip', async () => {
    const page = loadPage('pages/news/index');
    await page.onLoad({ category: 'research' });
    const empty = state(page).querySelector('#state-view-empty');
    expect(textOf(empty?.querySelector('.t-empty__description'))).toBe('“科研合作”类别下暂无新闻');
    expect(titles(page)).toEqual([]);
    expect(categoryTabs(page).map(textOf)).toContain('科研合作');
  });

  it('loads the next page by cursor at the bottom until there is no more', async () => {
    const page = loadPage('pages/news/index');
    await page.onLoad({ category: PAGED_CATEGORY });
    expect(titles(page)).toHaveLength(10);
    expect(page.querySelector('#news-end')).toBeUndefined();

    await page.onReachBottom();
    expect(titles(page)).toHaveLength(20);
    await page.onReachBottom();
    const all = titles(page);
    expect(all).toEqual(Array.from({ length: PAGED_COUNT }, (_, i) => `分页测试新闻第${i + 1}条`));
    expect(textOf(page.querySelector('#news-end'))).toBe('没有更多了');

    const pagesAsked = wx.cloud.callFunction.mock.calls.length;
    await page.onReachBottom();
    expect(wx.cloud.callFunction).toHaveBeenCalledTimes(pagesAsked);
    const cursors = calls(wx).map((call) => (call as { data: { cursor?: string } }).data.cursor);
    expect(cursors[0]).toBeUndefined();
    expect(cursors[1]).toEqual(expect.any(String));
    expect(cursors[2]).toEqual(expect.any(String));
  });

  it('keeps the list and offers a retry when a next page fails', async () => {
    const page = loadPage('pages/news/index');
    await page.onLoad({ category: PAGED_CATEGORY });
    wx.cloud.callFunction.mockImplementationOnce(() => Promise.reject(NETWORK_FAILURE));
    wx.cloud.callFunction.mockImplementationOnce(() => Promise.reject(NETWORK_FAILURE));
    await page.onReachBottom();
    expect(titles(page)).toHaveLength(10);
    expect(textOf(page.querySelector('#news-more-failed'))).toBe('加载失败，点击重试');

    await tap(page.querySelector('#news-more-failed'));
    await until(() => titles(page).length === 20);
    expect(page.querySelector('#news-more-failed')).toBeUndefined();
  });

  it('starts again from the first page on pull-down', async () => {
    const page = loadPage('pages/news/index');
    await page.onLoad({ category: PAGED_CATEGORY });
    await page.onReachBottom();
    expect(titles(page)).toHaveLength(20);

    await page.onPullDownRefresh();
    expect(titles(page)).toHaveLength(10);
    expect(wx.stopPullDownRefresh).toHaveBeenCalledTimes(1);
    await page.onReachBottom();
    expect(titles(page)).toHaveLength(20);
  });

  it('shows the error with retry when the list cannot load, and recovers', async () => {
    wx = installSharingWx({ callFunction: failingFirst(2, cloudCaller(USER)) });
    const page = loadPage('pages/news/index');
    await page.onLoad();
    await retryAfterNetworkError(page);
    expect(titles(page)).toContain(ANNIVERSARY);
  });

  it('renders the last first page at once on the next open, then refreshes it', async () => {
    const first = loadPage('pages/news/index');
    await first.onLoad();
    await settle();

    const { call, release } = gated(cloudCaller(USER));
    wx = installSharingWx({ storage: Object.fromEntries(wx.storage), callFunction: call });
    const second = loadPage('pages/news/index');
    const loading = second.onLoad();
    await settle();
    expect(titles(second)).toContain(ANNIVERSARY);
    expect(state(second).querySelector('#state-view-skeleton')).toBeUndefined();

    release();
    await loading;
    expect(wx.cloud.callFunction).toHaveBeenCalledTimes(1);
    expect(titles(second)).toContain(ANNIVERSARY);
  });

  it('shares the list, with the category being read', async () => {
    const page = loadPage('pages/news/index');
    await page.onLoad();
    await expect(page.onShareAppMessage()).resolves.toEqual({
      title: '丹麦中日德兰大区新闻动态',
      path: '/pages/news/index',
    });

    const filtered = loadPage('pages/news/index');
    await filtered.onLoad({ category: PAGED_CATEGORY });
    await expectShares(
      filtered,
      `丹麦中日德兰大区新闻：${PAGED_LABEL}`,
      `/pages/news/index?category=${PAGED_CATEGORY}`,
    );
  });

  it('opens a news item from its card', async () => {
    const page = loadPage('pages/news/index');
    await page.onLoad({ category: 'knowledge' });
    await tap(page.querySelectorAll('.news__card')[0]?.querySelector('.news-card'));
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/pages/news-detail/index?id=${VISITS._id}` }),
    );
  });

  it('stays within the page budgets with two pages loaded', async () => {
    const page = loadPage('pages/news/index');
    await page.onLoad({ category: PAGED_CATEGORY });
    expect(Buffer.byteLength(JSON.stringify(page.data))).toBeLessThanOrEqual(32 * 1024);
    await page.onReachBottom();
    const nodes = page.root.dom?.outerHTML.match(/<[a-z][\w-]*/g) ?? [];
    expect(nodes.length).toBeLessThan(600);
  });
});
