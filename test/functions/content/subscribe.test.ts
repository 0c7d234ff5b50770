import type { Envelope } from '../../../contract/api/common';
import { OPEN_SUBSCRIPTIONS_MAX } from '../../../cloudfunctions/content/src/constants';
import { startTestCloud, type TestCloud } from '../../harness/local-cloud';
import { contentClient, failure, invalidFields, ok } from './client';

let t: TestCloud;
let content: ReturnType<typeof contentClient>;

beforeAll(async () => {
  t = await startTestCloud();
  content = contentClient(t);
});
afterAll(async () => {
  await t.close();
});

async function storedFor(openId: string) {
  const { data } = await t.app.database().collection('subscriptions').where({ _openid: openId }).get();
  return data as { _id: string; _openid: string; topic: string; status: string; createdAt: Date }[];
}

const subscribe = (openId: string) => content.call('subscribe', { topic: 'news' }, openId);

describe('subscribe', () => {
  it('is UNAUTHENTICATED without a caller identity from the platform, and stores nothing', async () => {
    // A server-side call (no WeChat context): the local cloud passes no userInfo, like the platform.
    const { result } = await t.app.callFunction({
      name: 'content',
      data: { action: 'subscribe', data: { topic: 'news' } },
    });
    expect(failure(result as Envelope<unknown>)).toEqual({
      code: 'UNAUTHENTICATED',
      message: '无法确认您的微信身份，请重新打开小程序后再试',
    });
    const { total } = await t.app.database().collection('subscriptions').count();
    expect(total).toBe(0);
  });

  it('records one open subscription per acceptance, counting them', async () => {
    const before = Date.now();
    expect(ok(await subscribe('o-sub-count'))).toEqual({ topic: 'news', open: 1, recorded: true });
    expect(ok(await subscribe('o-sub-count'))).toEqual({ topic: 'news', open: 2, recorded: true });
    const stored = await storedFor('o-sub-count');
    expect(stored).toHaveLength(2);
    for (const doc of stored) {
      expect(doc).toMatchObject({ _openid: 'o-sub-count', topic: 'news', status: 'open' });
      expect(doc.createdAt).toBeInstanceOf(Date);
      expect(new Date(doc.createdAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    }
  });

  it(`keeps at most ${OPEN_SUBSCRIPTIONS_MAX} open per caller; a used one frees a place`, async () => {
    for (let i = 1; i <= OPEN_SUBSCRIPTIONS_MAX; i += 1) {
      expect(ok(await subscribe('o-sub-cap'))).toEqual({ topic: 'news', open: i, recorded: true });
    }
    expect(ok(await subscribe('o-sub-cap'))).toEqual({
      topic: 'news',
      open: OPEN_SUBSCRIPTIONS_MAX,
      recorded: false,
    });
    expect(await storedFor('o-sub-cap')).toHaveLength(OPEN_SUBSCRIPTIONS_MAX);

    // Another caller is counted on their own.
    expect(ok(await subscribe('o-sub-other'))).toEqual({ topic: 'news', open: 1, recorded: true });

    // Publishing uses one up (the admin function marks it used): the caller may subscribe again.
    const [first] = await storedFor('o-sub-cap');
    await t.app
      .database()
      .collection('subscriptions')
      .doc(first?._id ?? '')
      .update({ status: 'used', usedAt: new Date() });
    expect(ok(await subscribe('o-sub-cap'))).toEqual({
      topic: 'news',
      open: OPEN_SUBSCRIPTIONS_MAX,
      recorded: true,
    });
    // The used credit's place is taken by the new one: never more than the cap, all open again.
    const stored = await storedFor('o-sub-cap');
    expect(stored).toHaveLength(OPEN_SUBSCRIPTIONS_MAX);
    expect(stored.every((doc) => doc.status === 'open')).toBe(true);
  });

  it('takes the identity from the platform, never from the event', async () => {
    const res = await content.raw(
      { action: 'subscribe', data: { topic: 'news' }, userInfo: { openId: 'o-sub-victim', appId: 'x' } },
      'o-sub-actual',
    );
    expect(ok(res)).toMatchObject({ open: 1 });
    expect(await storedFor('o-sub-victim')).toEqual([]);
    expect(await storedFor('o-sub-actual')).toHaveLength(1);
  });

  it.each([
    ['an unknown topic', { topic: 'events' }, 'topic'],
    ['an operator object', { topic: { $ne: null } }, 'topic'],
    ['no topic', {}, 'topic'],
    ['an identity field', { topic: 'news', openId: 'o-someone' }, 'openId'],
  ])('refuses %s', async (_what, data, field) => {
    expect(invalidFields(await content.raw({ action: 'subscribe', data }, 'o-sub-invalid'))).toEqual([field]);
    expect(await storedFor('o-sub-invalid')).toEqual([]);
  });
});
