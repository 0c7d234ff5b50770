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
import { readXlsx, shownRows, type XlsxSheet } from '../../harness/xlsx';
import {
  ENQUIRY_KIND_LABELS_EN,
  STAFF_ENQUIRY_STATUS_LABELS_EN,
  TOPIC_LABELS_EN,
} from '../../../contract/messages.en';
import {
  ENQUIRY_KIND_LABELS,
  STAFF_ENQUIRY_STATUS_LABELS,
  TOPIC_LABELS,
} from '../../../contract/messages.zh';

const t = staffCloudForSuite();

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

const ZH_HEADERS = [
  '编号',
  '参考号',
  '类型',
  '微信号',
  '来访日期',
  '来访人数',
  '关注领域',
  '希望参访的机构',
  '提交时间（丹麦时间）',
  '姓名',
  '单位',
  '职务',
  '邮箱',
  '电话',
  '类别',
  '咨询内容',
  '状态',
  '备注',
];

const EN_HEADERS = [
  'ID',
  'Reference',
  'Type',
  'WeChat ID',
  'Visit dates',
  'Group size',
  'Sectors',
  'Institutions to visit',
  'Submitted (Danish time)',
  'Name',
  'Organisation',
  'Job title',
  'E-mail',
  'Phone',
  'Topic',
  'Message',
  'Status',
  'Notes',
];

/** Downloads an export's link and reads the workbook back. */
async function download(url: string): Promise<XlsxSheet> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return readXlsx(new Uint8Array(await response.arrayBuffer()));
}

