import tcb from '@cloudbase/node-sdk';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postJson } from '../test/harness/cloud-client';
import type { CallFunction } from '../test/harness/simulate';
import { seedDatabase } from '../tools/seed';

/**
 * A seeded local cloud of the page measurement's own, with its caller made staff so staff pages
 * render too. It runs as a child process: the local cloud does not run inside jest's jsdom realm,
 * and a cloud of its own keeps the enquiry and staff entry it adds away from every other test.
 */

const ROOT = path.resolve(__dirname, '..');
const TSX_CLI = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const READY = /local cloud ready at (\S+) \(serviceUrl (\S+)\)/;
const START_TIMEOUT_MS = 30_000;

// The SDK would otherwise probe a cloud metadata host before each request (KNOWHOW.md).
process.env.TENCENTCLOUD = 'true';

export interface PageCloud {
  /** The real `@cloudbase/node-sdk`, pointed at this cloud. */
  app: ReturnType<typeof tcb.init>;
  /** `wx.cloud.callFunction` against this cloud, as `openId`. */
  caller(openId: string): CallFunction;
  close(): Promise<void>;
}

export async function startPageCloud(staffOpenIds: string[]): Promise<PageCloud> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-page-cloud-'));
  const child = spawn(process.execPath, [TSX_CLI, 'tools/local-cloud.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      LOCAL_CLOUD_PORT: '0',
      LOCAL_CLOUD_DATA_DIR: dataDir,
      LOCAL_CLOUD_TIMERS: 'off',
      ADMIN_OPENIDS: staffOpenIds.join(','),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const cleanUp = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const { url, serviceUrl } = await waitUntilReady(child);
    const app = tcb.init({ env: 'local', secretId: 'local', secretKey: 'local', serviceUrl });
    await seedDatabase(app);
    return {
      app,
      caller: (openId) => (name, data) =>
        postJson(`${url}/functions/${encodeURIComponent(name)}`, data, { 'x-wx-openid': openId }),
      close: cleanUp,
    };
  } catch (error) {
    await cleanUp();
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
