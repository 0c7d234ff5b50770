/**
 * Subscription caps under real concurrency: many parallel `subscribe` / `alerts.subscribe` calls of
 * one caller never leave more than the cap open.
 */
import { admin, docs, staffCloudForSuite, STAFF, type Envelope } from '../admin/support';

const t = staffCloudForSuite();

/** The content function's cap on open news subscriptions per caller. */
const NEWS_CAP = 5;
/** The admin function's cap on open alert credits per staff member. */
const ALERT_CAP = 20;

describe('subscription caps hold under parallel calls', () => {
  it('content subscribe: 30 parallel acceptances leave exactly 5 open', async () => {
    const reader = 'o-parallel-reader';
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        t.call<Envelope<{ recorded: boolean; open: number }>>(
          'content',
          { action: 'subscribe', data: { topic: 'news' } },
          reader,
        ),
      ),
    );
    const recorded = results.filter((res) => res.ok && res.data.recorded);
    expect(recorded).toHaveLength(NEWS_CAP);
    // Each answer counts the open credits at its moment: never above the cap.
    for (const res of results) {
      expect(res).toMatchObject({ ok: true });
      if (res.ok) expect(res.data.open).toBeLessThanOrEqual(NEWS_CAP);
    }
    expect(await docs(t, 'subscriptions', { _openid: reader, status: 'open' })).toHaveLength(NEWS_CAP);
  });

  it('admin alerts.subscribe: 40 parallel acceptances leave exactly 20 open', async () => {
    const results = await Promise.all(
      Array.from(
        { length: 40 },
        () =>
          admin(t, 'alerts.subscribe', {}, STAFF) as Promise<Envelope<{ recorded: boolean; open: number }>>,
      ),
    );
    expect(results.filter((res) => res.ok && res.data.recorded)).toHaveLength(ALERT_CAP);
    expect(
      await docs(t, 'subscriptions', { _openid: STAFF, topic: 'enquiry_alert', status: 'open' }),
    ).toHaveLength(ALERT_CAP);
  });
});
