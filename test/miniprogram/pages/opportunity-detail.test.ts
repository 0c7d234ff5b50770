import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { opportunity, SEED, seedDatabase } from '../../harness/seed';
import { installWx, loadPage, tap, type PageHandle, type WxMock } from '../../harness/simulate';
import {
  button,
  errorMessage,
  failingFirst,
  loadHeld,
  statePart,
  textOf,
  until,
} from '../../harness/page-helpers';
import { startPrivateCloud, type PrivateCloud } from './private-cloud';

/**
 * An opportunity's page against the real `content` function: body, who it is for, its status
 * with the basis, attachments downloaded from the local cloud's storage and opened in WeChat's
 * viewer, MoUs to request from the office, and how to take part (the enquiry or visit form
 * prefilled, or the named contact). It runs its own local cloud, since it adds opportunities the
 * shared cloud of the other page tests must not see.
 */

const DETAIL = 'pages/opportunity-detail/index';
const FORM = 'packages/enquiry/pages/form/index';
const WITH_FILES = 'opp-test-with-files';
const BY_CONTACT = 'opp-test-by-contact';
const CLOSED = 'opp-test-closed';
const VISITS = SEED.opportunities.find((item) => item._id === 'opp-study-visits')!;
/** A minimal PDF: what the viewer would be handed. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

let cloud: PrivateCloud;

beforeAll(async () => {
  cloud = await startPrivateCloud();
  const plan = await cloud.app.uploadFile({ cloudPath: 'opportunity-files/test/plan.pdf', fileContent: PDF });
  const mou = await cloud.app.uploadFile({ cloudPath: 'opportunity-files/test/mou.pdf', fileContent: PDF });
  await seedDatabase(cloud.app, {
    ...SEED,
    documents: [
      ...SEED.documents,
      {
        ...SEED.documents[0]!,
        _id: 'doc-test-with-file',
        title: '测试谅解备忘录',
        fileId: mou.fileID,
      },
    ],
    opportunities: [
      ...SEED.opportunities,
      opportunity({
        _id: BY_CONTACT,
        category: 'culture',
        title: '中丹青少年艺术交流',
        participation: 'contact',
        contact: { name: '王老师', email: 'wang@example.cn' },
      }),
      opportunity({ _id: CLOSED, category: 'culture', title: '已结束的交流项目', availability: 'closed' }),
      opportunity({
        _id: WITH_FILES,
        category: 'research',
        title: '联合科研项目征集',
        body: '## 项目说明\n\n欢迎**高校与科研院所**申报。',
        audience: '上海的高校与科研院所',
        availability: 'open_until',
        deadline: new Date('2030-06-30T16:00:00Z'),
        availabilityNote: '名额有限，额满即止',
        attachments: [
          { fileId: plan.fileID, name: '合作计划.pdf', sizeBytes: PDF.length },
          { fileId: 'cloud://local.local/opportunity-files/test/missing.pdf', name: '已删除的附件.pdf' },
        ],
        documentIds: ['doc-test-with-file', 'doc-mou-shanghai', 'doc-mou-stcsm'],
        contact: {
          name: 'Pia Fabrin',
          title: '秘书处负责人',
          email: 'pia.fabrin@ru.rm.dk',
          phone: '+45 2160 1445',
        },
      }),
    ],
  });
});

afterAll(() => cloud?.close());

/** `wx.downloadFile` as WeChat does it: fetches the URL into a temporary file. */
function downloadFile(options: {
  url: string;
  success?: (res: { tempFilePath: string; statusCode: number }) => void;
  fail?: (error: { errMsg: string }) => void;
}) {
  http
    .get(options.url, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const tempFilePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wx-download-')), 'file');
        fs.writeFileSync(tempFilePath, Buffer.concat(chunks));
        options.success?.({ tempFilePath, statusCode: res.statusCode ?? 0 });
      });
    })
    .on('error', (error) => options.fail?.({ errMsg: `downloadFile:fail ${error.message}` }));
}

interface DocumentWx extends WxMock {
  downloadFile: jest.Mock;
  openDocument: jest.Mock;
}

function installDocumentWx(callFunction = cloud.caller('detail-reader')): DocumentWx {
  const wx = installWx({ callFunction }) as DocumentWx;
  wx.downloadFile = jest.fn(downloadFile);
  wx.openDocument = jest.fn((options: { success?: () => void }) => options.success?.());
  return wx;
}

async function openDetail(id: string): Promise<PageHandle> {
  const page = loadPage(DETAIL);
  await page.onLoad({ id });
  return page;
}

/** The query of a page URL, as the runtime hands it to onLoad. */
function queryOf(url: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(url.split('?')[1] ?? ''));
}

