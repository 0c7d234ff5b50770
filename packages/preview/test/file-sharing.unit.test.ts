/** @jest-environment jsdom */
import { randomUUID } from 'node:crypto';
import { cloud } from '../src/shell/wx/cloud';
import { fileApis, TempFiles } from '../src/shell/wx/files';
import { until } from '../../../test/harness/until';

/**
 * The preview's stand-ins for sending a file to a chat (`wx.shareFileMessage`) and for an upload's
 * task (`wx.cloud.uploadFile` with callbacks answers an `UploadTask`: progress and abort).
 */

type Res = Record<string, unknown>;
type Api = (args?: Res) => unknown;

beforeAll(() => {
  // jsdom has neither; the browser does.
  Object.assign(globalThis.crypto, { randomUUID });
  Object.assign(URL, { createObjectURL: () => 'blob:preview-test', revokeObjectURL: () => undefined });
});

beforeEach(() => {
  document.body.innerHTML = '<div id="preview-phone"></div><div id="preview-overlay"></div>';
});

describe('wx.shareFileMessage', () => {
  it('names the file sent and hands it to the browser’s downloads under the chat’s name', async () => {
    const temp = new TempFiles();
    const path = temp.save(new Blob(['xlsx bytes']), 'export.xlsx');
    const apis = fileApis({
      temp,
      track: (work) => work,
      gated: () => () => undefined,
      resolveFileUrl: async (src) => src,
    }) as Record<string, Api>;
    const clicked: { href: string; download: string }[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ href: this.href, download: this.download });
    });

    await expect(
      apis.shareFileMessage?.({ filePath: path, fileName: '咨询导出-2026-12-05.xlsx' }),
    ).resolves.toEqual({
      errMsg: 'shareFileMessage:ok',
    });
    expect(clicked).toEqual([{ href: 'blob:preview-test', download: '咨询导出-2026-12-05.xlsx' }]);
    const notice = document.querySelector('[data-preview-notice="share-file"]');
    expect(notice?.textContent).toContain('已转发文件到聊天');
    expect(notice?.textContent).toContain('咨询导出-2026-12-05.xlsx');
    await expect(apis.shareFileMessage?.({ filePath: 'wxfile://tmp_missing.xlsx' })).rejects.toMatchObject({
      errMsg: expect.stringMatching(/^shareFileMessage:fail no such file/),
    });
    click.mockRestore();
  });
});

/** A stand-in for the browser's XMLHttpRequest that the test drives: progress, then load or abort. */
class FakeRequest {
  static last: FakeRequest | null = null;
  upload: { onprogress: ((event: { loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  responseText = '';
  sent = false;

  constructor() {
    FakeRequest.last = this;
  }

  open() {}

  send() {
    this.sent = true;
  }

  abort() {
    this.onabort?.();
  }
}

/** The request made last (a function, so the compiler does not narrow it after a reset). */
const lastRequest = (): FakeRequest | null => FakeRequest.last;

describe('wx.cloud.uploadFile', () => {
  function cloudApis() {
    const temp = new TempFiles();
    const filePath = temp.save(new Blob(['%PDF-1.4']), 'plan.pdf');
    globalThis.fetch = jest.fn(async () => ({
      json: async () => ({ data: { url: 'http://127.0.0.1/upload', fileId: 'cloud://local/plan.pdf' } }),
    })) as unknown as typeof fetch;
    Object.assign(globalThis, { XMLHttpRequest: FakeRequest });
    FakeRequest.last = null;
    const apis = cloud({ openid: 'o-test', temp, track: (work) => work }).apis as Record<string, Api>;
    return { apis, filePath };
  }

  it('answers an UploadTask when given callbacks: progress as the bytes go, then the file ID', async () => {
    const { apis, filePath } = cloudApis();
    const done: Res[] = [];
    const task = apis.uploadFile?.({
      cloudPath: 'plan.pdf',
      filePath,
      success: (res: Res) => done.push(res),
    }) as {
      onProgressUpdate(listener: (res: Res) => void): void;
    };
    const progress: number[] = [];
    task.onProgressUpdate((res) => progress.push(res.progress as number));
    await until(() => lastRequest()?.sent === true);
    const request = lastRequest() as FakeRequest;
    request.upload.onprogress?.({ loaded: 4, total: 8 });
    request.status = 200;
    request.onload?.();
    await until(() => done.length === 1);
    expect(progress).toEqual([50]);
    expect(done[0]).toMatchObject({ fileID: 'cloud://local/plan.pdf', statusCode: 200 });
  });

  it('stops when aborted and fails with abort; without callbacks it is a promise', async () => {
    const { apis, filePath } = cloudApis();
    const failed: Res[] = [];
    const task = apis.uploadFile?.({
      cloudPath: 'plan.pdf',
      filePath,
      fail: (res: Res) => failed.push(res),
    }) as {
      abort(): void;
    };
    await until(() => lastRequest()?.sent === true);
    task.abort();
    await until(() => failed.length === 1);
    expect(failed[0]?.errMsg).toBe('cloud.uploadFile:fail abort');

    FakeRequest.last = null;
    const answer = apis.uploadFile?.({ cloudPath: 'plan.pdf', filePath });
    expect(answer).toBeInstanceOf(Promise);
    await until(() => lastRequest()?.sent === true);
    const request = lastRequest() as FakeRequest;
    request.status = 200;
    request.onload?.();
    await expect(answer).resolves.toMatchObject({ fileID: 'cloud://local/plan.pdf' });
  });
});
