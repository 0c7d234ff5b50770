import { CloudCallError } from './index';

/**
 * node-sdk's `app.callWxOpenApi({ apiName: '/wxa/msg_sec_check', … })` (server action `wx.api`) is an
 * internal route with no documented use for WeChat's open APIs; cloud calls go by `wx.openApi`
 * (see ./index.ts). Refused as an unknown API (`-604100`), in the `{ code, message }` shape node-sdk
 * throws, so code that still uses it fails locally as it would in the cloud. Nothing is recorded.
 */
export function refuseLegacyOpenApi(body: Record<string, unknown>): never {
  throw Object.assign(
    new Error(`${CloudCallError.API_NOT_FOUND} API not found: wx.api ${String(body.apiName ?? '')}`),
    { code: 'INVALID_PARAM' },
  );
}
