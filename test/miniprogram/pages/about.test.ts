import { cloudCaller } from '../../harness/cloud-client';
import { installWx, loadPage, tap, type PageHandle, type WxMock } from '../../harness/simulate';
import { failingFirst, state, stubShareMenu, textOf, until } from '../../harness/page-helpers';

/** 关于大区 and the international office, from the real `content` function's `profile`. */

const USER = 'o-about-test-user';
async function openAbout(): Promise<PageHandle> {
  const page = loadPage('pages/about/index');
  await page.onLoad();
  return page;
}

describe('about page', () => {
  let wx: WxMock;

  beforeEach(() => {
    wx = installWx({ callFunction: cloudCaller(USER) });
    stubShareMenu();
  });

  it('introduces the region and its partnership with Shanghai', async () => {
    const page = loadPage('pages/about/index');
    expect(state(page).querySelector('#state-view-skeleton')).toBeDefined();
    await page.onLoad();

    expect(wx.cloud.callFunction).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'content', data: { action: 'profile', data: {} } }),
    );
    expect(textOf(page.querySelector('.about-hero__name'))).toBe('丹麦中日德兰大区');
    expect(textOf(page.querySelector('.about-hero__partner'))).toBe('与上海市缔结姊妹友好关系');
    const intro = textOf(page.querySelector('#intro'));
    expect(intro).toContain('中日德兰大区与上海');
    expect(intro).toContain('2013年，丹麦中日德兰大区与上海市迎来姊妹友好关系协议签署十周年。');
  });

  it('presents the international office, the former Shanghai office and the two MoUs', async () => {
    const page = await openAbout();
    const office = textOf(page.querySelector('#office'));
    expect(office).toContain('国际事务办公室');
    expect(office).toContain('International Relations Office');
    expect(office).toContain('办公地点：维堡（Viborg）大区总部');

    expect(textOf(page.querySelector('#representative-office'))).toContain('2016年春，大区决定关闭代表处');
    expect(page.querySelectorAll('.document')).toHaveLength(2);
    expect(textOf(page.querySelector('#agreements'))).toContain('可向国际事务办公室索取');
  });

  it('names the contact person and opens the contact tab', async () => {
    const page = await openAbout();
    const contact = page.querySelector('#contact-link');
    expect(textOf(contact?.querySelector('.t-cell__description'))).toBe('Pia Fabrin女士，秘书处负责人');
    await tap(contact?.querySelector('.t-cell'));
    expect(wx.switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/contact/index' }));
  });

  it('names its source', async () => {
    const page = await openAbout();
    expect(textOf(page.querySelector('.list-footer'))).toBe('信息来源：丹麦中日德兰大区官方网站（rm.dk）');
  });

  it('shows the error with retry when the profile cannot load, and recovers', async () => {
    wx = installWx({ callFunction: failingFirst(2, cloudCaller(USER)) });
    stubShareMenu();
    const page = await openAbout();
    const error = state(page).querySelector('#state-view-error');
    expect(textOf(error?.querySelector('.t-empty__description'))).toBe('网络不给力，请检查网络后重试');

    await tap(state(page).querySelector('#state-view-retry')?.querySelector('.t-button'));
    await until(() => page.data.status === 'ready');
    expect(textOf(page.querySelector('#office'))).toContain('国际事务办公室');
  });

  it('shares the page to chat and to Moments', async () => {
    const page = await openAbout();
    await expect(page.onShareAppMessage()).resolves.toEqual({
      title: '了解丹麦中日德兰大区与上海的姊妹友好关系',
      path: '/pages/about/index',
    });
    await expect(page.onShareTimeline()).resolves.toEqual({
      title: '了解丹麦中日德兰大区与上海的姊妹友好关系',
      query: '',
    });
  });
});
