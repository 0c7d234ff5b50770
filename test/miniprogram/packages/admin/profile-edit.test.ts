import { seedDatabase } from '../../../harness/seed';
import { installWx, tap, trigger, type PageHandle, type WxMock } from '../../../harness/simulate';
import type { PrivateCloud } from '../../pages/private-cloud';
import {
  button,
  callOk,
  control,
  installFileApis,
  lastToast,
  loadedPage,
  privateStaffCloud,
  tempFile,
  tempPng,
  textOf,
  tipsOf,
  until,
} from './helpers';

/**
 * The profile editor: every part of what readers see about the region (texts, key facts, the
 * timeline, the focus areas, the contact card with its place on a map and one phone number, the
 * MoU documents, the home page's images), against the real functions in a seeded local cloud of
 * this file's own (it changes the public profile, which the shared cloud's page tests must not see).
 */

const STAFF = 'o-profile-staff';
const READER = 'o-profile-reader';

let cloud: PrivateCloud;
let wx: WxMock;

beforeAll(async () => {
  cloud = await privateStaffCloud(STAFF);
  await seedDatabase(cloud.app);
});

afterAll(() => cloud?.close());

beforeEach(() => {
  wx = installWx({ callFunction: cloud.caller(STAFF) });
});

function reader<T>(action: string, data: unknown = {}): Promise<T> {
  return callOk<T>(cloud.caller(READER), 'content', action, data);
}

function openProfile(): Promise<PageHandle> {
  return loadedPage('packages/admin/pages/profile-edit/index');
}

function field(page: PageHandle, path: string) {
  return (page.data.fields as { key: string; value: string; error: string }[]).find(
    (item) => item.key === path.replace(/\./g, '_'),
  );
}

async function fill(page: PageHandle, id: string, value: string) {
  await trigger(control(page, id), 'input', { value });
}

async function openPart(page: PageHandle, label: string) {
  const tab = page
    .querySelector('#part-tabs')
    ?.querySelectorAll('.t-tabs__item')
    .find((item) => textOf(item) === label);
  if (!tab) throw new Error(`no tab ${label}`);
  await tap(tab);
}

async function save(page: PageHandle, id = 'save') {
  await tap(button(page, id));
  await until(() => page.data.saving === false, { message: `${id} did not finish` });
}

/** CJK ideographs and punctuation, full-width forms. */
const CJK = /[\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uFF00-\uFFEF]/;

interface DomNode {
  readonly childNodes: ArrayLike<DomNode>;
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly classList?: ArrayLike<string>;
}

/** The page's text nodes outside elements marked `user-content` (what people wrote). */
function textsOutsideUserContent(node: DomNode | undefined, found: string[] = []): string[] {
  for (const child of Array.from(node?.childNodes ?? [])) {
    if (child.nodeType === 3) {
      const text = (child.textContent ?? '').trim();
      if (text) found.push(text);
    } else if (!Array.from(child.classList ?? []).some((name) => /(^|--)user-content$/.test(name))) {
      textsOutsideUserContent(child, found);
    }
  }
  return found;
}

interface Row {
  dateLabel: string;
  title: string;
  description: string;
}

