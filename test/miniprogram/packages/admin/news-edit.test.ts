import { installWx, tap, trigger, type PageHandle, type WxMock } from '../../../harness/simulate';
import type { RichTextElement } from '../../../../contract/api/content';
import type { OutputOf } from '../../../../contract/api/index';
import type { PreviewView } from '../../../../miniprogram/packages/admin/utils/editor';
import type { PrivateCloud } from '../../pages/private-cloud';
import {
  actionsCalled,
  button,
  callOk,
  control,
  installFileApis,
  lastToast,
  loadedPage,
  privateStaffCloud,
  richText,
  stateMessage,
  tagText,
  tempFile,
  tempPng,
  textOf,
  tipsOf,
  until,
} from './helpers';

/**
 * The news editor against the real `admin` and `content` functions, in a local cloud of this
 * file's own (it publishes news, which the shared cloud's public page tests must not see).
 */

const EDITOR = 'packages/admin/pages/news-edit/index';
const STAFF = 'o-news-editor-staff';
const READER = 'o-news-editor-reader';
const BODY = '# 合作进展\n\n双方签署了新的协议。\n\n- 商业合作\n- 科研交流';

let cloud: PrivateCloud;
let wx: WxMock;

beforeAll(async () => {
  cloud = await privateStaffCloud(STAFF);
});

afterAll(() => cloud?.close());

beforeEach(() => {
  wx = installWx({ callFunction: cloud.caller(STAFF) });
});

interface PublicNews {
  items: { id: string; title: string }[];
}

function openEditor(query: Record<string, string> = {}): Promise<PageHandle> {
  return loadedPage(EDITOR, query);
}

async function fill(page: PageHandle, id: string, value: string) {
  await trigger(control(page, id), 'input', { value });
}

async function fillItem(page: PageHandle, title: string, body = BODY) {
  await fill(page, 'field-title', title);
  await fill(page, 'field-summary', `${title}的摘要。`);
  await fill(page, 'field-body', body);
}

/** The preview's blocks (a Markdown body renders to elements at the top). */
function previewNodes(page: PageHandle): RichTextElement[] {
  return (page.data.preview as PreviewView).nodes as RichTextElement[];
}

async function press(page: PageHandle, id: string) {
  await tap(button(page, id));
  await until(() => page.data.busy === '', { message: `${id} did not finish` });
}

/** Publish now: saves, shows the item in the publish sheet, and publishes once confirmed there. */
async function publish(page: PageHandle) {
  await press(page, 'publish');
  expect((page.data.sheet as { visible: boolean }).visible).toBe(true);
  await press(page, 'sheet-confirm');
}

function adminCall<T>(action: string, data: unknown = {}): Promise<T> {
  return callOk<T>(cloud.caller(STAFF), 'admin', action, data);
}

async function publicTitles(): Promise<string[]> {
  const list = await callOk<PublicNews>(cloud.caller(READER), 'content', 'news.list', { limit: 20 });
  return list.items.map((item) => item.title);
}

async function adminStatus(id: string): Promise<string> {
  const { item } = await adminCall<{ item: { status: string } }>('news.get', { id });
  return item.status;
}

