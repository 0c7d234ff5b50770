import { cloudCaller, testCloudApp } from '../../../harness/cloud-client';
import { installWx, loadPage, tap, type PageHandle, type WxMock } from '../../../harness/simulate';
import { failingFirst, loadHeld, statePart, until } from '../../../harness/page-helpers';

/** 我的咨询 against the real `enquiry` function: the caller's enquiries with status, paged to the end. */

const MINE = 'packages/enquiry/pages/mine/index';
const STATUSES = ['received', 'pending_review', 'in_progress', 'closed'] as const;
const STATUS_LABELS: Record<(typeof STATUSES)[number], string> = {
  received: '已收到',
  pending_review: '待审核',
  in_progress: '处理中',
  closed: '已办结',
};
/** More than one page (20) of the function's `mine`. */
const STORED = 23;
const DETAIL = '/packages/enquiry/pages/detail/index';

/** The reference of the `i`th stored enquiry (all on 1 and 2 November, China time). */
function refOf(i: number): string {
  return `CDR-2026110${i < 14 ? 1 : 2}-${String(900 + i).padStart(3, '0')}`;
}

function uniqueOpenId(test: string): string {
  return `mine-${test}-${Date.now().toString(36)}`;
}

/**
 * Stores `count` enquiries of `openId` as the function would have, an hour apart, newest last,
 * cycling through the statuses staff set. Straight into the database: the function accepts only
 * five new enquiries an hour from one caller.
 */
async function storeEnquiries(openId: string, count: number): Promise<string[]> {
  const collection = testCloudApp().database().collection('enquiries');
  const start = Date.UTC(2026, 10, 1, 2);
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const at = new Date(start + i * 3600_000);
    const { id } = await collection.add({
      _openid: openId,
      ref: refOf(i),
      kind: i === 0 ? 'visit' : 'general',
      ...(i === 0
        ? {
            visit: { from: '2026-12-01', to: '2026-12-05', groupSize: 8 },
            lastReplyAt: new Date(at.getTime() + 60_000),
          }
        : {}),
      requestId: `mine-test-${i.toString().padStart(4, '0')}`,
      name: '李华',
      organization: `上海第${i + 1}中学`,
      email: 'li.hua@example.cn',
      topic: i % 2 === 0 ? 'culture' : 'research',
      message: `第 ${i + 1} 条咨询：我们希望与中日德兰大区的学校建立交流关系。`,
      consent: { privacy: true, crossBorder: true, at, noticeVersion: '2026-11-23' },
      status: STATUSES[i % STATUSES.length],
      createdAt: at,
      updatedAt: at,
      retainUntil: new Date(at.getTime() + 365 * 24 * 3600_000),
    });
    ids.push(String(id));
  }
  return ids;
}

async function openMine(): Promise<PageHandle> {
  const page = loadPage(MINE);
  await page.onLoad();
  return page;
}

function cards(page: PageHandle) {
  return page.querySelectorAll('.my-enquiries__item');
}

