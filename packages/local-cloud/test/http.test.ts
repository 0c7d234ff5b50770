import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import type { TestCloud } from './helpers';
import { post, startFixtureCloud, type Doc } from './helpers';

/** The local cloud's HTTP surface: health, body handling, admin errors, the outbox, the bind address. */

let t: TestCloud;

beforeAll(async () => {
  t = await startFixtureCloud();
});

afterAll(async () => {
  await t.close();
});

async function healthy(): Promise<void> {
  const res = await fetch(`${t.cloud.url}/health`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ ok: true });
}

/** Sends a body in chunks without a content-length (chunked transfer encoding). */
function postChunked(url: string, chunks: Buffer[]): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(parts).toString('utf8')) });
          } catch (error) {
            reject(error as Error);
          }
        });
      },
    );
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

it('GET /health answers { ok: true }', async () => {
  const res = await fetch(`${t.cloud.url}/health`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(await res.json()).toEqual({ ok: true });
});

it('GET / lists the functions and collections; an unknown path is 404', async () => {
  const index = (await (await fetch(`${t.cloud.url}/`)).json()) as Doc;
  expect(index.functions).toEqual([
    'cloud-caller',
    'crash',
    'db-writer',
    'echo',
    'slow',
    'ticker',
    'undeclared-caller',
    'whoami',
  ]);
  expect([...(index.collections as string[])].sort()).toEqual([
    'admins',
    'authors',
    'books',
    'enquiries',
    'items',
    'scores',
    'ticks',
  ]);
  expect((await fetch(`${t.cloud.url}/no/such/path`)).status).toBe(404);
  expect((await fetch(`${t.cloud.url}/admin`)).status).toBe(404);
});

describe('request bodies', () => {
  it('malformed JSON to /admin is a 400 { code, message } and the server keeps serving', async () => {
    const res = await post(t.cloud.serviceUrl, '{"action": "database.getDocument",');
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      code: 'INVALID_PARAM',
      message: 'The request body is not valid JSON',
      requestId: expect.any(String),
    });
    await healthy();
  });

  it('a JSON body that is not an object (null) to /admin is a 400 { code, message }', async () => {
    const res = await post(t.cloud.serviceUrl, 'null');
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      code: 'INVALID_PARAM',
      message: expect.any(String),
      requestId: expect.any(String),
    });
    await healthy();
  });

  it('malformed JSON to /functions/echo is a 400 invalid-parameters error and the server keeps serving', async () => {
    const res = await post(`${t.cloud.url}/functions/echo`, '{"action": ', { 'x-wx-openid': 'o1' });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ errCode: -501007, errMsg: 'invalid parameters: body is not JSON' });
    for (const body of ['[1,2]', '"text"', 'null', '42']) {
      const other = await post(`${t.cloud.url}/functions/echo`, body);
      expect(other.status).toBe(400);
      expect(other.json).toEqual({ errCode: -501007, errMsg: 'invalid parameters: event must be an object' });
    }
    await healthy();
  });

  it('an empty body is the empty event', async () => {
    const res = await post(`${t.cloud.url}/functions/echo`, '', { 'x-wx-openid': 'o-empty' });
    expect(res.status).toBe(200);
    expect((res.json as Doc).event).toEqual({ userInfo: { openId: 'o-empty', appId: 'wx-local-appid' } });
  });

  const TOO_LARGE = { errCode: -501007, errMsg: 'invalid parameters: request body too large' };

  it('a body over 1 MB is 413, declared or chunked, and the server keeps serving', async () => {
    const big = JSON.stringify({ action: 'x', pad: 'x'.repeat(1024 * 1024) });
    const admin = await post(t.cloud.serviceUrl, big);
    expect(admin.status).toBe(413);
    expect(admin.json).toEqual({
      code: 'INVALID_PARAM',
      message: expect.any(String),
      requestId: expect.any(String),
    });
    const fn = await post(`${t.cloud.url}/functions/echo`, big);
    expect(fn.status).toBe(413);
    expect(fn.json).toEqual(TOO_LARGE);

    const chunks = Array.from({ length: 20 }, () => Buffer.alloc(64 * 1024, 0x20));
    const chunked = await postChunked(`${t.cloud.url}/functions/echo`, chunks);
    expect(chunked).toEqual({
      status: 413,
      json: TOO_LARGE,
    });
    await healthy();
  });

  it('after a 413 the next request on the same keep-alive connection is answered (or the 413 says Connection: close)', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const send = (path: string, method: string, body?: Buffer, chunked = false) =>
      new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
        const headers: Record<string, string> = chunked
          ? { 'transfer-encoding': 'chunked' }
          : { 'content-length': String(body?.length ?? 0) };
        const req = http.request(`${t.cloud.url}${path}`, { agent, method, headers }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
        });
        req.setTimeout(1500, () => req.destroy(new Error(`no answer to ${method} ${path} within 1.5 s`)));
        req.on('error', reject);
        if (body && chunked)
          for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.subarray(i, i + 64 * 1024));
        else if (body) req.write(body);
        req.end();
      });
    try {
      // A quarter MB past the limit, so part of the body is still unread when the server answers.
      const big = Buffer.alloc(1024 * 1024 + 256 * 1024, 0x20);
      for (const [path, chunked] of [
        ['/admin', false],
        ['/admin', true],
        ['/functions/echo', true],
      ] as const) {
        const tooBig = await send(path, 'POST', big, chunked);
        expect(tooBig.status).toBe(413);
        if (tooBig.connection !== 'close') {
          // The connection was kept open: it must still work.
          await expect(send('/health', 'GET')).resolves.toMatchObject({ status: 200 });
        }
      }
    } finally {
      agent.destroy();
    }
  });

  it('a body just under 1 MB is accepted', async () => {
    const pad = 'y'.repeat(1024 * 1024 - 100);
    const res = await post(`${t.cloud.url}/functions/echo`, JSON.stringify({ pad }));
    expect(res.status).toBe(200);
    expect(((res.json as Doc).event as Doc).pad).toBe(pad);
  });
});

