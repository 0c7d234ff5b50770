import { PROFILE } from '../../../cloudbase/seed/profile';
import {
  admin,
  auditEntries,
  docs,
  ok,
  STAFF,
  staffCloudForSuite,
  type Data,
  type Envelope,
} from './support';

const t = staffCloudForSuite({ seeded: true });

const pdf = (name = '合作说明.pdf') => ({
  fileId: 'cloud://local.local-bucket/opportunity-files/abc123.pdf',
  name,
  sizeBytes: 204800,
});

const opportunity = (fields: Record<string, unknown> = {}) => ({
  kind: 'research',
  title: '医疗健康联合研究项目征集',
  summary: '面向上海高校与中日德兰大区研究机构的联合研究。',
  body: '## 申请方式\n\n请发送邮件。',
  open: true,
  deadline: '2027-03-31T16:00:00.000Z',
  attachments: [pdf()],
  contact: { name: 'Pia Fabrin', email: 'pia.fabrin@ru.rm.dk', phone: '+45 2160 1445' },
  ...fields,
});

const publicOpportunity = (id: string) =>
  t.call<Envelope<Data>>('content', { action: 'opportunities.get', data: { id } }, 'o-public');

describe('opportunities editor', () => {
  it('follows the news pattern: draft → published → archived, soft delete, PDF attachments', async () => {
    const { id, status } = await ok(admin(t, 'opportunities.save', opportunity()));
    expect(status).toBe('draft');
    expect(await publicOpportunity(id)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const got = await ok(admin(t, 'opportunities.get', { id }));
    expect(got.item).toMatchObject({ id, status: 'draft', attachments: [pdf()], attachmentCount: 1 });
    expect(got.preview[0]).toMatchObject({ name: 'h3' });

    expect(await ok(admin(t, 'opportunities.publish', { id }))).toEqual({ id, status: 'published' });
    expect(await publicOpportunity(id)).toMatchObject({ ok: true, data: { id } });

    await ok(
      admin(
        t,
        'opportunities.save',
        opportunity({ id, title: '医疗健康联合研究项目征集（更新）', attachments: [] }),
      ),
    );
    const edited = await ok(admin(t, 'opportunities.get', { id }));
    expect(edited.item).toMatchObject({ status: 'published', edited: true, attachmentCount: 0 });

    expect(await ok(admin(t, 'opportunities.unpublish', { id }))).toEqual({ id, status: 'archived' });
    expect(await publicOpportunity(id)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await admin(t, 'opportunities.unpublish', { id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    const list = await ok(admin(t, 'opportunities.list', { status: 'archived', kind: 'research' }));
    expect(list.items.map((item: Data) => item.id)).toContain(id);

    expect(await ok(admin(t, 'opportunities.delete', { id }))).toEqual({ id });
    const [doc] = await docs(t, 'opportunities', { _id: id });
    expect(doc.status).toBe('deleted');
    expect(await admin(t, 'opportunities.get', { id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    for (const action of [
      'opportunities.save',
      'opportunities.publish',
      'opportunities.unpublish',
      'opportunities.delete',
    ]) {
      const entries = (await auditEntries(t, action)).filter((e) => e.target === `opportunities/${id}`);
      expect({ action, some: entries.length > 0 }).toEqual({ action, some: true });
    }
  });

  it('accepts PDFs only, from cloud storage, within the size limit', async () => {
    const res = await admin(
      t,
      'opportunities.save',
      opportunity({
        kind: 'party',
        attachments: [
          pdf('说明.docx'),
          { ...pdf(), fileId: 'https://example.com/a.pdf' },
          { ...pdf(), sizeBytes: 30 * 1024 * 1024 },
          { ...pdf(), fileId: 'cloud://local.local-bucket/opportunity-files/a.exe' },
        ],
        contact: { name: '', email: 'not-an-email', phone: '12' },
      }),
    );
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('INVALID_ARGUMENT');
    expect(res.error.fields).toMatchObject({
      kind: expect.any(String),
      'attachments.0.name': '附件必须是 PDF 文件（.pdf）',
      'attachments.1.fileId': expect.stringContaining('cloud://'),
      'attachments.2.sizeBytes': '附件不能超过 20 MB',
      'attachments.3.fileId': expect.stringContaining('PDF'),
      'contact.name': expect.any(String),
      'contact.email': expect.any(String),
      'contact.phone': expect.any(String),
    });
  });
});

describe('profile editor', () => {
  it('shows and saves the texts and contact details, each part whole, keeping the rest', async () => {
    const current = await ok(admin(t, 'profile.get'));
    expect(current.contact).toEqual(PROFILE.contact);
    const contact = {
      ...PROFILE.contact,
      email: 'international@rm.dk',
      mobile: { display: '+45 7841 0000', dial: '+4578410000' },
      linkedin: {
        platform: '领英（LinkedIn）',
        description: '关注我们的领英主页。',
        url: 'https://www.linkedin.com/company/region-midtjylland',
      },
    };
    const saved = await ok(
      admin(t, 'profile.save', { contact, keyFacts: [{ label: '总部', value: '维堡' }] }),
    );
    expect(saved.updatedAt).toEqual(expect.any(String));
    const after = await ok(admin(t, 'profile.get'));
    expect(after.contact).toEqual(contact);
    expect(after.keyFacts).toEqual([{ label: '总部', value: '维堡' }]);
    expect(after.intro).toEqual(PROFILE.intro);
    const [doc] = await docs(t, 'profile', { _id: 'region' });
    expect(doc.timeline).toEqual(PROFILE.timeline);
    const [entry] = (await auditEntries(t, 'profile.save')).slice(-1);
    expect(entry).toMatchObject({
      actor: STAFF,
      target: 'profile/region',
      details: { parts: ['keyFacts', 'contact'] },
    });

    const contactPublic = await t.call<Envelope<Data>>(
      'content',
      { action: 'contact', data: {} },
      'o-public',
    );
    expect(contactPublic).toMatchObject({ ok: true, data: { email: 'international@rm.dk' } });
  });

  it('keeps the office coordinates staff enter, offers them to the public contact card, and checks their range', async () => {
    const located = { ...PROFILE.contact, location: { latitude: 56.45, longitude: 9.4 } };
    await ok(admin(t, 'profile.save', { contact: located }));
    const card = await t.call<Envelope<Data>>('content', { action: 'contact', data: {} }, 'o-public');
    expect(card).toMatchObject({ ok: true, data: { location: { latitude: 56.45, longitude: 9.4 } } });

    const wrong = await admin(t, 'profile.save', {
      contact: { ...PROFILE.contact, location: { latitude: 91, longitude: null } },
    });
    expect(wrong).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        fields: {
          'contact.location.latitude': '纬度须在 -90 到 90 之间',
          'contact.location.longitude': '经度须为数字',
        },
      },
    });

    // Saving the contact without coordinates removes the map again.
    await ok(admin(t, 'profile.save', { contact: PROFILE.contact }));
    const plain = await t.call<Envelope<Data>>('content', { action: 'contact', data: {} }, 'o-public');
    expect(plain).toMatchObject({ ok: true, data: { location: null } });
  });

  it('validates emails, phones and links, and needs at least one part', async () => {
    const res = await admin(t, 'profile.save', {
      contact: {
        ...PROFILE.contact,
        email: 'pia@',
        mobile: { display: '2160 1445', dial: '+4521601446' },
        wechat: { platform: '微信', description: '说明', url: 'http://insecure.example' },
      },
    });
    expect(res).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        fields: {
          'contact.email': '邮箱格式不正确',
          'contact.mobile.display': expect.any(String),
          'contact.wechat.url': '链接必须以 https:// 开头',
        },
      },
    });
    const mismatch = await admin(t, 'profile.save', {
      contact: { ...PROFILE.contact, mobile: { display: '+45 2160 1445', dial: '+4521601446' } },
    });
    expect(mismatch).toMatchObject({
      ok: false,
      error: { fields: { 'contact.mobile.dial': '显示号码与拨号号码不一致' } },
    });
    expect(await admin(t, 'profile.save', {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });
});
