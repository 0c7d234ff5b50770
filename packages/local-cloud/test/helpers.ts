import tcb from '@cloudbase/node-sdk';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../src';

/** The repository root (for `node_modules/.bin`). */
export const ROOT = path.resolve(__dirname, '../../..');

/** Fixtures of the local-cloud conformance suite: the package's tests use nothing of the app's. */
export const FIXTURES = path.join(__dirname, 'fixtures');
export const FIXTURE_FUNCTIONS = path.join(FIXTURES, 'functions');
export const FIXTURE_MANIFEST = path.join(FIXTURES, 'manifest.json');

// Without this the SDK probes a cloud metadata host before every request.
process.env.TENCENTCLOUD = 'true';
// Its "request slower than 3 s" warnings would outlive tests that deliberately stall or kill a server.
process.env.SILENCE = 'true';

export type Doc = Record<string, unknown>;

export interface TestCloud {
  cloud: LocalCloud;
  /** The real `@cloudbase/node-sdk`, pointed at the local cloud. */
  app: ReturnType<typeof tcb.init>;
  dataDir: string;
  /** Calls `POST /functions/<name>` as the mini program would, as `openId`. */
  call<T = unknown>(name: string, event: unknown, openId?: string): Promise<T>;
  close(): Promise<void>;
}

/**
 * A local cloud with the fixture manifest and functions, on a free port and a fresh data dir
 * (unless one is given); other options as `startLocalCloud` takes them.
 */
export async function startFixtureCloud(
  options: Partial<Omit<LocalCloudOptions, 'port'>> = {},
): Promise<TestCloud> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-test-'));
  const cloud = await startLocalCloud({
    functionsDir: FIXTURE_FUNCTIONS,
    manifestPath: FIXTURE_MANIFEST,
    functionEnv: { SILENCE: 'true' },
    log: () => undefined,
    ...options,
    port: 0,
    dataDir,
  });
  return testCloudOf(cloud, dataDir, !options.dataDir);
}

/** A started cloud with the real SDK and a function caller; `close` also removes `dataDir` when `ownsDataDir`. */
export function testCloudOf(cloud: LocalCloud, dataDir: string, ownsDataDir: boolean): TestCloud {
  const app = tcb.init({ env: 'local', secretId: 'local', secretKey: 'local', serviceUrl: cloud.serviceUrl });
  return {
    cloud,
    app,
    dataDir,
    async call<T>(name: string, event: unknown, openId?: string): Promise<T> {
      const res = await fetch(`${cloud.url}/functions/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(openId ? { 'x-wx-openid': openId } : {}) },
        body: JSON.stringify(event),
      });
      // Parsed here, not by fetch: objects of this realm keep `expect.any(Array)` and `instanceof` meaningful.
      return JSON.parse(await res.text()) as T;
    },
    async close() {
      await cloud.close();
      if (ownsDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Awaits a promise that must reject, and answers the rejection. */
export async function rejection(promise: Promise<unknown>): Promise<{ code?: unknown; message?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: unknown; message?: unknown };
  }
  throw new Error('expected the call to reject, but it resolved');
}

export interface RawResponse {
  status: number;
  contentType: string | null;
  text: string;
  json: unknown;
}

/** POSTs a raw body (no SDK) and answers status, content type and body. */
export async function post(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, contentType: res.headers.get('content-type'), text, json };
}

/** Sorts documents by `_id`, for comparisons that must not depend on storage order. */
export function byId<T extends Doc>(docs: T[]): T[] {
  return [...docs].sort((a, b) => String(a._id).localeCompare(String(b._id)));
}

/** The ids of documents, in the order given. */
export function ids(docs: Doc[]): string[] {
  return docs.map((doc) => String(doc._id));
}