describe('spreadsheet export', () => {
  let id: string;
  let visit: string;

  beforeAll(async () => {
    id = await insertEnquiry(t, {
      topic: 'knowledge',
      name: '=HYPERLINK("http://evil.example","点我")',
      organization: '上海交通大学, 医学院',
      title: '@SUM(A1)',
      phone: '+86 138 0000 0000',
      message: '第一行，带 "引号"\n第二行\r\n-第三行',
      status: 'in_progress',
      notes: [{ at: new Date('2026-07-01T08:00:00Z'), by: STAFF, text: '已回复' }],
      // Winter: Copenhagen is UTC+1 (CET).
      createdAt: new Date('2026-01-05T02:00:00Z'),
    });
    visit = await insertEnquiry(t, {
      topic: 'knowledge',
      kind: 'visit',
      ref: 'CDR-20260610-004',
      phone: '0045 8728 5000',
      visit: { from: '2026-07-01', to: '2026-07-03', groupSize: 8, sectors: ['research', 'culture'] },
      // Summer: UTC+2 (CEST).
      createdAt: new Date('2026-06-10T21:30:00Z'),
    });
  });

  it('writes an xlsx behind a temporary link: Chinese headers, Danish times, text cells without apostrophes', async () => {
    const before = await docs(t, 'enquiries', { topic: 'knowledge' });
    const res = await ok(admin(t, 'enquiries.export', { topic: 'knowledge', lang: 'zh' }));
    expect(res).toEqual({
      fileId: expect.stringMatching(/^cloud:\/\/.+\/exports\/enquiries-.+\.xlsx$/),
      url: expect.stringMatching(/^http/),
      expiresAt: expect.any(String),
      count: before.length,
    });
    const minutes = (new Date(res.expiresAt).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(5);
    expect(minutes).toBeLessThanOrEqual(10);

    const sheet = await download(res.url);
    expect(sheet.name).toBe('咨询');
    expect(sheet.frozenRows).toBe(1);
    const rows = shownRows(sheet);
    expect(rows[0]).toEqual(ZH_HEADERS);
    expect(rows).toHaveLength(1 + before.length);
    expect(rows.find((r) => r[0] === id)).toEqual([
      id,
      // Stored before references, kinds and visit requests existed: no reference, a general enquiry.
      '',
      ENQUIRY_KIND_LABELS.general,
      '',
      '',
      '',
      '',
      '',
      '2026-01-05 03:00 (CET)',
      '=HYPERLINK("http://evil.example","点我")',
      '上海交通大学, 医学院',
      '@SUM(A1)',
      'wang.wei@example.cn',
      '+86 138 0000 0000',
      TOPIC_LABELS.knowledge,
      '第一行，带 "引号"\n第二行\r\n-第三行',
      STAFF_ENQUIRY_STATUS_LABELS.in_progress,
      // A staff member without a display name is the office, never a bare OPENID.
      '2026-07-01 10:00 (CEST) 国际事务办公室: 已回复',
    ]);
    expect(rows.find((r) => r[0] === visit)).toEqual(
      expect.arrayContaining([
        ENQUIRY_KIND_LABELS.visit,
        '2026-07-01 至 2026-07-03',
        '8',
        `${TOPIC_LABELS.research}、${TOPIC_LABELS.culture}`,
        '2026-06-10 23:30 (CEST)',
      ]),
    );

    // Formula safety holds by type: user text is a string cell, which a spreadsheet never
    // evaluates; no cell of the sheet is a formula.
    const cells = sheet.rows.flat();
    expect(cells.filter((cell) => cell.formula !== undefined)).toEqual([]);
    const row = sheet.rows.find((r) => r[0]?.shown === id) ?? [];
    const byColumn = (header: string) => row.find((cell) => cell.ref.startsWith(columnOf(sheet, header)));
    expect(byColumn('姓名')).toMatchObject({ type: 's', shown: '=HYPERLINK("http://evil.example","点我")' });
    // Phone numbers are text cells in the text format, so editing one keeps the + and spaces.
    expect(byColumn('电话')).toMatchObject({ type: 's', format: '@', shown: '+86 138 0000 0000' });
    // Times are date cells (sortable), shown in Danish time with the zone named.
    expect(byColumn('提交时间（丹麦时间）')).toMatchObject({ type: 'n', format: 'yyyy-mm-dd hh:mm "(CET)"' });

    const [entry] = (await auditEntries(t, 'enquiries.export')).slice(-1);
    expect(entry).toMatchObject({
      actor: STAFF,
      target: res.fileId,
      details: { topic: 'knowledge', lang: 'zh', count: before.length },
    });
    const [record] = await docs(t, 'exports', { fileId: res.fileId });
    expect(record.deleteAfter.getTime()).toBeGreaterThan(Date.now());
  });

  it('writes headers and labels in English when the staff member reads English', async () => {
    const res = await ok(admin(t, 'enquiries.export', { topic: 'knowledge', kind: 'visit', lang: 'en' }));
    const sheet = await download(res.url);
    expect(sheet.name).toBe('Enquiries');
    const rows = shownRows(sheet);
    expect(rows[0]).toEqual(EN_HEADERS);
    expect(rows.find((r) => r[0] === visit)).toEqual([
      visit,
      'CDR-20260610-004',
      ENQUIRY_KIND_LABELS_EN.visit,
      '',
      '2026-07-01 – 2026-07-03',
      '8',
      `${TOPIC_LABELS_EN.research}, ${TOPIC_LABELS_EN.culture}`,
      '',
      '2026-06-10 23:30 (CEST)',
      '王伟',
      '上海市某某大学',
      '',
      'wang.wei@example.cn',
      '0045 8728 5000',
      TOPIC_LABELS_EN.knowledge,
      '我们希望与中日德兰大区的研究机构开展合作。',
      STAFF_ENQUIRY_STATUS_LABELS_EN.received,
      '',
    ]);
    // No Chinese outside what the partner wrote.
    expect(rows[0]?.join('')).not.toMatch(/\p{Script=Han}/u);
  });

  it('answers Chinese when no language is given, and refuses a language the staff pages do not speak', async () => {
    const res = await ok(admin(t, 'enquiries.export', { status: 'closed', topic: 'other' }));
    expect(res.count).toBe(0);
    expect(shownRows(await download(res.url))).toEqual([ZH_HEADERS]);
    expect(await admin(t, 'enquiries.export', { lang: 'da' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { lang: expect.any(String) } },
    });
  });
});

/** The column letter of a header in the first row. */
function columnOf(sheet: XlsxSheet, header: string): string {
  const cell = sheet.rows[0]?.find((candidate) => candidate.shown === header);
  if (!cell) throw new Error(`no column ${header}`);
  return cell.ref.replace(/\d+$/, '');
}

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
