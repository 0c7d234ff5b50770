import { tap, type PageHandle, type SimNode, type WxMock } from '../../../harness/simulate';
import {
  button,
  installFileApis,
  installWxAs,
  lastToast,
  loadedPage,
  SHARED_STAFF,
  sharedCloudApp,
  tempFile,
  tempPng,
  textOf,
  until,
} from './helpers';

/**
 * Uploading a PDF to an opportunity, as staff do it on a phone: the page says how to get a PDF
 * into WeChat first, shows the upload's progress, lets them cancel it, and says why one failed.
 * Against the shared local cloud's storage; nothing is saved, so no other test sees a change.
 */

const EDITOR = 'packages/admin/pages/opportunity-edit/index';

let wx: WxMock;

beforeEach(() => {
  wx = installWxAs(SHARED_STAFF);
});

function pdf(name: string) {
  const file = tempFile(name, Buffer.from('%PDF-1.4\n%%EOF\n'));
  return { path: file.filePath, size: file.size, name };
}

/** A gate the test opens: the upload waits at it, half sent. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

const attachments = (page: PageHandle) => (page.data.form as { attachments: unknown[] }).attachments;

describe('PDF attachments', () => {
  it('says how to get a PDF into WeChat first', async () => {
    const page = await loadedPage(EDITOR);
    expect(textOf(page.querySelector('#pdf-from-chat'))).toBe(
      '微信只能从聊天中选择文件：请先把 PDF 发给“文件传输助手”（在电脑版微信中拖进去即可），再点“添加 PDF”，从该聊天中选择。',
    );
  });

  it('shows the progress of an upload and lets the staff member cancel it', async () => {
    const held = gate();
    const mocks = installFileApis(
      wx,
      sharedCloudApp(),
      { messageFiles: [pdf('会议议程.pdf'), pdf('合作说明.pdf')] },
      { gate: held.promise },
    );
    const page = await loadedPage(EDITOR);

    await tap(button(page, 'add-pdf'));
    // Half the bytes are out, and the upload waits there.
    await until(() => Number(page.data.uploadPercent) > 0);
    expect(textOf(page.querySelector('#upload-progress'))).toMatch(
      new RegExp(`^已上传 ${String(page.data.uploadPercent)}%\\s*取消上传$`),
    );
    expect(page.data.uploadPercent).toBeLessThan(100);
    await tap(button(page.querySelector('#upload-progress') as SimNode, 'cancel-upload'));
    held.open();
    await until(() => page.data.uploading === false);
    expect(lastToast(wx)).toBe('已取消上传');
    expect(attachments(page)).toHaveLength(0);
    expect(page.querySelector('#upload-progress')).toBeUndefined();
    expect(page.querySelector('#error-attachments')).toBeUndefined();

    // The next one goes through.
    await tap(button(page, 'add-pdf'));
    await until(() => attachments(page).length === 1);
    expect(textOf(page.querySelector('.attachment__name'))).toBe('合作说明.pdf');
    expect(mocks.uploadFile).toHaveBeenCalledTimes(2);
  });

  it('does the same for a news cover: progress, and cancelling leaves the cover as it was', async () => {
    const held = gate();
    const png = tempPng();
    installFileApis(
      wx,
      sharedCloudApp(),
      { media: [{ tempFilePath: png.filePath, size: png.size }] },
      { gate: held.promise },
    );
    const page = await loadedPage('packages/admin/pages/news-edit/index');
    await tap(button(page, 'choose-cover'));
    await until(() => Number(page.data.uploadPercent) > 0);
    expect(page.querySelector('#cover-upload-progress')).toBeDefined();
    await tap(button(page.querySelector('#cover-upload-progress') as SimNode, 'cancel-upload'));
    held.open();
    await until(() => page.data.uploading === false);
    expect(lastToast(wx)).toBe('已取消上传');
    expect((page.data.form as { cover: { fileId: string } }).cover.fileId).toBe('');
    expect(page.querySelector('#cover-upload-progress')).toBeUndefined();
  });

  it('says why an upload failed: the network, or a file too large for storage', async () => {
    installFileApis(
      wx,
      sharedCloudApp(),
      { messageFiles: [pdf('议程.pdf')] },
      { failWith: 'cloud.uploadFile:fail request:fail socket timeout' },
    );
    const page = await loadedPage(EDITOR);
    await tap(button(page, 'add-pdf'));
    await until(() => page.data.uploading === false);
    expect(textOf(page.querySelector('#error-attachments'))).toBe('网络中断，文件没有上传，请检查网络后重试');

    installFileApis(
      wx,
      sharedCloudApp(),
      { messageFiles: [pdf('扫描件.pdf')] },
      { failWith: 'cloud.uploadFile:fail EntityTooLarge' },
    );
    await tap(button(page, 'add-pdf'));
    await until(() => textOf(page.querySelector('#error-attachments')).startsWith('文件太大'));
    expect(textOf(page.querySelector('#error-attachments'))).toBe('文件太大，云存储拒收，请换一个较小的文件');
    expect(attachments(page)).toHaveLength(0);
  });
});
