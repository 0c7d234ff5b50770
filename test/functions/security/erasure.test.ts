/**
 * Erasure everywhere: after `enquiries.erase`, nothing of the person is left in any collection or
 * stored file, and links handed out before (a CSV export) stop working; another person's data stays.
 */
import { createHash } from 'node:crypto';
import { admin, docs, ok, staffCloudForSuite, STAFF, type Envelope } from '../admin/support';
import { allDocuments, allFiles } from './support';

const t = staffCloudForSuite();

const PERSON = {
  openId: 'o-erase-me-7f3a',
  name: '欧阳娜娜',
  organization: '上海市擦除测试研究院',
  email: 'ouyang.nana@erase.example.cn',
  phone: '+86 138 0013 8000',
  message: '请删除我的资料：我们希望与中日德兰大区合作开展独特的擦除测试项目。',
};
const OTHER = {
  openId: 'o-keep-me-9c1d',
  name: '司马光',
  organization: '上海市保留测试研究院',
  email: 'sima.guang@keep.example.cn',
  message: '我们希望与中日德兰大区开展保留测试方面的合作交流。',
};

let seq = 0;
async function submit(person: typeof PERSON | typeof OTHER): Promise<string> {
  seq += 1;
  const res = await t.call<Envelope<{ id: string }>>(
    'enquiry',
    {
      action: 'submit',
      data: {
        requestId: `erase-request-${seq}`,
        name: person.name,
        organization: person.organization,
        email: person.email,
        ...('phone' in person ? { phone: person.phone } : {}),
        topic: 'research',
        message: person.message,
        consent: { privacy: true, crossBorder: true },
      },
    },
    person.openId,
  );
  return (await ok(Promise.resolve(res))).id;
}

/** Where a trace of the person could hide, as text: every document and every stored file. */
async function everything(): Promise<string> {
  const files = Object.entries(allFiles(t)).map(([name, bytes]) => `${name}\n${bytes.toString('utf8')}`);
  return `${JSON.stringify(await allDocuments(t))}\n${files.join('\n')}`;
}

const MARKERS = [
  PERSON.openId,
  // Records that name a reader by a hash of the OPENID (credits, message ids, export subjects).
  createHash('sha256').update(PERSON.openId).digest('hex').slice(0, 32),
  PERSON.name,
  PERSON.organization,
  PERSON.email,
  '138 0013 8000',
  '擦除测试项目',
];

describe('enquiries.erase', () => {
  it('leaves nothing of the person in any collection or file, and their export link stops working', async () => {
    // Staff asked for alerts about new enquiries: the alert names the person's enquiry.
    await ok(admin(t, 'alerts.subscribe'));
    const first = await submit(PERSON);
    await submit(PERSON);
    const kept = await submit(OTHER);

    // A reply the person subscribed to, a news message they subscribed to.
    await ok(t.call<Envelope>('enquiry', { action: 'subscribe', data: { id: first } }, PERSON.openId));
    await ok(admin(t, 'enquiries.reply', { id: first, body: '您好，我们已收到您的擦除测试项目咨询。' }));
    await ok(t.call<Envelope>('content', { action: 'subscribe', data: { topic: 'news' } }, PERSON.openId));
    const news = await ok(
      admin(t, 'news.save', { title: '擦除测试新闻', summary: '摘要', body: '正文内容' }),
    );
    await ok(admin(t, 'news.publish', { id: news.id }));
    // Staff had the message machine-translated (cached), and exported the inbox.
    await ok(admin(t, 'translate', { text: PERSON.message, to: 'en' }));
    const exported = await ok(admin(t, 'enquiries.export', {}));
    expect((await fetch(exported.url)).status).toBe(200);

    const before = await everything();
    for (const marker of MARKERS) expect(before).toContain(marker);
    expect(await docs(t, 'translations')).toHaveLength(1);
    expect(JSON.stringify(await docs(t, 'notifications', { touser: STAFF }))).toContain(first);

    await ok(admin(t, 'enquiries.erase', { id: first }));

    const after = await everything();
    for (const marker of MARKERS)
      expect({ marker, found: after.includes(marker) }).toEqual({ marker, found: false });
    expect(await docs(t, 'translations')).toHaveLength(0);
    for (const collection of ['notifications', 'subscriptions', 'exports']) {
      expect(JSON.stringify(await docs(t, collection))).not.toContain(first);
    }
    expect((await fetch(exported.url)).status).not.toBe(200);

    // The other person is untouched.
    expect(await docs(t, 'enquiries', { _id: kept })).toHaveLength(1);
    expect(after).toContain(OTHER.email);
    expect((await docs(t, 'enquiries', { _openid: STAFF })).length).toBe(0);
  });
});
