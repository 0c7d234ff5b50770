/**
 * At most one message per reader per item: a reader holding several one-time credits gets one
 * message for each published item (and one credit used per message), however the publishes race.
 */
import {
  admin,
  docs,
  draft,
  insertSubscription,
  messagesTo,
  ok,
  STAFF,
  staffCloudForSuite,
} from '../admin/support';

const t = staffCloudForSuite();

const subscribeAs = (openId: string) =>
  t.call<{ ok: boolean }>('content', { action: 'subscribe', data: { topic: 'news' } }, openId);

describe('one message per reader per item', () => {
  it('a reader with five subscriptions gets exactly one message per published item, in parallel publishes', async () => {
    const reader = 'o-five-credits';
    for (let i = 0; i < 5; i += 1) expect(await subscribeAs(reader)).toMatchObject({ ok: true });
    await insertSubscription(t, 'o-one-credit');
    const first = await ok(admin(t, 'news.save', draft({ title: '一位读者五次订阅之一' })));
    const second = await ok(admin(t, 'news.save', draft({ title: '一位读者五次订阅之二' })));

    // Each item published three times at once, both items at the same time.
    await Promise.all(
      [first.id, second.id, first.id, second.id, first.id, second.id].map((id) =>
        ok(admin(t, 'news.publish', { id })),
      ),
    );

    const sent = await messagesTo(t, reader);
    const pages = sent.map((entry) => entry.request.page).sort();
    expect(pages).toEqual([first.id, second.id].map((id) => `pages/news-detail/index?id=${id}`).sort());
    const credits = await docs(t, 'subscriptions', { _openid: reader });
    expect(credits.filter((sub) => sub.status === 'used')).toHaveLength(2);
    expect(credits.filter((sub) => sub.status === 'open')).toHaveLength(3);
    // The reader with one credit heard about exactly one of the two items.
    expect(await messagesTo(t, 'o-one-credit')).toHaveLength(1);
    const records = await docs(t, 'notifications', { touser: reader });
    expect(records.map((n) => n.status)).toEqual(['sent', 'sent']);
    // The record's id names the item, not the reader.
    for (const record of records) expect(record._id).not.toContain(reader);

    // The scheduler's later runs send nothing more for these items.
    await t.cloud.fireTimer('scheduler');
    expect(await messagesTo(t, reader)).toHaveLength(2);
  });

  it('a staff member with several alert credits gets one alert per enquiry', async () => {
    for (let i = 0; i < 4; i += 1) await ok(admin(t, 'alerts.subscribe'));
    const submit = (requestId: string) =>
      t.call<{ ok: boolean; data: { id: string } }>(
        'enquiry',
        {
          action: 'submit',
          data: {
            requestId,
            name: '李娜',
            organization: '上海市某某研究院',
            email: 'li.na@example.cn',
            topic: 'culture',
            message: '我们希望与中日德兰大区开展文化交流合作。',
            consent: { privacy: true, crossBorder: true },
          },
        },
        'o-alerting-partner',
      );
    const [a, b] = await Promise.all([submit('alert-credit-1'), submit('alert-credit-2')]);
    const alerts = await messagesTo(t, STAFF);
    expect(alerts.map((entry) => entry.request.page).sort()).toEqual(
      [a?.data.id, b?.data.id].map((id) => `packages/admin/pages/enquiry/index?id=${id}`).sort(),
    );
    const credits = await docs(t, 'subscriptions', { _openid: STAFF, topic: 'enquiry_alert' });
    expect(credits.filter((sub) => sub.status === 'open')).toHaveLength(2);
  });
});