function text(page: PageHandle, selector: string): string {
  return page.querySelector(selector)?.dom?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function stateMessage(page: PageHandle, id: 'state-view-error' | 'state-view-empty'): string {
  return statePart(page, id)?.querySelector('.t-empty__description')?.dom?.textContent?.trim() ?? '';
}

let wx: WxMock;

describe('我的咨询', () => {
  it('shows a skeleton while loading, then the caller’s enquiries with their status, newest first', async () => {
    const openId = uniqueOpenId('list');
    await storeEnquiries(openId, STORED);
    const held = await loadHeld(MINE, cloudCaller(openId));
    wx = held.wx;
    const { page } = held;
    expect(statePart(page, 'state-view-skeleton')).toBeDefined();
    expect(cards(page)).toHaveLength(0);
    await held.finish();
    expect(statePart(page, 'state-view-skeleton')).toBeUndefined();

    const shown = cards(page);
    expect(shown).toHaveLength(20);
    const newest = shown[0]?.dom?.textContent ?? '';
    expect(newest).toContain(`上海第${STORED}中学`);
    expect(newest).toContain('文化与教育交流');
    // The statuses cycle: the newest (the 23rd) is the third status.
    expect(newest).toContain(STATUS_LABELS.in_progress);
    // 22 hours after 10:00 on 1 November, China time.
    expect(newest).toContain('提交于2026年11月2日');
    for (const label of Object.values(STATUS_LABELS)) {
      expect(shown.some((card) => card.dom?.textContent?.includes(label))).toBe(true);
    }
    expect(page.querySelector('#mine-end')).toBeUndefined();
  });

  it('loads the next page at the bottom until the end', async () => {
    const openId = uniqueOpenId('pages');
    await storeEnquiries(openId, STORED);
    wx = installWx({ callFunction: cloudCaller(openId) });
    const page = await openMine();

    await page.onReachBottom();

    const shown = cards(page);
    expect(shown).toHaveLength(STORED);
    expect(shown[STORED - 1]?.dom?.textContent).toContain('上海第1中学');
    expect(new Set(shown.map((card) => card.dom?.textContent)).size).toBe(STORED);
    expect(text(page, '#mine-end')).toBe('没有更多了');

    await page.onReachBottom();
    expect(wx.cloud.callFunction).toHaveBeenCalledTimes(2);
  });

  it('offers to retry a next page that failed', async () => {
    const openId = uniqueOpenId('more-failed');
    await storeEnquiries(openId, STORED);
    const call = cloudCaller(openId);
    let fail = false;
    wx = installWx({
      callFunction: async (name, data) => {
        if (fail) throw new Error('network down');
        return call(name, data);
      },
    });
    const page = await openMine();

    fail = true;
    await page.onReachBottom();
    expect(text(page, '#mine-more-failed')).toBe('加载失败，点击重试');
    expect(cards(page)).toHaveLength(20);

    fail = false;
    await tap(page.querySelector('#mine-more-failed'));
    await until(() => cards(page).length === STORED);
    expect(text(page, '#mine-end')).toBe('没有更多了');
  });

  it('shows the error with a retry that loads the list', async () => {
    const openId = uniqueOpenId('error');
    await storeEnquiries(openId, 2);
    // The service retries a read once: two dropped calls make one failed load.
    wx = installWx({ callFunction: failingFirst(2, cloudCaller(openId)) });
    const page = await openMine();

    expect(stateMessage(page, 'state-view-error')).toBe('网络连接异常，请检查网络后重试');
    expect(cards(page)).toHaveLength(0);

    await tap(statePart(page, 'state-view-retry')?.querySelector('.t-button'));
    await until(() => cards(page).length === 2);
    expect(text(page, '#mine-end')).toBe('没有更多了');
  });

  it('shows an empty state with the way to write one', async () => {
    wx = installWx({ callFunction: cloudCaller(uniqueOpenId('empty')) });
    const page = await openMine();

    expect(stateMessage(page, 'state-view-empty')).toBe('您还没有提交过咨询');
    await tap(page.querySelector('#write-enquiry')?.querySelector('.t-button'));
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/enquiry/pages/form/index' }),
    );
  });

  it('shows only the caller’s own enquiries', async () => {
    const mineId = uniqueOpenId('own');
    await storeEnquiries(mineId, 1);
    await storeEnquiries(uniqueOpenId('other'), 3);
    wx = installWx({ callFunction: cloudCaller(mineId) });
    const page = await openMine();
    expect(cards(page)).toHaveLength(1);
  });

  it('shows each enquiry’s reference, marks visit requests and replies, and opens the detail page', async () => {
    const openId = uniqueOpenId('refs');
    const [first, second] = await storeEnquiries(openId, 2);
    wx = installWx({ callFunction: cloudCaller(openId) });
    const page = await openMine();

    const newest = text(page, `#enquiry-${second}`);
    expect(newest).toContain(`编号：${refOf(1)}`);
    expect(newest).not.toContain('办公室已回复');
    const oldest = text(page, `#enquiry-${first}`);
    expect(oldest).toContain(`编号：${refOf(0)}`);
    expect(oldest).toContain('来访申请 · 文化与教育交流');
    expect(oldest).toContain('办公室已回复');

    await tap(page.querySelector(`#enquiry-${first}`));
    expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: `${DETAIL}?id=${first}` }));
  });

  it('says 已删除 for an enquiry it listed before that is gone, instead of dropping it silently', async () => {
    const openId = uniqueOpenId('erased');
    const [first, second] = await storeEnquiries(openId, 2);
    wx = installWx({ callFunction: cloudCaller(openId) });
    await openMine();

    await testCloudApp().database().collection('enquiries').doc(String(first)).remove();
    const again = await openMine();

    expect(cards(again).filter((card) => card.dom?.textContent?.includes('已删除'))).toHaveLength(1);
    const erased = text(again, `#erased-${first}`);
    expect(erased).toContain('已删除');
    expect(erased).toContain(`编号：${refOf(0)}`);
    expect(erased).toContain('这条咨询已按您的要求或保存期限届满被删除');
    expect(again.querySelector(`#enquiry-${first}`)).toBeUndefined();
    expect(text(again, `#enquiry-${second}`)).not.toContain('已删除');

    // Even with nothing left to list.
    await testCloudApp().database().collection('enquiries').doc(String(second)).remove();
    const empty = await openMine();
    expect(stateMessage(empty, 'state-view-empty')).toBe('您还没有提交过咨询');
    expect(empty.querySelectorAll('.my-enquiries__item--erased')).toHaveLength(2);
  });
});
