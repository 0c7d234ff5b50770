import { seedDatabase } from '../../../harness/seed';
import { installWx, tap, trigger, type PageHandle, type WxMock } from '../../../harness/simulate';
import type { PreviewView } from '../../../../miniprogram/packages/admin/utils/editor';
import type { PrivateCloud } from '../../pages/private-cloud';
import {
  button,
  callOk,
  control,
  installFileApis,
  lastToast,
  loadedPage,
  privateStaffCloud,
  richText,
  tagText,
  tempFile,
  textOf,
  tipsOf,
  until,
} from './helpers';

/**
 * The opportunity and profile editors and the staff lists of news and opportunities, against the
 * real functions in a seeded local cloud of this file's own (they publish and change the public
 * profile, which the shared cloud's public page tests must not see).
 */

const STAFF = 'o-content-staff';
const READER = 'o-content-reader';
const run = Date.now().toString(36);

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

function staff<T>(action: string, data: unknown = {}): Promise<T> {
  return callOk<T>(cloud.caller(STAFF), 'admin', action, data);
}

function reader<T>(action: string, data: unknown = {}): Promise<T> {
  return callOk<T>(cloud.caller(READER), 'content', action, data);
}

async function fill(page: PageHandle, id: string, value: string) {
  await trigger(control(page, id), 'input', { value });
}

async function press(page: PageHandle, id: string, idle: () => boolean = () => page.data.busy === '') {
  await tap(button(page, id));
  await until(idle, { message: `${id} did not finish` });
}

/** A PDF as `wx.chooseMessageFile` hands one over. */
function pdf(name: string, bytes = Buffer.from('%PDF-1.4\n%%EOF\n')) {
  const file = tempFile(name, bytes);
  return { path: file.filePath, size: file.size, name };
}

