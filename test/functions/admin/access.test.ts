import type { AdminApi } from '../../../contract/api/admin';
import type { TestCloud } from '../../harness/local-cloud';
import { seedDatabase } from '../../harness/seed';
import {
  admin,
  auditEntries,
  draft,
  insertEnquiry,
  insertSubscription,
  ok,
  startStaffCloud,
  OUTSIDER,
  outbox,
  snapshot,
  STAFF,
} from './support';

let t: TestCloud;
let newsId: string;
let enquiryId: string;

beforeAll(async () => {
  t = await startStaffCloud();
  await seedDatabase(t.app);
  newsId = (await ok(admin(t, 'news.save', draft()))).id;
  enquiryId = await insertEnquiry(t);
  await insertSubscription(t, 'o-reader');
});
afterAll(async () => {
  await t.close();
});

/** Every staff action with an input that would succeed for staff. */
const cases = (): [string, Record<string, unknown>][] => [
  ['staff.list', {}],
  ['staff.add', { openId: OUTSIDER, name: '冒名者' }],
  ['staff.remove', { openId: STAFF }],
  ['staff.invite', { name: '新同事' }],
  ['staff.rename', { name: '冒名者' }],
  ['news.list', {}],
  ['news.get', { id: newsId }],
  ['news.save', draft()],
  ['news.save', { ...draft(), id: newsId, title: '被篡改的标题' }],
  ['news.preview', { body: '# 标题' }],
  ['news.publish', { id: newsId }],
  ['news.unpublish', { id: 'news-2013-10th-anniversary' }],
  ['news.delete', { id: newsId }],
  ['opportunities.list', {}],
  ['opportunities.get', { id: 'opp-none' }],
  [
    'opportunities.save',
    {
      category: 'research',
      title: '标题',
      summary: '摘要',
      body: '正文',
      audience: '对象',
      availability: 'by_arrangement',
      participation: 'enquiry',
      contact: { name: '联系人', email: 'contact@example.com' },
    },
  ],
  ['opportunities.publish', { id: 'opp-none' }],
  ['opportunities.unpublish', { id: 'opp-none' }],
  ['opportunities.delete', { id: 'opp-none' }],
  ['profile.get', {}],
  ['profile.save', { keyFacts: [{ label: '人口', value: '一百万' }] }],
  ['documents.list', {}],
  [
    'documents.save',
    {
      title: '新的谅解备忘录',
      titleOriginal: 'New MoU',
      counterparty: '上海市',
      counterpartyOriginal: 'Shanghai',
      summary: '说明',
      availability: '可向国际事务办公室索取',
    },
  ],
  ['documents.delete', { id: 'doc-mou-shanghai' }],
  ['enquiries.list', {}],
  ['enquiries.get', { id: enquiryId }],
  ['enquiries.update', { id: enquiryId, status: 'closed', note: '关闭' }],
  ['enquiries.reply', { id: enquiryId, body: '您好，已收到。' }],
  ['enquiries.export', {}],
  ['enquiries.erase', { id: enquiryId }],
  ['dashboard', {}],
  ['alerts.subscribe', {}],
  ['alerts.unsubscribe', {}],
  ['translate', { text: '您好', to: 'en' }],
];

