import type { TestCloud } from './helpers';
import { post, rejection, startFixtureCloud } from './helpers';

/** Cloud storage through the real SDK: uploadFile, getTempFileURL, downloadFile, deleteFile. */

let t: TestCloud;

beforeAll(async () => {
  t = await startFixtureCloud();
});

afterAll(async () => {
  await t.close();
});

/** Fake timers that set the clock (`Date`) and leave every scheduler real, so I/O still runs. */
const EVERYTHING_BUT_DATE: FakeableAPI[] = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
];

/** Every byte value, so nothing is mangled by a text decoding on the way. */
const BINARY = Buffer.from(Array.from({ length: 512 }, (_u, i) => i % 256));

async function upload(cloudPath: string, content: Buffer): Promise<string> {
  const res = await t.app.uploadFile({ cloudPath, fileContent: content });
  return res.fileID as string;
}

async function tempUrl(fileID: string, maxAge?: number): Promise<{ tempFileURL: string; code: string }> {
  const res = await t.app.getTempFileURL({
    fileList: [maxAge === undefined ? fileID : { fileID, maxAge }],
  });
  return res.fileList[0] as { tempFileURL: string; code: string };
}

async function fetchBytes(url: string): Promise<{ status: number; type: string | null; body: Buffer }> {
  const res = await fetch(url);
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: Buffer.from(await res.arrayBuffer()),
  };
}

it('uploadFile answers the fileID of the cloud path', async () => {
  await expect(upload('docs/mou-2024.pdf', BINARY)).resolves.toBe(
    'cloud://local.local-bucket/docs/mou-2024.pdf',
  );
});

it('getTempFileURL gives a URL that serves the exact bytes with a fitting content type', async () => {
  const cases: [string, Buffer, string][] = [
    ['files/binary.pdf', BINARY, 'application/pdf'],
    ['files/photo.PNG', BINARY, 'image/png'],
    ['files/readme.txt', Buffer.from('Hej 你好\n'), 'text/plain; charset=utf-8'],
    ['files/blob.bin', BINARY, 'application/octet-stream'],
  ];
  for (const [cloudPath, content, type] of cases) {
    const fileID = await upload(cloudPath, content);
    const { tempFileURL, code } = await tempUrl(fileID);
    expect(code).toBe('SUCCESS');
    expect(tempFileURL.startsWith(`${t.cloud.url}/`)).toBe(true);
    const got = await fetchBytes(tempFileURL);
    expect(got.status).toBe(200);
    expect(got.type).toBe(type);
    expect(got.body.equals(content)).toBe(true);
  }
});

it('uploading to the same cloud path again replaces the content', async () => {
  const fileID = await upload('files/replace.txt', Buffer.from('first'));
  await upload('files/replace.txt', Buffer.from('second version'));
  const got = await fetchBytes((await tempUrl(fileID)).tempFileURL);
  expect(got.body.toString()).toBe('second version');
});

it('a tampered URL is 403: another signature, another path, a later expiry', async () => {
  const fileID = await upload('files/signed.pdf', BINARY);
  await upload('files/other.pdf', BINARY);
  const url = new URL((await tempUrl(fileID)).tempFileURL);
  const sign = url.searchParams.get('sign') ?? '';
  expect(sign).toMatch(/^[0-9a-f]{64}$/);

  const badSign = new URL(url);
  badSign.searchParams.set('sign', `${sign[0] === 'a' ? 'b' : 'a'}${sign.slice(1)}`);
  const otherPath = new URL(url);
  otherPath.pathname = otherPath.pathname.replace('signed.pdf', 'other.pdf');
  const later = new URL(url);
  later.searchParams.set('t', String(Number(url.searchParams.get('t')) + 3600));
  const noSign = new URL(url);
  noSign.searchParams.delete('sign');

  for (const tampered of [badSign, otherPath, later, noSign]) {
    const got = await fetchBytes(tampered.toString());
    expect(got.status).toBe(403);
    expect(got.body.equals(BINARY)).toBe(false);
  }
  expect((await fetchBytes(url.toString())).status).toBe(200);
});

