import { isoWeekOf, lastWeeks } from '../../../cloudfunctions/admin/src/weeks';
import {
  admin,
  docs,
  insertEnquiry,
  insertSubscription,
  messagesTo,
  ok,
  STAFF,
  staffCloudForSuite,
} from './support';

const t = staffCloudForSuite({ seeded: true });

const WEEK = 7 * 24 * 3600_000;

describe('ISO weeks in China time', () => {
  it('numbers weeks as ISO 8601 does, in UTC+8', () => {
    expect(isoWeekOf(new Date('2016-01-04T00:00:00+08:00'))).toMatchObject({
      year: 2016,
      week: 1,
      start: '2016-01-04',
    });
    expect(isoWeekOf(new Date('2016-01-01T12:00:00+08:00'))).toMatchObject({ year: 2015, week: 53 });
    // Sunday 23:30 UTC is Monday 07:30 in China: the next week.
    expect(isoWeekOf(new Date('2026-01-04T23:30:00Z'))).toMatchObject({
      year: 2026,
      week: 2,
      start: '2026-01-05',
    });
    const { weeks, from } = lastWeeks(new Date('2026-01-07T12:00:00+08:00'), 12);
    expect(weeks).toHaveLength(12);
    expect(weeks[11]).toEqual({ year: 2026, week: 2, start: '2026-01-05' });
    expect(weeks[0]).toEqual({ year: 2025, week: 43, start: '2025-10-20' });
    expect(from.toISOString()).toBe('2025-10-19T16:00:00.000Z');
  });
});

describe('dashboard', () => {
  it('counts enquiries per week and topic (12 weeks, zeros included), published news and subscribers', async () => {
    const now = Date.now();
    await insertEnquiry(t, { createdAt: new Date(now), topic: 'research' });
    await insertEnquiry(t, { createdAt: new Date(now), topic: 'research', status: 'closed' });
    await insertEnquiry(t, { createdAt: new Date(now - WEEK), topic: 'culture' });
    await insertEnquiry(t, { createdAt: new Date(now - 20 * WEEK), topic: 'business' });
    await insertSubscription(t, 'o-sub-1');
    await insertSubscription(t, 'o-sub-1');
    await insertSubscription(t, 'o-sub-2');
    await insertSubscription(t, STAFF, 'enquiry_alert');

    const data = await ok(admin(t, 'dashboard'));
    expect(data.enquiriesPerWeek).toHaveLength(12);
    const counts = data.enquiriesPerWeek.map((w: { count: number }) => w.count);
    expect(counts.slice(-2)).toEqual([1, 2]);
    expect(counts.reduce((a: number, b: number) => a + b, 0)).toBe(3);
    expect(data.enquiriesPerWeek[11].week).toMatch(/^\d{4}-W\d{2}$/);
    expect(data.enquiriesPerTopic).toEqual([
      { topic: 'business', count: 0 },
      { topic: 'knowledge', count: 0 },
      { topic: 'research', count: 2 },
      { topic: 'culture', count: 1 },
      { topic: 'other', count: 0 },
    ]);
    expect(data.openEnquiries).toBe(3);
    const published = await docs(t, 'news', { status: 'published' });
    expect(data.newsPublished).toBe(published.length);
    expect(data.subscribers).toBe(2);
  });
});

describe('dashboard: the work first', () => {
  it("counts new enquiries, lists the newest new visit requests and the caller's open alerts", async () => {
    const before = await ok(admin(t, 'dashboard'));
    const hour = 3600_000;
    const visit = (organization: string, at: number, status = 'received') =>
      insertEnquiry(t, {
        kind: 'visit',
        ref: `CDR-TEST-${organization}`,
        organization,
        status,
        visit: { from: '2027-03-01', to: '2027-03-03', groupSize: 6 },
        createdAt: new Date(Date.now() - at * hour),
      });
    await visit('visit-old', 4);
    const reviewing = await visit('visit-review', 3, 'pending_review');
    const newest = await visit('visit-new', 1);
    await visit('visit-closed', 0.5, 'closed');
    await insertEnquiry(t, { createdAt: new Date(), status: 'in_progress' });
    await insertEnquiry(t, { createdAt: new Date() });

    const data = await ok(admin(t, 'dashboard'));
    // Three new visit requests and one new general enquiry; in progress and closed ones are not waiting.
    expect(data.newEnquiries).toBe(before.newEnquiries + 4);
    expect(data.newVisits.count).toBe(before.newVisits.count + 3);
    expect(data.newVisits.items.slice(0, 2)).toEqual([
      {
        id: newest,
        ref: 'CDR-TEST-visit-new',
        organization: 'visit-new',
        from: '2027-03-01',
        to: '2027-03-03',
        groupSize: 6,
      },
      expect.objectContaining({ id: reviewing, organization: 'visit-review' }),
    ]);
    expect(data.newVisits.items.length).toBeLessThanOrEqual(3);
    expect(data.alerts).toEqual({ open: expect.any(Number), max: 20 });
  });

  it("turns alerts off with one switch: the caller's open alerts are withdrawn, a colleague's stay", async () => {
    const colleague = 'o-staff-switch';
    await ok(admin(t, 'staff.add', { openId: colleague, name: 'Mette' }));
    const mine = (await ok(admin(t, 'dashboard'))).alerts.open;
    await ok(admin(t, 'alerts.subscribe', {}, colleague));
    await ok(admin(t, 'alerts.subscribe', {}, colleague));
    expect((await ok(admin(t, 'dashboard', {}, colleague))).alerts.open).toBe(2);
    expect(await ok(admin(t, 'alerts.unsubscribe', {}, colleague))).toEqual({ open: 0 });
    expect((await ok(admin(t, 'dashboard', {}, colleague))).alerts.open).toBe(0);
    expect((await ok(admin(t, 'dashboard'))).alerts.open).toBe(mine);
  });
});

