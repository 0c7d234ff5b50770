import type { Outbox } from '../outbox';
import type { Trigger } from '../functions/runner';
import { API_TYPE_OPEN_API, decodeCommApiData, encodeCommOpenApiResp, ProtobufError } from './protobuf';

/**
 * WeChat cloud calls (云调用): `cloud.openapi.<category>.<method>(…)` in wx-server-sdk sends
 * server action `wx.openApi` as multipart form data: `apiName` (dotted, `security.msgSecCheck`),
 * `requestData` (a protobuf `CommApiData` whose pairs hold each snake_case parameter as JSON) and
 * the instance's cloud-call token `wxCloudApiToken` (node-sdk `utils/wxCloudToken.js`). The answer
 * is a protobuf `CommOpenApiResp`: WeChat's JSON in `respData`, or a platform `errorCode`, which
 * wx-server-sdk throws as `errCode` (as it throws WeChat's own non-zero `errcode`).
 */

/** Who made a cloud call: the invocation its token belongs to. */
export interface OpenApiCaller {
  function: string;
  trigger: Trigger;
  openId?: string;
  /** The function's `config.json` `permissions.openapi`. */
  permissions: readonly string[];
}

/** Answers one open API with WeChat's JSON body (`errcode`, `errmsg`, …) for a snake_case request. */
export type OpenApiStandIn = (
  request: Record<string, unknown>,
  caller: OpenApiCaller,
) => Record<string, unknown>;

export type OpenApiStandIns = Readonly<Record<string, OpenApiStandIn>>;

/** Platform error codes of cloud calls, as wx-server-sdk's error table names them. */
export const CloudCallError = {
  /** `-604100` API not found. */
  API_NOT_FOUND: -604100,
  /** `-604101` function has no permission to call this API (not in `config.json`). */
  NO_PERMISSION: -604101,
  /** `-604104` illegal source of invocation: no cloud-call token, so not from inside a function. */
  ILLEGAL_SOURCE: -604104,
} as const;

export class CloudCallRequestError extends Error {
  readonly code = 'INVALID_PARAM';
}

/** Answers `wx.openApi` and records every call that reached a stand-in in the outbox. */
export class CloudCalls {
  constructor(
    private readonly outbox: Outbox,
    private readonly standIns: OpenApiStandIns,
    private readonly callerOf: (token: string) => OpenApiCaller | undefined,
  ) {}

  /** The invocation a token belongs to, while it runs. */
  caller(token: string | undefined): OpenApiCaller | undefined {
    return token ? this.callerOf(token) : undefined;
  }

  /** Answers the `wx.openApi` form fields with an encoded `CommOpenApiResp`. */
  openApi(fields: Map<string, Buffer>): Buffer {
    const api = fields.get('apiName')?.toString('utf8') ?? '';
    const caller = this.caller(fields.get('wxCloudApiToken')?.toString('utf8'));
    if (!caller) return refusal(CloudCallError.ILLEGAL_SOURCE);
    if (!caller.permissions.includes(api)) return refusal(CloudCallError.NO_PERMISSION);
    const standIn = Object.hasOwn(this.standIns, api) ? this.standIns[api] : undefined;
    if (!standIn) return refusal(CloudCallError.API_NOT_FOUND);
    const request = decodeRequest(fields.get('requestData') ?? Buffer.alloc(0));
    const response = standIn(request, caller);
    this.outbox.record({ api, function: caller.function, trigger: caller.trigger, request, response });
    return encodeCommOpenApiResp({
      respData: Buffer.from(JSON.stringify(response), 'utf8'),
      contentType: 'application/json; charset=utf-8',
      errorCode: 0,
      httpCode: 200,
    });
  }
}

function refusal(errorCode: number): Buffer {
  return encodeCommOpenApiResp({ respData: Buffer.alloc(0), contentType: '', errorCode, httpCode: 0 });
}

/** The snake_case request: each pair's value is JSON; a media pair (with a content type) stays bytes. */
function decodeRequest(buf: Buffer): Record<string, unknown> {
  let data;
  try {
    data = decodeCommApiData(buf);
  } catch (error) {
    if (error instanceof ProtobufError)
      throw new CloudCallRequestError(`requestData is not a CommApiData message: ${error.message}`);
    throw error;
  }
  if (data.apiType !== API_TYPE_OPEN_API)
    throw new CloudCallRequestError(`requestData has apiType ${data.apiType}, not OPEN_API`);
  const request: Record<string, unknown> = {};
  for (const pair of data.pairs) {
    if (pair.contenttype) {
      request[pair.key] = {
        contentType: pair.contenttype,
        filename: pair.filename,
        bytes: pair.value.length,
      };
      continue;
    }
    try {
      request[pair.key] = JSON.parse(pair.value.toString('utf8')) as unknown;
    } catch {
      throw new CloudCallRequestError(`requestData pair ${pair.key} is not JSON`);
    }
  }
  return request;
}
