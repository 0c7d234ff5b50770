import { startTestCloud, type TestCloud } from '../../harness/local-cloud';
import type { OutboxEntry } from '../admin/support';
import { enquiryForm } from './support';

type Envelope =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };

let t: TestCloud;
const REF = /^CDR-\d{8}-\d{3,}$/;

beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(async () => {
  await t.close();
});

/** The form as typed, with spaces around the name that the function trims. */
const form = (overrides: Record<string, unknown> = {}) =>
  enquiryForm('req', { name: '  王伟  ', ...overrides });

const submit = (data: unknown, openId = 'o-submitter') =>
  t.call<Envelope>('enquiry', { action: 'submit', data }, openId);

async function storedFor(openId: string) {
  const { data } = await t.app.database().collection('enquiries').where({ _openid: openId }).get();
  return data as Record<string, unknown>[];
}

async function outbox(): Promise<OutboxEntry[]> {
  return (await (await fetch(`${t.cloud.url}/_local/outbox`)).json()) as OutboxEntry[];
}

describe('enquiry submit', () => {
  it('stores a valid enquiry, trimmed, with consent, owner and retention recorded', async () => {
    const data = form();
    const res = await submit(data, 'o-valid');
    expect(res).toEqual({
      ok: true,
      data: { id: expect.any(String), ref: expect.stringMatching(REF), status: 'received', duplicate: false },
    });
    const [doc] = await storedFor('o-valid');
    expect(doc).toMatchObject({
      _openid: 'o-valid',
      requestId: data.requestId,
      name: '王伟',
      topic: 'research',
      status: 'received',
      consent: { privacy: true, crossBorder: true, noticeVersion: expect.any(String) },
    });
    const created = doc?.createdAt as Date;
    const retainUntil = doc?.retainUntil as Date;
    expect(retainUntil.getTime() - created.getTime()).toBeGreaterThan(364 * 24 * 3600_000);
    expect(retainUntil.getTime() - created.getTime()).toBeLessThan(367 * 24 * 3600_000);
    expect((doc?.consent as { at: Date }).at).toBeInstanceOf(Date);
  });

  it('answers the first submission again for a retried requestId, storing one record', async () => {
    const data = form();
    const first = await submit(data, 'o-retry');
    const again = await submit(data, 'o-retry');
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again.data).toEqual({
      id: first.data.id,
      ref: first.data.ref,
      status: 'received',
      duplicate: true,
    });
    expect(await storedFor('o-retry')).toHaveLength(1);
  });

  it('keeps one record when the same requestId arrives many times at once', async () => {
    const data = form();
    const results = await Promise.all(Array.from({ length: 8 }, () => submit(data, 'o-concurrent')));
    const ids = new Set(results.map((r) => (r.ok ? r.data.id : r.error.code)));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.ok && r.data.duplicate === false)).toHaveLength(1);
    expect(await storedFor('o-concurrent')).toHaveLength(1);
  });

  it('treats the same requestId from another caller as a new enquiry', async () => {
    const data = form();
    await submit(data, 'o-a');
    const other = await submit(data, 'o-b');
    expect(other).toMatchObject({ ok: true, data: { duplicate: false } });
  });

  it('limits a caller to 5 new enquiries an hour, counting concurrent ones exactly', async () => {
    const results = await Promise.all(Array.from({ length: 7 }, () => submit(form(), 'o-busy')));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    const limited = results.filter((r) => !r.ok);
    expect(limited).toHaveLength(2);
    expect(limited[0]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await storedFor('o-busy')).toHaveLength(5);
    expect(await submit(form(), 'o-someone-else')).toMatchObject({ ok: true });
  });

  it('rejects risky content and stores nothing; checks the text through msgSecCheck v2', async () => {
    const res = await submit(form({ message: '这是一条包含 [risky] 标记的咨询内容，用于测试。' }), 'o-risky');
    expect(res).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
    expect(await storedFor('o-risky')).toHaveLength(0);
    const call = (await outbox()).filter((entry) => entry.api === 'security.msgSecCheck').pop();
    expect(call).toMatchObject({ function: 'enquiry', trigger: 'miniprogram' });
    expect(call?.request).toMatchObject({ version: 2, openid: 'o-risky', scene: 2 });
  });

  it('stores content needing review, or whose check failed, as pending_review', async () => {
    const review = await submit(form({ message: '请人工复核这条咨询内容 [review] 谢谢。' }), 'o-review');
    expect(review).toMatchObject({ ok: true, data: { status: 'pending_review' } });
    const failed = await submit(
      form({ message: '内容检测服务此时不可用 [check-fails] 的情形。' }),
      'o-review',
    );
    expect(failed).toMatchObject({ ok: true, data: { status: 'pending_review' } });
    expect((await storedFor('o-review')).map((doc) => doc.status)).toEqual([
      'pending_review',
      'pending_review',
    ]);
  });

  it.each([
    ['name', { name: '   ' }, '请填写姓名'],
    ['name', { name: 'x'.repeat(51) }, '姓名不能超过 50 个字'],
    ['organization', { organization: '' }, '请填写单位名称'],
    ['email', { email: 'not-an-email' }, '邮箱格式不正确'],
    ['phone', { phone: '12ab' }, '电话号码格式不正确（可含 +、空格和短横线，6–20 位数字）'],
    ['message', { message: '太短了' }, '咨询内容至少需要 10 个字'],
    ['message', { message: '含有控制字符\u0007的咨询内容，应当被拒绝。' }, '咨询内容包含不允许的控制字符'],
    ['topic', { topic: 'sports' }, '请选择咨询类别'],
    ['requestId', { requestId: 'short' }, '请求编号不正确'],
    ['consent.privacy', { consent: { privacy: false, crossBorder: true } }, '请阅读并同意《隐私说明》'],
    [
      'consent.crossBorder',
      { consent: { privacy: true, crossBorder: false } },
      '请同意将您的信息传输至丹麦处理',
    ],
    ['name', { name: { $ne: null } }, '姓名格式不正确'],
    ['extra', { extra: 'x' }, '不支持的字段'],
  ])('rejects a bad %s with a field message and stores nothing', async (field, overrides, message) => {
    const res = await submit(form(overrides), 'o-invalid');
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { [field]: message } },
    });
    expect(await storedFor('o-invalid')).toHaveLength(0);
  });

  it('requires an e-mail address or a phone number', async () => {
    const res = await submit(form({ email: undefined, phone: ' ' }), 'o-invalid');
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { email: expect.any(String), phone: expect.any(String) } },
    });
  });

  it('accepts a phone number alone, with + spaces and dashes', async () => {
    const res = await submit(form({ email: undefined, phone: '+86 138-0013-8000' }), 'o-phone');
    expect(res).toMatchObject({ ok: true });
    expect((await storedFor('o-phone'))[0]?.phone).toBe('+86 138-0013-8000');
  });

  it('answers INVALID_ARGUMENT for an unknown action and for a missing data object', async () => {
    expect(await t.call<Envelope>('enquiry', { action: 'drop' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await t.call<Envelope>('enquiry', { action: 'submit', data: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });

  it('needs an identity from the platform: a server call without one is UNAUTHENTICATED', async () => {
    const { result } = await t.app.callFunction({
      name: 'enquiry',
      data: { action: 'submit', data: form() },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('enquiry mine', () => {
  it("lists only the caller's own enquiries, newest first, page by page", async () => {
    for (let i = 0; i < 3; i += 1)
      await submit(form({ message: `第 ${i} 条咨询：希望了解合作机会的详细信息。` }), 'o-mine');
    await submit(form(), 'o-stranger');
    const res = await t.call<Envelope>('enquiry', { action: 'mine', data: {} }, 'o-mine');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const items = res.data.items as { excerpt: string; status: string }[];
    expect(items.map((item) => item.excerpt)).toEqual([
      '第 2 条咨询：希望了解合作机会的详细信息。',
      '第 1 条咨询：希望了解合作机会的详细信息。',
      '第 0 条咨询：希望了解合作机会的详细信息。',
    ]);
    expect(res.data.nextCursor).toBeNull();
  });

  it('pages through many enquiries by cursor, none repeated or skipped, equal times included', async () => {
    const at = new Date('2026-01-05T08:00:00Z');
    const docs = Array.from({ length: 45 }, (_, i) => ({
      _openid: 'o-many',
      requestId: `many-${String(i).padStart(4, '0')}`,
      name: '王伟',
      organization: '上海某机构',
      email: 'wang@example.cn',
      topic: 'business',
      message: `第 ${i} 条历史咨询，内容足够长。`,
      consent: { privacy: true, crossBorder: true, at, noticeVersion: 'test' },
      status: 'received',
      // Every third shares its time with its neighbours: the cursor must break ties by id.
      createdAt: new Date(at.getTime() + Math.floor(i / 3) * 60_000),
      updatedAt: at,
      retainUntil: new Date(at.getTime() + 365 * 24 * 3600_000),
    }));
    await t.app.database().collection('enquiries').add(docs);
    const seen: string[] = [];
    let cursor: string | null | undefined;
    let pages = 0;
    do {
      const res = await t.call<Envelope>(
        'enquiry',
        { action: 'mine', data: cursor ? { cursor } : {} },
        'o-many',
      );
      if (!res.ok) throw new Error(res.error.message);
      seen.push(...(res.data.items as { id: string }[]).map((item) => item.id));
      cursor = res.data.nextCursor as string | null;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(45);
    expect(new Set(seen).size).toBe(45);
  });

  it('rejects a forged cursor', async () => {
    const res = await t.call<Envelope>(
      'enquiry',
      { action: 'mine', data: { cursor: 'bm90LWEtY3Vyc29y' } },
      'o-mine',
    );
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { cursor: expect.any(String) } },
    });
  });
});

describe('staff alerts', () => {
  it('sends each staff member with an open alert subscription exactly one message per new enquiry', async () => {
    const staffCloud = await startTestCloud({ adminOpenids: ['o-alert-staff'] });
    try {
      const subscribed = await staffCloud.call<Envelope>(
        'admin',
        { action: 'alerts.subscribe', data: {} },
        'o-alert-staff',
      );
      expect(subscribed).toMatchObject({ ok: true });
      const data = form();
      const first = await staffCloud.call<Envelope>('enquiry', { action: 'submit', data }, 'o-alert-partner');
      await staffCloud.call<Envelope>('enquiry', { action: 'submit', data }, 'o-alert-partner');
      expect(first).toMatchObject({ ok: true, data: { duplicate: false } });
      const sends = (
        (await (await fetch(`${staffCloud.cloud.url}/_local/outbox`)).json()) as OutboxEntry[]
      ).filter((entry) => entry.api === 'subscribeMessage.send');
      expect(sends).toHaveLength(1);
      expect(sends[0]).toMatchObject({ function: 'enquiry', trigger: 'miniprogram' });
      expect(sends[0]?.request).toMatchObject({
        touser: 'o-alert-staff',
        template_id: 'local-enquiry-template',
      });
    } finally {
      await staffCloud.close();
    }
  });
});
