import type { CloudApp } from './cloud';

/** The verdict of WeChat's content security check (msgSecCheck v2), or `error` when the check itself failed. */
export type ContentVerdict = 'pass' | 'review' | 'risky' | 'error';

/** msgSecCheck scenes: 1 profile, 2 comment, 3 forum, 4 social log. */
export const SEC_CHECK_SCENE = { profile: 1, comment: 2, forum: 3, socialLog: 4 } as const;

interface MsgSecCheckResult {
  errcode?: number;
  result?: { suggest?: string };
}

/**
 * Checks user text with `security.msgSecCheck` v2. It answers `errcode: 0` even for bad content;
 * the verdict is `result.suggest`. Any failure of the check itself is `error`, never an exception.
 */
export async function checkText(
  app: CloudApp,
  input: { openid: string; content: string; title?: string; scene: number },
): Promise<ContentVerdict> {
  try {
    const { result } = (await app.callWxOpenApi({
      apiName: '/wxa/msg_sec_check',
      requestData: {
        version: 2,
        openid: input.openid,
        scene: input.scene,
        content: input.content,
        title: input.title,
      },
    })) as { result?: MsgSecCheckResult };
    if (!result || result.errcode !== 0) return 'error';
    const suggest = result.result?.suggest;
    return suggest === 'pass' || suggest === 'review' || suggest === 'risky' ? suggest : 'error';
  } catch (error) {
    console.error('msgSecCheck failed:', error);
    return 'error';
  }
}
