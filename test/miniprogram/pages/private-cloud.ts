import tcb from '@cloudbase/node-sdk';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postJson } from '../../harness/cloud-client';
import type { CallFunction } from '../../harness/simulate';

/**
 * A local cloud of a test file's own, for page tests that change public content (which the shared,
 * seeded cloud of every other page test must not see). It runs in a child process: the local
 * cloud does not run inside jest's jsdom realm.
 */

const ROOT = path.resolve(__dirname, '../../..');
const READY = /local cloud ready at (\S+) \(serviceUrl (\S+)\)/;
const START_TIMEOUT_MS = 20_000;

// The SDK would otherwise probe a cloud metadata host before each request (KNOWHOW.md).
process.env.TENCENTCLOUD = 'true';

export interface PrivateCloud {
  /** The real `@cloudbase/node-sdk`, pointed at this cloud. */
  app: ReturnType<typeof tcb.init>;
  /** `wx.cloud.callFunction` against this cloud, as `openId`. */
  caller(openId: string): CallFunction;
  close(): Promise<void>;
}

export async function startPrivateCloud(): Promise<PrivateCloud> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'page-test-cloud-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'tools/local-cloud.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOCAL_CLOUD_PORT: '0', LOCAL_CLOUD_DATA_DIR: dataDir, LOCAL_CLOUD_TIMERS: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const { url, serviceUrl } = await new Promise<{ url: string; serviceUrl: string }>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`local cloud did not start:\n${output}`)),
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
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`local cloud exited (${code}):\n${output}`));
    });
  });
  return {
    app: tcb.init({ env: 'local', secretId: 'local', secretKey: 'local', serviceUrl }),
    caller: (openId) => (name, data) =>
      postJson(`${url}/functions/${encodeURIComponent(name)}`, data, { 'x-wx-openid': openId }),
    async close() {
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
