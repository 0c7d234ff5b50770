import tcb from '@cloudbase/node-sdk';

/**
 * The real `@cloudbase/node-sdk` pointed at a local cloud, as CONTRACTS.md gives it: every request
 * goes to `serviceUrl`, signed with placeholder keys the local cloud ignores.
 */
export type LocalApp = ReturnType<typeof tcb.init>;

export function localSdk(serviceUrl: string): LocalApp {
  // The SDK would otherwise probe a cloud metadata host before each request (KNOWHOW.md).
  process.env.TENCENTCLOUD = 'true';
  return tcb.init({ env: 'local', secretId: 'local', secretKey: 'local', serviceUrl });
}