describe('profile editor', () => {
  it('edits the introduction’s paragraphs, and the public profile shows them', async () => {
    const page = await openProfile();
    expect(field(page, 'intro.title')?.value).toBe('中日德兰大区与上海');
    await fill(page, 'field-intro_paragraphs', '第一段新的介绍。\n\n第二段新的介绍。\n\n\n');
    await save(page);
    expect(lastToast(wx)).toBe('已保存，读者页面已更新');
    const profile = await reader<{ intro: { paragraphs: string[] } }>('profile');
    expect(profile.intro.paragraphs).toEqual(['第一段新的介绍。', '第二段新的介绍。']);
  });

  it('takes one phone number, shows its messages at the fields, and saves the number readers see and dial', async () => {
    const page = await openProfile();
    await openPart(page, '联系人');
    expect(field(page, 'contact.email')?.value).toBe('pia.fabrin@ru.rm.dk');
    expect(field(page, 'contact.phone')?.value).toBe('+45 2160 1445');
    expect(field(page, 'contact.mobile.dial')).toBeUndefined();
    expect(field(page, 'contact.address.linesOriginal')?.value.split('\n')).toContain('Skottenborg 26');

    await fill(page, 'field-contact_email', 'not-an-email');
    await fill(page, 'field-contact_phone', '2160 14');
    await save(page);
    expect(tipsOf(page, 'field-contact_email')).toBe('邮箱格式不正确');
    expect(tipsOf(page, 'field-contact_phone')).toContain('+45 2160 1445');
    expect(lastToast(wx)).toBe('请按提示修改标记的内容');

    await fill(page, 'field-contact_email', 'international@rm.dk');
    await fill(page, 'field-contact_phone', '21 60 14 46');
    await save(page);
    expect(tipsOf(page, 'field-contact_email')).toBe('');
    // The box shows the number as readers will see it.
    expect(field(page, 'contact.phone')?.value).toBe('+45 2160 1446');
    const card = await reader<{ email: string; phone: { display: string; dial: string } }>('contact');
    expect(card.email).toBe('international@rm.dk');
    expect(card.phone).toEqual({ display: '+45 2160 1446', dial: '+4521601446' });
  });

  it('lets staff choose the office on the map, and the contact page offers that map', async () => {
    const chooseLocation = jest.fn(async () => ({
      name: 'Regionshuset Viborg',
      address: 'Skottenborg 26, 8800 Viborg',
      latitude: 56.4531,
      longitude: 9.4021,
      errMsg: 'chooseLocation:ok',
    }));
    Object.assign(wx, { chooseLocation });
    const page = await openProfile();
    await openPart(page, '联系人');
    expect(textOf(page.querySelector('#location-line'))).toBe('尚未选择位置');
    expect(button(page, 'remove-location')).toBeUndefined();

    await tap(button(page, 'choose-location'));
    await until(() => page.data.location !== null);
    expect(chooseLocation).toHaveBeenCalledWith({});
    expect(textOf(page.querySelector('#location-line'))).toBe('已选位置：56.45310, 9.40210');
    await save(page);
    const card = await reader<{ location: unknown }>('contact');
    expect(card.location).toEqual({ latitude: 56.4531, longitude: 9.4021 });

    // Choosing again starts the map at the saved place; cancelling changes nothing.
    chooseLocation.mockRejectedValueOnce({ errMsg: 'chooseLocation:fail cancel' } as never);
    await tap(button(page, 'choose-location'));
    await until(() => chooseLocation.mock.calls.length === 2);
    expect(chooseLocation).toHaveBeenLastCalledWith({ latitude: 56.4531, longitude: 9.4021 });
    expect(page.data.location).toEqual({ latitude: 56.4531, longitude: 9.4021 });

    await tap(button(page, 'remove-location'));
    await save(page);
    expect((await reader<{ location: unknown }>('contact')).location).toBeNull();
  });

  it('edits the key facts row by row, with messages at the row at fault', async () => {
    const page = await openProfile();
    await openPart(page, '要点');
    const facts = page.data.facts as { label: string }[];
    expect(facts[0]?.label).toBe('合作伙伴');
    await tap(button(page, 'add-fact'));
    const last = facts.length;
    await fill(page, `fact-${last}-label`, '新要点');
    await save(page);
    expect(tipsOf(page, `fact-${last}-value`)).toBe('请填写要点内容');

    await fill(page, `fact-${last}-value`, '新内容');
    await save(page);
    const profile = await reader<{ keyFacts: { label: string; value: string }[] }>('profile');
    expect(profile.keyFacts).toContainEqual({ label: '新要点', value: '新内容' });
  });

  it('edits, reorders, adds and removes timeline entries; the home page shows them in that order', async () => {
    const page = await openProfile();
    await openPart(page, '大事记');
    // Copies: the page's data changes in place as it is edited.
    const before = (page.data.timeline as Row[]).map((row) => ({ ...row }));
    const [first, second] = before;
    if (!first || !second) throw new Error('the seed has fewer than two timeline entries');

    await fill(page, 'entry-0-title', `${first.title}（已核实）`);
    await tap(button(page, 'entry-0-down'));
    expect((page.data.timeline as Row[]).map((row) => row.title).slice(0, 2)).toEqual([
      second.title,
      `${first.title}（已核实）`,
    ]);
    await tap(button(page, `entry-${before.length - 1}-remove`));
    await tap(button(page, 'add-entry'));
    const added = before.length - 1;
    await fill(page, `entry-${added}-dateLabel`, '近年');
    await fill(page, `entry-${added}-title`, '合作信息更新');
    await fill(page, `entry-${added}-description`, '国际事务办公室更新了合作信息。');
    await save(page);
    expect(tipsOf(page, `entry-${added}-dateLabel`)).toBe('时间须写明年份，如“2016年春”');

    await fill(page, `entry-${added}-dateLabel`, '2026年12月');
    await save(page);
    expect(tipsOf(page, `entry-${added}-dateLabel`)).toBe('');
    const expected = (page.data.timeline as Row[]).map((row) => row.title);
    expect(expected).toHaveLength(before.length);
    const home = await reader<{ timeline: { title: string; year: number }[] }>('home');
    expect(home.timeline.map((entry) => entry.title)).toEqual(expected);
    expect(home.timeline.at(-1)).toMatchObject({ title: '合作信息更新', year: 2026 });
  });

  it('edits one focus area at a time; the focus-area page and home show it', async () => {
    const page = await openProfile();
    await openPart(page, '重点领域');
    expect(field(page, 'focusArea.title')?.value).toBe('商业与区域发展');
    await tap(button(page, 'area-knowledge'));
    expect(page.data.areaId).toBe('knowledge');
    const title = field(page, 'focusArea.title')?.value;
    await fill(page, 'field-focusArea_summary', '上海代表团来访，交流医疗养老、食品安全和教育经验。');
    await fill(page, 'field-focusArea_paragraphs', '上海代表团经常到访。\n\n双方交流经验。');
    await save(page);
    expect(lastToast(wx)).toBe('已保存，读者页面已更新');

    const profile = await reader<{
      focusAreas: { id: string; title: string; summary: string; paragraphs: string[] }[];
    }>('profile');
    expect(profile.focusAreas.find((area) => area.id === 'knowledge')).toMatchObject({
      title,
      summary: '上海代表团来访，交流医疗养老、食品安全和教育经验。',
      paragraphs: ['上海代表团经常到访。', '双方交流经验。'],
    });
    const home = await reader<{ focusAreas: { id: string; summary: string }[] }>('home');
    expect(home.focusAreas.find((area) => area.id === 'knowledge')?.summary).toBe(
      '上海代表团来访，交流医疗养老、食品安全和教育经验。',
    );

    await fill(page, 'field-focusArea_title', '');
    await save(page);
    expect(tipsOf(page, 'field-focusArea_title')).toBe('请填写领域名称');
  });

  it('edits a document, adds one with its PDF and deletes it again; the about page lists them', async () => {
    const page = await openProfile();
    await openPart(page, '合作文件');
    const docs = page.data.documents as { id: string; title: string }[];
    expect(docs).toHaveLength(2);
    expect(button(page, 'save')).toBeUndefined();

    await fill(page, 'document-0-title', '中日德兰大区与上海市谅解备忘录（修订）');
    await tap(button(page, 'document-0-save'));
    await until(() => lastToast(wx) === '已保存，读者页面已更新');
    let about = await reader<{
      agreements: { documents: { id: string; title: string; hasFile: boolean }[] };
    }>('profile');
    expect(about.agreements.documents[0]?.title).toBe('中日德兰大区与上海市谅解备忘录（修订）');

    const file = tempFile('MoU education.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    installFileApis(wx, cloud.app, {
      messageFiles: [{ path: file.filePath, size: file.size, name: 'MoU education.pdf' }],
    });
    await tap(button(page, 'add-document'));
    const added = 2;
    expect((page.data.documents as { availability: string }[])[added]?.availability).toBe(
      '可向国际事务办公室索取',
    );
    await tap(button(page, `document-${added}-save`));
    await until(() => (page.data.documents as { busy: string }[])[added]?.busy === '');
    expect(tipsOf(page, `document-${added}-title`)).toBe('请填写文件标题');

    await fill(page, `document-${added}-title`, '中日德兰大区与上海市教育委员会合作意向书');
    await fill(page, `document-${added}-titleOriginal`, 'Letter of intent on education');
    await fill(page, `document-${added}-counterparty`, '上海市教育委员会');
    await fill(page, `document-${added}-counterpartyOriginal`, 'Shanghai Municipal Education Commission');
    await fill(page, `document-${added}-summary`, '双方在职业教育领域开展交流的意向。');
    await tap(button(page, `document-${added}-upload`));
    await until(() => Boolean((page.data.documents as { file?: unknown }[])[added]?.file));
    expect(textOf(page.querySelector(`#document-${added}-file`))).toContain('MoU education.pdf');
    await tap(button(page, `document-${added}-save`));
    await until(() => Boolean((page.data.documents as { id: string }[])[added]?.id));
    about = await reader('profile');
    expect(about.agreements.documents.map((doc) => doc.title)).toContain(
      '中日德兰大区与上海市教育委员会合作意向书',
    );
    expect(about.agreements.documents.at(-1)).toMatchObject({ hasFile: true });

    await tap(button(page, `document-${added}-delete`));
    await until(() => (page.data.documents as unknown[]).length === 2);
    expect(wx.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '删除此文件？' }));
    about = await reader('profile');
    expect(about.agreements.documents).toHaveLength(2);
  });

  it('uploads the home page image with its description, and the home page shows it', async () => {
    const image = tempPng('hero.png');
    installFileApis(wx, cloud.app, { media: [{ tempFilePath: image.filePath, size: image.size }] });
    const page = await openProfile();
    await openPart(page, '首页图片');
    expect(page.querySelector('#image-hero-preview')).toBeUndefined();
    await tap(button(page, 'image-hero-choose'));
    await until(() => page.data.uploadingImage === '');
    expect(page.querySelector('#image-hero-preview')).toBeDefined();
    await save(page);
    expect(tipsOf(page, 'image-hero-alt')).toBe('请填写图片说明');

    await fill(page, 'image-hero-alt', '维堡大区总部外景');
    await save(page);
    const home = await reader<{ hero: { image: { url: string; alt: string } | null } }>('home');
    expect(home.hero.image).toEqual({
      url: expect.stringContaining('profile-files/'),
      alt: '维堡大区总部外景',
    });

    await tap(button(page, 'image-hero-remove'));
    await save(page);
    expect((await reader<{ hero: { image: unknown } }>('home')).hero.image).toBeNull();
  });

  it('shows no Chinese outside what people wrote in any of its parts, in English', async () => {
    wx = installWx({ callFunction: cloud.caller(STAFF), storage: { 'admin.lang': 'en' } });
    const page = await openProfile();
    const labels = (page.data.tabs as { label: string }[]).map((tab) => tab.label);
    expect(labels).toContain('Documents');
    for (const label of labels) {
      await openPart(page, label);
      const texts = textsOutsideUserContent(page.root.dom as unknown as DomNode);
      // The walk sees the page: the part's tab is there by its English name.
      expect(texts).toContain(label);
      expect({ part: label, leaks: texts.filter((text) => CJK.test(text)) }).toEqual({
        part: label,
        leaks: [],
      });
    }
  });

  it('speaks English to staff who chose it, with the rules’ messages in English', async () => {
    wx = installWx({ callFunction: cloud.caller(STAFF), storage: { 'admin.lang': 'en' } });
    const page = await openProfile();
    await openPart(page, 'Timeline');
    await tap(button(page, 'add-entry'));
    await save(page);
    const last = (page.data.timeline as Row[]).length - 1;
    expect(tipsOf(page, `entry-${last}-dateLabel`)).toBe('Please fill in Date');
  });
});
