import { localSdk, type LocalApp } from '../../../../tools/local-sdk';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cloudCaller } from '../../../harness/cloud-client';
import { richText, textOf, until } from '../../../harness/page-helpers';
import {
  installWx,
  loadPage,
  type CallFunction,
  type PageHandle,
  type SimNode,
  type WxMock,
} from '../../../harness/simulate';
import { startPrivateCloud, type PrivateCloud } from '../../pages/private-cloud';

/** What the staff page tests share: the staff OPENIDs, reading the rendered page, uploads. */

/** The staff enquiry inbox and an enquiry's staff page. */
export const ENQUIRY_INBOX = 'packages/admin/pages/enquiries/index';
export const ENQUIRY_PAGE = 'packages/admin/pages/enquiry/index';

/** Staff in the shared cloud of the page tests (test/miniprogram/setup/global-setup.ts). */
export const SHARED_STAFF = 'o-staff-test';

// The SDK would otherwise probe a cloud metadata host before each request (KNOWHOW.md).
process.env.TENCENTCLOUD = 'true';

type CloudApp = LocalApp;

/** The shared local cloud through the real SDK (uploads, direct checks). */
export function sharedCloudApp(): CloudApp {
  const serviceUrl = process.env.MINIPROGRAM_TEST_CLOUD_SERVICE_URL;
  if (!serviceUrl)
    throw new Error('No local cloud: the miniprogram jest project starts one in its globalSetup');
  return localSdk(serviceUrl);
}

export { cloudCaller };

/** Installs `wx` calling the shared local cloud as `openId`, with the staff pages in `lang` if given. */
export function installWxAs(openId: string, lang?: 'zh' | 'en'): WxMock {
  return installWx({
    callFunction: cloudCaller(openId),
    ...(lang ? { storage: { 'admin.lang': lang } } : {}),
  });
}

/** Loads the page at `route` and runs its onLoad with `query`, as navigating to it does. */
export async function loadedPage(route: string, query: Record<string, string> = {}): Promise<PageHandle> {
  const page = loadPage(route);
  await page.onLoad(query);
  return page;
}

/**
 * A local cloud of a test file's own, with `staff` in `admins`: for tests that publish or
 * change public content, which the shared, seeded cloud of the public page tests must not see.
 */
export async function privateStaffCloud(staff: string): Promise<PrivateCloud> {
  const cloud = await startPrivateCloud();
  await cloud.app.database().collection('admins').add({ _id: staff, addedAt: new Date(), addedBy: 'test' });
  return cloud;
}