describe('/admin', () => {
  it('an unknown action answers SDK-style { code, message } and the SDK path keeps working', async () => {
    const res = await post(
      `${t.cloud.serviceUrl}?env=local`,
      JSON.stringify({ action: 'database.dropEverything' }),
    );
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      code: 'INVALID_PARAM',
      message: 'The local cloud does not support the action "database.dropEverything"',
      requestId: expect.any(String),
    });
    const missing = await post(t.cloud.serviceUrl, '{}');
    expect((missing.json as Doc).code).toBe('INVALID_PARAM');
    await expect(t.app.database().collection('items').count()).resolves.toMatchObject({ total: 0 });
  });

  it('a database action with missing parameters is INVALID_PARAM', async () => {
    const res = await post(t.cloud.serviceUrl, JSON.stringify({ action: 'database.insertDocument' }));
    expect(res.status).toBe(200);
    expect((res.json as Doc).code).toBe('INVALID_PARAM');
    expect(String((res.json as Doc).message)).toContain('collectionName');
  });
});

describe('bind address', () => {
  function connect(host: string, port: number): Promise<string> {
    return new Promise((resolve) => {
      const socket = net.connect({ host, port });
      socket.setTimeout(2000);
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('timeout', () => {
        socket.destroy();
        resolve('timeout');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
  }

  it('serves on 127.0.0.1 only', async () => {
    expect(t.cloud.url).toBe(`http://127.0.0.1:${t.cloud.port}`);
    expect(t.cloud.serviceUrl).toBe(`http://127.0.0.1:${t.cloud.port}/admin`);
    expect(await connect('127.0.0.1', t.cloud.port)).toBe('connected');
    const others = [
      '127.0.0.2',
      '::1',
      ...Object.values(os.networkInterfaces())
        .flat()
        .filter((info) => info !== undefined && !info.internal && info.family === 'IPv4')
        .map((info) => (info as os.NetworkInterfaceInfo).address),
    ];
    for (const host of others) {
      expect([host, await connect(host, t.cloud.port)]).toEqual([host, 'ECONNREFUSED']);
    }
  });
});
