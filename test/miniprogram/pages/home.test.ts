import { Buffer } from 'node:buffer';
import { cloudCaller, testCloudApp } from '../../harness/cloud-client';
import { installApp, loadPage, settle, tap, type PageHandle, type SimNode } from '../../harness/simulate';
import {
  expectShares,
  failingFirst,
  gated,
  installSharingWx,
  retryAfterNetworkError,
  NETWORK_FAILURE,
  state,
  type SharingWx,
} from '../../harness/page-helpers';
import { NEWS } from '../../../cloudbase/seed/news';
import { PROFILE } from '../../../cloudbase/seed/profile';

const USER = 'o-home-test-user';
const PAGE_BUDGET = { setDataBytes: 32 * 1024, wxmlNodes: 600 };
// Expected content comes from the seed module, so rewording the seed does not break these tests.
/** The news tab's order: pinned first, then the newest, then the id, descending. */
const LATEST_NEWS = [...NEWS].sort(
  (a, b) =>
    Number(b.pinned) - Number(a.pinned) ||
    (b.publishAt?.getTime() ?? 0) - (a.publishAt?.getTime() ?? 0) ||
    b._id.localeCompare(a._id),
);
const TIMELINE_LENGTH = PROFILE.timeline.length;

function textOf(node: SimNode | PageHandle | undefined): string {
  const dom = node && 'root' in node ? node.root.dom : node?.dom;
  return dom?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function openHome() {
  return loadPage('pages/home/index');
}

describe('home page', () => {
  let wx: SharingWx;

  beforeEach(() => {
    wx = installSharingWx({ callFunction: cloudCaller(USER) });
  });

  it('shows the region name and a skeleton before the data, then the first screen from one call', async () => {
    const page = openHome();
    expect(textOf(page.querySelector('.hero__name'))).toBe('丹麦中日德兰大区');
    expect(state(page).querySelector('#state-view-skeleton')).toBeDefined();

    await page.onLoad();

    expect(wx.cloud.callFunction).toHaveBeenCalledTimes(1);
    expect(wx.cloud.callFunction).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'content', data: { action: 'home', data: {} } }),
    );
    expect(state(page).querySelector('#state-view-skeleton')).toBeUndefined();
    expect(textOf(page.querySelector('.hero__original'))).toBe(PROFILE.name.original);
    expect(textOf(page.querySelector('.hero__partner'))).toBe(
      `与${PROFILE.partner.zh}缔结友好城市（友城）关系`,
    );

    const values = page.querySelectorAll('.facts__value').map(textOf);
    const facts = page
      .querySelectorAll('.facts__label')
      .map((label, index) => [textOf(label), values[index]]);
    for (const fact of PROFILE.keyFacts) expect(facts).toContainEqual([fact.label, fact.value]);
  });

  it('shows the image and logo staff uploaded in the hero, with their descriptions, and none before', async () => {
    const plain = openHome();
    await plain.onLoad();
    expect(plain.querySelector('#hero-image')).toBeUndefined();
    expect(plain.querySelector('#hero-logo')).toBeUndefined();

    const app = testCloudApp();
    const upload = async (cloudPath: string) =>
      (await app.uploadFile({ cloudPath, fileContent: Buffer.from(cloudPath) })).fileID;
    const profile = app.database().collection('profile').doc('region');
    await profile.update({
      heroImage: { fileId: await upload('profile-files/home-test-hero.jpg'), alt: '维堡大区总部外景' },
      logo: { fileId: await upload('profile-files/home-test-logo.png'), alt: '中日德兰大区标志' },
    });
    try {
      const page = openHome();
      await page.onLoad();
      expect(page.querySelector('#hero-image')).toBeDefined();
      expect(page.querySelector('#hero-logo')).toBeDefined();
      expect(page.data.hero).toMatchObject({
        image: { url: expect.stringMatching(/^https?:\/\/.+home-test-hero\.jpg/), alt: '维堡大区总部外景' },
        logo: { url: expect.stringMatching(/home-test-logo\.png/), alt: '中日德兰大区标志' },
      });
      // The name stays readable over the image.
      expect(textOf(page.querySelector('.hero__name'))).toBe('丹麦中日德兰大区');
    } finally {
      await profile.update({
        heroImage: app.database().command.remove(),
        logo: app.database().command.remove(),
      });
    }
  });

  it("says the facts are as of the source's date and when the profile was last updated (China time)", async () => {
    const page = openHome();
    await page.onLoad();
    const items = page.querySelectorAll('.as-of__item').map(textOf);
    // The seed was checked on 5 December 2026, China time (4 December in UTC).
    expect(items).toEqual([`信息截至${PROFILE.source.asOf}`, '更新于2026年12月5日']);
    expect(PROFILE.source.asOf).toBe('2016年');
  });

  it('draws the timeline of the relationship with Shanghai, 2006 → 2013 → 2016', async () => {
    const page = openHome();
    await page.onLoad();
    const years = page.querySelectorAll('.timeline__year').map((node) => textOf(node));
    expect(years).toEqual(PROFILE.timeline.map((entry) => entry.dateLabel));
    const timeline = textOf(page.querySelector('#timeline'));
    for (const entry of PROFILE.timeline) {
      expect(timeline).toContain(entry.title);
      expect(timeline).toContain(entry.description);
    }
  });

  it('shows the four focus areas as a grid that opens each area', async () => {
    const page = openHome();
    await page.onLoad();
    const areas = ['business', 'knowledge', 'research', 'culture'].map((id) =>
      textOf(page.querySelector(`#focus-${id}`)?.querySelector('.t-grid-item__text')),
    );
    expect(areas).toEqual(PROFILE.focusAreas.map((area) => area.title));

    await tap(page.querySelector('#focus-research')?.querySelector('.t-grid-item'));
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/focus-area/index?id=research' }),
    );
  });

  it('lists the latest news, pinned first, and featured opportunities that open their pages', async () => {
    const page = openHome();
    await page.onLoad();
    const titles = page
      .querySelectorAll('.latest-news__card')
      .map((card) => textOf(card.querySelector('.news-card__title')));
    expect(titles).toEqual(LATEST_NEWS.slice(0, 3).map((item) => item.title));

    const opportunities = page.querySelectorAll('.opportunity');
    expect(opportunities.length).toBeGreaterThan(0);
    // Only ones to take part in now, each with its status in the wording of the 合作 tab.
    expect(opportunities.map(textOf).every((text) => text.startsWith('可商洽'))).toBe(true);
    expect(textOf(opportunities[0])).not.toMatch(/\d+月\d+日/);
    await tap(opportunities[0]);
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: expect.stringMatching(/^\/pages\/opportunity-detail\/index\?id=opp-/) }),
    );

    await tap(page.querySelector('.section__more'));
    expect(wx.switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/news/index' }));
  });

  it('links to the about page and the contact tab, naming the contact person', async () => {
    const page = openHome();
    await page.onLoad();
    const contact = page.querySelector('#contact-link');
    const { name, salutation, title } = PROFILE.contact;
    // The office and the person's title stay apart: the office is the cell's title.
    expect(textOf(contact?.querySelector('.t-cell__title-text'))).toBe(
      `联系${PROFILE.internationalOffice.name}`,
    );
    expect(textOf(contact?.querySelector('.t-cell__description'))).toBe(`${name} ${salutation}，${title}`);
    await tap(contact?.querySelector('.t-cell'));
    expect(wx.switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/contact/index' }));
    await tap(page.querySelector('#about-link')?.querySelector('.t-cell'));
    expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/about/index' }));
  });

  it('retries a lost read once without the user noticing', async () => {
    wx = installSharingWx({ callFunction: failingFirst(1, cloudCaller(USER)) });
    const page = openHome();
    await page.onLoad();
    expect(wx.cloud.callFunction).toHaveBeenCalledTimes(2);
    expect(page.data.status).toBe('ready');
  });

  it('shows the error with a retry button when the network stays down, and recovers on retry', async () => {
    wx = installSharingWx({ callFunction: failingFirst(2, cloudCaller(USER)) });
    const page = openHome();
    await page.onLoad();
    await retryAfterNetworkError(page);
    expect(state(page).querySelector('#state-view-error')).toBeUndefined();
    expect(page.querySelectorAll('.timeline__year')).toHaveLength(TIMELINE_LENGTH);
  });

  it('renders the last answer at once on the next open, then the fresh one (stale-while-revalidate)', async () => {
    const first = openHome();
    await first.onLoad();
    await settle();

    const { call, release } = gated(cloudCaller(USER));
    wx = installSharingWx({ storage: Object.fromEntries(wx.storage), callFunction: call });
    const second = openHome();
    const loading = second.onLoad();
    await settle();
    expect(wx.cloud.callFunction).toHaveBeenCalledTimes(1);
    expect(state(second).querySelector('#state-view-skeleton')).toBeUndefined();
    expect(second.querySelectorAll('.timeline__year')).toHaveLength(TIMELINE_LENGTH);

    release();
    await loading;
    expect(second.data.status).toBe('ready');
  });

  it('keeps what it shows when a refresh fails, and says so', async () => {
    const page = openHome();
    await page.onLoad();
    wx.cloud.callFunction.mockImplementation(() => Promise.reject(NETWORK_FAILURE));
    await page.onPullDownRefresh();
    expect(page.querySelectorAll('.timeline__year')).toHaveLength(TIMELINE_LENGTH);
    expect(wx.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '网络连接异常，请检查网络后重试' }),
    );
    expect(wx.stopPullDownRefresh).toHaveBeenCalledTimes(1);
  });

  it('refreshes on pull-down', async () => {
    const page = openHome();
    await page.onLoad();
    await page.onPullDownRefresh();
    expect(wx.cloud.callFunction).toHaveBeenCalledTimes(2);
    expect(wx.stopPullDownRefresh).toHaveBeenCalledTimes(1);
  });

  it('shares to chat and to Moments', async () => {
    const page = openHome();
    await page.onLoad();
    expect(wx.showShareMenu).toHaveBeenCalledWith(
      expect.objectContaining({ menus: ['shareAppMessage', 'shareTimeline'] }),
    );
    await expectShares(page, '丹麦中日德兰大区：与上海的友城关系与合作机会', '/pages/home/index');
  });

  it('scales its text with the WeChat font size', async () => {
    installApp({ globalData: { fontScale: 1.25 } });
    const page = openHome();
    await page.onLoad();
    expect(page.data.pageStyle).toBe('--font-scale: 1.25;');
  });

  it('stays within the page budgets', async () => {
    const page = openHome();
    await page.onLoad();
    await page.onShow();
    expect(Buffer.byteLength(JSON.stringify(page.data))).toBeLessThanOrEqual(PAGE_BUDGET.setDataBytes);
    const nodes = page.root.dom?.outerHTML.match(/<[a-z][\w-]*/g) ?? [];
    expect(nodes.length).toBeLessThan(PAGE_BUDGET.wxmlNodes);
  });
});
