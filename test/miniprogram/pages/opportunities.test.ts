import { opportunity, SEED, seedDatabase } from '../../harness/seed';
import { installWx, loadPage, tap, type PageHandle, type CallFunction } from '../../harness/simulate';
import {
  errorMessage,
  expectSelectsTab,
  failingFirst,
  loadHeld,
  openPage,
  statePart,
  textOf,
  until,
} from '../../harness/page-helpers';
import { startPrivateCloud, type PrivateCloud } from './private-cloud';

/**
 * 合作 against the real `content` function. This file runs its own local cloud: it adds
 * opportunities (more than a page of one category, one open until a date, one whose date has
 * passed), which the shared, seeded cloud of the other page tests must not see.
 */

const OPPORTUNITIES = 'pages/opportunities/index';
/** Research opportunities added to the seed's one: more than a page (10). */
const EXTRA_RESEARCH = 14;
/** A category the seed has no opportunity in. */
const EMPTY_CATEGORY = '商业与区域发展';

/** A seeded opportunity's title: expected content comes from the seed module, not copied wording. */
function seededTitle(id: string): string {
  const item = SEED.opportunities.find((candidate) => candidate._id === id);
  if (!item) throw new Error(`no seeded opportunity ${id}`);
  return item.title;
}

let cloud: PrivateCloud;

beforeAll(async () => {
  cloud = await startPrivateCloud();
  await seedDatabase(cloud.app, {
    ...SEED,
    opportunities: [
      ...SEED.opportunities,
      opportunity({
        _id: 'opp-test-open-until',
        category: 'other',
        title: '测试开放至某日',
        audience: '上海的高校',
        availability: 'open_until',
        deadline: new Date('2030-06-30T15:59:59Z'),
        publishedAt: new Date(Date.UTC(2017, 0, 2)),
      }),
      opportunity({
        _id: 'opp-test-expired',
        category: 'other',
        title: '测试已过截止日期',
        availability: 'open_until',
        deadline: new Date('2017-03-31T15:59:59Z'),
        publishedAt: new Date(Date.UTC(2017, 0, 1)),
      }),
      ...Array.from({ length: EXTRA_RESEARCH }, (_, i) =>
        opportunity({
          _id: `opp-test-research-${String(i + 1).padStart(2, '0')}`,
          category: 'research',
          title: `测试科研合作 ${i + 1}`,
          publishedAt: new Date(Date.UTC(2015, 0, i + 1)),
        }),
      ),
    ],
  });
});

afterAll(() => cloud?.close());

/** `wx.cloud.callFunction` against this file's cloud. */
function caller(openId = 'opportunities-reader'): CallFunction {
  return cloud.caller(openId);
}

function cards(page: PageHandle) {
  return page.querySelectorAll('.opportunities__item');
}

function titles(page: PageHandle): string[] {
  return page.querySelectorAll('.opportunities__title').map(textOf);
}

/** The category filter's tabs as rendered (TDesign tabs, theme "tag"). */
function categoryTabs(page: PageHandle) {
  return page.querySelector('#categories')?.querySelectorAll('.t-tabs__item') ?? [];
}

async function chooseCategory(page: PageHandle, label: string) {
  await tap(categoryTabs(page).find((tab) => textOf(tab) === label));
  await until(() => page.data.status !== 'loading');
}

const openList = (callFunction: CallFunction = caller()) => openPage(OPPORTUNITIES, callFunction);

