import {
  admin,
  auditEntries,
  docs,
  insertEnquiry,
  insertSubscription,
  ok,
  STAFF,
  staffCloudForSuite,
  type Data,
} from './support';

const t = staffCloudForSuite();

/** A reader for what the export writes (RFC 4180): quoted fields may hold commas, quotes, newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  return rows;
}

describe('enquiry inbox', () => {
  let received: string;
  let review: string;
  let culture: string;

  beforeAll(async () => {
    const hour = 3600_000;
    received = await insertEnquiry(t, { createdAt: new Date(Date.now() - 3 * hour), topic: 'research' });
    review = await insertEnquiry(t, {
      createdAt: new Date(Date.now() - 2 * hour),
      status: 'pending_review',
      topic: 'business',
    });
    culture = await insertEnquiry(t, { createdAt: new Date(Date.now() - hour), topic: 'culture' });
  });

  it('lists newest first and filters by status (new = received + pending_review) and topic', async () => {
    const all = await ok(admin(t, 'enquiries.list'));
    expect(all.items.map((i: Data) => i.id)).toEqual([culture, review, received]);
    expect(all.items[0]).toMatchObject({
      id: culture,
      name: '王伟',
      organization: '上海市某某大学',
      topic: 'culture',
      status: 'received',
      excerpt: expect.any(String),
      noteCount: 0,
    });
    const fresh = await ok(admin(t, 'enquiries.list', { status: 'new' }));
    expect(fresh.items).toHaveLength(3);
    const pending = await ok(admin(t, 'enquiries.list', { status: 'pending_review' }));
    expect(pending.items.map((i: Data) => i.id)).toEqual([review]);
    const business = await ok(admin(t, 'enquiries.list', { topic: 'business' }));
    expect(business.items.map((i: Data) => i.id)).toEqual([review]);
    expect(await ok(admin(t, 'enquiries.list', { status: 'closed', topic: 'business' }))).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it('shows one enquiry in full, with its consent and retention', async () => {
    const detail = await ok(admin(t, 'enquiries.get', { id: received }));
    expect(detail).toMatchObject({
      id: received,
      email: 'wang.wei@example.cn',
      message: expect.any(String),
      notes: [],
      consentNoticeVersion: '2026-11-23',
      retainUntil: expect.any(String),
    });
    expect(await admin(t, 'enquiries.get', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const [entry] = (await auditEntries(t, 'enquiries.get')).filter(
      (e) => e.target === `enquiries/${received}`,
    );
    expect(entry).toMatchObject({ actor: STAFF });
  });

  it('moves new → in_progress → closed with notes (who, when); never back', async () => {
    expect(
      await ok(admin(t, 'enquiries.update', { id: received, status: 'in_progress', note: '已电话联系' })),
    ).toEqual({
      id: received,
      status: 'in_progress',
    });
    await ok(admin(t, 'enquiries.update', { id: received, status: 'in_progress', note: '  等待对方资料  ' }));
    await ok(admin(t, 'enquiries.update', { id: received, status: 'closed' }));
    const [doc] = await docs(t, 'enquiries', { _id: received });
    expect(doc.status).toBe('closed');
    expect(doc.notes).toEqual([
      { at: expect.any(Date), by: STAFF, text: '已电话联系' },
      { at: expect.any(Date), by: STAFF, text: '等待对方资料' },
    ]);
    const back = await admin(t, 'enquiries.update', { id: received, status: 'in_progress' });
    expect(back).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // A closed enquiry still takes a note.
    await ok(admin(t, 'enquiries.update', { id: received, status: 'closed', note: '归档' }));
    // pending_review may be closed directly.
    await ok(admin(t, 'enquiries.update', { id: review, status: 'closed' }));

    const entries = (await auditEntries(t, 'enquiries.update')).filter(
      (e) => e.target === `enquiries/${received}`,
    );
    expect(entries.map((e) => e.details)).toEqual([
      { from: 'received', to: 'in_progress', noteAdded: true },
      { from: 'in_progress', to: 'in_progress', noteAdded: true },
      { from: 'in_progress', to: 'closed', noteAdded: false },
      { from: 'closed', to: 'closed', noteAdded: true },
    ]);
    // The note's text is kept with the enquiry, not copied into the audit trail.
    expect(JSON.stringify(entries)).not.toContain('已电话联系');
  });

  it('answers bad updates with INVALID_ARGUMENT per field', async () => {
    const res = await admin(t, 'enquiries.update', {
      id: culture,
      status: 'received',
      note: 'x'.repeat(1001),
    });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { status: expect.any(String), note: expect.any(String) } },
    });
    expect(
      await admin(t, 'enquiries.list', { status: 'spam', topic: 'sports', cursor: '%%%' }),
    ).toMatchObject({
      ok: false,
      error: {
        fields: { status: expect.any(String), topic: expect.any(String), cursor: expect.any(String) },
      },
    });
  });
});

describe('CSV export', () => {
  it('writes UTF-8 with BOM, Chinese headers, RFC 4180 quoting, CRLF and a formula guard, behind a temporary link', async () => {
    const id = await insertEnquiry(t, {
      topic: 'knowledge',
      name: '=HYPERLINK("http://evil.example","点我")',
      organization: '上海交通大学, 医学院',
      title: '@SUM(A1)',
      phone: '+86 138 0000 0000',
      message: '第一行，带 "引号"\n第二行\r\n-第三行',
      status: 'in_progress',
      notes: [{ at: new Date('2026-01-05T02:30:00Z'), by: STAFF, text: '已回复' }],
      createdAt: new Date('2026-01-05T02:00:00Z'),
    });
    const before = await docs(t, 'enquiries', { topic: 'knowledge' });
    const res = await ok(admin(t, 'enquiries.export', { topic: 'knowledge' }));
    expect(res).toEqual({
      fileId: expect.stringMatching(/^cloud:\/\/.+\/exports\/enquiries-.+\.csv$/),
      url: expect.stringMatching(/^http/),
      expiresAt: expect.any(String),
      count: before.length,
    });
    const minutes = (new Date(res.expiresAt).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(5);
    expect(minutes).toBeLessThanOrEqual(10);

    const download = await fetch(res.url);
    expect(download.status).toBe(200);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      '编号,参考号,类型,微信号,来访日期,来访人数,关注领域,希望参访的机构,提交时间,姓名,单位,职务,邮箱,电话,类别,咨询内容,状态,备注',
    );
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('"\'=HYPERLINK(""http://evil.example"",""点我"")"');
    expect(text).toContain('"上海交通大学, 医学院"');

    const rows = parseCsv(text);
    expect(rows).toHaveLength(1 + before.length);
    const row = rows.find((r) => r[0] === id);
    expect(row).toEqual([
      id,
      // Stored before references, kinds and visit requests existed: no reference, a general enquiry.
      '',
      '一般咨询',
      '',
      '',
      '',
      '',
      '',
      '2026年1月5日 10:00',
      '\'=HYPERLINK("http://evil.example","点我")',
      '上海交通大学, 医学院',
      "'@SUM(A1)",
      'wang.wei@example.cn',
      "'+86 138 0000 0000",
      '知识交流与互访',
      '第一行，带 "引号"\n第二行\r\n-第三行',
      '处理中',
      '2026年1月5日 10:30 已回复',
    ]);

    const [entry] = (await auditEntries(t, 'enquiries.export')).slice(-1);
    expect(entry).toMatchObject({
      actor: STAFF,
      target: res.fileId,
      details: { topic: 'knowledge', count: before.length },
    });
    const [record] = await docs(t, 'exports', { fileId: res.fileId });
    expect(record.deleteAfter.getTime()).toBeGreaterThan(Date.now());
  });

  it('exports only the header when nothing matches', async () => {
    const res = await ok(admin(t, 'enquiries.export', { status: 'closed', topic: 'other' }));
    expect(res.count).toBe(0);
    const text = Buffer.from(await (await fetch(res.url)).arrayBuffer()).toString('utf8');
    expect(text).toBe(
      '\ufeff编号,参考号,类型,微信号,来访日期,来访人数,关注领域,希望参访的机构,提交时间,姓名,单位,职务,邮箱,电话,类别,咨询内容,状态,备注\r\n',
    );
  });
});

describe('erasure on request', () => {
  it("deletes all of one person's enquiries, files, subscriptions and messages; the audit keeps counts only", async () => {
    const person = 'o-erase-me';
    const { fileID } = await t.app.uploadFile({
      cloudPath: 'enquiries/attachment.pdf',
      fileContent: Buffer.from('%PDF-1.4'),
    });
    const first = await insertEnquiry(t, { _openid: person, files: [fileID] });
    await insertEnquiry(t, { _openid: person, name: '同一人' });
    const other = await insertEnquiry(t, { _openid: 'o-keep-me' });
    await insertSubscription(t, person);
    await t.app
      .database()
      .collection('notifications')
      .add({ _id: `n1:${person}`, touser: person, status: 'sent' });
    await t.app
      .database()
      .collection('rate_limits')
      .add({ _id: `enquiry:${person}`, stamps: [], updatedAt: new Date() });

    expect(await ok(admin(t, 'enquiries.erase', { id: first }))).toEqual({
      enquiries: 2,
      subscriptions: 1,
      notifications: 1,
      files: 1,
    });
    expect(await docs(t, 'enquiries', { _openid: person })).toHaveLength(0);
    expect(await docs(t, 'subscriptions', { _openid: person })).toHaveLength(0);
    expect(await docs(t, 'notifications', { touser: person })).toHaveLength(0);
    expect(await docs(t, 'rate_limits', { _id: `enquiry:${person}` })).toHaveLength(0);
    expect(await docs(t, 'enquiries', { _id: other })).toHaveLength(1);
    const { fileList } = await t.app.getTempFileURL({ fileList: [fileID] });
    expect(fileList[0]?.code).toBe('STORAGE_FILE_NONEXIST');

    const [entry] = (await auditEntries(t, 'enquiries.erase')).slice(-1);
    expect(entry).toMatchObject({
      actor: STAFF,
      target: `enquiries/${first}`,
      details: { by: 'enquiry', state: 'done', enquiries: 2, subscriptions: 1, notifications: 1, files: 1 },
    });
    expect(JSON.stringify(entry)).not.toContain(person);
  });

  it('erases by OPENID too, and needs exactly one of the two', async () => {
    await insertEnquiry(t, { _openid: 'o-by-openid' });
    expect(await ok(admin(t, 'enquiries.erase', { openId: 'o-by-openid' }))).toMatchObject({ enquiries: 1 });
    expect(await admin(t, 'enquiries.erase', {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { openId: expect.any(String), id: expect.any(String) } },
    });
    expect(await admin(t, 'enquiries.erase', { openId: 'o-x', id: 'abc' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await admin(t, 'enquiries.erase', { id: 'gone' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
