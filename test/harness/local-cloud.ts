import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud } from '@cdr/local-cloud';
import { testCloudOf, type TestCloud } from '@cdr/local-cloud/test/helpers';
import { APP_FUNCTIONS_DIR, APP_MANIFEST, appCloudPolicy } from '../../tools/local-cloud';

export type { TestCloud };

export const ROOT = path.resolve(__dirname, '../..');

// Without this the SDK probes a cloud metadata host before every request (see KNOWHOW.md).
process.env.TENCENTCLOUD = 'true';
// Its "request slower than 3 s" warnings would outlive tests that deliberately stall or kill a server.
process.env.SILENCE = 'true';

export interface TestCloudOptions {
  functionsDir?: string;
  manifestPath?: string;
  dataDir?: string;
  /** OPENIDs made staff at start, as `ADMIN_OPENIDS` does for `npm start`. */
  adminOpenids?: string[];
}

/**
 * Starts this app's local cloud (its functions, manifest and policy: staff seeding, the result
 * envelope for failed calls, the open-API stand-ins) on a free port with a fresh data directory
 * (unless one is given).
 */
export async function startTestCloud(options: TestCloudOptions = {}): Promise<TestCloud> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-test-'));
  const cloud = await startLocalCloud({
    port: 0,
    dataDir,
    functionsDir: options.functionsDir ?? APP_FUNCTIONS_DIR,
    manifestPath: options.manifestPath ?? APP_MANIFEST,
    ...appCloudPolicy(options.adminOpenids),
    // The SDK's "request slower than 3 s" warnings inside functions would outlive the tests too.
    functionEnv: { SILENCE: 'true' },
    log: () => undefined,
  });
  return testCloudOf(cloud, dataDir, !options.dataDir);
}
