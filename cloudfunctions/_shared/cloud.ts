import tcb from '@cloudbase/node-sdk';

/**
 * The CloudBase app of the current environment. In the cloud, `SYMBOL_CURRENT_ENV` and the
 * platform's credentials apply; the local cloud sets `LOCAL_CLOUD_SERVICE_URL` for its function
 * instances so the same code talks to it instead. Nothing else differs.
 */
export function createApp(): ReturnType<typeof tcb.init> {
  return tcb.init({ env: tcb.SYMBOL_CURRENT_ENV, ...serviceOverride() });
}

/** Where the SDKs send requests when the environment names a service (the local cloud); else the platform's. */
export function serviceOverride(): Partial<Record<'serviceUrl' | 'secretId' | 'secretKey', string>> {
  const serviceUrl = process.env.LOCAL_CLOUD_SERVICE_URL;
  return serviceUrl ? { serviceUrl, secretId: 'local', secretKey: 'local' } : {};
}

export type CloudApp = ReturnType<typeof createApp>;
export type Database = ReturnType<CloudApp['database']>;

/** True when the SDK error is a unique-index violation. */
export function isDuplicateKeyError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === 'DATABASE_DUPLICATE_WRITE' ||
    (typeof message === 'string' && /E11000|DuplicateWrite/.test(message))
  );
}