describe('opportunity editor', () => {
  const EDITOR = 'packages/admin/pages/opportunity-edit/index';

  function openEditor(query: Record<string, string> = {}): Promise<PageHandle> {
    return loadedPage(EDITOR, query);
  }

  it('writes an opportunity with a PDF attachment, publishes it to the public list, then withdraws it', async () => {
    const title = `科研合作测试 ${run}`;
    const mocks = installFileApis(wx, cloud.app, { messageFiles: [pdf('合作说明.pdf')] });
    const page = await openEditor();

    await trigger(page.querySelector('#field-category'), 'change', { value: 2 });
    expect(textOf(page.querySelector('#category-value'))).toBe('科研合作');
    await fill(page, 'field-title', title);
    await fill(page, 'field-summary', '与丹麦大学开展联合科研。');
    await fill(page, 'field-body', '## 申请方式\n\n- 发送邮件');
    await fill(page, 'field-audience', '上海的高校和科研院所');
    // Only "open until" has a date to pick.
    expect(page.querySelector('#field-deadline')).toBeUndefined();
    await trigger(page.querySelector('#field-availability'), 'change', { value: 0 });
    await trigger(page.querySelector('#field-deadline'), 'change', { value: '2030-06-30' });
    expect(textOf(page.querySelector('#availability-value'))).toBe('开放至2030-06-30');
    await fill(page, 'field-availability-note', '名额有限');
    await trigger(page.querySelector('#field-participation'), 'change', { value: 1 });
    expect(textOf(page.querySelector('#participation-value'))).toBe('提交来访申请');
    await fill(page, 'field-contact-name', 'Pia Fabrin');
    await fill(page, 'field-contact-email', 'pia.fabrin@ru.rm.dk');
    await until(() => (page.data.preview as { state: string }).state === 'ready');
    expect(richText((page.data.preview as PreviewView).nodes)).toBe('申请方式发送邮件');

    await tap(button(page, 'add-pdf'));
    await until(() => (page.data.form as { attachments: unknown[] }).attachments.length === 1);
    expect(mocks.chooseMessageFile).toHaveBeenCalledWith(
      expect.objectContaining({ count: 1, type: 'file', extension: ['pdf'] }),
    );
    expect(textOf(page.querySelector('.attachment__name'))).toBe('合作说明.pdf');

    await press(page, 'publish');
    expect(lastToast(wx)).toBe('已发布');
    expect(tagText(page, 'item-status')).toBe('已发布');
    const id = page.data.id as string;
    const list = await reader<{ items: { id: string; title: string }[] }>('opportunities.list', {
      type: 'research',
    });
    expect(list.items.map((item) => item.title)).toContain(title);
    const detail = await reader<{
      deadline: string;
      attachments: { name: string; fileId: string }[];
      availability: string;
      availabilityNote: string;
      audience: string;
      participation: string;
    }>('opportunities.get', { id });
    expect(detail).toMatchObject({
      availability: 'open_until',
      availabilityNote: '名额有限',
      audience: '上海的高校和科研院所',
      participation: 'visit',
    });
    expect(detail.attachments).toEqual([
      expect.objectContaining({ name: '合作说明.pdf', fileId: expect.stringMatching(/^cloud:\/\/.+\.pdf$/) }),
    ]);
    // The deadline readers see is the day chosen, in China.
    expect(detail.deadline).toBe('2030-06-30T15:59:59.000Z');

    // Another status drops the date: it has no basis there.
    await trigger(page.querySelector('#field-availability'), 'change', { value: 1 });
    expect(page.data.form).toMatchObject({ availability: 'by_arrangement', deadline: '' });
    expect(page.querySelector('#field-deadline')).toBeUndefined();
    expect(textOf(page.querySelector('#availability-value'))).toBe('可商洽');

    await press(page, 'unpublish');
    expect(tagText(page, 'item-status')).toBe('已下线');
    const after = await reader<{ items: { id: string }[] }>('opportunities.list', { type: 'research' });
    expect(after.items.map((item) => item.id)).not.toContain(id);
  });

  it('shows the server’s messages at the fields and refuses files that are not PDFs or too large', async () => {
    installFileApis(wx, cloud.app, {
      messageFiles: [pdf('scan.png'), { ...pdf('huge.pdf'), size: 21 * 1024 * 1024 }],
    });
    const page = await openEditor();
    await fill(page, 'field-title', '没有类别的合作');
    await fill(page, 'field-contact-email', 'not-an-email');
    await press(page, 'save');
    expect(textOf(page.querySelector('#error-category'))).toBe('请选择类别');
    expect(textOf(page.querySelector('#error-audience'))).toBe('请填写面向对象');
    expect(textOf(page.querySelector('#error-availability'))).toBe('请选择参与状态');
    expect(textOf(page.querySelector('#error-participation'))).toBe('请选择参与方式');
    expect(textOf(page.querySelector('#error-summary'))).toBe('请填写摘要');
    expect(tipsOf(page, 'field-contact-name')).toBe('请填写联系人');
    expect(tipsOf(page, 'field-contact-email')).toBe('联系人邮箱格式不正确');
    expect(page.data.id).toBe('');

    await tap(button(page, 'add-pdf'));
    await until(() => page.data.uploading === false);
    expect(textOf(page.querySelector('#error-attachments'))).toBe('附件只能是 PDF 文件');
    await tap(button(page, 'add-pdf'));
    await until(() => page.data.uploading === false);
    expect(textOf(page.querySelector('#error-attachments'))).toBe('附件不能超过 20 MB');
    expect((page.data.form as { attachments: unknown[] }).attachments).toEqual([]);
  });

  it('deletes an opportunity softly after confirmation', async () => {
    const { id } = await staff<{ id: string }>('opportunities.save', {
      category: 'culture',
      title: `删除测试 ${run}`,
      summary: '摘要',
      body: '正文',
      audience: '对象',
      availability: 'closed',
      participation: 'contact',
      contact: { name: '联系人', phone: '+45 2160 1445' },
    });
    const page = await openEditor({ id });
    expect(page.data.form).toMatchObject({
      category: 'culture',
      title: `删除测试 ${run}`,
      availability: 'closed',
      participation: 'contact',
    });
    expect(textOf(page.querySelector('#category-value'))).toBe('文化与教育交流');
    expect(textOf(page.querySelector('#availability-value'))).toBe('已结束');
    expect(textOf(page.querySelector('#participation-value'))).toBe('由联系人对接');
    await tap(button(page, 'delete'));
    await until(() => wx.navigateBack.mock.calls.length === 1);
    const list = await staff<{ items: { id: string }[] }>('opportunities.list');
    expect(list.items.map((item) => item.id)).not.toContain(id);
  });
});

