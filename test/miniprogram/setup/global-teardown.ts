import type { TestCloud } from '../../harness/local-cloud';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __miniprogramTestCloud?: TestCloud }).__miniprogramTestCloud?.close();
}
