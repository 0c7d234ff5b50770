import type { Outbox } from './outbox';

/**
 * A local stand-in for the WeChat open APIs the functions call through
 * `app.callWxOpenApi({ apiName, requestData })` (server action `wx.api`).
 * Deterministic, so tests can drive every branch:
 *
 * - `wxa/msg_sec_check` (content security v2): `result.suggest` is
 *   - `risky` when the content contains `[risky]` or one of RISKY_WORDS,
 *   - `review` when it contains `[review]`,
 *   - otherwise `pass`;
 *   content containing `[check-fails]` makes the call itself fail (`errcode: -1`, system busy).
 * - `cgi-bin/message/subscribe/send`: succeeds (`errcode: 0`) unless `touser` starts with
 *   `refuse-`, which answers `43101` (the user has not accepted the template).
 *
 * Every call, with its request and answer, is recorded in the outbox (`GET /_local/outbox`).
 */

export const RISKY_WORDS = ['赌博', '色情', '诈骗'];

type Handler = (request: Record<string, unknown>) => Record<string, unknown>;

const handlers: Record<string, Handler> = {
  'wxa/msg_sec_check': (request) => {
    const text = [request.content, request.title, request.nickname, request.signature]
      .filter((part): part is string => typeof part === 'string')
      .join('\n');
    if (
      request.version !== 2 ||
      typeof request.openid !== 'string' ||
      ![1, 2, 3, 4].includes(request.scene as number)
    ) {
      return { errcode: 40003, errmsg: 'invalid args: version 2, openid and scene 1-4 are required' };
    }
    if (text.includes('[check-fails]')) return { errcode: -1, errmsg: 'system error' };
    const risky = text.includes('[risky]') || RISKY_WORDS.some((word) => text.includes(word));
    const suggest = risky ? 'risky' : text.includes('[review]') ? 'review' : 'pass';
    const label = risky ? 20001 : 100;
    return {
      errcode: 0,
      errmsg: 'ok',
      trace_id: `local-${Date.now()}`,
      result: { suggest, label },
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: risky ? 90 : 0 }],
    };
  },
  'cgi-bin/message/subscribe/send': (request) => {
    if (typeof request.touser !== 'string' || typeof request.template_id !== 'string') {
      return { errcode: 47003, errmsg: 'argument invalid: touser and template_id are required' };
    }
    if (request.touser.startsWith('refuse-'))
      return { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    return { errcode: 0, errmsg: 'ok', msgid: Date.now() };
  },
};

export function normaliseApiName(apiName: string): string {
  return apiName.replace(/^\/+/, '').split('?')[0] ?? '';
}

/** Answers `wx.api`: `{ data: { responseData: <JSON string> } }`, or throws for an unknown API. */
export function callOpenApi(outbox: Outbox, apiName: string, requestData: string): Record<string, unknown> {
  const api = normaliseApiName(apiName);
  const handler = handlers[api];
  if (!handler) {
    throw Object.assign(new Error(`The local cloud has no stand-in for the open API ${apiName}`), {
      code: 'INVALID_PARAM',
    });
  }
  let request: Record<string, unknown>;
  try {
    request = requestData ? (JSON.parse(requestData) as Record<string, unknown>) : {};
  } catch {
    throw Object.assign(new Error('requestData is not JSON'), { code: 'INVALID_PARAM' });
  }
  const response = handler(request);
  outbox.record(api, request, response);
  return { data: { responseData: JSON.stringify(response) } };
}