describe('admin access', () => {
  it('tells everyone whether they are staff, and their own OPENID', async () => {
    expect(await admin(t, 'whoami', {}, STAFF)).toEqual({ ok: true, data: { isAdmin: true, openId: STAFF } });
    expect(await admin(t, 'whoami', {}, OUTSIDER)).toEqual({
      ok: true,
      data: { isAdmin: false, openId: OUTSIDER },
    });
  });

  it('covers every staff action of the contract in the table, and each one exists', async () => {
    // The compiler checks this list against contract/api/admin.ts: none missing, none invented.
    const contract: Record<Exclude<keyof AdminApi, 'whoami' | 'staff.redeem'>, true> = {
      'staff.list': true,
      'staff.add': true,
      'staff.remove': true,
      'staff.invite': true,
      'staff.rename': true,
      'news.list': true,
      'news.get': true,
      'news.save': true,
      'news.preview': true,
      'news.publish': true,
      'news.unpublish': true,
      'news.delete': true,
      'opportunities.list': true,
      'opportunities.get': true,
      'opportunities.save': true,
      'opportunities.publish': true,
      'opportunities.unpublish': true,
      'opportunities.delete': true,
      'profile.get': true,
      'profile.save': true,
      'documents.list': true,
      'documents.save': true,
      'documents.delete': true,
      'enquiries.list': true,
      'enquiries.get': true,
      'enquiries.update': true,
      'enquiries.reply': true,
      'enquiries.export': true,
      'enquiries.erase': true,
      dashboard: true,
      'alerts.subscribe': true,
      'alerts.unsubscribe': true,
      translate: true,
    };
    expect(new Set(cases().map(([name]) => name))).toEqual(new Set(Object.keys(contract)));
    const unknown = await admin(t, 'no.such.action', {}, STAFF);
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '不支持的操作' },
    });
    for (const name of Object.keys(contract)) {
      const res = await admin(t, name, { unexpected: true }, STAFF);
      expect({ name, res }).toMatchObject({ name, res: { ok: false, error: { code: 'INVALID_ARGUMENT' } } });
      expect({ name, message: res.ok ? '' : res.error.message }).not.toEqual({
        name,
        message: '不支持的操作',
      });
    }
  });

  it('answers FORBIDDEN to a non-staff caller for every other action and changes nothing', async () => {
    const before = await snapshot(t);
    const outboxBefore = (await outbox(t)).length;
    for (const [name, data] of cases()) {
      const res = await admin(t, name, data, OUTSIDER);
      expect({ name, res }).toEqual({
        name,
        res: { ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } },
      });
    }
    expect(await snapshot(t)).toEqual(before);
    expect((await outbox(t)).length).toBe(outboxBefore);
  });

  it('answers FORBIDDEN before looking at the input: bad input from a non-staff caller too', async () => {
    const before = await snapshot(t);
    for (const [name] of cases()) {
      const res = await admin(t, name, { unexpected: '<script>', id: 42 }, OUTSIDER);
      expect({ name, code: res.ok ? 'ok' : res.error.code }).toEqual({ name, code: 'FORBIDDEN' });
    }
    expect(await snapshot(t)).toEqual(before);
  });

  it('ignores an OPENID the client puts in the event: identity comes from the platform only', async () => {
    const res = await t.call(
      'admin',
      { action: 'staff.list', data: {}, userInfo: { openId: STAFF } },
      OUTSIDER,
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses an event whose userInfo disagrees with the invocation context: a forged staff identity is UNAUTHENTICATED', async () => {
    // The local cloud, like the platform, overwrites userInfo on mini-program calls and drops it on
    // server calls; an entry point that passes the body through (HTTP access, say) is simulated by
    // invoking the entry in this process with the context variables the platform sets per call.
    const before = await snapshot(t);
    const context = {
      LOCAL_CLOUD_SERVICE_URL: t.cloud.serviceUrl,
      TENCENTCLOUD: 'true',
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
      WX_APPID: 'wx-local',
    };
    const saved = Object.fromEntries(
      [...Object.keys(context), 'WX_OPENID'].map((key) => [key, process.env[key]]),
    );
    Object.assign(process.env, context);
    try {
      const { main } = await import('../../../cloudfunctions/admin/src/index');
      const claimsStaff = (action: string, data: unknown) => ({
        action,
        data,
        userInfo: { openId: STAFF, appId: 'wx-local' },
      });
      process.env.WX_OPENID = STAFF;
      expect(await main(claimsStaff('staff.list', {}))).toMatchObject({ ok: true });

      const forged = claimsStaff('staff.add', { openId: OUTSIDER });
      process.env.WX_OPENID = OUTSIDER;
      expect(await main(forged)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      delete process.env.WX_OPENID;
      expect(await main(forged)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    const after = await snapshot(t);
    // Only the staff member's own staff.list was audited; nothing else changed.
    expect({ ...after, audit: [] }).toEqual({ ...before, audit: [] });
    expect(after.audit).toHaveLength((before.audit ?? []).length + 1);
  });

  it('lets staff run the same actions, each leaving one audit entry', async () => {
    for (const name of ['staff.list', 'news.list', 'enquiries.list', 'dashboard']) {
      const before = (await auditEntries(t, name)).length;
      await ok(admin(t, name, {}));
      const after = await auditEntries(t, name);
      expect(after).toHaveLength(before + 1);
      expect(after[after.length - 1]).toMatchObject({ actor: STAFF, action: name, at: expect.any(Date) });
    }
  });
});
