import { localSdk, type LocalApp } from '../../tools/local-sdk';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postJson } from './cloud-client';
import type { CallFunction } from './simulate';

/**
 * A local cloud of a caller's own (`npm start`'s, timers off), in a child process on a free port
 * with a fresh data directory: the local cloud does not run inside jest's jsdom realm, and a cloud
 * of its own keeps what a test or measurement adds away from every other test.
 */

const ROOT = path.resolve(__dirname, '../..');
const TSX_CLI = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const READY = /local cloud ready at (\S+) \(serviceUrl (\S+)\)/;
const START_TIMEOUT_MS = 30_000;

// The SDK would otherwise probe a cloud metadata host before each request (KNOWHOW.md).
process.env.TENCENTCLOUD = 'true';

export interface ChildCloud {
  /** The real `@cloudbase/node-sdk`, pointed at this cloud. */
  app: LocalApp;
  /** `wx.cloud.callFunction` against this cloud, as `openId`. */
  caller(openId: string): CallFunction;
  close(): Promise<void>;
}

/** Starts the cloud with `env` added to the child's environment (e.g. `ADMIN_OPENIDS`). */
export async function startChildCloud(
  dataDirPrefix: string,
  env: Record<string, string> = {},
): Promise<ChildCloud> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), dataDirPrefix));
  const child = spawn(process.execPath, [TSX_CLI, 'tools/local-cloud.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      LOCAL_CLOUD_PORT: '0',
      LOCAL_CLOUD_DATA_DIR: dataDir,
      LOCAL_CLOUD_TIMERS: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const { url, serviceUrl } = await waitUntilReady(child);
    return {
      app: localSdk(serviceUrl),
      caller: (openId) => (name, data) =>
        postJson(`${url}/functions/${encodeURIComponent(name)}`, data, { 'x-wx-openid': openId }),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

function waitUntilReady(child: ReturnType<typeof spawn>): Promise<{ url: string; serviceUrl: string }> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`the local cloud did not start within ${START_TIMEOUT_MS} ms:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = READY.exec(output);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        resolve({ url: match[1], serviceUrl: match[2] });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the local cloud exited (${code}) before it was ready:\n${output}`));
    });
  });
}
