/**
 * Hostile input through the functions' HTTP entry: invisible or deceptive text, prototype keys and
 * floods of unknown keys are refused with the contract's envelope, in a small answer, and change
 * nothing (database, storage, outbox).
 */
import { admin, staffCloudForSuite, STAFF, type Envelope } from '../admin/support';
import { enquiryForm } from '../enquiry/support';
import { world } from './support';

const t = staffCloudForSuite();

const form = (overrides: Record<string, unknown> = {}) => enquiryForm('hostile', overrides);

/** Posts a raw JSON body, so keys like `__proto__` arrive as the client wrote them. */
async function rawCall(name: string, body: string, openId: string): Promise<{ text: string; res: Envelope }> {
  const res = await fetch(`${t.cloud.url}/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openId },
    body,
  });
  const text = await res.text();
  return { text, res: JSON.parse(text) as Envelope };
}

const submit = (data: unknown) => t.call<Envelope>('enquiry', { action: 'submit', data }, 'o-hostile');

const refused = (field: string) => ({
  ok: false,
  error: { code: 'INVALID_ARGUMENT', fields: { [field]: expect.any(String) } },
});

describe('deceptive and invisible text', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a name of Hangul fillers only', { name: '\u3164\u3164\u3164' }, 'name'],
    ['a name of zero-width characters only', { name: '\u200B\u200C\u200D\u2060' }, 'name'],
    ['a name with a bidi override', { name: '张伟\u202Etxt.exe' }, 'name'],
    ['a name with an isolate', { name: '张伟\u2066x\u2069' }, 'name'],
    ['a name with a lone surrogate', { name: '张\uD800伟' }, 'name'],
    ['an organization of fillers', { organization: '\uFFA0\u115F\u1160' }, 'organization'],
    [
      'a message padded to its minimum with zero-width spaces',
      { message: `合作${'\u200B'.repeat(20)}` },
      'message',
    ],
    ['a message with a bidi embedding', { message: '我们希望与贵方合作开展研究\u202B项目。' }, 'message'],
    ['a job title with a bidi override', { title: '教授\u202Egnp.exe' }, 'title'],
    ['a job title with a lone surrogate', { title: '教授\uDC00' }, 'title'],
  ];

  it.each(cases)('enquiry submit refuses %s', async (_label, overrides, field) => {
    const before = await world(t);
    expect(await submit(form(overrides))).toMatchObject(refused(field));
    expect(await world(t)).toEqual(before);
  });

  const staffCases: [string, string, Record<string, unknown>, string][] = [
    [
      'a news title of fillers',
      'news.save',
      { title: '\u3164\u3164', summary: '摘要', body: '正文' },
      'title',
    ],
    [
      'a news title with a bidi override',
      'news.save',
      { title: '通知\u202Efdp.exe', summary: '摘要', body: '正文' },
      'title',
    ],
    [
      'a staff name of zero-width characters',
      'staff.add',
      { openId: 'o-new-staff', name: '\u200B\u200B' },
      'name',
    ],
    [
      'a staff name with a bidi override',
      'staff.add',
      { openId: 'o-new-staff', name: '张伟\u202Etxt.exe' },
      'name',
    ],
  ];

  it.each(staffCases)('admin refuses %s', async (_label, action, data, field) => {
    const before = await world(t);
    expect(await admin(t, action, data, STAFF)).toMatchObject(refused(field));
    expect(await world(t)).toEqual(before);
  });
});

describe('field errors stay small and never echo prototype keys', () => {
  it('50,000 unknown keys get a small answer naming a handful at most', async () => {
    const data: Record<string, unknown> = form();
    for (let i = 0; i < 50_000; i += 1) data[`extra${i}`] = 1;
    const before = await world(t);
    const { text, res } = await rawCall('enquiry', JSON.stringify({ action: 'submit', data }), 'o-hostile');
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(text.length).toBeLessThan(1000);
    const fields = res.ok ? {} : (res.error.fields ?? {});
    expect(Object.keys(fields).length).toBeGreaterThan(0);
    expect(Object.keys(fields).length).toBeLessThanOrEqual(5);
    expect(fields._).toEqual(expect.any(String));
    expect(await world(t)).toEqual(before);
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'a %s key is refused with a field error that does not name it',
    async (key) => {
      const body = JSON.stringify({ action: 'submit', data: form() }).replace(
        /^\{"action":"submit","data":\{/,
        `{"action":"submit","data":{"${key}":{"isAdmin":true},`,
      );
      const before = await world(t);
      const { text, res } = await rawCall('enquiry', body, 'o-hostile');
      expect(res).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', fields: { _: expect.any(String) } },
      });
      expect(text).not.toContain(key);
      expect(await world(t)).toEqual(before);
    },
  );

  it('a prototype key in a staff call and in the public subscribe is refused the same way', async () => {
    const before = await world(t);
    const staff = await rawCall(
      'admin',
      '{"action":"news.save","data":{"__proto__":{"status":"published"},"title":"标题","summary":"摘要","body":"正文"}}',
      STAFF,
    );
    expect(staff.res).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { _: expect.any(String) } },
    });
    expect(staff.text).not.toContain('__proto__');
    const reader = await rawCall(
      'content',
      '{"action":"subscribe","data":{"topic":"news","__proto__":{"topic":"enquiry_alert"}}}',
      'o-reader',
    );
    expect(reader.res).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { _: expect.any(String) } },
    });
    expect(await world(t)).toEqual(before);
  });

  it('still names ordinary offending fields', async () => {
    const res = await submit(form({ email: 'not-an-address', phone: 'x', nickname: '伟' }));
    expect(res).toMatchObject({
      ok: false,
      error: {
        fields: { email: expect.any(String), phone: expect.any(String), nickname: expect.any(String) },
      },
    });
  });
});
