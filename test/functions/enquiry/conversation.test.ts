import {
  admin,
  messagesTo,
  ok,
  outbox,
  staffCloudForSuite,
  STAFF,
  type Data,
  type Envelope,
} from '../admin/support';

const t = staffCloudForSuite();
const REF = /^CDR-\d{8}-\d{3,}$/;
let seq = 0;

function form(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  seq += 1;
  return {
    requestId: `conv-${Date.now()}-${seq}`,
    name: '李华',
    organization: '上海交通大学',
    wechatId: 'li_hua-2026',
    topic: 'knowledge',
    message: '我们计划明年春天组织代表团访问中日德兰大区的高校。',
    consent: { privacy: true, crossBorder: true },
    ...overrides,
  };
}

const enquiry = (action: string, data: unknown, openId: string) =>
  t.call<Envelope<Data>>('enquiry', { action, data }, openId);

function chinaDay(offsetDays: number): string {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

describe('the conversation after submit', () => {
  it('numbers enquiries CDR-<China day>-NNN, distinct under concurrency, WeChat ID alone as contact', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => enquiry('submit', form(), `o-conv-ref-${i}`)),
    );
    const refs = results.map((res) => (res.ok ? String(res.data.ref) : res.error.code));
    refs.forEach((ref) => expect(ref).toMatch(REF));
    expect(new Set(refs).size).toBe(refs.length);
    expect(refs[0]?.slice(4, 12)).toBe(chinaDay(0).replace(/-/g, ''));
  });

  it('takes a visit request with its details and refuses bad dates or details on a general enquiry', async () => {
    const visit = {
      from: chinaDay(10),
      to: chinaDay(14),
      groupSize: 8,
      sectors: ['research'],
      institutions: '奥胡斯大学',
    };
    const res = await ok(enquiry('submit', form({ kind: 'visit', visit }), 'o-conv-visit'));
    const detail = await ok(enquiry('get', { id: res.id }, 'o-conv-visit'));
    expect(detail).toMatchObject({ kind: 'visit', visit, ref: res.ref });
    const bad = await enquiry(
      'submit',
      form({ kind: 'visit', visit: { ...visit, to: chinaDay(80) } }),
      'o-conv-visit',
    );
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { 'visit.to': expect.any(String) } },
    });
    const past = await enquiry(
      'submit',
      form({ kind: 'visit', visit: { ...visit, from: chinaDay(-1) } }),
      'o-conv-visit',
    );
    expect(past).toMatchObject({ ok: false, error: { fields: { 'visit.from': expect.any(String) } } });
    const stray = await enquiry('submit', form({ visit }), 'o-conv-visit');
    expect(stray).toMatchObject({ ok: false, error: { fields: { visit: expect.any(String) } } });
  });

  it('shows the partner staff replies with a name, notifies once per reply per open subscription', async () => {
    const partner = 'o-conv-partner';
    const { id, ref } = await ok(enquiry('submit', form(), partner));
    expect(await enquiry('get', { id }, 'o-someone-else')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await enquiry('get', { id: 'no-such-enquiry' }, partner)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await ok(enquiry('subscribe', { id }, partner))).toEqual({ open: 1, recorded: true });

    const first = await ok(
      admin(t, 'enquiries.reply', {
        id,
        body: '您好，欢迎来访，我们将协助安排。',
        original: { text: 'Welcome, we will help arrange the visit.', language: 'en' },
      }),
    );
    expect(first.replyId).toEqual(expect.any(String));
    await ok(admin(t, 'enquiries.reply', { id, body: '补充：请告知具体人数。' }));

    const sent = await messagesTo(t, partner);
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0]?.request)).toContain(String(ref));

    const detail = await ok(enquiry('get', { id }, partner));
    expect(detail.status).toBe('in_progress');
    expect(detail.responseWorkingDays).toBeGreaterThan(0);
    expect(detail.timeline.map((entry: { type: string }) => entry.type)).toEqual([
      'submitted',
      'status',
      'reply',
      'reply',
    ]);
    expect(detail.timeline[2]).toMatchObject({
      body: '您好，欢迎来访，我们将协助安排。',
      machineTranslated: true,
    });
    expect(detail.timeline[2].author).not.toBe(STAFF);
    expect(detail.timeline[3]).toMatchObject({ machineTranslated: false });

    const mine = await ok(enquiry('mine', {}, partner));
    expect(mine.items[0]).toMatchObject({ id, ref, lastReplyAt: expect.any(String) });
    const staffView = await ok(admin(t, 'enquiries.get', { id }));
    expect(staffView).toMatchObject({ ref, replies: [{ body: '您好，欢迎来访，我们将协助安排。' }, {}] });
  });

  it('keeps at most 5 open reply subscriptions per enquiry, however concurrent', async () => {
    const partner = 'o-conv-cap';
    const { id } = await ok(enquiry('submit', form(), partner));
    const results = await Promise.all(Array.from({ length: 8 }, () => enquiry('subscribe', { id }, partner)));
    const recorded = results.filter((res) => res.ok && res.data.recorded).length;
    expect(recorded).toBe(5);
  });

  it('translates for staff through the TMT stand-in, once per text, and fails cleanly', async () => {
    const text = '我们希望了解合作机会。';
    const answer = await ok(admin(t, 'translate', { text, to: 'en' }));
    expect(answer).toEqual({ text: `[en] ${text}`, from: 'zh', provider: 'tencent-tmt', machine: true });
    await ok(admin(t, 'translate', { text, to: 'en' }));
    const calls = (await outbox(t)).filter((entry) => entry.api === 'tmt.TextTranslate');
    expect(calls).toHaveLength(1);
    expect(await admin(t, 'translate', { text: 'x [tmt:fail]', to: 'zh' })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    expect(await admin(t, 'translate', { text: 'x [tmt:limit]', to: 'zh' })).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED' },
    });
  });
});