describe('news editor: category', () => {
  it('files a news item under the category picked, for the public filter', async () => {
    const page = await loadedPage('packages/admin/pages/news-edit/index');
    expect(textOf(page.querySelector('#category-value'))).toBe('请选择（不选则为“其他”）');
    await trigger(page.querySelector('#field-category'), 'change', { value: 1 });
    expect(textOf(page.querySelector('#category-value'))).toBe('知识交流与互访');
    await fill(page, 'field-title', `类别测试 ${run}`);
    await fill(page, 'field-summary', '摘要');
    await fill(page, 'field-body', '正文');
    await press(page, 'save');
    const id = page.data.id as string;
    expect(id).not.toBe('');
    const { item } = await staff<{ item: { category: string } }>('news.get', { id });
    expect(item.category).toBe('knowledge');

    const again = await loadedPage('packages/admin/pages/news-edit/index', { id });
    expect(textOf(again.querySelector('#category-value'))).toBe('知识交流与互访');
  });
});

describe('staff lists', () => {
  it('lists news by state with state tags, and opens the editor', async () => {
    const { id } = await staff<{ id: string }>('news.save', {
      title: `列表草稿 ${run}`,
      summary: '摘要',
      body: '正文',
      pinned: true,
    });
    const page = await loadedPage('packages/admin/pages/news/index');
    const rows = page.data.items as { id: string; statusLabel: string; pinned: boolean }[];
    expect(rows.find((row) => row.id === id)).toMatchObject({ statusLabel: '草稿', pinned: true });
    expect(rows.some((row) => row.statusLabel === '已发布')).toBe(true);
    expect(textOf(page.querySelector(`#news-${id}`))).toMatch(/^草稿置顶列表草稿/);

    const tab = (label: string) =>
      page
        .querySelector('#status-tabs')
        ?.querySelectorAll('.t-tabs__item')
        .find((item) => textOf(item) === label);
    await tap(tab('已发布'));
    await until(() => page.data.active === 'published' && page.data.status === 'ready');
    const published = page.data.items as { id: string; statusLabel: string }[];
    expect(published.every((row) => row.statusLabel === '已发布')).toBe(true);
    expect(published.map((row) => row.id)).not.toContain(id);
    // Seeded items are dated as precisely as their source: its label, never the stored placeholder day.
    const dated = (page.data.items as { id: string; dateLabel: string }[]).find((row) => row.dateLabel);
    expect(dated?.dateLabel).toMatch(/^\d{4}年/);
    expect(textOf(page.querySelector(`#news-${dated?.id} .admin-list__meta`))).toMatch(
      new RegExp(`^已发布，日期标为：\\s*${dated?.dateLabel}$`),
    );

    await tap(tab('草稿'));
    await until(() => page.data.active === 'draft' && page.data.status === 'ready');
    await tap(page.querySelector(`#news-${id}`));
    expect(wx.navigateTo).toHaveBeenLastCalledWith(
      expect.objectContaining({ url: `/packages/admin/pages/news-edit/index?id=${id}` }),
    );
    // Back from the editor, the list is read again.
    const calls = wx.cloud.callFunction.mock.calls.length;
    await page.onShow();
    expect(wx.cloud.callFunction.mock.calls.length).toBe(calls + 1);
  });

  it('lists opportunities by state, with category and the availability in the partners’ wording', async () => {
    const page = await loadedPage('packages/admin/pages/opportunities/index');
    const rows = page.data.items as { statusLabel: string; category: string; meta: string }[];
    expect(rows.length).toBeGreaterThan(0);
    const visits = rows.find((row) => row.statusLabel === '已发布' && row.category === '知识交流与互访');
    expect(visits?.meta).toMatch(/^可商洽 · /);
    await tap(button(page, 'create'));
    expect(wx.navigateTo).toHaveBeenLastCalledWith(
      expect.objectContaining({ url: '/packages/admin/pages/opportunity-edit/index' }),
    );
  });
});