describe('news editor', () => {
  it('previews the body as the public page renders it, debounced, through news.preview', async () => {
    const page = await openEditor();
    expect(tagText(page, 'item-status')).toBe('新新闻（未保存）');
    expect(page.querySelector('#preview-empty')).toBeDefined();

    await fill(page, 'field-title', '预览测试');
    await fill(page, 'field-body', '# 合作');
    await fill(page, 'field-body', BODY);
    expect(page.querySelector('#preview-loading')).toBeDefined();
    await until(() => (page.data.preview as { state: string }).state === 'ready');

    // Only the last text was sent: keystrokes in quick succession make one (audited) call.
    const previews = actionsCalled(wx).filter((call) => call.action === 'news.preview');
    expect(previews).toEqual([{ action: 'news.preview', data: { body: BODY } }]);
    const nodes = previewNodes(page);
    expect(nodes.map((node) => node.name)).toEqual(['h2', 'p', 'ul']);
    expect(nodes[0]?.attrs?.class).toBe('md-h2');
    expect(richText(nodes.slice(0, 1))).toBe('合作进展');
    expect(nodes[2]?.children?.map((li) => richText([li]))).toEqual(['商业合作', '科研交流']);
    // Without links or images the public body component keeps one <rich-text>.
    expect(page.querySelector('#preview-body')?.querySelector('.md-body__rich')?.dom?.tagName).toBe(
      'WX-RICH-TEXT',
    );
    expect(textOf(page.querySelector('#preview-title'))).toBe('预览测试');

    // The same renderer answers the public page: identical nodes once published.
    const direct = await adminCall<OutputOf<'admin', 'news.preview'>>('news.preview', { body: BODY });
    expect(nodes).toEqual(direct.nodes);

    await fill(page, 'field-body', '');
    expect(page.querySelector('#preview-empty')).toBeDefined();
    expect(previewNodes(page)).toEqual([]);
  });

  it('saves a draft, publishes it to the public list, then withdraws it to archived', async () => {
    const title = `编辑器发布测试 ${Date.now().toString(36)}`;
    const page = await openEditor();
    await fillItem(page, title);
    await fill(page, 'field-tags', '商业合作，#上海, 商业合作');
    expect(textOf(page.querySelector('#preview-tags'))).toBe('#商业合作 #上海');

    await press(page, 'save');
    const id = page.data.id as string;
    expect(id).toMatch(/\S/);
    expect(lastToast(wx)).toBe('已保存');
    expect(tagText(page, 'item-status')).toBe('草稿');
    const { item } = await adminCall<{ item: { status: string; tags: string[] } }>('news.get', { id });
    expect(item).toMatchObject({ status: 'draft', tags: ['商业合作', '上海'] });
    expect(await publicTitles()).not.toContain(title);

    await publish(page);
    expect(lastToast(wx)).toBe('已发布，已通知 0 位订阅读者');
    expect(tagText(page, 'item-status')).toBe('已发布');
    expect(textOf(page.querySelector('#item-when'))).toMatch(/^发布于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await publicTitles()).toContain(title);
    // A published item cannot be scheduled, only withdrawn.
    expect(page.querySelector('#schedule')).toBeUndefined();
    expect(page.querySelector('#publish')).toBeUndefined();

    await press(page, 'unpublish');
    expect(lastToast(wx)).toBe('已下线');
    expect(tagText(page, 'item-status')).toBe('已下线');
    expect(await adminStatus(id)).toBe('archived');
    expect(await publicTitles()).not.toContain(title);
  });

  it('shows a published item that was edited as updated', async () => {
    const title = `编辑已发布 ${Date.now().toString(36)}`;
    const page = await openEditor();
    await fillItem(page, title);
    await publish(page);
    const id = page.data.id as string;
    expect(page.querySelector('#item-updated')).toBeUndefined();
    // Leaving the editor (as navigating away does) drops its pending preview.
    await page.onUnload();

    const callsBefore = wx.cloud.callFunction.mock.calls.length;
    const again = await openEditor({ id });
    expect(again.data.form).toMatchObject({ title, summary: `${title}的摘要。`, body: BODY });
    expect(richText(previewNodes(again))).toContain('合作进展');
    // Opening an item renders its preview from news.get: no extra preview call.
    expect(
      actionsCalled(wx)
        .slice(callsBefore)
        .map((call) => call.action),
    ).toEqual(['news.get']);
    await fill(again, 'field-summary', '修改后的摘要。');
    await press(again, 'save');
    expect(tagText(again, 'item-status')).toBe('已发布');
    expect(tagText(again, 'item-updated')).toBe('已更新');
  });

  it('schedules an item for a future time, and cancelling the schedule makes it a draft again', async () => {
    const title = `定时发布测试 ${Date.now().toString(36)}`;
    const page = await openEditor();
    await fillItem(page, title);

    await press(page, 'schedule-button');
    expect(textOf(page.querySelector('#error-at'))).toBe('请选择日期和时间');
    expect(page.data.id).toBe('');

    const past = new Date(Date.now() - 24 * 3600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    await trigger(page.querySelector('#schedule-date'), 'change', {
      value: `${past.getFullYear()}-${pad(past.getMonth() + 1)}-${pad(past.getDate())}`,
    });
    await trigger(page.querySelector('#schedule-time'), 'change', { value: '09:30' });
    await press(page, 'schedule-button');
    expect(textOf(page.querySelector('#error-at'))).toBe('请选择将来的时间');

    const future = new Date(Date.now() + 10 * 24 * 3600_000);
    const day = `${future.getFullYear()}-${pad(future.getMonth() + 1)}-${pad(future.getDate())}`;
    await trigger(page.querySelector('#schedule-date'), 'change', { value: day });
    expect(page.querySelector('#error-at')).toBeUndefined();
    await press(page, 'schedule-button');

    const id = page.data.id as string;
    const at = new Date(`${day}T09:30:00`);
    expect(lastToast(wx)).toBe(`已定时，将于 ${day} 09:30 发布`);
    expect(tagText(page, 'item-status')).toBe('定时发布');
    expect(textOf(page.querySelector('#item-when'))).toBe(`将于 ${day} 09:30 发布`);
    const { item } = await adminCall<{ item: { status: string; publishAt: string } }>('news.get', { id });
    expect(item).toMatchObject({ status: 'scheduled', publishAt: at.toISOString() });
    expect(await publicTitles()).not.toContain(title);

    expect(textOf(button(page, 'unpublish'))).toBe('取消定时');
    await press(page, 'unpublish');
    expect(lastToast(wx)).toBe('已取消定时，回到草稿');
    expect(await adminStatus(id)).toBe('draft');
  });

  it('deletes softly after confirmation: gone from every list, kept in the database', async () => {
    const title = `删除测试 ${Date.now().toString(36)}`;
    const page = await openEditor();
    await fillItem(page, title);
    await publish(page);
    const id = page.data.id as string;

    wx.showModal.mockImplementationOnce(async () => ({ confirm: false, cancel: true }));
    await tap(button(page, 'delete'));
    expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '删除这条新闻？' }));
    expect(await adminStatus(id)).toBe('published');

    await tap(button(page, 'delete'));
    await until(() => wx.navigateBack.mock.calls.length === 1);
    expect(lastToast(wx)).toBe('已删除');
    expect(await publicTitles()).not.toContain(title);
    const staffList = await adminCall<{ items: { id: string }[] }>('news.list');
    expect(staffList.items.map((item) => item.id)).not.toContain(id);
    const gone = (await cloud.caller(STAFF)('admin', { action: 'news.get', data: { id } })) as {
      ok: boolean;
      error?: { code: string };
    };
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const { data } = await cloud.app.database().collection('news').doc(id).get();
    expect(data[0]).toMatchObject({ title, status: 'deleted' });
  });

  it('shows the server’s field messages at the fields and keeps the item unsaved', async () => {
    const page = await openEditor();
    await fill(page, 'field-title', '标'.repeat(61));
    await fill(page, 'field-body', BODY);
    await press(page, 'save');

    expect(tipsOf(page, 'field-title')).toBe('标题不能超过 60 个字');
    expect(textOf(page.querySelector('#error-summary'))).toBe('请填写摘要');
    // Beside the button that failed, naming the fields to correct; also as a toast.
    expect(textOf(page.querySelector('#error-actions'))).toBe('请先修改：标题、摘要');
    expect(lastToast(wx)).toBe('请先修改：标题、摘要');
    expect(page.data.id).toBe('');

    // Typing in a field clears its message.
    await fill(page, 'field-title', '合规的标题');
    expect(tipsOf(page, 'field-title')).toBe('');
    expect(textOf(page.querySelector('#error-summary'))).toBe('请填写摘要');
  });

  it('uploads a cover chosen with chooseMedia and needs its description', async () => {
    const png = tempPng();
    const mocks = installFileApis(wx, cloud.app, { media: [{ tempFilePath: png.filePath, size: png.size }] });
    const page = await openEditor();
    await fillItem(page, `封面测试 ${Date.now().toString(36)}`);

    await tap(button(page, 'choose-cover'));
    await until(() => page.data.uploading === false);
    expect(mocks.chooseMedia).toHaveBeenCalledWith(
      expect.objectContaining({ count: 1, mediaType: ['image'], sizeType: ['compressed'] }),
    );
    const fileId = (page.data.form as { cover: { fileId: string } }).cover.fileId;
    expect(fileId).toMatch(/^cloud:\/\/local\.local-bucket\/news-covers\/.+\.png$/);
    expect(page.querySelector('#cover-image')?.dom?.tagName).toBe('WX-IMAGE');
    // Small enough already: not compressed again.
    expect(mocks.compressImage).not.toHaveBeenCalled();

    await press(page, 'save');
    expect(tipsOf(page, 'field-cover-alt')).toBe('请填写封面说明');
    await fill(page, 'field-cover-alt', '双方代表签署协议');
    await press(page, 'save');
    const { item } = await adminCall<{ item: { cover: unknown } }>('news.get', { id: page.data.id });
    expect(item.cover).toEqual({ fileId, alt: '双方代表签署协议' });

    await tap(button(page, 'remove-cover'));
    expect(page.querySelector('#cover-image')).toBeUndefined();
    await press(page, 'save');
    const { item: without } = await adminCall<{ item: { cover?: unknown } }>('news.get', {
      id: page.data.id,
    });
    expect(without.cover).toBeUndefined();
  });

  it('refuses a cover of another type and compresses a large one before uploading', async () => {
    const gif = tempFile('anim.gif', Buffer.from('GIF89a'));
    const large = tempPng('large.png');
    const mocks = installFileApis(wx, cloud.app, {
      media: [
        { tempFilePath: gif.filePath, size: gif.size },
        { tempFilePath: large.filePath, size: 3 * 1024 * 1024 },
      ],
    });
    const page = await openEditor();

    await tap(button(page, 'choose-cover'));
    await until(() => page.data.uploading === false);
    expect(textOf(page.querySelector('#error-cover'))).toBe('封面只能是 JPG、PNG 或 WebP 图片');
    expect(mocks.uploadFile).not.toHaveBeenCalled();

    await tap(button(page, 'choose-cover'));
    await until(() => Boolean((page.data.form as { cover: { fileId: string } }).cover.fileId));
    expect(mocks.compressImage).toHaveBeenCalledWith(
      expect.objectContaining({ src: large.filePath, quality: 80 }),
    );
    expect(page.querySelector('#error-cover')).toBeUndefined();
  });

  it('keeps a non-staff caller out: the FORBIDDEN message and no item', async () => {
    const { id } = await adminCall<{ id: string }>('news.save', {
      title: '内部草稿',
      summary: '摘要',
      body: '正文',
    });
    installWx({ callFunction: cloud.caller('o-not-staff') });
    const page = await openEditor({ id });
    expect(page.data.status).toBe('forbidden');
    expect(stateMessage(page, 'forbidden')).toBe('您不是工作人员，无权使用工作人员功能');
    expect(page.data.form).toMatchObject({ title: '', body: '' });
  });
});

