import type { ApiError, Envelope, ErrorCode } from '../contract/api/common';
import type { ActionName, FunctionName, InputOf, OutputOf } from '../contract/api/index';
import { t } from '../i18n/index';

/** A failed call, with a Chinese message fit to show, and per-field messages where a field is at fault. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

interface CallOptions {
  /** Reads are retried once after a network failure; writes are not (they carry their own idempotency key). */
  retry?: boolean;
}

function messageFor(error: ApiError): string {
  return error.message || t(`errors.${error.code}`);
}

async function callOnce<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  data: InputOf<F, A>,
): Promise<OutputOf<F, A>> {
  let result: unknown;
  try {
    const res = await wx.cloud.callFunction({ name, data: { action, data } });
    result = res.result;
  } catch {
    throw new ServiceError('NETWORK', t('errors.NETWORK'));
  }
  const envelope = result as Envelope<OutputOf<F, A>> | undefined;
  if (!envelope || typeof envelope !== 'object' || typeof envelope.ok !== 'boolean') {
    throw new ServiceError('INTERNAL', t('errors.INTERNAL'));
  }
  if (envelope.ok) return envelope.data;
  throw new ServiceError(envelope.error.code, messageFor(envelope.error), envelope.error.fields ?? {});
}

/** Calls a cloud function action and unwraps the envelope; the only way the app reaches the cloud. */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  data: InputOf<F, A>,
  options: CallOptions = {},
): Promise<OutputOf<F, A>> {
  try {
    return await callOnce(name, action, data);
  } catch (error) {
    if (options.retry && error instanceof ServiceError && error.code === 'NETWORK')
      return callOnce(name, action, data);
    throw error;
  }
}
