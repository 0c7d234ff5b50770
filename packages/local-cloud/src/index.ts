import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { runDatabaseAction, isDatabaseAction } from './db/actions';
import { Database, DatabaseError } from './db/database';
import { cloneDoc } from './db/ejson';
import {
  BodyError,
  MAX_JSON_DEPTH,
  mediaType,
  parseJson,
  parseMultipart,
  readBody,
  readJson,
  sendJson,
} from './http';
import { collectionSpecs, loadManifest } from './manifest';
import { CloudCalls, CloudCallRequestError } from './openapi';
import { refuseLegacyOpenApi } from './openapi/legacy';
import { Outbox } from './outbox';
import { tmtStandIn } from './stand-ins/tmt';
import {
  FunctionRunner,
  LOCAL_APPID,
  UnknownFunctionError,
  type InvocationOutcome,
} from './functions/runner';
import { Storage, StorageError } from './storage';
import { Timers } from './timers';
import type { CallFailure, ErrorAnswer, LocalCloud, LocalCloudOptions } from './types';

export type {
  CallFailure,
  ErrorAnswer,
  LocalCloud,
  LocalCloudOptions,
  StartContext,
  StartDatabase,
} from './types';
export { LOCAL_APPID, type Trigger } from './functions/runner';
export type { OutboxEntry } from './outbox';
export { CloudCallError, type OpenApiCaller, type OpenApiStandIn, type OpenApiStandIns } from './openapi';
export { defaultOpenApiStandIns, RISKY_WORDS } from './openapi/stand-ins';

/** The OPENID of a `/functions/<name>` caller that sends no `x-wx-openid` header. */
export const DEFAULT_OPENID = 'local-dev-user';
/** The environment ID the local cloud answers to. */
export const LOCAL_ENV_ID = 'local';

/**
 * What `/functions/<name>` answers, by default, when the call does not reach the function's return
 * value: the `{ errCode, errMsg }` that `wx.cloud.callFunction` fails with on the platform (codes
 * from wx-server-sdk's error table). The details go to the log only.
 */
export function platformErrorBody(failure: CallFailure): ErrorAnswer {
  switch (failure.kind) {
    case 'function-failed':
      return { status: 200, body: { errCode: -504002, errMsg: 'functions execute fail' } };
    case 'timeout':
      return { status: 200, body: { errCode: -504003, errMsg: 'functions time limit exceeded' } };
    case 'unknown-function':
      return {
        status: 404,
        body: { errCode: -501000, errMsg: `FunctionName parameter could not be found: ${failure.function}` },
      };
    case 'body-too-large':
      return {
        status: 413,
        body: { errCode: -501007, errMsg: 'invalid parameters: request body too large' },
      };
    case 'body-not-json':
      return { status: 400, body: { errCode: -501007, errMsg: 'invalid parameters: body is not JSON' } };
    case 'body-not-object':
      return {
        status: 400,
        body: { errCode: -501007, errMsg: 'invalid parameters: event must be an object' },
      };
    case 'body-too-deep':
      return {
        status: 400,
        body: {
          errCode: -501007,
          errMsg: `invalid parameters: event is nested deeper than ${failure.maxDepth} levels`,
        },
      };
    case 'bad-function-name':
      return {
        status: 400,
        body: { errCode: -501007, errMsg: 'invalid parameters: function name is not valid percent-encoding' },
      };
    case 'bad-openid':
      return { status: 400, body: { errCode: -501007, errMsg: 'invalid parameters: x-wx-openid' } };
  }
}

const openIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** After a 413 the rest of the body is not read: the connection cannot be reused. */
function closeAfter(error: BodyError): Record<string, string> {
  return error.status === 413 ? { connection: 'close' } : {};
}

