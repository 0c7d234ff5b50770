/**
 * WeChat open APIs by the documented cloud-call route: `wx-server-sdk`'s `cloud.openapi.<category>.<method>`
 * (declared in each function's `config.json` `permissions.openapi`), as CloudBase's own
 * subscription-message recipe does; everything else stays on `@cloudbase/node-sdk`. The SDK turns
 * camelCase parameters into the API's snake_case and throws on a non-zero `errCode`: both calls
 * here map that to an outcome and never throw.
 */
import { serviceOverride } from './cloud';
import type { SubscribeMessage } from './models';

type WxCloud = typeof import('wx-server-sdk');

let loading: Promise<WxCloud> | undefined;

/**
 * wx-server-sdk, loaded and initialised on the first cloud call of the instance: the actions that
 * make none (most of them) do not pay for it on a cold start. The cloud-call token is read per
 * call from the invocation's context, so initialising inside an invocation changes nothing.
 */
function wxCloud(): Promise<WxCloud> {
  loading ??= import('wx-server-sdk').then((cloud) => {
    cloud.init({
      // The SDK's typings say string; its documentation and code take this symbol (the calling environment).
      env: cloud.DYNAMIC_CURRENT_ENV as unknown as string,
      ...serviceOverride(),
    });
    return cloud;
  });
  return loading;
}

/** The verdict of WeChat's content security check (msgSecCheck v2), or `error` when the check itself failed. */
export type ContentVerdict = 'pass' | 'review' | 'risky' | 'error';

/** msgSecCheck scenes: 1 profile, 2 comment, 3 forum, 4 social log. */
export const SEC_CHECK_SCENE = { profile: 1, comment: 2, forum: 3, socialLog: 4 } as const;

const VERDICTS: readonly ContentVerdict[] = ['pass', 'review', 'risky'];

/** What the SDK throws for a failed call: WeChat's or the platform's error code and message. */
function describe(error: unknown): string {
  const { errCode, errMsg, message } = (error ?? {}) as {
    errCode?: unknown;
    errMsg?: unknown;
    message?: unknown;
  };
  if (errCode !== undefined) return `${String(errCode)}: ${String(errMsg ?? '')}`;
  return `call failed: ${typeof message === 'string' ? message : String(error)}`;
}

/**
 * Checks user text with `security.msgSecCheck` v2. It answers `errCode: 0` even for bad content;
 * the verdict is `result.suggest`. Any failure of the check itself is `error`.
 */
export async function checkText(input: {
  openid: string;
  content: string;
  title?: string;
  scene: number;
}): Promise<ContentVerdict> {
  try {
    const cloud = await wxCloud();
    const answer = (await cloud.openapi.security.msgSecCheck({
      version: 2,
      openid: input.openid,
      scene: input.scene,
      content: input.content,
      ...(input.title ? { title: input.title } : {}),
    })) as { result?: { suggest?: string } };
    const suggest = answer.result?.suggest;
    return VERDICTS.find((verdict) => verdict === suggest) ?? 'error';
  } catch (error) {
    console.error('security.msgSecCheck failed:', describe(error));
    return 'error';
  }
}

/** Which version of the mini program a subscription message opens. */
export const MINIPROGRAM_STATES = ['developer', 'trial', 'formal'] as const;
export type MiniprogramState = (typeof MINIPROGRAM_STATES)[number];

/**
 * The deployment's `MINIPROGRAM_STATE` (unset: `formal`). A value outside the three is a
 * misconfiguration: messages are then not sent (each fails naming it) rather than sent to the
 * wrong version.
 */
export function miniprogramState(value = process.env.MINIPROGRAM_STATE): MiniprogramState | null {
  if (value === undefined || value === '') return 'formal';
  return MINIPROGRAM_STATES.find((state) => state === value) ?? null;
}

export type SendOutcome = { ok: true } | { ok: false; error: string };

/**
 * Sends one subscription message (`subscribeMessage.send`). A refusal by WeChat (e.g. 43101, the
 * reader's credit is gone) or a failed call is an outcome naming the code.
 */
export async function sendSubscribeMessage(touser: string, message: SubscribeMessage): Promise<SendOutcome> {
  const state = miniprogramState();
  if (!state) {
    return { ok: false, error: `MINIPROGRAM_STATE must be one of ${MINIPROGRAM_STATES.join(', ')}` };
  }
  try {
    const cloud = await wxCloud();
    await cloud.openapi.subscribeMessage.send({
      touser,
      templateId: message.templateId,
      page: message.page,
      data: message.data,
      miniprogramState: state,
      lang: 'zh_CN',
    });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: describe(error) };
  }
}
