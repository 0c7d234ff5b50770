import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud } from '../src';
import type { TestCloud } from './helpers';
import { FIXTURE_MANIFEST, post, rejection, startFixtureCloud, type Doc } from './helpers';

/** Cloud functions: `POST /functions/<name>` as the mini program calls them, `app.callFunction`, timers. */

interface Echo {
  event: Doc & { userInfo?: { openId: string; appId: string } };
  env: { WX_OPENID?: string };
}

/** The platform's answer for a function that failed, and for one that ran out of time (the package default). */
const EXEC_FAIL = { errCode: -504002, errMsg: 'functions execute fail' };
const TIME_LIMIT = { errCode: -504003, errMsg: 'functions time limit exceeded' };

let t: TestCloud;

beforeAll(async () => {
  t = await startFixtureCloud();
});

afterAll(async () => {
  await t.close();
});

async function stillServing(): Promise<void> {
  const health = await fetch(`${t.cloud.url}/health`);
  expect(health.status).toBe(200);
  const echo = await t.call<Echo>('echo', { after: 'failure' }, 'o-after');
  expect(echo.event).toEqual({ after: 'failure', userInfo: { openId: 'o-after', appId: 'wx-local-appid' } });
}

describe('POST /functions/<name>', () => {
  it('passes the body as the event and the x-wx-openid header as event.userInfo.openId', async () => {
    const res = await post(
      `${t.cloud.url}/functions/echo`,
      JSON.stringify({ action: 'hi', n: [1, { a: 2 }] }),
      {
        'x-wx-openid': 'oABC_123-xyz',
      },
    );
    expect(res.status).toBe(200);
    expect(res.contentType).toBe('application/json; charset=utf-8');
    expect(res.json).toEqual({
      event: {
        action: 'hi',
        n: [1, { a: 2 }],
        userInfo: { openId: 'oABC_123-xyz', appId: 'wx-local-appid' },
      },
      env: { WX_OPENID: 'oABC_123-xyz' },
    });
  });

  it('overwrites a userInfo the client sent', async () => {
    const echo = await t.call<Echo>(
      'echo',
      { userInfo: { openId: 'forged-admin', appId: 'wx-forged', extra: 1 } },
      'o-real-caller',
    );
    expect(echo.event.userInfo).toEqual({ openId: 'o-real-caller', appId: 'wx-local-appid' });
    expect(echo.env.WX_OPENID).toBe('o-real-caller');
  });

  it('without the header the caller is local-dev-user', async () => {
    const echo = await t.call<Echo>('echo', { userInfo: { openId: 'forged' } });
    expect(echo.event.userInfo).toEqual({ openId: 'local-dev-user', appId: 'wx-local-appid' });
    expect(echo.env.WX_OPENID).toBe('local-dev-user');
  });

  it('50 concurrent callers with 50 OPENIDs each see only their own identity', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_u, i) => t.call<Echo>('echo', { i }, `o-concurrent-${i}`)),
    );
    results.forEach((echo, i) => {
      expect(echo.event).toEqual({ i, userInfo: { openId: `o-concurrent-${i}`, appId: 'wx-local-appid' } });
      expect(echo.env.WX_OPENID).toBe(`o-concurrent-${i}`);
    });
  });

  it('a function that throws fails as the platform does (-504002), without its message or stack, and the server keeps serving', async () => {
    const res = await post(`${t.cloud.url}/functions/crash`, '{}', { 'x-wx-openid': 'o1' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual(EXEC_FAIL);
    expect(res.text).not.toContain('secret-crash-detail');
    expect(res.text).not.toContain('crash.js');
    expect(res.text).not.toMatch(/\bat\s/);
    await stillServing();
  });

  it('a function that exits its instance or throws outside its promise fails with -504002; the server keeps serving', async () => {
    for (const mode of ['exit', 'uncaught']) {
      const res = await post(`${t.cloud.url}/functions/crash`, JSON.stringify({ mode }), {
        'x-wx-openid': 'o1',
      });
      expect(res.status).toBe(200);
      expect(res.json).toEqual(EXEC_FAIL);
      expect(res.text).not.toContain('secret-crash-detail');
    }
    await stillServing();
  });

  it('a function that never settles, or spins, fails with -504003 after its 1 s timeout; the server keeps serving', async () => {
    const started = Date.now();
    const pending = Promise.all([t.call('slow', {}), t.call('slow', { mode: 'busy' })]);
    // While they run, other calls are answered at once: a spinning function does not block the server.
    const during = Date.now();
    await stillServing();
    expect(Date.now() - during).toBeLessThan(900);
    const [never, busy] = await pending;
    const elapsed = Date.now() - started;
    expect(never).toEqual(TIME_LIMIT);
    expect(busy).toEqual(TIME_LIMIT);
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(4000);
    await stillServing();
  });

  it('db-writer writes through @cloudbase/node-sdk inside the function and reads it back', async () => {
    const before = Date.now();
    const res = await t.call<{ id: string; writtenAtIsDate: boolean; doc: Doc }>('db-writer', {
      doc: { kind: 'from-function', n: 7, nested: { list: ['a', 'b'] } },
    });
    expect(res.writtenAtIsDate).toBe(true);
    expect(res.doc).toEqual({
      _id: res.id,
      kind: 'from-function',
      n: 7,
      nested: { list: ['a', 'b'] },
      writtenAt: expect.any(String),
    });
    const writtenAt = Date.parse(res.doc.writtenAt as string);
    expect(writtenAt).toBeGreaterThanOrEqual(before);
    expect(writtenAt).toBeLessThanOrEqual(Date.now());
    // The test's own SDK sees the same document.
    const { data } = await t.app.database().collection('items').doc(res.id).get();
    expect(data).toEqual([
      {
        _id: res.id,
        kind: 'from-function',
        n: 7,
        nested: { list: ['a', 'b'] },
        writtenAt: new Date(writtenAt),
      },
    ]);
  });

  it('an unknown function is 404', async () => {
    const res = await post(`${t.cloud.url}/functions/no-such-function`, '{}');
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ errCode: -501000, errMsg: expect.stringContaining('no-such-function') });
    const odd = await post(`${t.cloud.url}/functions/..%2Fcrash`, '{}');
    expect(odd.status).toBe(404);
  });

  it('a malformed OPENID header is refused', async () => {
    const res = await post(`${t.cloud.url}/functions/echo`, '{}', { 'x-wx-openid': 'bad id with spaces' });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ errCode: -501007, errMsg: expect.stringContaining('x-wx-openid') });
  });
});

