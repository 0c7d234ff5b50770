import path from 'node:path';
import { ROOT, startTestCloud, type TestCloud } from '../../../test/harness/local-cloud';

/** Fixtures of the local-cloud conformance suite. */
export const FIXTURES = path.join(ROOT, 'test/fixtures/local-cloud');
export const FIXTURE_FUNCTIONS = path.join(FIXTURES, 'functions');
export const FIXTURE_MANIFEST = path.join(FIXTURES, 'manifest.json');

export type Doc = Record<string, unknown>;

/** A local cloud with the fixture manifest and functions, on a free port and a fresh data dir. */
export function startFixtureCloud(
  options: { dataDir?: string; adminOpenids?: string[] } = {},
): Promise<TestCloud> {
  return startTestCloud({ functionsDir: FIXTURE_FUNCTIONS, manifestPath: FIXTURE_MANIFEST, ...options });
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
