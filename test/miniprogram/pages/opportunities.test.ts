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
 * opportunities (more than a page of one kind) and leaves one kind empty, which the shared,
 * seeded cloud of the other page tests must not see.
 */

const OPPORTUNITIES = 'pages/opportunities/index';
/** Research opportunities added to the seed's one: more than a page (10). */
const EXTRA_RESEARCH = 14;
/** The seed's opportunities, but for this kind (left empty). */
const EMPTY_KIND = 'delegation_visit';

let cloud: PrivateCloud;

beforeAll(async () => {
  cloud = await startPrivateCloud();
  await seedDatabase(cloud.app, {
    ...SEED,
    opportunities: [
      ...SEED.opportunities.filter((item) => item.kind !== EMPTY_KIND),
      ...Array.from({ length: EXTRA_RESEARCH }, (_, i) =>
        opportunity({
          _id: `opp-test-research-${String(i + 1).padStart(2, '0')}`,
          kind: 'research',
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

/** The kind filter's tabs as rendered (TDesign tabs, theme "tag"). */
function kindTabs(page: PageHandle) {
  return page.querySelector('#kinds')?.querySelectorAll('.t-tabs__item') ?? [];
}

async function chooseKind(page: PageHandle, label: string) {
  await tap(kindTabs(page).find((tab) => textOf(tab) === label));
  await until(() => page.data.status !== 'loading');
}

const openList = (callFunction: CallFunction = caller()) => openPage(OPPORTUNITIES, callFunction);

describe('合作', () => {
  it('shows a skeleton while loading, then every kind’s opportunities, newest first', async () => {
    const { page, finish } = await loadHeld(OPPORTUNITIES, caller());
    expect(statePart(page, 'state-view-skeleton')).toBeDefined();
    expect(cards(page)).toHaveLength(0);
    await finish();

    expect(statePart(page, 'state-view-skeleton')).toBeUndefined();
    expect(cards(page)).toHaveLength(10);
    // The seed's items share one publication date, then the added ones (2015), newest first.
    expect(titles(page)).toEqual([
      '科研合作支持',
      '谅解备忘录框架下的合作项目',
      '商业项目 Midtnet Kina',
      '教育机构合作',
      '丹中文化交流',
      ...[14, 13, 12, 11, 10].map((n) => `测试科研合作 ${n}`),
    ]);
    const midtnet = textOf(cards(page)[2]);
    expect(midtnet).toContain('商业项目');
    expect(midtnet).toContain('暂未开放');
    expect(textOf(cards(page)[0])).toContain('可参与');
    expect(kindTabs(page).map(textOf)).toEqual([
      '全部',
      '商业项目',
      '科研合作',
      '教育合作',
      '文化交流',
      '考察交流',
      '谅解备忘录',
    ]);
  });

  it('filters by kind and pages by cursor to the end', async () => {
    const { page, wx } = await openList();
    await chooseKind(page, '科研合作');

    expect(cards(page)).toHaveLength(10);
    expect(titles(page)[0]).toBe('科研合作支持');
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

  it('shows an empty state for a kind with nothing published', async () => {
    const { page } = await openList();
    await chooseKind(page, '考察交流');
    expect(textOf(statePart(page, 'state-view-empty')?.querySelector('.t-empty__description'))).toBe(
      '暂无“考察交流”类合作机会',
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
    await tap(page.querySelector('#opportunity-opp-research-collaboration'));
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/opportunity-detail/index?id=opp-research-collaboration' }),
    );
  });

  it('marks its tab in the custom tab bar when shown', async () => {
    await expectSelectsTab(OPPORTUNITIES, caller(), 'opportunities');
  });

  it('opens on the kind of a shared link', async () => {
    installWx({ callFunction: caller() });
    const page = loadPage(OPPORTUNITIES);
    await page.onLoad({ type: 'mou' });
    expect(titles(page)).toEqual(['谅解备忘录框架下的合作项目']);
    expect(textOf(page.querySelector('#kinds')?.querySelector('.t-tabs__item--active'))).toBe('谅解备忘录');
  });
});
