/**
 * This app's local cloud: the generic `@cdr/local-cloud` with the app's paths and policy, used by
 * `npm start`, the test harness and tests that need the cloud as its own process
 * (`tsx tools/local-cloud.ts`, configured by the same variables as the package's CLI, plus
 * `ADMIN_OPENIDS`).
 */
import path from 'node:path';
import {
  defaultOpenApiStandIns,
  type CallFailure,
  type ErrorAnswer,
  type LocalCloudOptions,
  type StartContext,
} from '@cdr/local-cloud';
import { runCli } from '@cdr/local-cloud/src/cli';
import type { ApiError, ErrorCode } from '../contract/api/common';

const ROOT = path.resolve(__dirname, '..');

export const APP_FUNCTIONS_DIR = path.join(ROOT, 'cloudfunctions');
export const APP_MANIFEST = path.join(ROOT, 'cloudbase/manifest.json');
export const APP_DATA_DIR = path.join(ROOT, '.local-cloud');

/** The collection of staff OPENIDs (CONTRACTS.md: `ADMIN_OPENIDS` makes staff at start). */
const ADMINS = 'admins';
const OPENID = /^[A-Za-z0-9_-]{1,64}$/;

/** What the mini program shows when a call fails before reaching the function's own answer. */
const CALL_FAILURE_MESSAGES = {
  INTERNAL: '服务暂时不可用，请稍后再试',
  BODY_TOO_LARGE: '请求内容过大',
  BODY_NOT_JSON: '请求内容不是有效的 JSON',
  BODY_NOT_OBJECT: '请求内容必须是 JSON 对象',
  BODY_TOO_DEEP: '请求内容嵌套层级过深',
  BAD_FUNCTION_NAME: '云函数名称无效',
  BAD_OPENID: '无效的用户身份',
  UNKNOWN_FUNCTION: (name: string) => `云函数 ${name} 不存在`,
} as const;

function envelope(status: number, code: ErrorCode, message: string): ErrorAnswer {
  const error: ApiError = { code, message };
  return { status, body: { ok: false, error } };
}

/** Status, code and message of the app's answer to each call that did not reach the function. */
const CALL_FAILURE_ANSWERS: Record<
  Exclude<CallFailure['kind'], 'unknown-function'>,
  [status: number, code: ErrorCode, message: string]
> = {
  'function-failed': [200, 'INTERNAL', CALL_FAILURE_MESSAGES.INTERNAL],
  timeout: [200, 'INTERNAL', CALL_FAILURE_MESSAGES.INTERNAL],
  'body-too-large': [413, 'INVALID_ARGUMENT', CALL_FAILURE_MESSAGES.BODY_TOO_LARGE],
  'body-not-json': [400, 'INVALID_ARGUMENT', CALL_FAILURE_MESSAGES.BODY_NOT_JSON],
  'body-not-object': [400, 'INVALID_ARGUMENT', CALL_FAILURE_MESSAGES.BODY_NOT_OBJECT],
  'body-too-deep': [400, 'INVALID_ARGUMENT', CALL_FAILURE_MESSAGES.BODY_TOO_DEEP],
  'bad-function-name': [400, 'INVALID_ARGUMENT', CALL_FAILURE_MESSAGES.BAD_FUNCTION_NAME],
  'bad-openid': [400, 'UNAUTHENTICATED', CALL_FAILURE_MESSAGES.BAD_OPENID],
};

/** The app's result envelope (CONTRACTS.md) for a call that did not reach the function's answer. */
export function appErrorBody(failure: CallFailure): ErrorAnswer {
  if (failure.kind === 'unknown-function')
    return envelope(404, 'NOT_FOUND', CALL_FAILURE_MESSAGES.UNKNOWN_FUNCTION(failure.function));
  const [status, code, message] = CALL_FAILURE_ANSWERS[failure.kind];
  return envelope(status, code, message);
}

/** Records each OPENID in `admins` unless it is there already (an existing entry is left as it was). */
export function seedAdmins(openIds: readonly string[]): (context: StartContext) => void {
  const invalid = openIds.find((id) => !OPENID.test(id));
  if (invalid !== undefined) throw new Error(`ADMIN_OPENIDS: "${invalid}" is not an OPENID`);
  return ({ db, log }) => {
    if (openIds.length === 0) return;
    if (!db.collectionNames().includes(ADMINS)) throw new Error('The manifest declares no admins collection');
    for (const openId of openIds) {
      if (db.findById(ADMINS, openId)) continue;
      db.insert(ADMINS, [{ _id: openId, addedAt: new Date(), addedBy: 'ADMIN_OPENIDS' }]);
      log(`staff added from ADMIN_OPENIDS: ${openId}`);
    }
  };
}

/** `ADMIN_OPENIDS`: comma-separated, blanks ignored. */
export function adminOpenidsFromEnvironment(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.ADMIN_OPENIDS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
}

/** The app's policy for the local cloud: staff seeding, its error envelope, the open-API stand-ins. */
export function appCloudPolicy(
  adminOpenids: readonly string[] = [],
): Pick<LocalCloudOptions, 'onStart' | 'errorBody' | 'openApi'> {
  return { onStart: seedAdmins(adminOpenids), errorBody: appErrorBody, openApi: defaultOpenApiStandIns };
}

if (require.main === module) {
  process.env.LOCAL_CLOUD_FUNCTIONS_DIR ||= APP_FUNCTIONS_DIR;
  process.env.LOCAL_CLOUD_MANIFEST ||= APP_MANIFEST;
  process.env.LOCAL_CLOUD_DATA_DIR ||= APP_DATA_DIR;
  let policy: ReturnType<typeof appCloudPolicy>;
  try {
    policy = appCloudPolicy(adminOpenidsFromEnvironment());
  } catch (error) {
    console.error(`local cloud failed to start: ${(error as Error).message}`);
    process.exit(1);
  }
  void runCli(policy);
}