describe('opportunity page', () => {
  it('shows a skeleton while loading, then the opportunity with its rendered body', async () => {
    const { page, finish } = await loadHeld(DETAIL, cloud.caller('detail-reader'), { id: WITH_FILES });
    expect(statePart(page, 'state-view-skeleton')).toBeDefined();
    await finish();

    expect(statePart(page, 'state-view-skeleton')).toBeUndefined();
    expect(textOf(page.querySelector('#opportunity-title'))).toBe('联合科研项目征集');
    // The status with its basis: the deadline's China day, and the note staff gave.
    expect(textOf(page.querySelector('#opportunity-open'))).toBe('开放至2030年7月1日');
    expect(textOf(page.querySelector('#opportunity-availability'))).toBe('开放至2030年7月1日');
    expect(textOf(page.querySelector('#opportunity-basis'))).toBe('名额有限，额满即止');
    expect(textOf(page.querySelector('#opportunity-audience'))).toBe('上海的高校与科研院所');
    expect(textOf(page.querySelector('.opportunity__meta'))).toContain('科研合作');
    // simulate does not draw <rich-text>: check the nodes it is given.
    const body = page.data.body as { name?: string; attrs?: { class?: string } }[];
    // Markdown headings move one level down: the page title is the h1.
    expect(body[0]).toMatchObject({ name: 'h3', attrs: { class: 'md-h3' } });
    expect(JSON.stringify(body)).toContain('项目说明');
    expect(JSON.stringify(body)).toContain('"name":"strong"');
  });

  it('downloads an attachment and opens it in WeChat’s viewer with its menu', async () => {
    const wx = installDocumentWx();
    const page = await openDetail(WITH_FILES);
    expect(textOf(page.querySelector('#attachments'))).toContain('合作计划.pdf');

    await tap(button(page, 'attachment-0'));
    await until(() => wx.openDocument.mock.calls.length > 0);

    expect(wx.showLoading).toHaveBeenCalledWith(expect.objectContaining({ title: '正在打开…' }));
    const [{ filePath, showMenu, fileType }] = wx.openDocument.mock.calls[0] as [
      { filePath: string; showMenu: boolean; fileType: string },
    ];
    expect(fs.readFileSync(filePath)).toEqual(PDF);
    expect({ showMenu, fileType }).toEqual({ showMenu: true, fileType: 'pdf' });
    await until(() => wx.hideLoading.mock.calls.length > 0);
    expect(wx.showToast).not.toHaveBeenCalled();
  });

  it('says so when an attachment’s file is gone, and when a download fails', async () => {
    const wx = installDocumentWx();
    const page = await openDetail(WITH_FILES);
    const rows = page.querySelectorAll('.opportunity__file');
    expect(textOf(rows[0])).toContain('打开');
    expect(textOf(rows[1])).toContain('已删除的附件.pdf');
    expect(textOf(rows[1])).toContain('文件暂不可用');
    expect(page.querySelector('#attachment-1')).toBeUndefined();

    wx.downloadFile.mockImplementation((options: { fail?: (error: { errMsg: string }) => void }) =>
      options.fail?.({ errMsg: 'downloadFile:fail timeout' }),
    );
    await tap(button(page, 'attachment-0'));
    await until(() => wx.showToast.mock.calls.length > 0);
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '文件打开失败，请稍后重试' }));
    expect(wx.hideLoading).toHaveBeenCalled();
    expect(wx.openDocument).not.toHaveBeenCalled();
  });

  it('opens a stored MoU and offers to request one that is not attached, from the enquiry form', async () => {
    const wx = installDocumentWx();
    const withFile = await openDetail(WITH_FILES);
    await tap(button(withFile, 'document-open-doc-test-with-file'));
    await until(() => wx.openDocument.mock.calls.length > 0);
    expect(wx.openDocument).toHaveBeenCalledWith(
      expect.objectContaining({ showMenu: true, fileType: 'pdf' }),
    );

    const page = withFile;
    const shanghai = page.querySelector('#document-doc-mou-shanghai');
    expect(textOf(shanghai)).toContain('中日德兰大区与上海市谅解备忘录');
    expect(textOf(shanghai)).toContain('可向国际事务办公室索取');
    expect(textOf(page.querySelector('#document-doc-mou-stcsm'))).toContain('上海市科学技术委员会');
    expect(page.querySelector('#document-open-doc-mou-shanghai')).toBeUndefined();

    await tap(button(page, 'document-request-doc-mou-shanghai'));
    const url = (wx.navigateTo.mock.calls.at(-1)?.[0] as { url: string }).url;
    expect(url.startsWith(`/${FORM}?`)).toBe(true);

    const form = loadPage(FORM);
    await form.onLoad(queryOf(url));
    expect(form.querySelector('#field-message')?.data.value).toBe(
      '您好！我希望索取《中日德兰大区与上海市谅解备忘录》的文本，谢谢。',
    );
    expect(form.data.form).toMatchObject({ topic: 'other' });
  });

  it('leads to the enquiry form prefilled with its category and itself, and copies the contact’s e-mail', async () => {
    const wx = installDocumentWx();
    const page = await openDetail(WITH_FILES);
    expect(textOf(page.querySelector('#take-part-hint'))).toContain('在线咨询');
    expect(textOf(button(page, 'take-part-button'))).toBe('在线咨询');

    await tap(button(page, 'take-part-button'));
    const url = (wx.navigateTo.mock.calls.at(-1)?.[0] as { url: string }).url;
    expect(url.startsWith(`/${FORM}?`)).toBe(true);
    expect(queryOf(url)).toEqual({
      about: '联合科研项目征集',
      topic: 'research',
      message: '您好！我对“联合科研项目征集”感兴趣，希望进一步了解详情。',
    });
    const form = loadPage(FORM);
    await form.onLoad(queryOf(url));
    expect(textOf(form.querySelector('#enquiry-about'))).toBe('关于：联合科研项目征集');
    expect(form.data.kind).toBe('general');
    expect(form.data.form).toMatchObject({
      topic: 'research',
      message: '您好！我对“联合科研项目征集”感兴趣，希望进一步了解详情。',
    });

    expect(page.querySelector('#copy-email')?.data.ariaLabel).toBe('复制邮箱');
    await tap(button(page, 'copy-email'));
    expect(wx.setClipboardData).toHaveBeenCalledWith(
      expect.objectContaining({ data: 'pia.fabrin@ru.rm.dk' }),
    );
    await tap(button(page, 'call'));
    expect(wx.makePhoneCall).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: '+4521601445' }));
  });

  it('leads a delegation to the visit request, prefilled with its category as topic and first sector', async () => {
    const wx = installDocumentWx();
    const page = await openDetail(VISITS._id);
    expect(textOf(page.querySelector('#opportunity-availability'))).toBe('可商洽');
    expect(textOf(page.querySelector('#opportunity-basis'))).toBe(VISITS.availabilityNote);
    expect(textOf(page.querySelector('#opportunity-audience'))).toBe(VISITS.audience);
    expect(textOf(button(page, 'take-part-button'))).toBe('提交来访申请');

    await tap(button(page, 'take-part-button'));
    const query = queryOf((wx.navigateTo.mock.calls.at(-1)?.[0] as { url: string }).url);
    expect(query).toMatchObject({ kind: 'visit', about: VISITS.title, topic: 'knowledge' });
    const form = loadPage(FORM);
    await form.onLoad(query);
    expect(form.data.kind).toBe('visit');
    expect(form.data.form).toMatchObject({ topic: 'knowledge', sectors: ['knowledge'] });
    expect(textOf(form.querySelector('#enquiry-about'))).toBe(`关于：${VISITS.title}`);
  });

  it('names the contact to reach when that is the way to take part, with no form to fill', async () => {
    installDocumentWx();
    const page = await openDetail(BY_CONTACT);
    expect(textOf(page.querySelector('#take-part-hint'))).toBe('请直接与下列联系人联系。');
    expect(page.querySelector('#take-part-button')).toBeUndefined();
    expect(textOf(page.querySelector('#contact'))).toContain('王老师');
    expect(textOf(page.querySelector('#contact'))).toContain('wang@example.cn');
  });

  it('offers no way in to a closed opportunity, and says it has ended', async () => {
    installDocumentWx();
    const page = await openDetail(CLOSED);
    expect(textOf(page.querySelector('#opportunity-availability'))).toBe('已结束');
    expect(page.querySelector('#take-part')).toBeUndefined();
    expect(page.querySelector('#take-part-button')).toBeUndefined();
  });

  it('shows the error with a retry that loads the page', async () => {
    const call = cloud.caller('detail-error');
    installWx({ callFunction: failingFirst(2, call) }); // the service retries a read once
    const page = await openDetail(VISITS._id);
    expect(errorMessage(page)).toBe('网络连接异常，请检查网络后重试');

    await tap(statePart(page, 'state-view-retry')?.querySelector('.t-button'));
    await until(() => page.data.status === 'ready');
    expect(textOf(page.querySelector('#opportunity-title'))).toBe(VISITS.title);
  });

  it('says when an opportunity does not exist (any more)', async () => {
    installDocumentWx();
    const page = await openDetail('opp-no-such-thing');
    expect(errorMessage(page)).toBe('内容不存在或已下线');
  });
});