class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Starts the local cloud: database, storage, functions, open-API stand-ins and timers on one port. */
export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[local-cloud] ${line}\n`));
  const errorBody = options.errorBody ?? platformErrorBody;
  fs.mkdirSync(options.dataDir, { recursive: true });
  // What a failed start must undo, newest first, so it leaves no lock, open file or worker behind.
  const undo: (() => unknown)[] = [];
  try {
    const releaseLock = lockDataDir(options.dataDir);
    undo.push(releaseLock);
    const manifest = loadManifest(options.manifestPath);
    const { db, notes } = Database.open(
      path.join(options.dataDir, 'database'),
      collectionSpecs(manifest),
      log,
    );
    undo.push(() => db.close());
    notes.forEach((note) => log(note));
    const outbox = new Outbox(options.dataDir);
    let baseUrl = '';
    const storage = new Storage(options.dataDir, () => baseUrl);
    // The environment of every function instance; the service URL is filled in once the port is known.
    const functionEnv: Record<string, string> = {
      TCB_ENV: LOCAL_ENV_ID,
      SCF_NAMESPACE: LOCAL_ENV_ID,
      // Skips the SDK's cloud-metadata probe; requests still go to serviceUrl.
      TENCENTCLOUD: 'true',
      LOCAL_CLOUD_SERVICE_URL: '',
      ...options.functionEnv,
    };
    const runner = new FunctionRunner(options.functionsDir, functionEnv, log);
    undo.push(() => runner.close());
    const timers = new Timers(runner, log);
    const cloudCalls = new CloudCalls(outbox, options.openApi ?? {}, (token) => runner.invocationOf(token));

    await options.onStart?.({
      db: {
        collectionNames: () => db.collectionNames(),
        findById: (collection, id) => {
          const doc = db.find(collection, { query: { _id: id } })[0];
          return doc ? cloneDoc(doc) : undefined;
        },
        insert: (collection, docs) => void db.insert(collection, docs),
      },
      log,
    });

    async function admin(req: IncomingMessage, res: ServerResponse): Promise<void> {
      const requestId = randomUUID();
      let body: Record<string, unknown>;
      try {
        const bytes = await readBody(req);
        const contentType = req.headers['content-type'] ?? '';
        // The SDK sends JSON, and cloud calls as multipart form data; a browser's cross-site
        // "simple" request (text/plain, url-encoded form) is neither.
        const type = mediaType(req);
        if (type !== 'application/json' && type !== 'multipart/form-data') {
          throw new BodyError(
            415,
            'The request body must be application/json (or multipart/form-data for cloud calls)',
            'media-type',
          );
        }
        if (type === 'multipart/form-data') {
          // Cloud calls (`wx.openApi`) come as form data and are answered in protobuf.
          const fields = parseMultipart(contentType, bytes);
          if (fields.get('action')?.toString('utf8') === 'wx.openApi') {
            sendProtobuf(res, cloudCalls.openApi(fields));
            return;
          }
          body = Object.fromEntries([...fields].map(([key, value]) => [key, value.toString('utf8')]));
        } else {
          body = parseJson(bytes) as Record<string, unknown>;
        }
      } catch (error) {
        if (error instanceof CloudCallRequestError) {
          sendJson(res, 200, { code: error.code, message: error.message, requestId });
          return;
        }
        const e = error as BodyError;
        sendJson(res, e.status, { code: 'INVALID_PARAM', message: e.message, requestId }, closeAfter(e));
        return;
      }
      if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        sendJson(res, 400, {
          code: 'INVALID_PARAM',
          message: 'The request body must be a JSON object',
          requestId,
        });
        return;
      }
      const action = typeof body.action === 'string' ? body.action : '';
      try {
        const answer = await adminAction(action, body);
        sendJson(res, 200, { requestId, ...answer });
      } catch (error) {
        if (error instanceof DatabaseError || error instanceof ApiError || error instanceof StorageError) {
          sendJson(res, 200, { code: error.code, message: error.message, requestId });
          return;
        }
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'string') {
          sendJson(res, 200, { code, message: (error as Error).message, requestId });
          return;
        }
        log(`admin ${action} failed: ${(error as Error).stack ?? String(error)}`);
        sendJson(res, 200, { code: 'SYS_ERR', message: 'Internal error in the local cloud', requestId });
      }
    }

    async function adminAction(
      action: string,
      body: Record<string, unknown>,
    ): Promise<Record<string, unknown>> {
      if (isDatabaseAction(action)) return runDatabaseAction(db, action, body);
      switch (action) {
        case 'functions.invokeFunction': {
          const name = String(body.function_name ?? '');
          let event: Record<string, unknown> = {};
          if (typeof body.request_data === 'string' && body.request_data !== '') {
            try {
              event = JSON.parse(body.request_data) as Record<string, unknown>;
            } catch {
              throw new ApiError('INVALID_PARAM', 'request_data is not JSON');
            }
          }
          // A server caller has no WeChat identity: like the platform, never pass on one it wrote itself.
          delete event.userInfo;
          const outcome = await invoke(name, { event, trigger: 'server' });
          if (outcome.status === 'ok') return { data: { response_data: JSON.stringify(outcome.result) } };
          throw new ApiError(
            'FUNCTIONS_EXECUTE_FAIL',
            `${name}: ${outcome.reason === 'timeout' ? 'Invoking task timed out' : 'function execution failed'}`,
          );
        }
        case 'storage.getUploadMetadata':
          return { data: storage.uploadMetadata(String(body.path ?? '')) };
        case 'storage.batchGetDownloadUrl': {
          const list = z
            .array(z.object({ fileid: z.string(), max_age: z.number().optional() }))
            .safeParse(body.file_list);
          if (!list.success) throw new ApiError('INVALID_PARAM', 'file_list must list { fileid, max_age? }');
          return { data: { download_list: storage.downloadUrls(list.data) } };
        }
        case 'storage.batchDeleteFile': {
          const list = z.array(z.string()).safeParse(body.fileid_list);
          if (!list.success) throw new ApiError('INVALID_PARAM', 'fileid_list must be a list of fileIDs');
          return { data: { delete_list: storage.deleteFiles(list.data) } };
        }
        case 'wx.api':
          return refuseLegacyOpenApi(body);
        default:
          throw new ApiError('INVALID_PARAM', `The local cloud does not support the action "${action}"`);
      }
    }

    async function invoke(
      name: string,
      invocation: Parameters<FunctionRunner['invoke']>[1],
    ): Promise<InvocationOutcome> {
      let outcome: InvocationOutcome;
      try {
        outcome = await runner.invoke(name, invocation);
      } catch (error) {
        if (error instanceof UnknownFunctionError) throw new ApiError('FUNCTIONS_NOT_EXIST', error.message);
        throw error;
      }
      if (outcome.status === 'error') log(`function ${name} ${outcome.reason}: ${outcome.detail}`);
      return outcome;
    }

    function sendFailure(res: ServerResponse, failure: CallFailure, headers?: Record<string, string>): void {
      const answer = errorBody(failure);
      sendJson(res, answer.status, answer.body, headers);
    }

    async function callFunction(
      name: string | undefined,
      req: IncomingMessage,
      res: ServerResponse,
    ): Promise<void> {
      let event: unknown;
      try {
        event = await readJson(req);
      } catch (error) {
        const e = error as BodyError;
        if (e.reason === 'media-type') return sendJson(res, 415, { error: e.message });
        const failure: CallFailure =
          e.reason === 'too-large'
            ? { kind: 'body-too-large' }
            : e.reason === 'too-deep'
              ? { kind: 'body-too-deep', maxDepth: MAX_JSON_DEPTH }
              : { kind: 'body-not-json' };
        sendFailure(res, failure, closeAfter(e));
        return;
      }
      if (name === undefined) {
        sendFailure(res, { kind: 'bad-function-name' });
        return;
      }
      if (event === null || typeof event !== 'object' || Array.isArray(event)) {
        sendFailure(res, { kind: 'body-not-object' });
        return;
      }
      const header = req.headers['x-wx-openid'];
      const openId = typeof header === 'string' && header !== '' ? header : DEFAULT_OPENID;
      if (!openIdSchema.safeParse(openId).success) {
        sendFailure(res, { kind: 'bad-openid' });
        return;
      }
      let outcome: InvocationOutcome;
      try {
        // Like the platform, the caller's identity overwrites whatever the client put in userInfo.
        outcome = await invoke(name, {
          event: event as Record<string, unknown>,
          trigger: 'miniprogram',
          userInfo: { openId, appId: LOCAL_APPID },
        });
      } catch (error) {
        if (error instanceof ApiError) {
          sendFailure(res, { kind: 'unknown-function', function: name });
          return;
        }
        throw error;
      }
      if (outcome.status === 'ok') sendJson(res, 200, outcome.result);
      else if (outcome.reason === 'timeout') sendFailure(res, { kind: 'timeout', function: name });
      else sendFailure(res, { kind: 'function-failed', function: name, reason: outcome.reason });
    }

    async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
      // Only requests addressed to this server by its loopback name or address: a page on another
      // site whose name an attacker re-points at 127.0.0.1 (DNS rebinding) carries its own Host.
      const host = (req.headers.host ?? '').toLowerCase();
      if (!servedHosts.has(host)) {
        return sendJson(res, 403, {
          error: `The local cloud answers only requests to ${[...servedHosts].join(' or ')}, not to "${host}"`,
        });
      }
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = req.method ?? 'GET';
      const p = url.pathname;
      if (method === 'GET' && p === '/health') return sendJson(res, 200, { ok: true });
      const guarded =
        p === '/admin' ||
        p.startsWith('/functions/') ||
        (p.startsWith('/_local/') && !p.startsWith('/_local/files/'));
      if (guarded && isCrossSite(req, servedHosts)) {
        req.resume();
        return sendJson(res, 403, { error: 'Cross-site requests to the local cloud are refused' });
      }
      if (method === 'POST' && p === '/admin') return admin(req, res);
      if (method === 'POST' && p.startsWith('/functions/'))
        return callFunction(decodePathPart(p.slice('/functions/'.length)), req, res);
      if (method === 'GET' && p === '/_local/outbox') return sendJson(res, 200, outbox.list());
      if (method === 'POST' && (p === '/_local/tmt' || p === '/_local/tmt/'))
        return tmtStandIn(req, res, outbox);
      if (method === 'PUT' && p.startsWith('/_local/storage/upload/'))
        return storage.receiveUpload(p.split('/').pop() ?? '', req, res);
      if ((method === 'GET' || method === 'HEAD') && p.startsWith('/_local/files/')) {
        return storage.serve(p.slice('/_local/files/'.length), url.searchParams, res);
      }
      const timer = /^\/_local\/timers\/([^/]+)(?:\/([^/]+))?$/.exec(p);
      if (method === 'POST' && timer) {
        const fn = decodePathPart(timer[1] ?? '');
        const trigger = timer[2] === undefined ? undefined : decodePathPart(timer[2]);
        if (fn === undefined || (timer[2] !== undefined && trigger === undefined)) {
          return sendJson(res, 400, { error: 'The path is not valid percent-encoding' });
        }
        try {
          const outcome = await timers.fire(fn, trigger);
          return sendJson(res, outcome.status === 'ok' ? 200 : 500, outcome);
        } catch (error) {
          if (error instanceof UnknownFunctionError) return sendJson(res, 404, { error: error.message });
          throw error;
        }
      }
      // Routes of tools served on the same port (the browser preview answers `GET /`).
      if (options.extraRoutes && (await options.extraRoutes(req, res, url))) return;
      if (method === 'GET' && p === '/') {
        return sendJson(res, 200, {
          service: 'local cloud',
          env: LOCAL_ENV_ID,
          functions: runner.names(),
          collections: db.collectionNames(),
          endpoints: [
            '/health',
            'POST /admin',
            'POST /functions/<name>',
            '/_local/outbox',
            'POST /_local/timers/<fn>/<trigger>',
          ],
        });
      }
      sendJson(res, 404, { error: `Not found: ${method} ${p}` });
    }

    // `host:port` names this server answers to, filled in once the port is known.
    const servedHosts = new Set<string>();
    const server = http.createServer((req, res) => {
      route(req, res).catch((error: unknown) => {
        log(`request ${req.method} ${req.url} failed: ${(error as Error).stack ?? String(error)}`);
        if (!res.headersSent) sendJson(res, 500, { error: 'Internal error in the local cloud' });
        else res.destroy();
      });
    });
    server.keepAliveTimeout = 5000;

    // Checked before listening: a start that fails must leave no server behind.
    timers.validate();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, '127.0.0.1', () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    servedHosts.add(`127.0.0.1:${port}`).add(`localhost:${port}`);
    baseUrl = `http://127.0.0.1:${port}`;
    const serviceUrl = `${baseUrl}/admin`;
    // Functions reach the database through the real SDK pointed at this server.
    functionEnv.LOCAL_CLOUD_SERVICE_URL = serviceUrl;
    timers.start(options.timers ?? false);

    return {
      url: baseUrl,
      port,
      serviceUrl,
      async fireTimer(functionName: string, triggerName?: string) {
        const outcome = await timers.fire(functionName, triggerName);
        if (outcome.status !== 'ok')
          throw new Error(`Timer ${functionName}: ${outcome.reason}: ${outcome.detail}`);
        return outcome.result;
      },
      async close() {
        timers.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await runner.close();
        db.close();
        releaseLock();
      },
    };
  } catch (error) {
    for (const step of undo.reverse()) await step();
    throw error;
  }
}

/** One local cloud per data directory: a second one would interleave its writes with the first's. */
function lockDataDir(dataDir: string): () => void {
  const lock = path.join(dataDir, 'LOCK');
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number(fs.readFileSync(lock, 'utf8'));
    if (isRunning(owner))
      throw new Error(`The data directory ${dataDir} is in use by another local cloud (pid ${owner})`);
    fs.rmSync(lock, { force: true }); // left by a process that was killed
  }
}

/** Whether `pid` is a live process; a killed one may linger as a zombie until reaped, which counts as gone. */
function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true; // no /proc (not Linux): trust kill(pid, 0)
  }
}

/**
 * Whether a browser sent this request from another site. Browsers mark every request with
 * `Sec-Fetch-Site` and cross-origin POSTs with `Origin`; the SDK and scripts send neither.
 */
function isCrossSite(req: IncomingMessage, servedHosts: Set<string>): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  return ![...servedHosts].some((host) => origin.toLowerCase() === `http://${host}`);
}

/** A percent-decoded path segment, or undefined when its encoding is malformed. */
function decodePathPart(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

function sendProtobuf(res: ServerResponse, body: Buffer): void {
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
  res.end(body);
}