describe('合作', () => {
  it('shows a skeleton while loading, then every category’s opportunities, newest first', async () => {
    const { page, finish } = await loadHeld(OPPORTUNITIES, caller());
    expect(statePart(page, 'state-view-skeleton')).toBeDefined();
    expect(cards(page)).toHaveLength(0);
    await finish();

    expect(statePart(page, 'state-view-skeleton')).toBeUndefined();
    expect(cards(page)).toHaveLength(10);
    // The added 2017 items, the seed's (one publication date, so by id), then the 2015 ones.
    expect(titles(page)).toEqual([
      '测试开放至某日',
      '测试已过截止日期',
      seededTitle('opp-study-visits'),
      seededTitle('opp-research-partners'),
      seededTitle('opp-education-partners'),
      ...[14, 13, 12, 11, 10].map((n) => `测试科研合作 ${n}`),
    ]);
    expect(categoryTabs(page).map(textOf)).toEqual([
      '全部',
      '商业与区域发展',
      '知识交流与互访',
      '科研合作',
      '文化与教育交流',
      '其他',
    ]);
  });

  it('shows each card’s category, who it is for, and its status with the basis: a date, an arrangement, or ended', async () => {
    const { page } = await openList();
    const card = (id: string) => page.querySelector(`#opportunity-${id}`);
    const status = (id: string) => textOf(page.querySelector(`#status-${id}`));
    expect(status('opp-test-open-until')).toBe('开放至2030年6月30日');
    expect(textOf(page.querySelector('#audience-opp-test-open-until'))).toBe('面向：上海的高校');
    // Its date has passed: the server answers it closed.
    expect(status('opp-test-expired')).toBe('已结束');
    expect(page.querySelector('#status-opp-test-expired')?.dom?.getAttribute('class')).not.toContain(
      'opportunities__status--open',
    );
    expect(page.querySelector('#status-opp-test-open-until')?.dom?.getAttribute('class')).toContain(
      'opportunities__status--open',
    );
    const visits = SEED.opportunities.find((item) => item._id === 'opp-study-visits')!;
    expect(status('opp-study-visits')).toBe('可商洽');
    expect(textOf(card('opp-study-visits'))).toContain('知识交流与互访');
    expect(textOf(page.querySelector('#audience-opp-study-visits'))).toBe(`面向：${visits.audience}`);
    // The source dates the seed by year only: no day appears.
    expect(textOf(card('opp-study-visits'))).toContain(`${visits.dateLabel}`);
    expect(textOf(card('opp-study-visits'))).not.toMatch(/\d+月\d+日/);
  });

  it('filters by category and pages by cursor to the end', async () => {
    const { page, wx } = await openList();
    await chooseCategory(page, '科研合作');

    expect(cards(page)).toHaveLength(10);
    expect(titles(page)[0]).toBe(seededTitle('opp-research-partners'));
    expect(
      page.querySelectorAll('.opportunities__item').every((card) => textOf(card).includes('科研合作')),
    ).toBe(true);
    expect(page.querySelector('#opportunities-end')).toBeUndefined();

    await page.onReachBottom();
    expect(cards(page)).toHaveLength(1 + EXTRA_RESEARCH);
    expect(titles(page).at(-1)).toBe('测试科研合作 1');
    expect(new Set(titles(page)).size).toBe(1 + EXTRA_RESEARCH);
    expect(textOf(page.querySelector('#opportunities-end'))).toBe('没有更多了');

    const calls = wx.cloud.callFunction.mock.calls.length;
    await page.onReachBottom();
    expect(wx.cloud.callFunction).toHaveBeenCalledTimes(calls);
    const sent = wx.cloud.callFunction.mock.calls.map(([options]) => (options as { data: unknown }).data);
    expect(sent.at(-1)).toEqual({
      action: 'opportunities.list',
      data: { type: 'research', cursor: expect.any(String) },
    });
  });

  it('shows an empty state for a category with nothing published', async () => {
    const { page } = await openList();
    await chooseCategory(page, EMPTY_CATEGORY);
    expect(textOf(statePart(page, 'state-view-empty')?.querySelector('.t-empty__description'))).toBe(
      `暂无“${EMPTY_CATEGORY}”类合作机会`,
    );
    expect(cards(page)).toHaveLength(0);
  });

  it('refreshes on pull-down', async () => {
    const { page, wx } = await openList();
    await page.onReachBottom();
    expect(cards(page).length).toBeGreaterThan(10);

    await page.onPullDownRefresh();
    expect(cards(page)).toHaveLength(10);
    expect(wx.stopPullDownRefresh).toHaveBeenCalledTimes(1);
  });

  it('shows the error with a retry that loads the list', async () => {
    const call = caller();
    const { page } = await openList(failingFirst(2, call)); // the service retries a read once
    expect(errorMessage(page)).toBe('网络连接异常，请检查网络后重试');
    expect(cards(page)).toHaveLength(0);

    await tap(statePart(page, 'state-view-retry')?.querySelector('.t-button'));
    await until(() => cards(page).length === 10);
    expect(statePart(page, 'state-view-error')).toBeUndefined();
  });

  it('opens an opportunity’s page', async () => {
    const { page, wx } = await openList();
    await tap(page.querySelector('#opportunity-opp-research-partners'));
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/opportunity-detail/index?id=opp-research-partners' }),
    );
  });

  it('marks its tab in the custom tab bar when shown', async () => {
    await expectSelectsTab(OPPORTUNITIES, caller(), 'opportunities');
  });

  it('opens on the category of a shared link', async () => {
    installWx({ callFunction: caller() });
    const page = loadPage(OPPORTUNITIES);
    await page.onLoad({ type: 'knowledge' });
    expect(titles(page)).toEqual([seededTitle('opp-study-visits')]);
    expect(textOf(page.querySelector('#categories')?.querySelector('.t-tabs__item--active'))).toBe(
      '知识交流与互访',
    );
  });
});
