import { cloudCaller } from '../../harness/cloud-client';
import { installWx, type WxMock } from '../../harness/simulate';
import { failingFirst } from '../../harness/page-helpers';
import type { NewsListItem } from '../../../contract/api/content';
import type { Page } from '../../../contract/api/common';
import type { ServiceError } from '../../../miniprogram/services/cloud';
import * as content from '../../../miniprogram/services/content';
import { NEWS } from '../../../cloudbase/seed/news';
import { PROFILE } from '../../../cloudbase/seed/profile';

/** The typed `content` service against the real function: envelopes, error codes, retries, cursors. */

const SEEDED_NEWS = [
  'news-2013-10th-anniversary',
  'news-2016-representative-office',
  'news-2016-midtnet-kina',
  'news-delegation-visits',
  'news-current-mous',
];

async function failureOf(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    return error as ServiceError;
  }
  throw new Error('expected the call to fail');
}

let wx: WxMock;

beforeEach(() => {
  wx = installWx({ callFunction: cloudCaller('o-content-service-test') });
});

describe('content service', () => {
  it('unwraps each action of the function into its typed data', async () => {
    const home = await content.home();
    // Expected content comes from the seed module, so rewording the seed does not break this test.
    expect(home.timeline.map((entry) => entry.year)).toEqual(PROFILE.timeline.map((entry) => entry.year));
    expect(home.focusAreas).toHaveLength(PROFILE.focusAreas.length);
    expect((await content.profile()).focusAreas.map((area) => area.id)).toEqual([
      'business',
      'knowledge',
      'research',
      'culture',
    ]);
    expect((await content.contact()).email).toBe(PROFILE.contact.email);
    expect((await content.newsGet('news-current-mous')).title).toBe(
      NEWS.find((item) => item._id === 'news-current-mous')?.title,
    );
    const research = await content.opportunitiesList({ type: 'research' });
    expect(research.items.map((item) => item.category)).toEqual(['research']);
    expect((await content.opportunitiesGet('opp-research-partners')).id).toBe('opp-research-partners');
    expect(wx.cloud.callFunction).toHaveBeenCalledWith(
      expect.objectContaining({
        name: 'content',
        data: { action: 'opportunities.list', data: { type: 'research' } },
      }),
    );
  });

  it('walks the news by cursor to the end, each item once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page: Page<NewsListItem> = await content.newsList({ limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(SEEDED_NEWS));
  });

  it('leaves empty filters out of the request', async () => {
    // A plain-JavaScript caller may hand the last page's `nextCursor` (null) back: not in the type, still dropped.
    await content.newsList({ limit: 3, tag: '', cursor: null as unknown as string });
    expect(wx.cloud.callFunction).toHaveBeenCalledWith(
      expect.objectContaining({ data: { action: 'news.list', data: { limit: 3 } } }),
    );
  });

  it('retries a read once after a network failure', async () => {
    wx = installWx({ callFunction: failingFirst(1, cloudCaller('o-content-service-test')) });
    await expect(content.newsGet('news-current-mous')).resolves.toMatchObject({ id: 'news-current-mous' });
    expect(wx.cloud.callFunction).toHaveBeenCalledTimes(2);
  });

  it('gives up after the retry with a Chinese network message', async () => {
    wx = installWx({ callFunction: failingFirst(2, cloudCaller('o-content-service-test')) });
    const error = await failureOf(content.home());
    expect(error).toMatchObject({
      name: 'ServiceError',
      code: 'NETWORK',
      message: '网络连接异常，请检查网络后重试',
    });
    expect(wx.cloud.callFunction).toHaveBeenCalledTimes(2);
  });

  it('does not retry the subscription write', async () => {
    wx = installWx({ callFunction: failingFirst(1, cloudCaller('o-content-service-test')) });
    const error = await failureOf(content.subscribe('news'));
    expect(error.code).toBe('NETWORK');
    expect(wx.cloud.callFunction).toHaveBeenCalledTimes(1);
  });

  it('maps the function error codes to ServiceError with the Chinese message and fields', async () => {
    const missing = await failureOf(content.newsGet('news-that-does-not-exist'));
    expect(missing).toMatchObject({ name: 'ServiceError', code: 'NOT_FOUND', message: '内容不存在或已下线' });

    const invalid = await failureOf(content.newsList({ limit: 50 }));
    expect(invalid.code).toBe('INVALID_ARGUMENT');
    expect(invalid.fields.limit).toBe('每页数量须为 1–20 之间的整数');
  });

  it('treats an answer that is not an envelope as an internal error', async () => {
    wx = installWx({ callFunction: async () => 'not an envelope' });
    const error = await failureOf(content.profile());
    expect(error).toMatchObject({ code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' });
  });

  it('records a news subscription for the caller', async () => {
    wx = installWx({ callFunction: cloudCaller(`o-content-subscribe-${Date.now().toString(36)}`) });
    await expect(content.subscribe('news')).resolves.toEqual({ topic: 'news', open: 1, recorded: true });
    await expect(content.subscribe('news')).resolves.toEqual({ topic: 'news', open: 2, recorded: true });
  });
});