describe('app.callFunction', () => {
  it('invokes the function with data as the event and answers its result', async () => {
    const res = await t.app.callFunction({ name: 'echo', data: { hello: '世界', list: [1, 2] } });
    expect(res.result).toEqual({ event: { hello: '世界', list: [1, 2] }, env: {} });
  });

  it('a server caller has no WeChat identity: a userInfo in data is dropped', async () => {
    const res = await t.app.callFunction({
      name: 'echo',
      data: { a: 1, userInfo: { openId: 'forged-admin', appId: 'wx-forged' } },
    });
    expect(res.result).toEqual({ event: { a: 1 }, env: {} });
  });

  it('a throwing function and an unknown function make the SDK throw with a code', async () => {
    expect((await rejection(t.app.callFunction({ name: 'crash', data: {} }))).code).toBe(
      'FUNCTIONS_EXECUTE_FAIL',
    );
    expect((await rejection(t.app.callFunction({ name: 'no-such-function', data: {} }))).code).toBe(
      'FUNCTIONS_NOT_EXIST',
    );
    await stillServing();
  });
});

describe('timer triggers', () => {
  it("cloud.fireTimer('ticker') runs it with a Timer event, and it records the invocation", async () => {
    const before = Date.now();
    const result = await t.cloud.fireTimer('ticker');
    expect(result).toEqual({ recorded: expect.any(String), type: 'Timer', trigger: 'every-minute' });
    const { data } = await t.app
      .database()
      .collection('ticks')
      .doc((result as { recorded: string }).recorded)
      .get();
    const [tick] = data as Doc[];
    expect(tick?.event).toEqual({
      Type: 'Timer',
      TriggerName: 'every-minute',
      Time: expect.any(String),
      Message: '',
    });
    expect(Date.parse((tick?.event as Doc).Time as string)).toBeGreaterThanOrEqual(before - 5);
    expect(tick?.at).toBeInstanceOf(Date);
  });

  it('POST /_local/timers/<fn>/<trigger> fires it too; an unknown trigger or function is refused', async () => {
    const before = (await t.app.database().collection('ticks').count()).total as number;
    const res = await post(`${t.cloud.url}/_local/timers/ticker/every-minute`, '');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      status: 'ok',
      result: { recorded: expect.any(String), type: 'Timer', trigger: 'every-minute' },
    });
    expect((await t.app.database().collection('ticks').count()).total).toBe(before + 1);

    expect((await post(`${t.cloud.url}/_local/timers/ticker/no-such-trigger`, '')).status).toBe(500);
    expect((await post(`${t.cloud.url}/_local/timers/no-such-function`, '')).status).toBe(404);
    await expect(t.cloud.fireTimer('echo')).rejects.toThrow(/no timer trigger/);
    expect((await t.app.database().collection('ticks').count()).total).toBe(before + 1);
  });
});

describe('an invalid timer trigger', () => {
  it('fails the start with a message naming the function, and leaves no server listening', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-bad-cron-'));
    const functionsDir = path.join(root, 'functions');
    fs.mkdirSync(path.join(functionsDir, 'bad-timer'), { recursive: true });
    fs.writeFileSync(path.join(functionsDir, 'bad-timer/index.js'), 'exports.main = async () => null;\n');
    fs.writeFileSync(
      path.join(functionsDir, 'bad-timer/config.json'),
      JSON.stringify({ triggers: [{ name: 'broken', type: 'timer', config: 'every minute please' }] }),
    );
    // A port that is free now, so that a server left listening on it can be detected.
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    try {
      await expect(
        startLocalCloud({
          port,
          dataDir: path.join(root, 'data'),
          functionsDir,
          manifestPath: FIXTURE_MANIFEST,
          log: () => undefined,
        }),
      ).rejects.toThrow(/bad-timer\/config\.json: trigger broken has an invalid cron/);
      const canListen = await new Promise<boolean>((resolve) => {
        const again = net.createServer();
        again.once('error', () => resolve(false));
        again.listen(port, '127.0.0.1', () => again.close(() => resolve(true)));
      });
      expect(canListen).toBe(true);
    } finally {
      // A server a failed start left listening would keep this test process alive: close it.
      const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
      for (const handle of handles) {
        if (handle instanceof net.Server && (handle.address() as net.AddressInfo | null)?.port === port) {
          handle.close();
        }
      }
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
