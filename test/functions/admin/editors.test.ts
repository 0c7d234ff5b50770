import { admin, auditEntries, docs, ok, staffCloudForSuite, type Data, type Envelope } from './support';

const t = staffCloudForSuite({ seeded: true });

const pdf = (name = '合作说明.pdf') => ({
  fileId: 'cloud://local.local-bucket/opportunity-files/abc123.pdf',
  name,
  sizeBytes: 204800,
});

const opportunity = (fields: Record<string, unknown> = {}) => ({
  category: 'research',
  title: '医疗健康联合研究项目征集',
  summary: '面向上海高校与中日德兰大区研究机构的联合研究。',
  body: '## 申请方式\n\n请发送邮件。',
  audience: '上海高校和科研机构',
  availability: 'open_until',
  deadline: '2027-03-31T16:00:00.000Z',
  participation: 'enquiry',
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

    const list = await ok(admin(t, 'opportunities.list', { status: 'archived', category: 'research' }));
    expect(list.items.map((item: Data) => item.id)).toContain(id);
    const other = await ok(admin(t, 'opportunities.list', { status: 'archived', category: 'culture' }));
    expect(other.items.map((item: Data) => item.id)).not.toContain(id);

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

  it('stores who it is for, how to take part and the availability with its basis; a status without a date keeps none', async () => {
    const { id } = await ok(admin(t, 'opportunities.save', opportunity({ availabilityNote: '名额有限' })));
    const got = await ok(admin(t, 'opportunities.get', { id }));
    expect(got.item).toMatchObject({
      category: 'research',
      audience: '上海高校和科研机构',
      availability: 'open_until',
      deadline: '2027-03-31T16:00:00.000Z',
      availabilityNote: '名额有限',
      participation: 'enquiry',
    });
    const { deadline: _deadline, ...undated } = opportunity({
      availability: 'by_arrangement',
      participation: 'visit',
    });
    await ok(admin(t, 'opportunities.save', { ...undated, id }));
    const [doc] = await docs(t, 'opportunities', { _id: id });
    expect(doc).toMatchObject({ availability: 'by_arrangement', participation: 'visit' });
    expect(doc.deadline).toBeUndefined();
    expect(doc.availabilityNote).toBeUndefined();
    expect(doc.kind).toBeUndefined();
    expect(doc.open).toBeUndefined();
  });

  it.each([
    [
      'open until without a date',
      { availability: 'open_until', deadline: undefined },
      { deadline: '“开放至某日”须填写截止日期' },
    ],
    [
      'a date on by arrangement',
      { availability: 'by_arrangement' },
      { deadline: '仅“开放至某日”可填写截止日期' },
    ],
    ['a date on closed', { availability: 'closed' }, { deadline: '仅“开放至某日”可填写截止日期' }],
    ['no audience', { audience: '  ' }, { audience: '请填写面向对象' }],
    ['an unknown way to take part', { participation: 'fax' }, { participation: '请选择参与方式' }],
    ['the old open flag', { open: true }, { open: '不支持的字段' }],
    [
      'a contact no one can reach',
      { contact: { name: 'Pia Fabrin' } },
      { 'contact.email': '请填写联系人的邮箱或电话', 'contact.phone': '请填写联系人的邮箱或电话' },
    ],
  ])('refuses %s', async (_what, fields, messages) => {
    const res = await admin(t, 'opportunities.save', opportunity(fields));
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: messages } });
  });

  it('accepts PDFs only, from cloud storage, within the size limit', async () => {
    const res = await admin(
      t,
      'opportunities.save',
      opportunity({
        category: 'party',
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
      category: '请选择类别',
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
