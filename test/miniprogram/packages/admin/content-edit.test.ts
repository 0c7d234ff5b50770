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

    await trigger(page.querySelector('#field-kind'), 'change', { value: 1 });
    expect(textOf(page.querySelector('#kind-value'))).toBe('科研合作');
    await fill(page, 'field-title', title);
    await fill(page, 'field-summary', '与丹麦大学开展联合科研。');
    await fill(page, 'field-body', '## 申请方式\n\n- 发送邮件');
    await trigger(page.querySelector('#field-deadline'), 'change', { value: '2030-06-30' });
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
    const detail = await reader<{ deadline: string; attachments: { name: string; fileId: string }[] }>(
      'opportunities.get',
      { id },
    );
    expect(detail.attachments).toEqual([
      expect.objectContaining({ name: '合作说明.pdf', fileId: expect.stringMatching(/^cloud:\/\/.+\.pdf$/) }),
    ]);
    // The deadline readers see is the day chosen, in China.
    expect(detail.deadline).toBe('2030-06-30T15:59:59.000Z');

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
    await fill(page, 'field-title', '没有类型的合作');
    await fill(page, 'field-contact-email', 'not-an-email');
    await press(page, 'save');
    expect(textOf(page.querySelector('#error-kind'))).toBe('请选择类型');
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
      kind: 'culture',
      title: `删除测试 ${run}`,
      summary: '摘要',
      body: '正文',
      open: true,
      contact: { name: '联系人' },
    });
    const page = await openEditor({ id });
    expect(page.data.form).toMatchObject({ kind: 'culture', title: `删除测试 ${run}` });
    await tap(button(page, 'delete'));
    await until(() => wx.navigateBack.mock.calls.length === 1);
    const list = await staff<{ items: { id: string }[] }>('opportunities.list');
    expect(list.items.map((item) => item.id)).not.toContain(id);
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

  it('lists opportunities by state, with type and attachments', async () => {
    const page = await loadedPage('packages/admin/pages/opportunities/index');
    const rows = page.data.items as { statusLabel: string; kind: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.statusLabel === '已发布' && row.kind === '商业项目')).toBe(true);
    await tap(button(page, 'create'));
    expect(wx.navigateTo).toHaveBeenLastCalledWith(
      expect.objectContaining({ url: '/packages/admin/pages/opportunity-edit/index' }),
    );
  });
});
