import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { tap, trigger, type PageHandle, type WxMock } from '../../../harness/simulate';
import {
  button,
  callOk,
  cloudCaller,
  control,
  ENQUIRY_INBOX,
  ENQUIRY_PAGE,
  installWxAs,
  lastToast,
  loadedPage,
  SHARED_STAFF,
  stateMessage,
  tagText,
  textOf,
  until,
} from './helpers';
import { readXlsx, shownRows } from '../../../harness/xlsx';
import { wxAsyncApi } from '../../../../packages/miniprogram-runtime/src';

/**
 * The enquiry inbox and an enquiry's page against the real `admin` and `enquiry` functions on the
 * shared local cloud (staff: `o-staff-test`). Each test submits enquiries of its own senders, and
 * looks only at those: other test files submit enquiries at the same time.
 */

const run = Date.now().toString(36);
let wx: WxMock;

beforeEach(() => {
  wx = installWxAs(SHARED_STAFF);
});

interface Submitted {
  id: string;
  sender: string;
  organization: string;
}

/** Submits an enquiry as a sender of its own, as the public form does. */
async function submitEnquiry(label: string, topic: string): Promise<Submitted> {
  const sender = `o-inbox-${label}-${run}`;
  const organization = `收件箱测试单位 ${label} ${run}`;
  const { id } = await callOk<{ id: string }>(cloudCaller(sender), 'enquiry', 'submit', {
    requestId: `inbox-${label}-${run}`,
    name: `测试者${label}`,
    organization,
    email: `${label}@example.cn`,
    phone: '+86 138 0000 0000',
    topic,
    message: `这是收件箱测试 ${label} 的咨询内容，请联系我们。`,
    consent: { privacy: true, crossBorder: true },
  });
  return { id, sender, organization };
}

/** The rows as the page holds them: id, status and topic as shown. */
function rows(page: PageHandle): { id: string; status: string; topic: string }[] {
  return page.data.items as { id: string; status: string; topic: string }[];
}

function row(page: PageHandle, id: string) {
  return page.querySelector(`#enquiry-${id}`);
}

function openInbox(query: Record<string, string> = {}): Promise<PageHandle> {
  return loadedPage(ENQUIRY_INBOX, query);
}

function openDetail(id: string): Promise<PageHandle> {
  return loadedPage(ENQUIRY_PAGE, { id });
}

function statusTab(page: PageHandle, label: string) {
  return page
    .querySelector('#status-tabs')
    ?.querySelectorAll('.t-tabs__item')
    .find((tab) => textOf(tab) === label);
}

async function press(page: PageHandle, id: string) {
  await tap(button(page, id));
  await until(() => page.data.busy === '', { message: `${id} did not finish` });
}

