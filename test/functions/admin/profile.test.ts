import { PROFILE } from '../../../cloudbase/seed/profile';
import { DOCUMENTS } from '../../../cloudbase/seed/documents';
import {
  admin,
  auditEntries,
  docs,
  ok,
  OUTSIDER,
  STAFF,
  staffCloudForSuite,
  type Data,
  type Envelope,
} from './support';

const t = staffCloudForSuite({ seeded: true });

/** The seeded contact card as the editor sends it back: one phone field instead of `mobile`. */
const { mobile: SEEDED_MOBILE, ...CONTACT_REST } = PROFILE.contact;
const CONTACT = { ...CONTACT_REST, phone: SEEDED_MOBILE.display };

const publicCall = (action: string) =>
  t.call<Envelope<Data>>('content', { action, data: {} }, 'o-public').then((res) => {
    if (!res.ok) throw new Error(`expected ok, got ${JSON.stringify(res.error)}`);
    return res.data;
  });

const lastAudit = async (action: string) => (await auditEntries(t, action)).slice(-1)[0];

const invalidFields = async (action: string, data: unknown) => {
  const res = await admin(t, action, data);
  if (res.ok) throw new Error(`expected INVALID_ARGUMENT, got ${JSON.stringify(res.data)}`);
  expect(res.error.code).toBe('INVALID_ARGUMENT');
  return res.error.fields ?? {};
};

const upload = async (cloudPath: string) =>
  (await t.app.uploadFile({ cloudPath, fileContent: Buffer.from(`bytes of ${cloudPath}`) })).fileID;

