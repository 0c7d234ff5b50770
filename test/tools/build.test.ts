import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from '../../tools/build';
import { bundle, listFunctions, type CloudFunction } from '../../tools/build/functions';
import { ROOT } from '../../tools/build/paths';

const run = promisify(execFile);
/** What a deployment uploads: the folder with nothing from the repository around it. */
const DEPLOYED_FILES = ['index.js', 'package.json', 'config.json'];

const temporaryDirs: string[] = [];

function freshDirOutsideRepo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudfunction-'));
  temporaryDirs.push(dir);
  expect(path.relative(ROOT, dir).startsWith('..')).toBe(true);
  return dir;
}

function deployAlone(fn: CloudFunction): string {
  const dir = freshDirOutsideRepo();
  for (const file of DEPLOYED_FILES) fs.copyFileSync(path.join(fn.dir, file), path.join(dir, file));
  return dir;
}

/**
 * Runs `script` in a separate Node process inside `dir`: only what the folder holds can be
 * required. The script's last expression value is printed as JSON.
 */
async function runIn(dir: string, script: string, env: NodeJS.ProcessEnv = {}): Promise<unknown> {
  const program = `Promise.resolve().then(async () => ${script}).then((value) => process.stdout.write(JSON.stringify(value)))`;
  const { stdout } = await run(process.execPath, ['-e', program], {
    cwd: dir,
    env: { PATH: process.env.PATH, ...env },
  });
  return JSON.parse(stdout);
}

beforeAll(async () => {
  await build({ quiet: true });
});

afterAll(() => {
  for (const dir of temporaryDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('cloud function build', () => {
  const functions = listFunctions();

  it('finds the functions, skipping shared folders', () => {
    const names = functions.map((fn) => fn.name);
    expect(names).toContain('ping');
    expect(names.every((name) => !name.startsWith('_'))).toBe(true);
  });

  it.each(functions.map((fn) => [fn.name, fn] as const))(
    '%s loads on its own and exports main',
    async (_name, fn) => {
      const dir = deployAlone(fn);
      await expect(runIn(dir, `typeof require('./index.js').main`)).resolves.toBe('function');
    },
  );

  it('ping answers the envelope from its deployed folder', async () => {
    const ping = functions.find((fn) => fn.name === 'ping');
    if (!ping) throw new Error('cloudfunctions/ping is missing');
    const dir = deployAlone(ping);
    const before = Date.now();
    // The platform gives each invocation its caller in process.env (the names WX_CONTEXT_KEYS lists) and copies
    // it into event.userInfo; a call with no caller (a timer, a server) carries neither.
    const pong = (await runIn(
      dir,
      `require('./index.js').main({ action: 'ping', userInfo: { openId: 'o-caller', appId: 'wx-app' } }, {})`,
      { WX_OPENID: 'o-caller', WX_APPID: 'wx-app', WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID' },
    )) as { ok: true; data: { pong: boolean; openId: string | null; serverTime: string } };
    const [anonymous, unknown] = (await runIn(
      dir,
      `Promise.all([
        require('./index.js').main({ action: 'ping' }, {}),
        require('./index.js').main({ action: 'drop-tables' }, {}),
      ])`,
    )) as [{ ok: true; data: { openId: string | null } }, unknown];

    expect(pong).toEqual({
      ok: true,
      data: { pong: true, openId: 'o-caller', serverTime: expect.any(String) },
    });
    const serverTime = Date.parse(pong.data.serverTime);
    expect(new Date(serverTime).toISOString()).toBe(pong.data.serverTime);
    expect(serverTime).toBeGreaterThanOrEqual(before - 1000);
    expect(serverTime).toBeLessThanOrEqual(Date.now());
    expect(anonymous.data.openId).toBeNull();
    expect(unknown).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '不支持的操作' } });
  });

  it('bundles @cloudbase/node-sdk so a lone folder initialises it and reaches the server', async () => {
    const actions: string[] = [];
    const server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        actions.push((JSON.parse(body) as { action: string }).action);
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ requestId: 'probe', data: { total: 3 } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const dir = freshDirOutsideRepo();
      await bundle(
        path.join(ROOT, 'test/fixtures/cloudfunctions/sdk-probe/src/index.ts'),
        path.join(dir, 'index.js'),
      );
      const serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin`;
      // TENCENTCLOUD skips the SDK's probe of the cloud metadata host, unreachable here.
      const result = await runIn(
        dir,
        `require('./index.js').main({ serviceUrl: ${JSON.stringify(serviceUrl)} })`,
        {
          TENCENTCLOUD: 'true',
        },
      );
      expect(result).toEqual({ total: 3 });
      expect(actions).toEqual(['database.calculateDocument']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('incremental build', () => {
  it('does nothing when no input changed', async () => {
    const outputs = [
      ...listFunctions().map((fn) => fn.outfile),
      path.join(ROOT, 'miniprogram/miniprogram_npm/tdesign-miniprogram/button/button.js'),
    ];
    const mtimes = outputs.map((file) => fs.statSync(file).mtimeMs);

    const report = await build({ quiet: true });

    expect(report.built).toEqual([]);
    expect(report.upToDate).toEqual(expect.arrayContaining(['npm', 'cloudfunctions/ping']));
    expect(outputs.map((file) => fs.statSync(file).mtimeMs)).toEqual(mtimes);
  });
});