function get(url: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

/**
 * `wx.downloadFile` fetches into a temporary file as WeChat does; `wx.shareFileMessage` records
 * what would be sent to the chat.
 */
function installFileSharing(mock: WxMock): { filePath: string; fileName?: string }[] {
  const shared: { filePath: string; fileName?: string }[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inbox-export-'));
  Object.assign(mock, {
    downloadFile: jest.fn(
      wxAsyncApi('downloadFile', async ({ url }: { url: string }) => {
        const { status, body } = await get(url);
        const tempFilePath = path.join(dir, `tmp_${shared.length}.xlsx`);
        fs.writeFileSync(tempFilePath, body);
        return { tempFilePath, statusCode: status };
      }),
    ),
    shareFileMessage: jest.fn((options: { filePath: string; fileName?: string }) => {
      shared.push({ filePath: options.filePath, fileName: options.fileName });
    }),
  });
  return shared;
}

describe('enquiry inbox', () => {
  let culture: Submitted;
  let research: Submitted;

  beforeAll(async () => {
    culture = await submitEnquiry('culture', 'culture');
    research = await submitEnquiry('research', 'research');
  });

  it('lists enquiries newest first and filters them by status and by topic', async () => {
    const page = await openInbox();
    expect(row(page, research.id)).toBeDefined();
    expect(row(page, culture.id)).toBeDefined();
    expect(textOf(row(page, culture.id))).toContain(`测试者culture · ${culture.organization}`);
    expect(textOf(row(page, culture.id))).toContain('这是收件箱测试 culture 的咨询内容');
    const ids = rows(page).map((item) => item.id);
    expect(ids.indexOf(research.id)).toBeLessThan(ids.indexOf(culture.id));
    // The partner's wording of the status: one wording on both sides.
    expect(textOf(row(page, culture.id))).toMatch(/^已收到文化与教育交流/);

    await tap(page.querySelector('#topic-culture'));
    await until(() => page.data.status === 'ready' && page.data.activeTopic === 'culture');
    expect(row(page, culture.id)).toBeDefined();
    expect(row(page, research.id)).toBeUndefined();
    expect(rows(page).every((item) => item.topic === '文化与教育交流')).toBe(true);

    await tap(statusTab(page, '处理中'));
    await until(() => page.data.activeStatus === 'in_progress' && page.data.status !== 'loading');
    expect(row(page, culture.id)).toBeUndefined();

    await tap(statusTab(page, '新咨询'));
    await until(() => page.data.activeStatus === 'new' && page.data.status === 'ready');
    expect(row(page, culture.id)).toBeDefined();
    // 新咨询 is the filter for both new statuses.
    expect(rows(page).every((item) => ['已收到', '待审核'].includes(item.status))).toBe(true);
  });

  it('opens an enquiry, moves it to in progress with a note, then closes it', async () => {
    const inbox = await openInbox();
    await tap(row(inbox, research.id));
    expect(wx.navigateTo).toHaveBeenLastCalledWith(
      expect.objectContaining({ url: `/packages/admin/pages/enquiry/index?id=${research.id}` }),
    );

    const page = await openDetail(research.id);
    expect(tagText(page, 'enquiry-status')).toBe('已收到');
    expect(textOf(page.querySelector('#enquiry-name'))).toBe('测试者research');
    expect(textOf(page.querySelector('#enquiry-email'))).toBe('research@example.cn');
    expect(textOf(page.querySelector('#enquiry-message'))).toBe(
      '这是收件箱测试 research 的咨询内容，请联系我们。',
    );
    // A new enquiry cannot take a note on its own: only with a move.
    expect(page.querySelector('#add-note')).toBeUndefined();

    await trigger(control(page, 'field-note'), 'input', { value: '已电话联系，约下周会谈。' });
    await press(page, 'start');
    expect(lastToast(wx)).toBe('已改为“处理中”');
    expect(tagText(page, 'enquiry-status')).toBe('处理中');
    expect(page.querySelectorAll('.enquiry__note-text').map(textOf)).toEqual(['已电话联系，约下周会谈。']);
    expect(textOf(page.querySelector('.enquiry__note'))).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} · 我/);
    expect(page.querySelector('#start')).toBeUndefined();

    await press(page, 'add-note');
    expect(textOf(page.querySelector('#error-note'))).toBe('请先填写备注');

    await trigger(control(page, 'field-note'), 'input', { value: '会谈后关闭。' });
    await press(page, 'close');
    expect(tagText(page, 'enquiry-status')).toBe('已办结');
    expect(page.querySelectorAll('.enquiry__note')).toHaveLength(2);
    expect(page.querySelector('#close')).toBeUndefined();

    // Back in the inbox, the list shows the new status.
    await inbox.onShow();
    expect(textOf(row(inbox, research.id))).toMatch(/^已办结科研合作/);
    expect(textOf(row(inbox, research.id))).toContain('2 条备注');
  });

  it('exports the filtered inbox as an Excel file to send to a chat, and shows the temporary link to copy', async () => {
    const shared = installFileSharing(wx);
    const page = await openInbox({ topic: 'culture' });
    await tap(button(page, 'export'));
    await until(() => page.data.exported !== null);

    const intro = textOf(page.querySelector('.inbox__export-intro'));
    expect(intro).toMatch(/^已导出 \d+ 条，下载链接 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 前有效：$/);
    const url = textOf(page.querySelector('#export-link'));
    expect(url).toMatch(/^https?:\/\//);

    // One tap sends the downloaded file to a chat (WeChat then asks which: 文件传输助手 or a colleague).
    await tap(button(page, 'share-export'));
    expect(shared).toHaveLength(1);
    expect(shared[0]?.fileName).toMatch(/^咨询导出-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = readXlsx(fs.readFileSync(shared[0]?.filePath ?? ''));
    const rows = shownRows(sheet).map((row) => row.join('|'));
    expect(rows[0]).toMatch(/^编号\|参考号\|类型\|/);
    expect(rows.some((row) => row.includes(culture.organization))).toBe(true);
    expect(rows.some((row) => row.includes(research.organization))).toBe(false);

    await tap(button(page, 'copy-export'));
    expect(wx.setClipboardData).toHaveBeenLastCalledWith(expect.objectContaining({ data: url }));
    expect(lastToast(wx)).toBe('链接已复制，请在浏览器中打开下载');
  });

  it('erases one person’s data after confirmation, and not before', async () => {
    const person = await submitEnquiry('erase', 'business');
    const second = await callOk<{ id: string }>(cloudCaller(person.sender), 'enquiry', 'submit', {
      requestId: `inbox-erase-2-${run}`,
      name: '测试者erase',
      organization: person.organization,
      email: 'erase@example.cn',
      topic: 'other',
      message: '同一个人的第二条咨询，请一并删除。',
      consent: { privacy: true, crossBorder: true },
    });
    const page = await openDetail(person.id);

    wx.showModal.mockImplementationOnce(async () => ({ confirm: false, cancel: true }));
    await tap(button(page, 'erase'));
    expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '删除此人的全部数据？' }));
    const kept = await callOk<{ items: unknown[] }>(cloudCaller(person.sender), 'enquiry', 'mine');
    expect(kept.items).toHaveLength(2);

    await tap(button(page, 'erase'));
    await until(() => page.data.status === 'empty');
    expect(lastToast(wx)).toBe('已删除：2 条咨询、0 条订阅');
    expect(stateMessage(page, 'empty')).toBe('此人的数据已删除');
    const left = await callOk<{ items: unknown[] }>(cloudCaller(person.sender), 'enquiry', 'mine');
    expect(left.items).toEqual([]);

    const inbox = await openInbox();
    expect(row(inbox, person.id)).toBeUndefined();
    expect(row(inbox, second.id)).toBeUndefined();
  });

  it('keeps a non-staff caller out of the inbox and of an enquiry: the FORBIDDEN message, no data', async () => {
    installWxAs(`o-not-staff-${run}`);
    const inbox = await openInbox();
    expect(inbox.data.status).toBe('forbidden');
    expect(stateMessage(inbox, 'forbidden')).toBe('您不是工作人员，无权使用工作人员功能');
    expect(inbox.data.items).toEqual([]);
    expect(inbox.querySelector('#export')).toBeUndefined();

    const detail = await openDetail(culture.id);
    expect(stateMessage(detail, 'forbidden')).toBe('您不是工作人员，无权使用工作人员功能');
    expect(detail.data.enquiry).toBeNull();
  });
});
