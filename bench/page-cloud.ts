import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startChildCloud, type ChildCloud } from '../test/harness/child-cloud';
import { CLOUDFUNCTIONS_DIR } from '../tools/build/paths';
import { seedDatabase } from '../tools/seed';

/**
 * A seeded local cloud of the page measurement's own, with its caller made staff so staff pages
 * render too; a cloud of its own keeps the enquiry and staff entry it adds away from every other test.
 * It runs the built functions from a copy of their folders (sources left out), so the bench can
 * start a function's instances afresh without touching the repository's build. (Read by jest under
 * jsdom, where esbuild, and so tools/build/functions.ts, cannot load.)
 */
export interface PageCloud extends ChildCloud {
  /** The function's next call starts a fresh instance, as after a deployment (a cold start). */
  coldStart(name: string): void;
}

export async function startPageCloud(staffOpenIds: string[]): Promise<PageCloud> {
  const functionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-page-functions-'));
  fs.cpSync(CLOUDFUNCTIONS_DIR, functionsDir, {
    recursive: true,
    filter: (source) => {
      const [folder, ...inside] = path.relative(CLOUDFUNCTIONS_DIR, source).split(path.sep);
      return !folder?.startsWith('_') && !inside.includes('src');
    },
  });
  const removeFunctions = () => fs.rmSync(functionsDir, { recursive: true, force: true });
  let cloud: ChildCloud;
  try {
    cloud = await startChildCloud('bench-page-cloud-', {
      ADMIN_OPENIDS: staffOpenIds.join(','),
      LOCAL_CLOUD_FUNCTIONS_DIR: functionsDir,
    });
  } catch (error) {
    removeFunctions();
    throw error;
  }
  const pageCloud: PageCloud = {
    ...cloud,
    // The local cloud replaces a function's instances when its index.js changes (a rebuild).
    coldStart(name) {
      const bundle = path.join(functionsDir, name, 'index.js');
      const { mtime } = fs.statSync(bundle);
      fs.utimesSync(bundle, new Date(), new Date(Math.max(Date.now(), mtime.getTime() + 1000)));
    },
    async close() {
      await cloud.close();
      removeFunctions();
    },
  };
  try {
    await seedDatabase(cloud.app);
    return pageCloud;
  } catch (error) {
    await pageCloud.close();
    throw error;
  }
}
