import { startChildCloud, type ChildCloud } from '../test/harness/child-cloud';
import { seedDatabase } from '../tools/seed';

/**
 * A seeded local cloud of the page measurement's own, with its caller made staff so staff pages
 * render too; a cloud of its own keeps the enquiry and staff entry it adds away from every other test.
 */
export type PageCloud = ChildCloud;

export async function startPageCloud(staffOpenIds: string[]): Promise<PageCloud> {
  const cloud = await startChildCloud('bench-page-cloud-', { ADMIN_OPENIDS: staffOpenIds.join(',') });
  try {
    await seedDatabase(cloud.app);
    return cloud;
  } catch (error) {
    await cloud.close();
    throw error;
  }
}
