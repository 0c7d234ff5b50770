import { NEWS } from '../../../cloudbase/seed/news';
import type { RichTextElement } from '../../../contract/api/content';
import { cloudCaller, testCloudApp } from '../../harness/cloud-client';
import { loadPage, tap, type PageHandle, type WxMock } from '../../harness/simulate';
import {
  failingFirst,
  installSharingWx,
  NETWORK_FAILURE,
  retryAfterNetworkError,
  richText,
  state,
  textOf,
  until,
  type SharingWx,
} from '../../harness/page-helpers';
import { template } from '../../harness/template-config';

/** News detail against the real `content` function: body, states, share payloads and 订阅更新. */

const ID = 'news-2013-10th-anniversary';
// Expected content comes from the seed module, so rewording the seed does not break these tests.
const ITEM = NEWS.find((item) => item._id === ID)!;
const TITLE = ITEM.title;
/** The Markdown blocks of the seeded body: headings (`## …`) and paragraphs. */
const BLOCKS = ITEM.body.split('\n\n');
const TEMPLATE_ID = 'tmpl-news-test';

/** SUBSCRIBE_TEMPLATE_NEWS from config.ts, switchable per test through `template.id`. */
jest.mock('../../../miniprogram/config', () =>
  jest.requireActual('../../harness/template-config').configWithTemplate('SUBSCRIBE_TEMPLATE_NEWS'),
);

async function openSubscriptions(openId: string): Promise<number> {
  const { total } = await testCloudApp()
    .database()
    .collection('subscriptions')
    .where({ _openid: openId, topic: 'news', status: 'open' })
    .count();
  return total;
}

/** A caller of its own per test, so subscription counts start at zero. */
function uniqueUser(test: string): string {
  return `o-news-detail-${test}-${Date.now().toString(36)}`;
}

async function openDetail(id = ID): Promise<PageHandle> {
  const page = loadPage('pages/news-detail/index');
  await page.onLoad({ id });
  return page;
}

function subscribeButton(page: PageHandle) {
  return page.querySelector('#subscribe')?.querySelector('.t-button');
}

function lastToast(wx: WxMock): string {
  const calls = wx.showToast.mock.calls;
  return (calls[calls.length - 1]?.[0] as { title: string } | undefined)?.title ?? '';
}