describe('news editor toolbar, publish sheet and autosave', () => {
  /** Answers the next editable dialog with `content` (confirmed), as a staff member typing it. */
  function answerDialog(content: string) {
    wx.showModal.mockImplementationOnce(async () => ({ confirm: true, cancel: false, content }));
  }

  function body(page: PageHandle): string {
    return (page.data.form as { body: string }).body;
  }

  it('writes Markdown at the cursor: heading and list on its line, bold, a checked link', async () => {
    const page = await openEditor();
    await trigger(control(page, 'field-body'), 'input', { value: '第一段\n第二段', cursor: 2 });

    await tap(page.querySelector('#format-heading'));
    expect(body(page)).toBe('## 第一段\n第二段');
    await trigger(control(page, 'field-body'), 'blur', { value: body(page), cursor: body(page).length });
    await tap(page.querySelector('#format-list'));
    expect(body(page)).toBe('## 第一段\n- 第二段');
    await tap(page.querySelector('#format-bold'));
    expect(body(page)).toBe('## 第一段\n- 第二段**加粗文字**');

    answerDialog('javascript:alert(1)');
    await tap(page.querySelector('#format-link'));
    await until(() => page.querySelector('#error-toolbar') !== undefined);
    expect(textOf(page.querySelector('#error-toolbar'))).toBe(
      '链接须以 https:// 开头，或是以 / 开头的小程序页面路径',
    );
    expect(body(page)).toBe('## 第一段\n- 第二段**加粗文字**');

    answerDialog('/pages/contact/index');
    await tap(page.querySelector('#format-link'));
    await until(() => body(page).endsWith(')'));
    expect(body(page)).toBe('## 第一段\n- 第二段**加粗文字**[链接文字](/pages/contact/index)');
    expect(page.querySelector('#error-toolbar')).toBeUndefined();
  });

  it('uploads a described image into the body and previews it; no description, no upload', async () => {
    const png = tempPng('body.png');
    const mocks = installFileApis(wx, cloud.app, {
      media: [
        { tempFilePath: png.filePath, size: png.size },
        { tempFilePath: png.filePath, size: png.size },
      ],
    });
    const page = await openEditor();
    await fill(page, 'field-body', '开头一段。');

    answerDialog('   ');
    await tap(page.querySelector('#format-image'));
    await until(() => page.querySelector('#error-toolbar') !== undefined);
    expect(textOf(page.querySelector('#error-toolbar'))).toBe('图片未插入：请填写图片说明');
    expect(mocks.uploadFile).not.toHaveBeenCalled();

    answerDialog('签约仪式现场');
    await tap(page.querySelector('#format-image'));
    await until(() => body(page).includes('!['));
    const match = /^开头一段。\n\n!\[签约仪式现场\]\((cloud:\/\/[^)]+)\)\n$/.exec(body(page));
    expect(match?.[1]).toMatch(/^cloud:\/\/local\.local-bucket\/news-covers\/body-.+\.png$/);
    expect(mocks.chooseMedia).toHaveBeenCalledWith(expect.objectContaining({ sizeType: ['compressed'] }));
    expect(lastToast(wx)).toBe('图片已插入正文');

    // The preview shows the image with <image> (which takes the cloud file) and its description.
    await until(() => page.querySelector('#preview-body')?.querySelector('.md-body__image') !== undefined);
    const blocks = page.querySelector('#preview-body')?.data.blocks as { segments?: unknown[] }[];
    expect(blocks.flatMap((block) => block.segments ?? [])).toContainEqual({
      kind: 'image',
      src: match?.[1],
      alt: '签约仪式现场',
    });

    // Readers get the image as an https URL once it is published.
    await fill(page, 'field-title', `正文图片 ${Date.now().toString(36)}`);
    await fill(page, 'field-summary', '带图片的新闻。');
    await publish(page);
    const detail = await callOk<{ body: RichTextElement[] }>(cloud.caller(READER), 'content', 'news.get', {
      id: page.data.id,
    });
    const img = JSON.stringify(detail.body);
    expect(img).toContain('"alt":"签约仪式现场"');
    expect(img).not.toContain('cloud://');
    expect(img).toMatch(/"src":"https?:\/\//);
  });

  it('shows the item in the publish sheet as readers will see it, and publishes only on confirmation', async () => {
    const title = `发布确认 ${Date.now().toString(36)}`;
    const page = await openEditor();
    await fillItem(page, title);
    await until(() => (page.data.preview as { state: string }).state === 'ready');

    await press(page, 'publish');
    const card = page.querySelector('#sheet-card');
    expect(textOf(card?.querySelector('.news-card__title'))).toBe(title);
    expect(textOf(card?.querySelector('.news-card__summary'))).toBe(`${title}的摘要。`);
    expect(textOf(card?.querySelector('.news-card__date'))).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    expect(textOf(page.querySelector('#sheet-opening'))).toBe(
      '合作进展 双方签署了新的协议。 商业合作 科研交流',
    );

    await press(page, 'sheet-cancel');
    expect((page.data.sheet as { visible: boolean }).visible).toBe(false);
    expect(await adminStatus(page.data.id as string)).toBe('draft');
    expect(await publicTitles()).not.toContain(title);

    await publish(page);
    expect(await publicTitles()).toContain(title);
  });

  it('speaks English in the English UI: errors beside the action, the no-Chinese warning, the schedule labels', async () => {
    wx = installWx({ callFunction: cloud.caller(STAFF), storage: { 'admin.lang': 'en' } });
    const png = tempPng();
    installFileApis(wx, cloud.app, { media: [{ tempFilePath: png.filePath, size: png.size }] });
    const page = await openEditor();
    expect(textOf(page.querySelector('#schedule-date'))).toBe('Date: Choose');
    expect(textOf(page.querySelector('#schedule-time'))).toBe('Time: Choose');

    await fill(page, 'field-title', 'Visit from Aarhus');
    expect(textOf(page.querySelector('#warning-title'))).toBe(
      'The title has no Chinese: most readers read Chinese. Publish it like this only on purpose.',
    );
    await fill(page, 'field-summary', '奥胡斯代表团来访。');
    expect(page.querySelector('#warning-summary')).toBeUndefined();
    await fill(page, 'field-body', BODY);
    await tap(button(page, 'choose-cover'));
    await until(() => page.data.uploading === false);

    await press(page, 'publish');
    expect(textOf(page.querySelector('#error-actions'))).toBe('Correct first: Cover description');
    expect(tipsOf(page, 'field-cover-alt')).toBe('Please fill in Cover description');
    expect((page.data.sheet as { visible: boolean }).visible).toBe(false);

    // The warning never blocks: with the description the item saves and the sheet opens.
    await fill(page, 'field-cover-alt', 'The delegation in Aarhus');
    await press(page, 'publish');
    expect(page.querySelector('#error-actions')).toBeUndefined();
    expect((page.data.sheet as { visible: boolean }).visible).toBe(true);
  });

  it('saves a stored draft once typing pauses, and keeps a new item’s text on the phone', async () => {
    const { id } = await adminCall<{ id: string }>('news.save', {
      title: '自动保存',
      summary: '摘要',
      body: '正文',
    });
    const page = await openEditor({ id });
    await fill(page, 'field-body', '正文，改过了。');
    expect(textOf(page.querySelector('#save-state'))).toBe('有未保存的修改');
    await until(() => page.data.saveState === 'saved', { message: 'the draft did not save itself' });
    expect(textOf(page.querySelector('#save-state'))).toMatch(/^已自动保存 \d{2}:\d{2}$/);
    const { item } = await adminCall<{ item: { body: string } }>('news.get', { id });
    expect(item.body).toBe('正文，改过了。');

    // A new item is not created behind the writer's back, but nothing typed is lost on leaving.
    const fresh = await openEditor();
    await fill(fresh, 'field-title', '还没保存的标题');
    await until(() => fresh.data.saveState === 'local');
    await fresh.onUnload();
    const reopened = await openEditor();
    expect((reopened.data.form as { title: string }).title).toBe('还没保存的标题');
    expect(textOf(reopened.querySelector('#restored'))).toMatch(/^已恢复您上次未保存的修改/);
    await tap(reopened.querySelector('#discard-restored'));
    expect((reopened.data.form as { title: string }).title).toBe('');
    expect(reopened.querySelector('#restored')).toBeUndefined();
  });
});
