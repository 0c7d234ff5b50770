import type { CloudCalls } from './index';

/**
 * node-sdk's `app.callWxOpenApi({ apiName: '/wxa/msg_sec_check', requestData })` (server action
 * `wx.api`): an internal route with no documented use for these APIs; cloud calls go by
 * `wx.openApi` (see ./index.ts). Still answered, with the same stand-ins, while applications move
 * off it; the outbox records it under the path it was called by.
 */
const LEGACY_PATHS: Readonly<Record<string, string>> = {
  'wxa/msg_sec_check': 'security.msgSecCheck',
  'cgi-bin/message/subscribe/send': 'subscribeMessage.send',
};

function requestError(message: string): Error {
  return Object.assign(new Error(message), { code: 'INVALID_PARAM' });
}

/** Answers `wx.api`: `{ data: { responseData: <JSON string> } }`. */
export function callLegacyOpenApi(calls: CloudCalls, body: Record<string, unknown>): Record<string, unknown> {
  const path = String(body.apiName ?? '')
    .replace(/^\/+/, '')
    .split('?')[0];
  const api = path ? LEGACY_PATHS[path] : undefined;
  let request: Record<string, unknown>;
  try {
    request = body.requestData ? (JSON.parse(String(body.requestData)) as Record<string, unknown>) : {};
  } catch {
    throw requestError('requestData is not JSON');
  }
  const caller = calls.caller(typeof body.wxCloudApiToken === 'string' ? body.wxCloudApiToken : undefined);
  const response = api && path ? calls.answer(api, path, request, caller) : undefined;
  if (!response)
    throw requestError(`The local cloud has no stand-in for the open API ${String(body.apiName)}`);
  return { data: { responseData: JSON.stringify(response) } };
}
