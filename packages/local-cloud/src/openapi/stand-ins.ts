import type { OpenApiStandIns } from './index';

/**
 * Deterministic stand-ins for two WeChat open APIs, for applications to wire in with
 * `startLocalCloud({ openApi: defaultOpenApiStandIns })`. Requests and answers are WeChat's own
 * snake_case JSON (wx-server-sdk converts `templateId` to `template_id` before sending and the
 * answer back to camelCase), so every branch can be driven from a test:
 *
 * - `security.msgSecCheck` (content security v2): `result.suggest` is
 *   - `risky` when the content contains `[risky]` or one of {@link RISKY_WORDS},
 *   - `review` when it contains `[review]`,
 *   - otherwise `pass`;
 *   content containing `[check-fails]` makes the call itself fail (`errcode: -1`, system busy);
 *   a request without `version: 2`, `openid` and `scene` 1–4 answers `40003`.
 * - `subscribeMessage.send`: succeeds (`errcode: 0`) unless `touser` starts with `refuse-`,
 *   which answers `43101` (the user has not accepted the template); no `touser` or
 *   `template_id` answers `47003`.
 */
export const RISKY_WORDS = ['赌博', '色情', '诈骗'];

export const defaultOpenApiStandIns: OpenApiStandIns = {
  'security.msgSecCheck': (request) => {
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
  'subscribeMessage.send': (request) => {
    if (typeof request.touser !== 'string' || typeof request.template_id !== 'string') {
      return { errcode: 47003, errmsg: 'argument invalid: touser and template_id are required' };
    }
    if (request.touser.startsWith('refuse-'))
      return { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    return { errcode: 0, errmsg: 'ok', msgid: Date.now() };
  },
};