describe('news detail page', () => {
  let wx: SharingWx;

  beforeEach(() => {
    template.id = '';
    wx = installSharingWx({ callFunction: cloudCaller('o-news-detail-reader') });
  });

  it('shows a skeleton, then the title, date, tags and the rendered body', async () => {
    const page = loadPage('pages/news-detail/index');
    expect(state(page).querySelector('#state-view-skeleton')).toBeDefined();
    await page.onLoad({ id: ID });

    expect(textOf(page.querySelector('#news-title'))).toBe(TITLE);
    expect(textOf(page.querySelector('#news-date'))).toBe(ITEM.dateLabel);
    expect(textOf(page.querySelector('.article__tags'))).toBe(ITEM.tags.map((tag) => `#${tag}`).join(' '));
    expect(textOf(page.querySelector('.article__source'))).toContain(`来源：${ITEM.source.note}`);

    const body = page.data.body as RichTextElement[];
    expect(body.map((node) => node.attrs?.class)).toEqual(['md-p', 'md-p', 'md-h3', 'md-p']);
    for (const paragraph of BLOCKS.filter((block) => !block.startsWith('#'))) {
      expect(richText(body)).toContain(paragraph);
    }
    // simulate renders <rich-text> empty: what it is given is what the reader gets.
    expect(richText(body.filter((node) => node.attrs?.class === 'md-h3'))).toBe(
      BLOCKS.find((block) => block.startsWith('## '))?.slice('## '.length),
    );
    // Without links or images the body stays one <rich-text>.
    expect(page.querySelector('#news-body')?.querySelector('.md-body__rich')?.dom?.tagName).toBe(
      'WX-RICH-TEXT',
    );
  });

  it('says the item is gone when it does not exist or is not public', async () => {
    const page = await openDetail('news-does-not-exist');
    const empty = state(page).querySelector('#state-view-empty');
    expect(textOf(empty?.querySelector('.t-empty__description'))).toBe('内容不存在或已下线');
    expect(state(page).querySelector('#state-view-retry')).toBeUndefined();

    const missingId = loadPage('pages/news-detail/index');
    await missingId.onLoad({});
    expect(missingId.data.status).toBe('empty');
  });

  it('shows the error with retry when it cannot load, and recovers', async () => {
    wx = installSharingWx({ callFunction: failingFirst(2, cloudCaller('o-news-detail-reader')) });
    const page = await openDetail();
    await retryAfterNetworkError(page);
    expect(textOf(page.querySelector('#news-title'))).toBe(TITLE);
  });

  it('shares the item to chat and to Moments', async () => {
    const page = await openDetail();
    expect(wx.showShareMenu).toHaveBeenCalledWith(
      expect.objectContaining({ menus: ['shareAppMessage', 'shareTimeline'] }),
    );
    await expect(page.onShareAppMessage({ from: 'button' })).resolves.toEqual({
      title: TITLE,
      path: `/pages/news-detail/index?id=${ID}`,
    });
    await expect(page.onShareTimeline()).resolves.toEqual({ title: TITLE, query: `id=${ID}` });
  });

  it('subscribes after the user accepts the prompt, and records one subscription', async () => {
    template.id = TEMPLATE_ID;
    const user = uniqueUser('accept');
    wx = installSharingWx({ callFunction: cloudCaller(user) });
    const page = await openDetail();

    await tap(subscribeButton(page));
    await until(() => wx.showToast.mock.calls.length > 0);
    expect(wx.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: [TEMPLATE_ID] });
    expect(lastToast(wx)).toBe('订阅成功，有新动态时将通知您');
    expect(await openSubscriptions(user)).toBe(1);
    expect(page.data.subscribing).toBe(false);
  });

  it('records nothing when the user declines or has turned notifications off', async () => {
    template.id = TEMPLATE_ID;
    const user = uniqueUser('decline');
    wx = installSharingWx({ callFunction: cloudCaller(user) });
    const page = await openDetail();

    wx.requestSubscribeMessage.mockImplementationOnce(async () => ({ [TEMPLATE_ID]: 'reject' }));
    await tap(subscribeButton(page));
    await until(() => wx.showToast.mock.calls.length === 1);
    expect(lastToast(wx)).toBe('您未同意接收通知，订阅未开启');

    wx.requestSubscribeMessage.mockImplementationOnce(async () => ({ [TEMPLATE_ID]: 'ban' }));
    await tap(subscribeButton(page));
    await until(() => wx.showToast.mock.calls.length === 2);
    expect(lastToast(wx)).toBe('您已关闭本小程序的消息通知，可在“设置”中重新开启');

    wx.requestSubscribeMessage.mockImplementationOnce(() =>
      Promise.reject({ errMsg: 'requestSubscribeMessage:fail', errCode: 20004 }),
    );
    await tap(subscribeButton(page));
    await until(() => wx.showToast.mock.calls.length === 3);
    expect(lastToast(wx)).toBe('您已关闭本小程序的消息通知，可在“设置”中重新开启');

    expect(await openSubscriptions(user)).toBe(0);
  });

  it('explains that subscribing is not available when no template is configured', async () => {
    const page = await openDetail();
    await tap(subscribeButton(page));
    expect(wx.requestSubscribeMessage).not.toHaveBeenCalled();
    expect(lastToast(wx)).toBe('订阅功能暂未开放，敬请期待');
  });

  it('shows the service message when recording the subscription fails', async () => {
    template.id = TEMPLATE_ID;
    const page = await openDetail();
    wx.cloud.callFunction.mockImplementation(() => Promise.reject(NETWORK_FAILURE));
    await tap(subscribeButton(page));
    await until(() => wx.showToast.mock.calls.length > 0);
    expect(lastToast(wx)).toBe('网络连接异常，请检查网络后重试');
    expect(page.data.subscribing).toBe(false);
  });
});