describe('profile editor', () => {
  it('shows every editable part, the contact with one phone field', async () => {
    const current = await ok(admin(t, 'profile.get'));
    expect(current.contact).toEqual(CONTACT);
    expect(current.contact).not.toHaveProperty('mobile');
    expect(current.timeline).toEqual(
      PROFILE.timeline.map(({ dateLabel, title, description }) => ({ dateLabel, title, description })),
    );
    expect(current.focusAreas.map((area: Data) => area.id)).toEqual(
      PROFILE.focusAreas.map((area) => area.id),
    );
    expect(current.focusAreas[0]).not.toHaveProperty('icon');
    expect(current.images).toEqual({});
  });

  it('saves the texts and contact details, each part whole, keeping the rest', async () => {
    const contact = {
      ...CONTACT,
      email: 'international@rm.dk',
      phone: '+45 7841 0000',
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
    expect(await lastAudit('profile.save')).toMatchObject({
      actor: STAFF,
      target: 'profile/region',
      details: { parts: ['keyFacts', 'contact'] },
    });
    expect(await publicCall('contact')).toMatchObject({ email: 'international@rm.dk' });
  });

  it.each([
    ['+45 2160 1445', '+45 2160 1445', '+4521601445'],
    ['21 60 14 45', '+45 2160 1445', '+4521601445'],
    ['0045-2160-1445', '+45 2160 1445', '+4521601445'],
    ['+8613800138000', '+86 138 0013 8000', '+8613800138000'],
    ['+44 20 7946 0958', '+44 20 7946 0958', '+442079460958'],
  ])('derives the number readers see and dial from the one typed (%s)', async (typed, display, dial) => {
    await ok(admin(t, 'profile.save', { contact: { ...CONTACT, phone: typed } }));
    const [doc] = await docs(t, 'profile', { _id: 'region' });
    expect(doc.contact.mobile).toEqual({ display, dial });
    expect((await publicCall('contact')).phone).toEqual({ display, dial });
    expect((await publicCall('home')).contact.phone).toEqual({ display, dial });
    expect((await ok(admin(t, 'profile.get'))).contact.phone).toBe(display);
  });

  it('refuses a number that cannot be dialled from abroad, and the old two-field form', async () => {
    for (const phone of ['2160 144', '12345678901', '+45 abc', '+0 123 4567']) {
      expect({
        phone,
        fields: await invalidFields('profile.save', { contact: { ...CONTACT, phone } }),
      }).toEqual({
        phone,
        fields: { 'contact.phone': expect.stringContaining('+45 2160 1445') },
      });
    }
    const oldForm = await invalidFields('profile.save', { contact: PROFILE.contact });
    expect(oldForm).toMatchObject({ 'contact.mobile': '不支持的字段', 'contact.phone': '电话格式不正确' });
  });

  it('keeps the place staff choose on the map, offers it to the public contact card, and checks its range', async () => {
    await ok(
      admin(t, 'profile.save', { contact: { ...CONTACT, location: { latitude: 56.45, longitude: 9.4 } } }),
    );
    expect(await publicCall('contact')).toMatchObject({ location: { latitude: 56.45, longitude: 9.4 } });

    expect(
      await invalidFields('profile.save', {
        contact: { ...CONTACT, location: { latitude: 91, longitude: null } },
      }),
    ).toEqual({
      'contact.location.latitude': '纬度须在 -90 到 90 之间',
      'contact.location.longitude': '经度须为数字',
    });

    // Saving the contact without a place removes the map again.
    await ok(admin(t, 'profile.save', { contact: CONTACT }));
    expect(await publicCall('contact')).toMatchObject({ location: null });
  });

  it('shows the official account to the public once staff enter its username, and checks its form', async () => {
    expect((await publicCall('contact')).wechat).not.toHaveProperty('username');
    const wechat = { ...CONTACT.wechat, username: 'gh_0123456789ab' };
    await ok(admin(t, 'profile.save', { contact: { ...CONTACT, wechat } }));
    expect((await publicCall('contact')).wechat).toMatchObject({ username: 'gh_0123456789ab' });
    expect(
      await invalidFields('profile.save', {
        contact: { ...CONTACT, wechat: { ...wechat, username: '公众号' } },
      }),
    ).toEqual({ 'contact.wechat.username': '公众号用户名须为公众号的原始 ID，如 gh_0123456789ab' });
    await ok(admin(t, 'profile.save', { contact: CONTACT }));
  });

  it('validates emails and links, and needs at least one part', async () => {
    const fields = await invalidFields('profile.save', {
      contact: {
        ...CONTACT,
        email: 'pia@',
        wechat: { platform: '微信', description: '说明', url: 'http://insecure.example' },
      },
    });
    expect(fields).toEqual({
      'contact.email': '邮箱格式不正确',
      'contact.wechat.url': '链接必须以 https:// 开头',
    });
    expect(await invalidFields('profile.save', {})).toEqual({ _: '请至少修改一项内容' });
  });

  it('edits, reorders, adds and removes timeline entries, reading each year from its label; the public pages follow', async () => {
    const [first, second, , fourth] = PROFILE.timeline;
    if (!first || !second || !fourth) throw new Error('the seed has fewer timeline entries than expected');
    const timeline = [
      { dateLabel: second.dateLabel, title: second.title, description: second.description },
      { dateLabel: '2016年春', title: '驻上海代表处关闭', description: '大区关闭驻上海代表处。' },
      { dateLabel: first.dateLabel, title: first.title, description: first.description },
      { dateLabel: '2026年12月', title: '合作近况更新', description: '国际事务办公室更新了合作信息。' },
    ];
    await ok(admin(t, 'profile.save', { timeline }));
    const [doc] = await docs(t, 'profile', { _id: 'region' });
    expect(doc.timeline).toEqual([
      { year: second.year, ...timeline[0] },
      { year: 2016, ...timeline[1] },
      { year: first.year, ...timeline[2] },
      { year: 2026, ...timeline[3] },
    ]);
    expect((await publicCall('home')).timeline.map((entry: Data) => entry.title)).toEqual(
      timeline.map((entry) => entry.title),
    );
    expect((await publicCall('profile')).timeline).toEqual(doc.timeline);
    expect(await lastAudit('profile.save')).toMatchObject({ actor: STAFF, details: { parts: ['timeline'] } });

    expect(
      await invalidFields('profile.save', {
        timeline: [{ dateLabel: '春季', title: '标题', description: '' }],
      }),
    ).toEqual({
      'timeline.0.dateLabel': '时间须写明年份，如“2016年春”',
      'timeline.0.description': '请填写事件说明',
    });
    expect(await invalidFields('profile.save', { timeline: Array(31).fill(timeline[0]) })).toEqual({
      timeline: '大事记条目最多 30 条',
    });
  });

  it('edits one focus area whole, keeping its id, icon and the other areas; the public pages follow', async () => {
    const knowledge = PROFILE.focusAreas.find((area) => area.id === 'knowledge');
    if (!knowledge) throw new Error('the seed has no knowledge focus area');
    const focusArea = {
      id: 'knowledge',
      title: '知识交流与互访',
      titleOriginal: 'Knowledge Exchange and Visits',
      summary: '上海代表团来访，交流医疗养老与食品安全经验。',
      paragraphs: ['第一段：代表团来访。', '第二段：经验交流。'],
    };
    await ok(admin(t, 'profile.save', { focusArea }));
    const profile = await publicCall('profile');
    expect(profile.focusAreas.find((area: Data) => area.id === 'knowledge')).toEqual({
      ...focusArea,
      icon: knowledge.icon,
    });
    expect(profile.focusAreas.map((area: Data) => area.id)).toEqual(
      PROFILE.focusAreas.map((area) => area.id),
    );
    expect(profile.focusAreas.find((area: Data) => area.id === 'business').summary).toBe(
      PROFILE.focusAreas.find((area) => area.id === 'business')?.summary,
    );
    const home = await publicCall('home');
    expect(home.focusAreas.find((area: Data) => area.id === 'knowledge').summary).toBe(focusArea.summary);
    expect(await lastAudit('profile.save')).toMatchObject({
      details: { parts: ['focusArea'], focusArea: 'knowledge' },
    });

    expect(
      await invalidFields('profile.save', { focusArea: { ...focusArea, id: 'tourism', paragraphs: [] } }),
    ).toEqual({ 'focusArea.id': '重点领域不正确', 'focusArea.paragraphs': '请至少填写一段段落' });
  });

  it('puts the hero image and logo staff upload on the home page, and removes them again', async () => {
    const hero = { fileId: await upload('profile-files/hero.jpg'), alt: '维堡大区总部' };
    const logo = { fileId: await upload('profile-files/logo.png'), alt: '中日德兰大区标志' };
    await ok(admin(t, 'profile.save', { images: { hero, logo } }));
    expect((await ok(admin(t, 'profile.get'))).images).toEqual({ hero, logo });
    const shown = (await publicCall('home')).hero;
    expect(shown.image).toEqual({
      url: expect.stringMatching(/^https?:\/\/.+hero\.jpg/),
      alt: '维堡大区总部',
    });
    expect(shown.logo).toEqual({
      url: expect.stringMatching(/^https?:\/\/.+logo\.png/),
      alt: '中日德兰大区标志',
    });

    await ok(admin(t, 'profile.save', { images: { logo } }));
    expect((await publicCall('home')).hero).toMatchObject({ image: null, logo: { alt: logo.alt } });

    expect(
      await invalidFields('profile.save', {
        images: { hero: { fileId: 'cloud://local.local-bucket/exports/enquiries.png', alt: '导出' } },
      }),
    ).toEqual({ 'images.hero.fileId': expect.stringContaining('首页大图') });
    await ok(admin(t, 'profile.save', { images: {} }));
    expect((await publicCall('home')).hero).toMatchObject({ image: null, logo: null });
  });
});

describe('documents editor', () => {
  const pdf = {
    fileId: 'cloud://local.local-bucket/profile-files/mou.pdf',
    name: 'MoU Shanghai.pdf',
    sizeBytes: 120000,
  };
  const texts = (doc: (typeof DOCUMENTS)[number]) => ({
    title: doc.title,
    titleOriginal: doc.titleOriginal,
    counterparty: doc.counterparty,
    counterpartyOriginal: doc.counterpartyOriginal,
    summary: doc.summary,
    availability: doc.availability,
  });

  it('lists the profile’s documents in its order', async () => {
    const { items } = await ok(admin(t, 'documents.list'));
    expect(items).toEqual(DOCUMENTS.map((doc) => ({ id: doc._id, ...texts(doc) })));
  });

  it('edits a document’s texts and file, and the public profile shows them', async () => {
    const [mou] = DOCUMENTS;
    if (!mou) throw new Error('the seed has no documents');
    const file = { ...pdf, fileId: await upload('profile-files/mou.pdf') };
    const edited = { id: mou._id, ...texts(mou), title: '中日德兰大区与上海市谅解备忘录（2024年）', file };
    expect(await ok(admin(t, 'documents.save', edited))).toEqual({ id: mou._id });
    const [listed] = (await ok(admin(t, 'documents.list'))).items;
    expect(listed).toEqual({ ...edited, updatedAt: expect.any(String) });
    const shown = (await publicCall('profile')).agreements.documents[0];
    expect(shown).toMatchObject({
      id: mou._id,
      title: edited.title,
      hasFile: true,
      url: expect.stringContaining('mou.pdf'),
    });
    expect(await lastAudit('documents.save')).toMatchObject({
      actor: STAFF,
      target: `documents/${mou._id}`,
      details: { file: true },
    });

    // Saved without a file, readers are told to ask for it again.
    await ok(admin(t, 'documents.save', { ...edited, file: undefined }));
    expect((await publicCall('profile')).agreements.documents[0]).toMatchObject({
      hasFile: false,
      url: null,
    });
  });

  it('adds a document at the end of the profile’s list and removes it again', async () => {
    const added = {
      title: '中日德兰大区与上海市教育委员会合作意向',
      titleOriginal: 'Letter of intent with Shanghai Municipal Education Commission',
      counterparty: '上海市教育委员会',
      counterpartyOriginal: 'Shanghai Municipal Education Commission',
      summary: '双方在职业教育领域开展交流的意向。',
      availability: '可向国际事务办公室索取',
    };
    const { id } = await ok(admin(t, 'documents.save', added));
    expect((await publicCall('profile')).agreements.documents.map((doc: Data) => doc.id)).toEqual([
      ...DOCUMENTS.map((doc) => doc._id),
      id,
    ]);
    expect(await lastAudit('documents.save')).toMatchObject({
      target: `documents/${id}`,
      details: { created: true },
    });

    expect(await ok(admin(t, 'documents.delete', { id }))).toEqual({ id });
    expect(await docs(t, 'documents', { _id: id })).toEqual([]);
    const [profile] = await docs(t, 'profile', { _id: 'region' });
    expect(profile.agreements.documentIds).toEqual(DOCUMENTS.map((doc) => doc._id));
    expect(await lastAudit('documents.delete')).toMatchObject({ actor: STAFF, target: `documents/${id}` });

    expect(await admin(t, 'documents.delete', { id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await admin(t, 'documents.save', { id, ...added })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('validates the texts and the file, and refuses non-staff', async () => {
    const [mou] = DOCUMENTS;
    if (!mou) throw new Error('the seed has no documents');
    const fields = await invalidFields('documents.save', {
      id: mou._id,
      ...texts(mou),
      title: '',
      file: { ...pdf, fileId: 'cloud://local.local-bucket/profile-files/mou.docx', name: 'mou.docx' },
    });
    expect(fields).toMatchObject({
      title: '请填写文件标题',
      'file.fileId': expect.stringContaining('PDF'),
      'file.name': expect.stringContaining('PDF'),
    });
    const before = await docs(t, 'documents');
    for (const [action, data] of [
      ['documents.list', {}],
      ['documents.save', { id: mou._id, ...texts(mou), title: '改名' }],
      ['documents.delete', { id: mou._id }],
    ] as const) {
      expect(await admin(t, action, data, OUTSIDER)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(await docs(t, 'documents')).toEqual(before);
  });
});

describe('contact card for readers in China', () => {
  it('says how far Denmark is behind Beijing today and how soon the office answers', async () => {
    const card = await publicCall('contact');
    const { hoursBehind, summerTime, otherSeasonHoursBehind } = card.timeDifference;
    expect([hoursBehind, otherSeasonHoursBehind]).toEqual(summerTime ? [6, 7] : [7, 6]);
    expect(card.responseWorkingDays).toBe(3);
    expect((await publicCall('home')).contact.timeDifference).toEqual(card.timeDifference);
  });
});
