import { build } from '../../../tools/build';
import { startTestCloud, type TestCloud } from '../../harness/local-cloud';
import { seedDatabase } from '../../../tools/seed';

/**
 * Page tests render real pages whose data comes from the real functions: one local cloud for the
 * whole miniprogram project, seeded with the region's content. Tests that change data use their
 * own OPENIDs, so they do not see each other's enquiries.
 */
export default async function globalSetup(): Promise<void> {
  await build({ quiet: true });
  const cloud = await startTestCloud({ adminOpenids: ['o-staff-test'] });
  await seedDatabase(cloud.app);
  process.env.MINIPROGRAM_TEST_CLOUD_URL = cloud.cloud.url;
  process.env.MINIPROGRAM_TEST_CLOUD_SERVICE_URL = cloud.cloud.serviceUrl;
  (globalThis as { __miniprogramTestCloud?: TestCloud }).__miniprogramTestCloud = cloud;
}