describe('dashboard weeks at the China-time boundary', () => {
  it('counts an enquiry by the China-time week it arrived in, not the UTC one', async () => {
    const counts = async () =>
      ((await ok(admin(t, 'dashboard'))).enquiriesPerWeek as { start: string; count: number }[]).map(
        (week) => week.count,
      );
    const { weeks } = lastWeeks(new Date(), 12);
    const monday = Date.parse(`${weeks[11]?.start}T00:00:00+08:00`);
    const before = await counts();
    // Sunday 23:30 in China (15:30 UTC) ends last week; Monday 00:30 (Sunday 16:30 UTC) starts this one.
    await insertEnquiry(t, { createdAt: new Date(monday - 30 * 60_000), topic: 'other' });
    await insertEnquiry(t, { createdAt: new Date(monday + 30 * 60_000), topic: 'other' });
    const after = await counts();
    expect(after.map((count, i) => count - (before[i] ?? 0))).toEqual([...Array(10).fill(0), 1, 1]);
  });
});

describe('new-enquiry alerts for staff', () => {
  const submitAs = async (openId: string, requestId: string) => {
    const res = await t.call<{ ok: boolean; data: { id: string } }>(
      'enquiry',
      {
        action: 'submit',
        data: {
          requestId,
          name: '张三',
          organization: '上海市某某研究院',
          email: 'zhang.san@example.cn',
          topic: 'research',
          message: '我们希望与中日德兰大区的研究机构开展合作交流。',
          consent: { privacy: true, crossBorder: true },
        },
      },
      openId,
    );
    expect(res).toMatchObject({ ok: true });
    return res.data.id;
  };

  it('sends each staff member with an open alert credit exactly one message, without personal data', async () => {
    await ok(admin(t, 'staff.add', { openId: 'o-staff-2' }));
    await ok(admin(t, 'alerts.subscribe', {}, 'o-staff-2'));
    // A credit left by someone no longer staff is not used.
    await insertSubscription(t, 'o-former-staff', 'enquiry_alert');

    // The enquiry function alerts staff from its own invocation, once the enquiry is stored.
    const id = await submitAs('o-alert-partner', 'alert-request-1');
    const [{ ref }] = (await docs(t, 'enquiries', { _id: id })) as [{ ref: string }];
    const queued = await docs(t, 'notifications', { itemId: id });
    expect(queued.map((n) => n.status)).toEqual(['sent', 'sent']);
    for (const staff of [STAFF, 'o-staff-2']) {
      const [message, ...more] = await messagesTo(t, staff);
      expect(more).toHaveLength(0);
      expect(message).toMatchObject({ function: 'enquiry', trigger: 'miniprogram' });
      expect(message?.request).toMatchObject({
        template_id: 'local-enquiry-template',
        page: `packages/admin/pages/enquiry/index?id=${id}`,
        data: { thing1: { value: '新咨询：科研合作' }, character_string3: { value: ref } },
      });
      expect(JSON.stringify(message?.request)).not.toContain('张三');
    }
    expect(await messagesTo(t, 'o-former-staff')).toHaveLength(0);

    // Each credit is used up: the next enquiry alerts no one.
    const next = await submitAs('o-alert-partner', 'alert-request-2');
    expect(await docs(t, 'notifications', { itemId: next })).toHaveLength(0);
    for (const staff of [STAFF, 'o-staff-2']) expect(await messagesTo(t, staff)).toHaveLength(1);
  });
});
