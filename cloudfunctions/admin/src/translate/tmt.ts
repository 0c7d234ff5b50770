import type { TranslateTarget } from '../../../../contract/models';

/** The provider named in answers. */
export const TMT_PROVIDER = 'tencent-tmt';
const DEFAULT_REGION = 'ap-shanghai';
/** TMT answers within a second; a slow answer must not hold a staff page. */
const TIMEOUT_SECONDS = 5;

export interface Translated {
  text: string;
  /** The source language TMT read (given or detected). */
  from: string;
}

/** A translation that failed; `busy` when TMT refused for frequency or quota. */
export class TranslateError extends Error {
  constructor(
    message: string,
    readonly busy: boolean,
  ) {
    super(message);
    this.name = 'TranslateError';
  }
}

/** The local cloud's TMT stand-in, when the functions run against the local cloud. */
function localStandIn(): string | undefined {
  const serviceUrl = process.env.LOCAL_CLOUD_SERVICE_URL;
  return serviceUrl ? `${new URL(serviceUrl).origin}/_local/tmt` : undefined;
}

/**
 * `TMT_ENDPOINT` (e.g. `http://127.0.0.1:8900/_local/tmt`) overrides the host TMT is reached at;
 * else the local cloud's stand-in when running there; else the SDK's own `tmt.tencentcloudapi.com`.
 */
function httpProfile(): { endpoint?: string; protocol?: string; reqTimeout: number } {
  const override = process.env.TMT_ENDPOINT || localStandIn();
  if (!override) return { reqTimeout: TIMEOUT_SECONDS };
  const match = /^(https?:\/\/)(.+)$/.exec(override);
  return match
    ? { protocol: match[1], endpoint: match[2], reqTimeout: TIMEOUT_SECONDS }
    : { endpoint: override, reqTimeout: TIMEOUT_SECONDS };
}

/**
 * Tencent Cloud Machine Translation `TextTranslate` through its official SDK, loaded on first use
 * so the other staff actions do not pay for it. Credentials are the function's role credentials
 * SCF puts in the environment (TENCENTCLOUD_SECRETID / SECRETKEY / SESSIONTOKEN); the role needs
 * the CAM permission `tmt:TextTranslate`.
 */
export async function textTranslate(text: string, to: TranslateTarget, from?: string): Promise<Translated> {
  const { tmt } = await import('tencentcloud-sdk-nodejs-tmt');
  const client = new tmt.v20180321.Client({
    credential: {
      secretId: process.env.TENCENTCLOUD_SECRETID ?? '',
      secretKey: process.env.TENCENTCLOUD_SECRETKEY ?? '',
      ...(process.env.TENCENTCLOUD_SESSIONTOKEN ? { token: process.env.TENCENTCLOUD_SESSIONTOKEN } : {}),
    },
    region: process.env.TMT_REGION || process.env.TENCENTCLOUD_REGION || DEFAULT_REGION,
    profile: { httpProfile: httpProfile() },
  });
  try {
    const answer = await client.TextTranslate({
      SourceText: text,
      Source: from ?? 'auto',
      Target: to,
      ProjectId: Number(process.env.TMT_PROJECT_ID ?? 0) || 0,
    });
    if (typeof answer.TargetText !== 'string') throw new TranslateError('TMT answered no text', false);
    return { text: answer.TargetText, from: answer.Source ?? from ?? 'auto' };
  } catch (error) {
    if (error instanceof TranslateError) throw error;
    const code = String((error as { code?: unknown }).code ?? '');
    throw new TranslateError(
      (error as Error).message ?? 'TMT failed',
      /^(RequestLimitExceeded|LimitExceeded|FailedOperation\.(NoFreeAmount|ServiceIsolate))/.test(code),
    );
  }
}
