import http from 'node:http';
import type { TestCloud } from './helpers';
import { post, startFixtureCloud, type Doc } from './helpers';

/**
 * A local dev server is reachable from every web page the developer opens: requests addressed to
 * another host name (DNS rebinding), cross-site browser requests and malformed input are refused,
 * and none of it changes what the real SDK can do (the other suites drive it unchanged).
 */

let t: TestCloud;
/** Paths the extra route (standing in for the preview) was asked to serve. */
const extraRouteHits: string[] = [];

beforeAll(async () => {
  t = await startFixtureCloud({
    extraRoutes: (_req, res, url) => {
      if (url.pathname !== '/_preview/config.json') return false;
      extraRouteHits.push(url.pathname);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"secret":true}');
      return true;
    },
  });
});

afterAll(async () => {
  await t.close();
});

interface Answer {
  status: number;
  json: unknown;
}

/** A raw request with exactly the headers given (fetch() would not let a test set `Host`). */
function request(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${t.cloud.url}${path}`,
      {
        method,
        headers: {
          ...headers,
          ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
        },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = text;
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const insertAdmin = (openId: string): string =>
  JSON.stringify({
    action: 'database.insertDocument',
    collectionName: 'admins',
    data: [JSON.stringify({ _id: openId })],
  });

async function isAdmin(openId: string): Promise<boolean> {
  const res = await t.app.database().collection('admins').where({ _id: openId }).get();
  return res.data.length > 0;
}

async function healthy(): Promise<void> {
  expect((await request('GET', '/health', {})).status).toBe(200);
}

describe('Host', () => {
  it('a request addressed to another host name is refused on every path, before the preview routes', async () => {
    const rebound = { host: `attacker.example:${t.cloud.port}` };
    for (const [method, path, body] of [
      ['POST', '/admin', insertAdmin('rebound')],
      ['POST', '/functions/echo', '{}'],
      ['GET', '/_local/outbox', undefined],
      ['GET', '/_preview/config.json', undefined],
      ['GET', '/', undefined],
    ] as const) {
      const res = await request(method, path, { ...rebound, 'content-type': 'application/json' }, body);
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
      expect((res.json as Doc).error).toContain('attacker.example');
    }
    expect(extraRouteHits).toEqual([]);
    expect(await isAdmin('rebound')).toBe(false);
  });

  it('the loopback address and name it listens on are served, with their port', async () => {
    for (const host of [`127.0.0.1:${t.cloud.port}`, `localhost:${t.cloud.port}`]) {
      expect((await request('GET', '/_preview/config.json', { host })).json).toEqual({ secret: true });
    }
    expect((await request('GET', '/health', { host: `127.0.0.1:${t.cloud.port + 1}` })).status).toBe(403);
    expect((await request('GET', '/health', { host: '127.0.0.1' })).status).toBe(403);
  });
});

describe('cross-site browser requests', () => {
  it('/admin refuses a request from another origin or marked cross-site, and writes nothing', async () => {
    const refused: Record<string, string>[] = [
      { origin: 'https://attacker.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of refused) {
      const res = await request(
        'POST',
        '/admin',
        { ...headers, 'content-type': 'application/json' },
        insertAdmin('x-site'),
      );
      expect(res.status).toBe(403);
    }
    expect(await isAdmin('x-site')).toBe(false);
  });

  it("/admin refuses the browser's simple content types (text/plain, forms), which need no preflight", async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', '']) {
      const res = await request('POST', '/admin', type ? { 'content-type': type } : {}, insertAdmin('plain'));
      expect(res.status).toBe(415);
      expect(res.json).toEqual({
        code: 'INVALID_PARAM',
        message: expect.stringContaining('application/json'),
        requestId: expect.any(String),
      });
    }
    expect(await isAdmin('plain')).toBe(false);
  });

  it('/functions/* refuses cross-site and non-JSON requests without running the function', async () => {
    const crossSite = await request(
      'POST',
      '/functions/echo',
      { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      '{}',
    );
    expect(crossSite.status).toBe(403);
    const plain = await request('POST', '/functions/echo', { 'content-type': 'text/plain' }, '{}');
    expect(plain.status).toBe(415);
    expect(plain.json).toEqual({ error: expect.stringContaining('application/json') });
  });

  it('/_local/* refuses cross-site requests', async () => {
    expect((await request('GET', '/_local/outbox', { origin: 'https://attacker.example' })).status).toBe(403);
    expect((await request('POST', '/_local/timers/ticker', { 'sec-fetch-site': 'cross-site' })).status).toBe(
      403,
    );
  });

  it('a same-origin browser request (the preview) is served', async () => {
    const origin = t.cloud.url;
    const res = await request(
      'POST',
      '/functions/echo',
      { origin, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json; charset=utf-8' },
      '{"action":"x"}',
    );
    expect(res.status).toBe(200);
    expect(((res.json as Doc).event as Doc).action).toBe('x');
    const admin = await request(
      'POST',
      '/admin',
      { origin, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
      insertAdmin('same-origin'),
    );
    expect(admin.status).toBe(200);
    expect(await isAdmin('same-origin')).toBe(true);
  });
});

describe('malformed input', () => {
  const nested = (depth: number): string => `${'{"a":'.repeat(depth - 1)}{}${'}'.repeat(depth - 1)}`;

  it('a body nested deeper than 100 levels is refused with a clear error before the function runs', async () => {
    const started = Date.now();
    const res = await post(`${t.cloud.url}/functions/slow`, nested(101));
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      errCode: -501007,
      errMsg: 'invalid parameters: event is nested deeper than 100 levels',
    });
    // The slow fixture would hold the call for its whole time limit.
    expect(Date.now() - started).toBeLessThan(1000);
    const deepArray = await post(
      `${t.cloud.url}/functions/echo`,
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    );
    expect(deepArray.status).toBe(400);
    await healthy();
  });

  it('100 levels are accepted; brackets inside strings do not count', async () => {
    const ok = await post(`${t.cloud.url}/functions/echo`, nested(100));
    expect(ok.status).toBe(200);
    const text = await post(`${t.cloud.url}/functions/echo`, JSON.stringify({ s: '{'.repeat(500) }));
    expect(((text.json as Doc).event as Doc).s).toBe('{'.repeat(500));
  });

  it('a deep body to /admin is an SDK-style 400', async () => {
    const res = await post(t.cloud.serviceUrl, nested(200));
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      code: 'INVALID_PARAM',
      message: 'The request body is nested deeper than 100 levels',
      requestId: expect.any(String),
    });
  });

  it('a malformed percent-encoded function or timer name is a 400 with an error body', async () => {
    const res = await post(`${t.cloud.url}/functions/%E0%A4%A`, '{}');
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      errCode: -501007,
      errMsg: 'invalid parameters: function name is not valid percent-encoding',
    });
    const timer = await post(`${t.cloud.url}/_local/timers/%ZZ`, '');
    expect(timer.status).toBe(400);
    expect(timer.json).toEqual({ error: expect.any(String) });
    await healthy();
  });
});

describe('storage serves files, never folders', () => {
  it('a signed link whose path became a folder is 404 and the server keeps serving', async () => {
    const first = await t.app.uploadFile({ cloudPath: 'shelf', fileContent: Buffer.from('file') });
    const link = (await t.app.getTempFileURL({ fileList: [first.fileID as string] })).fileList[0] as {
      tempFileURL: string;
    };
    await t.app.deleteFile({ fileList: [first.fileID as string] });
    await t.app.uploadFile({ cloudPath: 'shelf/book.txt', fileContent: Buffer.from('inside') });
    const res = await fetch(link.tempFileURL);
    expect(res.status).toBe(404);
    await healthy();
  });

  it('getTempFileURL and deleteFile of a folder answer that no such file exists', async () => {
    await t.app.uploadFile({ cloudPath: 'box/item.txt', fileContent: Buffer.from('x') });
    const folder = 'cloud://local.local-bucket/box';
    const url = await t.app.getTempFileURL({ fileList: [folder] });
    expect(url.fileList[0]).toMatchObject({ code: 'STORAGE_FILE_NONEXIST', tempFileURL: '' });
    const removed = await t.app.deleteFile({ fileList: [folder] });
    expect(removed.fileList[0]).toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
  });
});