it('an expired URL is 403', async () => {
  const fileID = await upload('files/short-lived.txt', Buffer.from('soon gone'));
  const { tempFileURL } = await tempUrl(fileID, 1);
  const expires = Number(new URL(tempFileURL).searchParams.get('t'));
  expect(expires).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 1);
  expect((await fetchBytes(tempFileURL)).status).toBe(200);
  // The local cloud runs in this process: its clock moves past the expiry instead of the test waiting.
  jest.useFakeTimers({ doNotFake: EVERYTHING_BUT_DATE, now: (expires + 1) * 1000 });
  try {
    const got = await fetchBytes(tempFileURL);
    expect(got.status).toBe(403);
    expect(got.body.toString()).not.toContain('soon gone');
  } finally {
    jest.useRealTimers();
  }
});

it('downloadFile answers the exact bytes', async () => {
  const fileID = await upload('files/download.bin', BINARY);
  const res = await t.app.downloadFile({ fileID });
  expect(Buffer.isBuffer(res.fileContent)).toBe(true);
  expect((res.fileContent as Buffer).equals(BINARY)).toBe(true);
});

it('deleteFile removes the file: its URL is 404, a new URL and a download are refused', async () => {
  const fileID = await upload('files/delete-me.pdf', BINARY);
  const { tempFileURL } = await tempUrl(fileID);
  expect((await fetchBytes(tempFileURL)).status).toBe(200);

  const res = await t.app.deleteFile({ fileList: [fileID] });
  expect(res.fileList).toEqual([{ fileID, code: 'SUCCESS' }]);

  expect((await fetchBytes(tempFileURL)).status).toBe(404);
  await expect(tempUrl(fileID)).resolves.toMatchObject({ code: 'STORAGE_FILE_NONEXIST', tempFileURL: '' });
  expect((await rejection(t.app.downloadFile({ fileID }))).code).toBe('STORAGE_FILE_NONEXIST');
  await expect(t.app.deleteFile({ fileList: [fileID] })).resolves.toMatchObject({
    fileList: [{ fileID, code: 'STORAGE_FILE_NONEXIST' }],
  });
});

it('a cloud path cannot leave the storage folder', async () => {
  const error = await rejection(upload('../../escape.txt', Buffer.from('x')));
  expect(error.code).toBe('INVALID_PARAM');
  const res = await fetch(`${t.cloud.url}/_local/files/..%2F..%2Fdatabase%2Fdb.log?t=9999999999&sign=x`);
  expect(res.status).toBe(400);
});

it('a one-time upload URL cannot be used twice', async () => {
  const meta = await post(
    t.cloud.serviceUrl,
    JSON.stringify({ action: 'storage.getUploadMetadata', path: 'files/once.txt' }),
  );
  const { url } = (meta.json as { data: { url: string } }).data;
  const first = await fetch(url, { method: 'PUT', body: 'one' });
  expect(first.status).toBe(200);
  expect(await first.text()).toBe('');
  const second = await fetch(url, { method: 'PUT', body: 'two' });
  expect(await second.text()).toContain('<Code>AccessDenied</Code>');
  const got = await fetchBytes((await tempUrl('cloud://local.local-bucket/files/once.txt')).tempFileURL);
  expect(got.body.toString()).toBe('one');
});

it('uploads and downloads a file whose cloud path has Chinese characters', async () => {
  const content = Buffer.from('合作备忘录');
  const fileID = await upload('docs/合作备忘录.txt', content);
  expect(fileID).toBe('cloud://local.local-bucket/docs/合作备忘录.txt');
  const got = await fetchBytes((await tempUrl(fileID)).tempFileURL);
  expect(got.status).toBe(200);
  expect(got.body.equals(content)).toBe(true);
  const res = await t.app.downloadFile({ fileID });
  expect((res.fileContent as Buffer).equals(content)).toBe(true);
});

it('downloadFile works for a cloud path with a space', async () => {
  const fileID = await upload('docs/annual report.pdf', BINARY);
  expect((await fetchBytes((await tempUrl(fileID)).tempFileURL)).status).toBe(200);
  const res = await t.app.downloadFile({ fileID });
  expect((res.fileContent as Buffer).equals(BINARY)).toBe(true);
});
