import { app } from '../repo/db';
import type { SubscribeMessage } from '../models';

/** Which version of the mini program a message opens. */
const MINIPROGRAM_STATE = 'formal';

export type SendOutcome = { ok: true } | { ok: false; error: string };

/**
 * Sends one subscription message (`subscribeMessage.send`). Never throws: a failure of the call or
 * an `errcode` from WeChat is an outcome (e.g. 43101, the reader's credit is gone).
 */
export async function sendSubscribeMessage(touser: string, message: SubscribeMessage): Promise<SendOutcome> {
  try {
    const answer = (await app.callWxOpenApi({
      apiName: '/cgi-bin/message/subscribe/send',
      requestData: {
        touser,
        template_id: message.templateId,
        page: message.page,
        data: message.data,
        miniprogram_state: MINIPROGRAM_STATE,
        lang: 'zh_CN',
      },
    })) as { code?: string; message?: string; result?: { errcode?: number; errmsg?: string } };
    if (answer.code) return { ok: false, error: `${answer.code}: ${answer.message ?? ''}` };
    const errcode = answer.result?.errcode;
    if (errcode === 0) return { ok: true };
    return { ok: false, error: `${errcode ?? 'no errcode'}: ${answer.result?.errmsg ?? ''}` };
  } catch (error) {
    return { ok: false, error: `call failed: ${(error as Error).message ?? String(error)}` };
  }
}