/** An answer of a cloud function, unwrapped; fails the test on an error envelope. */
export async function callOk<T>(
  call: CallFunction,
  name: string,
  action: string,
  data: unknown = {},
): Promise<T> {
  const answer = (await call(name, { action, data })) as
    { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
  if (!answer.ok) throw new Error(`${name} ${action}: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}

export { richText, textOf, until };

/** The tappable element of a `<t-button id>`. */
export function button(page: PageHandle | SimNode, id: string): SimNode | undefined {
  return page.querySelector(`#${id}`)?.querySelector('.t-button');
}

/** The text of a `<t-tag id>`. */
export function tagText(page: PageHandle | SimNode, id: string): string {
  return textOf(page.querySelector(`#${id}`)?.querySelector('.t-tag'));
}

/** What the page's `<admin-state id="state">` says in its `kind` of state ('' when not shown). */
export function stateMessage(page: PageHandle, kind: 'error' | 'empty' | 'forbidden'): string {
  const box = page.querySelector('#state')?.querySelector(`#admin-state-${kind}`);
  return textOf(box?.querySelector('.t-empty__description'));
}

/** The native control inside a `<t-input id>` or `<t-textarea id>`. */
export function control(page: PageHandle | SimNode, id: string): SimNode | undefined {
  const host = page.querySelector(`#${id}`);
  return host?.querySelector('.t-input__control') ?? host?.querySelector('.t-textarea__wrapper-inner');
}

/** The message under a `<t-input id>` ('' when none). */
export function tipsOf(page: PageHandle, id: string): string {
  return textOf(page.querySelector(`#${id}`)?.querySelector('.t-input__tips'));
}

export function lastToast(wx: WxMock): string {
  const calls = wx.showToast.mock.calls;
  return (calls[calls.length - 1]?.[0] as { title: string } | undefined)?.title ?? '';
}

/** The calls to one function the page made, as `{ action, data }`. */
export function actionsCalled(wx: WxMock): { action: string; data: unknown }[] {
  return wx.cloud.callFunction.mock.calls.map(
    ([request]) => (request as { data: { action: string; data: unknown } }).data,
  );
}

/** A tiny valid PNG (1 × 1 px), written to a temporary file as `wx.chooseMedia` would hand it over. */
export function tempPng(name = 'cover.png'): { filePath: string; size: number } {
  const bytes = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  return tempFile(name, bytes);
}

export function tempFile(name: string, bytes: Buffer): { filePath: string; size: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-upload-'));
  const filePath = path.join(dir, name);
  fs.writeFileSync(filePath, bytes);
  return { filePath, size: bytes.length };
}

interface UploadOptions {
  cloudPath: string;
  filePath: string;
  success?: (res: { fileID: string; statusCode: number; errMsg: string }) => void;
  fail?: (error: { errMsg: string }) => void;
}

type ProgressListener = (res: {
  progress: number;
  totalBytesSent: number;
  totalBytesExpectedToSend: number;
}) => void;

/**
 * Gives the installed `wx` the media and file APIs the harness lacks, uploading through the local
 * cloud's storage with the real SDK, as `wx.cloud.uploadFile` would: picks answer `files` in turn.
 * An upload reports half its bytes sent, then waits for `uploads.gate` (when given) before it
 * stores the file; `uploads.failWith` makes it fail with that `errMsg`, as a dropped network does.
 */
export function installFileApis(
  wx: WxMock,
  app: CloudApp,
  picks: {
    media?: { tempFilePath: string; size: number }[];
    messageFiles?: { path: string; size: number; name: string }[];
  },
  uploads: { gate?: Promise<void>; failWith?: string } = {},
) {
  const media = [...(picks.media ?? [])];
  const messageFiles = [...(picks.messageFiles ?? [])];
  const mocks = {
    chooseMedia: jest.fn(async () => {
      const file = media.shift();
      if (!file) throw { errMsg: 'chooseMedia:fail cancel' };
      return { type: 'image', tempFiles: [{ ...file, fileType: 'image' }], errMsg: 'chooseMedia:ok' };
    }),
    chooseMessageFile: jest.fn(async () => {
      const file = messageFiles.shift();
      if (!file) throw { errMsg: 'chooseMessageFile:fail cancel' };
      return { tempFiles: [{ ...file, type: 'file', time: 0 }], errMsg: 'chooseMessageFile:ok' };
    }),
    compressImage: jest.fn(async ({ src }: { src: string }) => ({
      tempFilePath: src,
      errMsg: 'compressImage:ok',
    })),
    getFileSystemManager: jest.fn(() => ({
      getFileInfo: ({ filePath, success }: { filePath: string; success: (res: { size: number }) => void }) =>
        success({ size: fs.statSync(filePath).size }),
    })),
    // The promise form without callbacks; with any of them, an UploadTask (progress, abort), as WeChat does.
    uploadFile: jest.fn((options: UploadOptions) => {
      const listeners: ProgressListener[] = [];
      let aborted = false;
      const content = fs.readFileSync(options.filePath);
      const report = (sent: number) =>
        listeners.forEach((listener) =>
          listener({
            progress: Math.round((sent / content.length) * 100),
            totalBytesSent: sent,
            totalBytesExpectedToSend: content.length,
          }),
        );
      const done = (async () => {
        await Promise.resolve();
        report(Math.floor(content.length / 2));
        await uploads.gate;
        if (aborted) throw { errMsg: 'cloud.uploadFile:fail abort' };
        if (uploads.failWith) throw { errMsg: uploads.failWith };
        const { fileID } = await app.uploadFile({ cloudPath: options.cloudPath, fileContent: content });
        report(content.length);
        return { fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' };
      })();
      if (!options.success && !options.fail) return done;
      done.then(options.success, options.fail);
      return {
        onProgressUpdate: (listener: ProgressListener) => void listeners.push(listener),
        abort: () => {
          aborted = true;
        },
      };
    }),
  };
  Object.assign(wx, {
    chooseMedia: mocks.chooseMedia,
    chooseMessageFile: mocks.chooseMessageFile,
    compressImage: mocks.compressImage,
    getFileSystemManager: mocks.getFileSystemManager,
  });
  Object.assign(wx.cloud, { uploadFile: mocks.uploadFile });
  return mocks;
}
