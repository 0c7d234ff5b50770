import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from '../http';
import type { Outbox } from '../outbox';

/**
 * A deterministic stand-in for Tencent Cloud Machine Translation (`tmt.tencentcloudapi.com`), for
 * a client whose `profile.httpProfile.endpoint` points here (`127.0.0.1:PORT/_local/tmt`). It
 * answers `TextTranslate` in the API 3.0 shape (`{ Response: { TargetText, Source, Target,
 * RequestId } }`, errors as `Response.Error`) and records each call in the outbox as
 * `tmt.TextTranslate`. The "translation" is the text tagged with the target language, so tests can
 * tell it apart; a text containing `[tmt:fail]` or `[tmt:limit]` answers `InternalError` or
 * `RequestLimitExceeded`, to exercise a caller's failure paths. Signatures are not checked.
 */
export async function tmtStandIn(req: IncomingMessage, res: ServerResponse, outbox: Outbox): Promise<void> {
  const action = String(req.headers['x-tc-action'] ?? '');
  const requestId = randomUUID();
  let request: Record<string, unknown> = {};
  try {
    request = JSON.parse((await readBody(req)).toString('utf8') || '{}') as Record<string, unknown>;
  } catch {
    request = {};
  }
  const fail = (code: string, message: string) => ({
    Response: { Error: { Code: code, Message: message }, RequestId: requestId },
  });
  const text = typeof request.SourceText === 'string' ? request.SourceText : '';
  const target = typeof request.Target === 'string' ? request.Target : '';
  const source =
    typeof request.Source === 'string' && request.Source !== 'auto'
      ? request.Source
      : /[\u4e00-\u9fff]/.test(text)
        ? 'zh'
        : 'en';
  const response =
    action !== 'TextTranslate'
      ? fail('InvalidAction', `The stand-in answers TextTranslate only, not ${action || 'nothing'}`)
      : !text || !target
        ? fail('MissingParameter', 'SourceText and Target are required')
        : text.includes('[tmt:fail]')
          ? fail('InternalError', 'stand-in failure')
          : text.includes('[tmt:limit]')
            ? fail('RequestLimitExceeded', 'stand-in rate limit')
            : {
                Response: {
                  TargetText: `[${target}] ${text}`,
                  Source: source,
                  Target: target,
                  RequestId: requestId,
                },
              };
  outbox.record({ api: 'tmt.TextTranslate', function: '', trigger: 'http', request, response });
  sendJson(res, 200, response);
}
